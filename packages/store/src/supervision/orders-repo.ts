/**
 * 督办单 supervision orders (issue 8 §2): storage of orders, their transitions (events) and escalations.
 * An order is written together with its events in one transaction; a change is applied only if the
 * order's `version` (its number of events) is still the one the caller read, so two concurrent
 * transitions cannot both apply (the second is told it is stale).
 */
import type { Store } from '../db';
import type { OrderStateColumn } from './schema';

export interface OrderPartyRecord {
  readonly unit: string;
  readonly unitName: string;
  readonly unitPath: string;
  readonly department: string | null;
  readonly departmentName: string | null;
}

export interface OrderEventRecord {
  readonly seq: number;
  readonly at: string;
  readonly action: string;
  readonly from: OrderStateColumn | null;
  readonly to: OrderStateColumn;
  readonly actorId: string;
  readonly actorName: string;
  readonly actorUnit: string;
  readonly text: string | null;
  readonly escalatedTo: string | null;
}

export interface OrderEscalationRecord {
  readonly state: OrderStateColumn;
  readonly stepSince: string;
  readonly deadline: string;
  readonly at: string;
  readonly fromUnit: string;
  readonly toUnit: string;
}

export interface OrderRecord {
  readonly id: number;
  readonly title: string;
  readonly requirement: string;
  readonly issuer: OrderPartyRecord;
  readonly addressee: OrderPartyRecord;
  readonly issuedAt: string;
  readonly dueDate: string;
  /** Parsed JSON: days per open step. */
  readonly stepDays: unknown;
  /** Parsed JSON: evidence records. */
  readonly evidence: unknown;
  readonly proposalKey: string | null;
  readonly state: OrderStateColumn;
  readonly stateSince: string;
  readonly stateDeadline: string | null;
  readonly escalatedTo: string | null;
  readonly sendBackCount: number;
  readonly version: number;
  readonly synthetic: boolean;
}

export interface OrderWithHistory extends OrderRecord {
  readonly events: readonly OrderEventRecord[];
  readonly escalations: readonly OrderEscalationRecord[];
}

export interface NewOrderRecord {
  readonly title: string;
  readonly requirement: string;
  readonly issuerUnit: string;
  readonly issuerDepartment: string | null;
  readonly addresseeUnit: string;
  readonly addresseeDepartment: string | null;
  readonly issuedAt: string;
  readonly dueDate: string;
  readonly stepDays: unknown;
  readonly evidence: unknown;
  readonly proposalKey: string | null;
  readonly state: OrderStateColumn;
  readonly stateSince: string;
  readonly stateDeadline: string | null;
  readonly synthetic: boolean;
}

/** The order's state after a change (the columns that a transition or an escalation moves). */
export interface OrderStatePatch {
  readonly state: OrderStateColumn;
  readonly stateSince: string;
  readonly stateDeadline: string | null;
  readonly escalatedTo: string | null;
  readonly sendBackCount: number;
}

export interface OrderFilter {
  readonly ids?: readonly number[];
  readonly state?: OrderStateColumn;
  /** Not closed. */
  readonly open?: boolean;
  readonly addresseeUnit?: string;
  readonly addresseeDepartment?: string;
  readonly issuerUnit?: string;
  /** Addressee unit in this subtree (path prefix). */
  readonly addresseePath?: string;
  readonly escalatedTo?: string;
  readonly escalated?: boolean;
}

/** Proposal key already taken by an open order. */
export class ProposalTakenError extends Error {
  constructor(readonly key: string) {
    super(`proposal ${key} already has an open order`);
  }
}

const eventValues = (orderId: number, e: OrderEventRecord) => ({
  order_id: orderId,
  seq: e.seq,
  at: e.at,
  action: e.action,
  from_state: e.from,
  to_state: e.to,
  actor_id: e.actorId,
  actor_name: e.actorName,
  actor_unit: e.actorUnit,
  text: e.text,
  escalated_to: e.escalatedTo,
});

