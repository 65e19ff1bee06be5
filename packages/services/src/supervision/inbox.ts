/**
 * 我的待办 (issue 8 §6 backend): orders waiting for the actor's step (to respond as addressee, to review as
 * the issuing level), orders escalated to the actor's unit, other open orders the actor is party to, and
 * the actor's overdue or due-soon tasks.
 */
import { RESPONSIBLE_AT, type Actor } from '@suocha/core';
import { listOrderRecords, listTaskRecords, type Store } from '@suocha/store';
import { canReadTask, isMyTask } from '../tasks/task-access';
import { DEFAULT_WINDOW_DAYS, taskRow, type TaskRowView } from '../tasks/task-views';
import { isIssuerLevel, mayIssue, respondsFor } from './order-parties';
import { orderSummary, toCoreOrder, type OrderSummaryView } from './order-views';

export interface InboxView {
  readonly asOf: string;
  readonly toRespond: OrderSummaryView[];
  readonly toReview: OrderSummaryView[];
  readonly escalatedToMe: OrderSummaryView[];
  readonly watching: OrderSummaryView[];
  readonly tasks: TaskRowView[];
}

export async function inbox(
  store: Store,
  actor: Actor,
  asOf: string,
  windowDays: number = DEFAULT_WINDOW_DAYS,
): Promise<InboxView> {
  const toRespond: OrderSummaryView[] = [];
  const toReview: OrderSummaryView[] = [];
  const escalatedToMe: OrderSummaryView[] = [];
  const watching: OrderSummaryView[] = [];
  for (const r of await listOrderRecords(store, { open: true })) {
    if (r.state === 'closed') continue;
    const o = toCoreOrder(r);
    const addressee = respondsFor(actor, o.addressee);
    const issuer = isIssuerLevel(actor, o.issuer);
    const next = RESPONSIBLE_AT[r.state];
    const s = orderSummary(r, asOf);
    if (addressee && next === 'addressee') toRespond.push(s);
    else if (issuer && next === 'issuer') toReview.push(s);
    else if (mayIssue(actor) && r.escalatedTo === actor.scopeUnit) escalatedToMe.push(s);
    else if (addressee || issuer) watching.push(s);
  }
  const tasks = (await listTaskRecords(store))
    .filter((t) => canReadTask(actor, t) && isMyTask(actor, t))
    .map((t) => taskRow(t, asOf, windowDays))
    .filter((t) => t.deadline.state === 'overdue' || t.deadline.state === 'due_soon')
    .sort((a, b) => (a.deadline.daysLeft ?? 0) - (b.deadline.daysLeft ?? 0) || (a.code < b.code ? -1 : 1));
  return { asOf, toRespond, toReview, escalatedToMe, watching, tasks };
}
