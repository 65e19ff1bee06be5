/**
 * 督办单 as the API shows them: the stored record turned back into the core order (supervision/types.ts),
 * overdue at its step as of a date (core `overdueAtStep`), the timeline with action names, and the actions
 * the caller may take now.
 */
import {
  actionsFrom,
  DEFAULT_STEP_DURATIONS,
  ORDER_ACTION_ZH,
  ORDER_ACTIONS,
  ORDER_STATE_ZH,
  ORDER_TRANSITIONS,
  overdueAtStep,
  type Actor,
  type OrderAction,
  type OrderEscalation,
  type OrderEvidence,
  type OrderHistoryEntry,
  type OrderParty,
  type OrderState,
  type StepDurations,
  type SupervisionOrder,
} from '@suocha/core';
import type { OrderPartyRecord, OrderRecord, OrderWithHistory } from '@suocha/store';
import { isIssuerLevel, respondsFor } from './order-parties';

export interface OrderPartyView {
  readonly unit: string;
  readonly unitName: string;
  readonly department: string | null;
  readonly departmentName: string | null;
}

export interface OrderSummaryView {
  readonly id: string;
  readonly title: string;
  readonly issuer: OrderPartyView;
  readonly addressee: OrderPartyView;
  readonly issuedAt: string;
  readonly dueDate: string | null;
  readonly state: OrderState;
  readonly stateName: string;
  readonly stateSince: string;
  readonly stateDeadline: string | null;
  readonly overdue: {
    readonly deadline: string;
    readonly daysOverdue: number;
    readonly responsible: 'addressee' | 'issuer';
  } | null;
  readonly escalatedTo: string | null;
  readonly sendBackCount: number;
  readonly proposalKey: string | null;
  readonly synthetic: boolean;
}

export interface OrderEventView {
  readonly seq: number;
  readonly at: string;
  readonly action: OrderAction | 'issue' | 'escalate';
  readonly actionName: string;
  readonly from: OrderState | null;
  readonly to: OrderState;
  readonly actorId: string;
  readonly actorName: string;
  readonly actorUnit: string;
  readonly text: string | null;
  readonly escalatedTo: string | null;
}

export interface OrderDetailView extends OrderSummaryView {
  readonly requirement: string;
  readonly evidence: OrderEvidence[];
  readonly stepDays: StepDurations;
  readonly timeline: OrderEventView[];
  readonly escalations: OrderEscalation[];
  readonly allowedActions: OrderAction[];
  readonly textRequired: Readonly<Record<OrderAction, boolean>>;
  readonly asOf: string;
}

const party = (p: OrderPartyRecord): OrderParty =>
  p.department === null ? { unit: p.unit } : { unit: p.unit, department: p.department };

const partyView = (p: OrderPartyRecord): OrderPartyView => ({
  unit: p.unit,
  unitName: p.unitName,
  department: p.department,
  departmentName: p.departmentName,
});

/** Stored step days merged over the defaults (a malformed value falls back to the default). */
export function stepDaysOf(raw: unknown): StepDurations {
  const o = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>) : {};
  const pick = (k: keyof StepDurations): number => {
    const v = o[k];
    return typeof v === 'number' && Number.isInteger(v) && v > 0 ? v : DEFAULT_STEP_DURATIONS[k];
  };
  return {
    issued: pick('issued'),
    acknowledged: pick('acknowledged'),
    plan_submitted: pick('plan_submitted'),
    in_progress: pick('in_progress'),
    reported_resolved: pick('reported_resolved'),
  };
}

const isAction = (s: string): s is OrderAction => (ORDER_ACTIONS as readonly string[]).includes(s);

/** The core order of a stored record (history only when given). */
export function toCoreOrder(r: OrderRecord, withHistory?: OrderWithHistory): SupervisionOrder {
  const history: OrderHistoryEntry[] = (withHistory?.events ?? []).map((e) => ({
    seq: e.seq,
    at: e.at,
    action: isAction(e.action) ? e.action : e.action === 'escalate' ? 'escalate' : 'issue',
    from: e.from,
    to: e.to,
    actorId: e.actorId,
    actorUnit: e.actorUnit,
    ...(e.text === null ? {} : { text: e.text }),
    ...(e.escalatedTo === null ? {} : { escalatedTo: e.escalatedTo }),
  }));
  return {
    id: String(r.id),
    title: r.title,
    requirement: r.requirement,
    issuer: party(r.issuer),
    addressee: party(r.addressee),
    issuedAt: r.issuedAt,
    dueDate: r.dueDate,
    evidence: Array.isArray(r.evidence) ? (r.evidence as OrderEvidence[]) : [],
    state: r.state,
    stateSince: r.stateSince,
    ...(r.stateDeadline === null ? {} : { stateDeadline: r.stateDeadline }),
    history,
    escalations: withHistory?.escalations ?? [],
    ...(r.escalatedTo === null ? {} : { escalatedTo: r.escalatedTo }),
    sendBackCount: r.sendBackCount,
  };
}

export function orderSummary(r: OrderRecord, asOf: string): OrderSummaryView {
  const od = overdueAtStep(toCoreOrder(r), asOf);
  return {
    id: String(r.id),
    title: r.title,
    issuer: partyView(r.issuer),
    addressee: partyView(r.addressee),
    issuedAt: r.issuedAt,
    dueDate: r.dueDate,
    state: r.state,
    stateName: ORDER_STATE_ZH[r.state],
    stateSince: r.stateSince,
    stateDeadline: r.stateDeadline,
    overdue:
      od === null
        ? null
        : { deadline: od.deadline, daysOverdue: od.daysOverdue, responsible: od.responsible },
    escalatedTo: r.escalatedTo,
    sendBackCount: r.sendBackCount,
    proposalKey: r.proposalKey,
    synthetic: r.synthetic,
  };
}

/** The actions the actor may take now: legal from the state, and the actor is of the side that acts. */
export function allowedActions(r: OrderRecord, actor: Actor | null): OrderAction[] {
  if (actor === null) return [];
  return actionsFrom(r.state).filter((a) =>
    ORDER_TRANSITIONS[a].by === 'addressee'
      ? respondsFor(actor, party(r.addressee))
      : isIssuerLevel(actor, party(r.issuer)),
  );
}

const TEXT_REQUIRED = Object.fromEntries(
  ORDER_ACTIONS.map((a) => [a, ORDER_TRANSITIONS[a].textRequired]),
) as Record<OrderAction, boolean>;

export function orderDetail(r: OrderWithHistory, actor: Actor | null, asOf: string): OrderDetailView {
  const core = toCoreOrder(r, r);
  const names = new Map(r.events.map((e) => [e.seq, e.actorName]));
  return {
    ...orderSummary(r, asOf),
    requirement: r.requirement,
    evidence: [...core.evidence],
    stepDays: stepDaysOf(r.stepDays),
    timeline: core.history.map((h) => ({
      seq: h.seq,
      at: h.at,
      action: h.action,
      actionName:
        h.action === 'issue' ? '交办' : h.action === 'escalate' ? '逾期升级' : ORDER_ACTION_ZH[h.action],
      from: h.from,
      to: h.to,
      actorId: h.actorId,
      actorName: names.get(h.seq) ?? h.actorId,
      actorUnit: h.actorUnit,
      text: h.text ?? null,
      escalatedTo: h.escalatedTo ?? null,
    })),
    escalations: [...core.escalations],
    allowedActions: allowedActions(r, actor),
    textRequired: TEXT_REQUIRED,
    asOf,
  };
}