/** Inserts an order with its first events in one transaction; returns its id. */
export async function insertOrderRecord(
  store: Store,
  o: NewOrderRecord,
  events: readonly OrderEventRecord[],
): Promise<number> {
  return store.db.transaction().execute(async (trx) => {
    if (o.proposalKey !== null) {
      const taken = await trx
        .selectFrom('supervision_orders')
        .select('id')
        .where('proposal_key', '=', o.proposalKey)
        .where('state', '<>', 'closed')
        .executeTakeFirst();
      if (taken) throw new ProposalTakenError(o.proposalKey);
    }
    const row = await trx
      .insertInto('supervision_orders')
      .values({
        title: o.title,
        requirement: o.requirement,
        issuer_unit: o.issuerUnit,
        issuer_department: o.issuerDepartment,
        addressee_unit: o.addresseeUnit,
        addressee_department: o.addresseeDepartment,
        issued_at: o.issuedAt,
        due_date: o.dueDate,
        step_days: JSON.stringify(o.stepDays),
        evidence: JSON.stringify(o.evidence),
        proposal_key: o.proposalKey,
        state: o.state,
        state_since: o.stateSince,
        state_deadline: o.stateDeadline,
        escalated_to: null,
        send_back_count: 0,
        version: events.length,
        synthetic: o.synthetic ? 1 : 0,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    if (events.length > 0)
      await trx
        .insertInto('supervision_order_events')
        .values(events.map((e) => eventValues(row.id, e)))
        .execute();
    return row.id;
  });
}

/**
 * Applies a change (new state columns, new events, new escalations) if the order is still at
 * `expectedVersion`; false when another change came first (nothing written then).
 */
export async function applyOrderChange(
  store: Store,
  id: number,
  expectedVersion: number,
  patch: OrderStatePatch,
  events: readonly OrderEventRecord[],
  escalations: readonly OrderEscalationRecord[] = [],
): Promise<boolean> {
  return store.db.transaction().execute(async (trx) => {
    const r = await trx
      .updateTable('supervision_orders')
      .set({
        state: patch.state,
        state_since: patch.stateSince,
        state_deadline: patch.stateDeadline,
        escalated_to: patch.escalatedTo,
        send_back_count: patch.sendBackCount,
        version: expectedVersion + events.length,
      })
      .where('id', '=', id)
      .where('version', '=', expectedVersion)
      .executeTakeFirst();
    if (Number(r.numUpdatedRows) === 0) return false;
    if (events.length > 0)
      await trx
        .insertInto('supervision_order_events')
        .values(events.map((e) => eventValues(id, e)))
        .execute();
    if (escalations.length > 0)
      await trx
        .insertInto('supervision_escalations')
        .values(
          escalations.map((e) => ({
            order_id: id,
            state: e.state,
            step_since: e.stepSince,
            deadline: e.deadline,
            at: e.at,
            from_unit: e.fromUnit,
            to_unit: e.toUnit,
          })),
        )
        .execute();
    return true;
  });
}

/** Orders matching the filter, newest first, without their history. */
export async function listOrderRecords(store: Store, f: OrderFilter = {}): Promise<OrderRecord[]> {
  let q = store.db
    .selectFrom('supervision_orders as o')
    .leftJoin('units as iu', 'iu.code', 'o.issuer_unit')
    .leftJoin('units as au', 'au.code', 'o.addressee_unit')
    .leftJoin('departments as idp', 'idp.code', 'o.issuer_department')
    .leftJoin('departments as adp', 'adp.code', 'o.addressee_department')
    .selectAll('o')
    .select([
      'iu.name as issuer_unit_name',
      'iu.path as issuer_unit_path',
      'au.name as addressee_unit_name',
      'au.path as addressee_unit_path',
      'idp.name_zh as issuer_department_name',
      'adp.name_zh as addressee_department_name',
    ]);
  if (f.ids !== undefined) {
    if (f.ids.length === 0) return [];
    q = q.where('o.id', 'in', [...f.ids]);
  }
  if (f.state !== undefined) q = q.where('o.state', '=', f.state);
  if (f.open === true) q = q.where('o.state', '<>', 'closed');
  if (f.open === false) q = q.where('o.state', '=', 'closed');
  if (f.addresseeUnit !== undefined) q = q.where('o.addressee_unit', '=', f.addresseeUnit);
  if (f.addresseeDepartment !== undefined) q = q.where('o.addressee_department', '=', f.addresseeDepartment);
  if (f.issuerUnit !== undefined) q = q.where('o.issuer_unit', '=', f.issuerUnit);
  if (f.addresseePath !== undefined) q = q.where('au.path', 'like', `${f.addresseePath}%`);
  if (f.escalatedTo !== undefined) q = q.where('o.escalated_to', '=', f.escalatedTo);
  if (f.escalated === true) q = q.where('o.escalated_to', 'is not', null);
  if (f.escalated === false) q = q.where('o.escalated_to', 'is', null);
  const rows = await q.orderBy('o.id', 'desc').execute();
  return rows.map((r) => ({
    id: r.id,
    title: r.title,
    requirement: r.requirement,
    issuer: {
      unit: r.issuer_unit,
      unitName: r.issuer_unit_name ?? r.issuer_unit,
      unitPath: r.issuer_unit_path ?? '',
      department: r.issuer_department,
      departmentName: r.issuer_department_name,
    },
    addressee: {
      unit: r.addressee_unit,
      unitName: r.addressee_unit_name ?? r.addressee_unit,
      unitPath: r.addressee_unit_path ?? '',
      department: r.addressee_department,
      departmentName: r.addressee_department_name,
    },
    issuedAt: r.issued_at,
    dueDate: r.due_date,
    stepDays: JSON.parse(r.step_days) as unknown,
    evidence: JSON.parse(r.evidence) as unknown,
    proposalKey: r.proposal_key,
    state: r.state,
    stateSince: r.state_since,
    stateDeadline: r.state_deadline,
    escalatedTo: r.escalated_to,
    sendBackCount: r.send_back_count,
    version: r.version,
    synthetic: r.synthetic === 1,
  }));
}

/** One order with every event (in sequence) and escalation. */
export async function getOrderWithHistory(store: Store, id: number): Promise<OrderWithHistory | undefined> {
  const [o] = await listOrderRecords(store, { ids: [id] });
  if (o === undefined) return undefined;
  const events = await store.db
    .selectFrom('supervision_order_events')
    .selectAll()
    .where('order_id', '=', id)
    .orderBy('seq')
    .execute();
  const escalations = await store.db
    .selectFrom('supervision_escalations')
    .selectAll()
    .where('order_id', '=', id)
    .orderBy('id')
    .execute();
  return {
    ...o,
    events: events.map((e) => ({
      seq: e.seq,
      at: e.at,
      action: e.action,
      from: e.from_state,
      to: e.to_state,
      actorId: e.actor_id,
      actorName: e.actor_name,
      actorUnit: e.actor_unit,
      text: e.text,
      escalatedTo: e.escalated_to,
    })),
    escalations: escalations.map((e) => ({
      state: e.state,
      stepSince: e.step_since,
      deadline: e.deadline,
      at: e.at,
      fromUnit: e.from_unit,
      toUnit: e.to_unit,
    })),
  };
}

/** Keys of proposals that have an open order. */
export async function openProposalKeys(store: Store): Promise<Set<string>> {
  const rows = await store.db
    .selectFrom('supervision_orders')
    .select('proposal_key')
    .where('proposal_key', 'is not', null)
    .where('state', '<>', 'closed')
    .execute();
  return new Set(rows.flatMap((r) => (r.proposal_key === null ? [] : [r.proposal_key])));
}
