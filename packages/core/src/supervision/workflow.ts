/**
 * The 督办单 closed loop as a pure state machine — seed 000 §十四 (重点问题督办, 一抓到底), seed 004
 * (清单化、项目化、时限化). Every move is checked (state, who, text, time) and recorded in the history;
 * nothing is ever deleted. The table is data so that the UI can list the allowed actions and the tests
 * can walk every state × action pair.
 *
 * Roles: the addressee responds (签收, 方案, 进展, 办结); the issuer's level decides (同意/退回方案,
 * 退回重办, 核查销号). Each open step has a deadline: the entry date plus a configurable number of days,
 * except that the in_progress step runs to the order's own due date (整改时限) when one was set and
 * has not already passed on entry.
 */
import { err, ok, type Result } from '../result';
import { addDays, dayNumber } from '../projects/calendar';
import {
  DEFAULT_STEP_DURATIONS,
  ORDER_ACTIONS,
  type OrderActor,
  type OrderEscalation,
  type OrderEvidence,
  type OrderHistoryEntry,
  type OrderAction,
  type OrderState,
  type OrderParty,
  type StepDurations,
  type SupervisionOrder,
} from './types';

export type OrderRole = 'addressee' | 'issuer';

export interface OrderTransitionRule {
  readonly from: OrderState;
  readonly to: OrderState;
  readonly by: OrderRole;
  /** Whether the action must carry a text (plan, report, reason, verification note). */
  readonly textRequired: boolean;
}

export const ORDER_TRANSITIONS: Readonly<Record<OrderAction, OrderTransitionRule>> = {
  acknowledge: { from: 'issued', to: 'acknowledged', by: 'addressee', textRequired: false },
  submit_plan: { from: 'acknowledged', to: 'plan_submitted', by: 'addressee', textRequired: true },
  approve_plan: { from: 'plan_submitted', to: 'in_progress', by: 'issuer', textRequired: false },
  reject_plan: { from: 'plan_submitted', to: 'acknowledged', by: 'issuer', textRequired: true },
  report_progress: { from: 'in_progress', to: 'in_progress', by: 'addressee', textRequired: true },
  report_resolved: { from: 'in_progress', to: 'reported_resolved', by: 'addressee', textRequired: true },
  send_back: { from: 'reported_resolved', to: 'in_progress', by: 'issuer', textRequired: true },
  close: { from: 'reported_resolved', to: 'closed', by: 'issuer', textRequired: true },
};

/** Who must act next at each open step (and so who is late when the step is overdue). */
export const RESPONSIBLE_AT: Readonly<Record<Exclude<OrderState, 'closed'>, OrderRole>> = {
  issued: 'addressee',
  acknowledged: 'addressee',
  plan_submitted: 'issuer',
  in_progress: 'addressee',
  reported_resolved: 'issuer',
};

export type SupervisionErrorCode =
  'ILLEGAL_TRANSITION' | 'NOT_ADDRESSEE' | 'NOT_ISSUER_LEVEL' | 'MISSING_TEXT' | 'INVALID_TIME';

export interface SupervisionError {
  readonly code: SupervisionErrorCode;
  readonly message: string;
}

const fail = (code: SupervisionErrorCode, message: string) => err<SupervisionError>({ code, message });

/** Whether the actor acts for the party: same unit, and same department when the party names one. */
export function actsFor(actor: OrderActor, party: OrderParty): boolean {
  return (
    actor.unit === party.unit && (party.department === undefined || actor.department === party.department)
  );
}

/** Actions allowed from a state (by anyone). */
export function actionsFrom(state: OrderState): OrderAction[] {
  return ORDER_ACTIONS.filter((a) => ORDER_TRANSITIONS[a].from === state);
}

/** Deadline (ISO date) of a step entered at `since`; undefined for closed or an invalid time. */
export function stepDeadline(
  state: OrderState,
  since: string,
  dueDate: string | undefined,
  durations: StepDurations = DEFAULT_STEP_DURATIONS,
): string | undefined {
  if (state === 'closed') return undefined;
  const day = since.slice(0, 10);
  if (state === 'in_progress' && dueDate !== undefined && dueDate >= day) return dueDate;
  return addDays(day, durations[state]);
}

export interface NewOrder {
  readonly id: string;
  readonly title: string;
  readonly requirement: string;
  readonly issuer: OrderParty;
  readonly addressee: OrderParty;
  readonly dueDate?: string;
  readonly evidence?: readonly OrderEvidence[];
}

