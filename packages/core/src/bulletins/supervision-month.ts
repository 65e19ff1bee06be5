/**
 * The 重点问题督办 section's figures for a month (issue 8 §2 and §4), read from each order's history as it
 * stood at the month's end, so a bulletin written later says what was true then: orders issued in the
 * month, overdue at their step at the month's end (step deadline passed, not closed), closed in the month,
 * and escalated in the month. Step deadlines follow the workflow's rule (core `stepDeadline`).
 */
import { daysBetween } from '../projects/calendar';
import {
  ORDER_STATE_ZH,
  type OrderState,
  type StepDurations,
  type SupervisionOrder,
} from '../supervision/types';
import { stepDeadline } from '../supervision/workflow';
import type { SupervisionEscalationInput, SupervisionInput, SupervisionOrderInput } from './bulletin-inputs';
import type { BulletinMonth } from './bulletin-month';

/** A stored order with what the bulletin prints beside it. */
export interface MonthOrder {
  /** With its full history and escalations. */
  readonly order: SupervisionOrder;
  readonly durations: StepDurations;
  readonly addresseeName: string;
  readonly synthetic: boolean;
}

/** An order's state at the end of a day, replayed from its history. */
export interface OrderStateOn {
  readonly state: OrderState;
  /** When the state was entered. */
  readonly since: string;
  readonly deadline: string | null;
  /** Days past the step's deadline at the end of the day; null when on time or closed. */
  readonly overdueDays: number | null;
  /** Unit the current step was escalated to by then. */
  readonly escalatedTo: string | null;
  /** Date of the closing event, when closed by then. */
  readonly closedOn: string | null;
}

const day = (at: string) => at.slice(0, 10);

/**
 * The order as it stood at the end of `date` (`YYYY-MM-DD`): the last event on or before that day gives
 * the state; a step begins at the event that entered it (a progress report or an escalation stays in
 * the step). Null when the order was issued after that day.
 */
export function orderStateOn(
  order: SupervisionOrder,
  durations: StepDurations,
  date: string,
): OrderStateOn | null {
  const past = order.history.filter((h) => day(h.at) <= date);
  const last = past[past.length - 1];
  if (last === undefined) return null;
  const entered = [...past].reverse().find((h) => h.from !== h.to) ?? last;
  const state = last.to;
  const deadline = stepDeadline(state, entered.at, order.dueDate, durations) ?? null;
  const late = deadline === null ? undefined : daysBetween(deadline, date);
  const escalation = past.filter((h) => h.action === 'escalate' && h.seq > entered.seq).pop();
  return {
    state,
    since: entered.at,
    deadline,
    overdueDays: state !== 'closed' && late !== undefined && late > 0 ? late : null,
    escalatedTo: state === 'closed' ? null : (escalation?.escalatedTo ?? null),
    closedOn: state === 'closed' ? day(last.at) : null,
  };
}

const inMonth = (at: string, m: BulletinMonth) => day(at) >= m.start && day(at) <= m.end;

/**
 * The supervision section's input for a month from every order (seed 000 §十四 重点问题督办; issue 8 §4).
 * `unitName` names the units orders were escalated to.
 */
export function supervisionMonthInput(
  orders: readonly MonthOrder[],
  month: BulletinMonth,
  unitName: (code: string) => string,
): SupervisionInput {
  const opened: SupervisionOrderInput[] = [];
  const overdue: SupervisionOrderInput[] = [];
  const closed: SupervisionOrderInput[] = [];
  const escalated: SupervisionEscalationInput[] = [];
  for (const m of orders) {
    const o = m.order;
    const at = orderStateOn(o, m.durations, month.end);
    if (at === null) continue;
    const row: SupervisionOrderInput = {
      code: o.id,
      title: o.title,
      addressee: m.addresseeName,
      issuedOn: day(o.issuedAt),
      dueOn: at.deadline,
      step: ORDER_STATE_ZH[at.state],
      overdueDays: at.overdueDays,
      closedOn: at.closedOn,
      escalatedTo: at.escalatedTo === null ? null : unitName(at.escalatedTo),
      synthetic: m.synthetic,
    };
    if (inMonth(o.issuedAt, month)) opened.push(row);
    if (at.overdueDays !== null) overdue.push(row);
    if (at.closedOn !== null && at.closedOn >= month.start) closed.push(row);
    for (const e of o.escalations)
      if (inMonth(e.at, month))
        escalated.push({
          code: o.id,
          title: o.title,
          addressee: m.addresseeName,
          step: ORDER_STATE_ZH[e.state],
          deadline: e.deadline,
          escalatedOn: day(e.at),
          escalatedTo: unitName(e.toUnit),
          synthetic: m.synthetic,
        });
  }
  return { opened, overdue, closed, escalated };
}
