/**
 * One 督办单 as a row of the inbox and the order list: who it goes to, who issued it, the current step and
 * how its deadline stands (overdue as the server judged it at its date; otherwise the step deadline
 * against the same date), and the escalation flag (逾期升级, seed 000 §十四). Pure.
 */
import type { OrderPartyViewDto, OrderSummaryDto } from '@suocha/contract';
import { judgeDeadline, type DeadlineJudgement } from './deadline-model';
import type { TasksMessages } from './tasks-messages';

/** Days before a step deadline from which the step counts as due soon (steps last 3–30 days). */
export const STEP_WINDOW_DAYS = 2;

export interface OrderRow {
  readonly id: string;
  readonly title: string;
  readonly addressee: string;
  readonly issuer: string;
  readonly state: OrderSummaryDto['state'];
  readonly stateLabel: string;
  readonly stepDeadline: string | null;
  readonly deadline: DeadlineJudgement;
  readonly escalated: boolean;
  readonly escalatedLabel: string | null;
  readonly synthetic: boolean;
}

/** "常山县 · 县发改局", or the unit alone when the order is not narrowed to a department. */
export function partyLabel(party: OrderPartyViewDto): string {
  const unit = party.unitName === '' ? party.unit : party.unitName;
  const dept = party.departmentName ?? party.department;
  return dept === null || dept === '' ? unit : `${unit} · ${dept}`;
}

export function orderRow(
  o: OrderSummaryDto,
  asOf: string,
  m: TasksMessages,
  unitName: (code: string) => string = (c) => c,
): OrderRow {
  const deadline: DeadlineJudgement =
    o.state === 'closed'
      ? { tone: 'done' }
      : o.overdue !== null
        ? { tone: 'overdue', daysLeft: -Math.max(1, o.overdue.daysOverdue) }
        : judgeDeadline(o.stateDeadline, asOf, STEP_WINDOW_DAYS);
  return {
    id: o.id,
    title: o.title,
    addressee: partyLabel(o.addressee),
    issuer: partyLabel(o.issuer),
    state: o.state,
    stateLabel: m.orderState(o.state),
    stepDeadline: o.stateDeadline,
    deadline,
    escalated: o.escalatedTo !== null,
    escalatedLabel: o.escalatedTo === null ? null : m.escalatedTo(unitName(o.escalatedTo)),
    synthetic: o.synthetic,
  };
}

/** Most urgent first: overdue (longest first), then by step deadline, then by id. */
export function byUrgency(a: OrderRow, b: OrderRow): number {
  const rank = (r: OrderRow) => (r.deadline.tone === 'overdue' ? 0 : r.deadline.tone === 'done' ? 2 : 1);
  const ra = rank(a);
  const rb = rank(b);
  if (ra !== rb) return ra - rb;
  const da = a.deadline.daysLeft ?? Number.POSITIVE_INFINITY;
  const db = b.deadline.daysLeft ?? Number.POSITIVE_INFINITY;
  if (da !== db) return da < db ? -1 : 1;
  return Number(a.id) - Number(b.id) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}