const validTime = (s: string) => dayNumber(s) !== undefined;

/** Issue an order (督办交办): the actor must act for the issuer, and the requirement must be stated. */
export function issueOrder(
  input: NewOrder,
  actor: OrderActor,
  now: string,
  durations: StepDurations = DEFAULT_STEP_DURATIONS,
): Result<SupervisionOrder, SupervisionError> {
  if (!actsFor(actor, input.issuer))
    return fail('NOT_ISSUER_LEVEL', '只有督办单位可以交办 (only the issuer may issue)');
  if (input.title.trim() === '' || input.requirement.trim() === '')
    return fail('MISSING_TEXT', '督办事项和要求不能为空 (title and requirement required)');
  if (!validTime(now)) return fail('INVALID_TIME', `时间无效: "${now}" (invalid time)`);
  if (input.dueDate !== undefined && (input.dueDate.length !== 10 || !validTime(input.dueDate)))
    return fail('INVALID_TIME', `整改时限无效: "${input.dueDate}" (invalid due date)`);
  const entry: OrderHistoryEntry = {
    seq: 1,
    at: now,
    action: 'issue',
    from: null,
    to: 'issued',
    actorId: actor.id,
    actorUnit: actor.unit,
    text: input.requirement.trim(),
  };
  const deadline = stepDeadline('issued', now, input.dueDate, durations);
  return ok({
    id: input.id,
    title: input.title.trim(),
    requirement: input.requirement.trim(),
    issuer: input.issuer,
    addressee: input.addressee,
    issuedAt: now,
    ...(input.dueDate === undefined ? {} : { dueDate: input.dueDate }),
    evidence: input.evidence ?? [],
    state: 'issued',
    stateSince: now,
    ...(deadline === undefined ? {} : { stateDeadline: deadline }),
    history: [entry],
    escalations: [],
    sendBackCount: 0,
  });
}

export interface OrderActionRequest {
  readonly type: OrderAction;
  readonly text?: string;
}

/**
 * Apply an action to an order: checks, in order, that the action is legal from the current state
 * (ILLEGAL_TRANSITION), that the actor acts for the required party (NOT_ADDRESSEE / NOT_ISSUER_LEVEL),
 * that a required text is present (MISSING_TEXT) and that `now` is a valid time not before the last
 * event (INVALID_TIME). On success returns the new order with one history entry appended; entering a new
 * state resets the step's start, deadline and escalation flag.
 */
export function transition(
  order: SupervisionOrder,
  action: OrderActionRequest,
  actor: OrderActor,
  now: string,
  durations: StepDurations = DEFAULT_STEP_DURATIONS,
): Result<SupervisionOrder, SupervisionError> {
  const rule = ORDER_TRANSITIONS[action.type];
  if (rule.from !== order.state)
    return fail(
      'ILLEGAL_TRANSITION',
      `当前状态“${order.state}”不能执行“${action.type}” (illegal in state ${order.state})`,
    );
  if (rule.by === 'addressee' && !actsFor(actor, order.addressee))
    return fail('NOT_ADDRESSEE', '只有被督办单位可以办理 (only the addressee may do this)');
  if (rule.by === 'issuer' && !actsFor(actor, order.issuer))
    return fail('NOT_ISSUER_LEVEL', '只有督办单位可以审核、退回或销号 (only the issuing level may do this)');
  const text = action.text?.trim() ?? '';
  if (rule.textRequired && text === '') return fail('MISSING_TEXT', '须填写内容或理由 (text required)');
  if (!validTime(now)) return fail('INVALID_TIME', `时间无效: "${now}" (invalid time)`);
  const last = order.history[order.history.length - 1];
  if (last !== undefined && now < last.at)
    return fail('INVALID_TIME', `时间早于上一步 ${last.at} (time before the last event)`);

  const entry: OrderHistoryEntry = {
    seq: order.history.length + 1,
    at: now,
    action: action.type,
    from: order.state,
    to: rule.to,
    actorId: actor.id,
    actorUnit: actor.unit,
    ...(text === '' ? {} : { text }),
  };
  const sentBack = action.type === 'send_back' || action.type === 'reject_plan';
  const base = {
    ...order,
    history: [...order.history, entry],
    sendBackCount: order.sendBackCount + (sentBack ? 1 : 0),
  };
  if (rule.to === order.state) return ok(base); // a progress report stays in the same step
  const { stateDeadline: _d, escalatedTo: _e, ...rest } = base;
  const deadline = stepDeadline(rule.to, now, order.dueDate, durations);
  return ok({
    ...rest,
    state: rule.to,
    stateSince: now,
    ...(deadline === undefined ? {} : { stateDeadline: deadline }),
  });
}

