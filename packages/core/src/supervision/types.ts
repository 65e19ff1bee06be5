/**
 * 重点问题督办 supervision orders (督办单) — seed 000 §十四 (建立……重点问题督办机制, 一抓到底), seed 004
 * (7项常态化运行机制, 逐项推动落地达效). An order is issued by a level (the working group or a city) to an
 * addressee (a unit, optionally one department of it) and runs a closed loop: 签收 → 整改方案 → 整改 →
 * 报告办结 → 核查销号.
 */
import type { Light } from '../projects/lights';

export type OrderState =
  'issued' | 'acknowledged' | 'plan_submitted' | 'in_progress' | 'reported_resolved' | 'closed';

export const ORDER_STATES: readonly OrderState[] = [
  'issued',
  'acknowledged',
  'plan_submitted',
  'in_progress',
  'reported_resolved',
  'closed',
];

export const ORDER_STATE_ZH: Readonly<Record<OrderState, string>> = {
  issued: '已交办',
  acknowledged: '已签收',
  plan_submitted: '整改方案已报送',
  in_progress: '整改中',
  reported_resolved: '已报告办结',
  closed: '已核查销号',
};

/**
 * What a party may do to an order. `reject_plan` and `send_back` are the two 退回 (sent back) moves:
 * a rejected plan returns to acknowledged, a rejected resolution report to in_progress.
 */
export type OrderAction =
  | 'acknowledge'
  | 'submit_plan'
  | 'approve_plan'
  | 'reject_plan'
  | 'report_progress'
  | 'report_resolved'
  | 'send_back'
  | 'close';

export const ORDER_ACTIONS: readonly OrderAction[] = [
  'acknowledge',
  'submit_plan',
  'approve_plan',
  'reject_plan',
  'report_progress',
  'report_resolved',
  'send_back',
  'close',
];

export const ORDER_ACTION_ZH: Readonly<Record<OrderAction, string>> = {
  acknowledge: '签收',
  submit_plan: '报送整改方案',
  approve_plan: '同意整改方案',
  reject_plan: '退回整改方案',
  report_progress: '报告进展',
  report_resolved: '报告办结',
  send_back: '退回重办',
  close: '核查销号',
};

/** A unit (statistical division code), optionally narrowed to one department of it. */
export interface OrderParty {
  readonly unit: string;
  readonly department?: string;
}

/** Who acts: a user id with the unit (and department) they act for. */
export interface OrderActor {
  readonly id: string;
  readonly unit: string;
  readonly department?: string;
}

/** The evidence records an order cites (and proposals are made from). */
export type OrderEvidence =
  | {
      readonly kind: 'project';
      readonly projectCode: string;
      readonly projectName: string;
      readonly unit: string;
      readonly leadDepartment?: string;
      /** Month judged, `YYYY-MM`. */
      readonly asOf: string;
      readonly light: Light;
      /** Rule id and sentence of the light that drove it (from projects' LightExplanation). */
      readonly ruleId: string;
      readonly explanation: string;
    }
  | {
      readonly kind: 'target';
      readonly indicator: string;
      readonly indicatorName: string;
      readonly unit: string;
      readonly department?: string;
      readonly targetYear: number;
      readonly targetValue: number;
      readonly latestValue: number;
      readonly period: string;
      /** METHODS.md §1 classes (the same strings as targets' ProgressStatus). */
      readonly progressClass:
        'achieved' | 'on_track' | 'needs_acceleration' | 'limited_progress' | 'moving_away' | 'no_data';
    }
  | {
      readonly kind: 'task';
      readonly taskCode: string;
      readonly title: string;
      readonly unit?: string;
      readonly leadDepartment?: string;
      readonly milestoneId?: string;
      readonly milestoneTitle?: string;
      readonly dueDate: string;
      /** Negative when overdue (as in tasks' DeadlineAlert). */
      readonly daysLeft: number;
    }
  | {
      readonly kind: 'warning';
      readonly id: string;
      readonly unit: string;
      readonly department?: string;
      readonly severity: 'info' | 'warning' | 'severe';
      readonly message: string;
    };

export interface OrderHistoryEntry {
  /** 1, 2, 3 … in order. */
  readonly seq: number;
  /** ISO date or date-time of the event. */
  readonly at: string;
  readonly action: OrderAction | 'issue' | 'escalate';
  readonly from: OrderState | null;
  readonly to: OrderState;
  readonly actorId: string;
  readonly actorUnit: string;
  readonly text?: string;
  /** For `escalate`: the unit the order was escalated to. */
  readonly escalatedTo?: string;
}

export interface OrderEscalation {
  readonly state: OrderState;
  /** When the overdue step began (`stateSince`) — identifies the step. */
  readonly stepSince: string;
  readonly deadline: string;
  readonly at: string;
  readonly fromUnit: string;
  readonly toUnit: string;
}

export interface SupervisionOrder {
  readonly id: string;
  readonly title: string;
  /** 督办要求: what must be done. */
  readonly requirement: string;
  readonly issuer: OrderParty;
  readonly addressee: OrderParty;
  readonly issuedAt: string;
  /** 整改时限 (ISO date), if the issuer set one: the deadline of the in_progress step. */
  readonly dueDate?: string;
  readonly evidence: readonly OrderEvidence[];
  readonly state: OrderState;
  /** When the current state was entered. */
  readonly stateSince: string;
  /** ISO date by which the current step must be done; absent once closed. */
  readonly stateDeadline?: string;
  readonly history: readonly OrderHistoryEntry[];
  readonly escalations: readonly OrderEscalation[];
  /** Set while the current step is escalated: the unit it was escalated to. */
  readonly escalatedTo?: string;
  /** How many times a plan or a resolution report was sent back (退回). */
  readonly sendBackCount: number;
}

/** Days allowed at each open step; configurable (the seeds set no durations — these are defaults). */
export type StepDurations = Readonly<Record<Exclude<OrderState, 'closed'>, number>>;

export const DEFAULT_STEP_DURATIONS: StepDurations = {
  issued: 3,
  acknowledged: 7,
  plan_submitted: 5,
  in_progress: 30,
  reported_resolved: 10,
};