export interface OrderOverdue {
  readonly state: OrderState;
  readonly deadline: string;
  readonly daysOverdue: number;
  readonly responsible: OrderRole;
  readonly responsibleParty: OrderParty;
}

/**
 * Whether the order is overdue at its current step: today (date part of `now`) after the step's
 * deadline. Null when on time or closed.
 */
export function overdueAtStep(order: SupervisionOrder, now: string): OrderOverdue | null {
  if (order.state === 'closed' || order.stateDeadline === undefined) return null;
  const today = dayNumber(now);
  const deadline = dayNumber(order.stateDeadline);
  if (today === undefined || deadline === undefined || today <= deadline) return null;
  const responsible = RESPONSIBLE_AT[order.state];
  return {
    state: order.state,
    deadline: order.stateDeadline,
    daysOverdue: today - deadline,
    responsible,
    responsibleParty: responsible === 'addressee' ? order.addressee : order.issuer,
  };
}

export type EscalationErrorCode = 'NOT_OVERDUE' | 'ALREADY_ESCALATED' | 'NO_PARENT' | 'INVALID_TIME';

export interface EscalationError {
  readonly code: EscalationErrorCode;
  readonly message: string;
}

/**
 * Escalate an order overdue at its current step one level up the hierarchy: to the parent of the unit
 * responsible for the step (the addressee's, or the issuer's when the issuer is late to review). The
 * caller passes the parent lookup (hierarchy as of today). Flags the order (`escalatedTo`), records an
 * `escalate` history entry by `system` and keeps the escalation; once per step.
 */
export function escalate(
  order: SupervisionOrder,
  now: string,
  parentOf: (unit: string) => string | undefined,
): Result<SupervisionOrder, EscalationError> {
  const e = (code: EscalationErrorCode, message: string) => err<EscalationError>({ code, message });
  const last = order.history[order.history.length - 1];
  if (!validTime(now) || (last !== undefined && now < last.at))
    return e('INVALID_TIME', `时间无效或早于上一步: "${now}"`);
  const od = overdueAtStep(order, now);
  if (od === null) return e('NOT_OVERDUE', '未逾期, 不升级 (not overdue at this step)');
  if (order.escalatedTo !== undefined)
    return e('ALREADY_ESCALATED', '本环节已升级督办 (already escalated at this step)');
  const fromUnit = od.responsibleParty.unit;
  const toUnit = parentOf(fromUnit);
  if (toUnit === undefined) return e('NO_PARENT', `${fromUnit}无上级单位 (no parent unit)`);
  const esc: OrderEscalation = {
    state: order.state,
    stepSince: order.stateSince,
    deadline: od.deadline,
    at: now,
    fromUnit,
    toUnit,
  };
  const entry: OrderHistoryEntry = {
    seq: order.history.length + 1,
    at: now,
    action: 'escalate',
    from: order.state,
    to: order.state,
    actorId: 'system',
    actorUnit: toUnit,
    text: `逾期${od.daysOverdue}天 (时限${od.deadline}), 升级至${toUnit}督办`,
    escalatedTo: toUnit,
  };
  return ok({
    ...order,
    history: [...order.history, entry],
    escalations: [...order.escalations, esc],
    escalatedTo: toUnit,
  });
}

/** Orders that should be escalated now, with the unit each would go to (a scan for a daily job). */
export function escalationsDue(
  orders: readonly SupervisionOrder[],
  now: string,
  parentOf: (unit: string) => string | undefined,
): { readonly orderId: string; readonly toUnit: string; readonly daysOverdue: number }[] {
  const out: { orderId: string; toUnit: string; daysOverdue: number }[] = [];
  for (const o of orders) {
    if (o.escalatedTo !== undefined) continue;
    const od = overdueAtStep(o, now);
    if (od === null) continue;
    const toUnit = parentOf(od.responsibleParty.unit);
    if (toUnit !== undefined) out.push({ orderId: o.id, toUnit, daysOverdue: od.daysOverdue });
  }
  return out;
}
