/**
 * 督办单 use cases (issue 8 §2): issue an order by hand (addressee, deadline, text required), apply a
 * workflow transition, show and list orders, escalate orders overdue at their step one level up. The
 * rules are core's (supervision/workflow.ts); this layer checks who acts (order-parties.ts), that units and
 * departments exist, and writes each change with its events in one transaction (store orders-repo).
 */
import {
  can,
  escalate,
  issueOrder,
  ORDER_TRANSITIONS,
  RESPONSIBLE_AT,
  transition,
  type Actor,
  type OrderAction,
  type OrderEvidence,
  type OrderParty,
  type StepDurations,
  type SupervisionOrder,
} from '@suocha/core';
import {
  applyOrderChange,
  getDepartment,
  getOrderWithHistory,
  getUnit,
  getUnitPath,
  insertOrderRecord,
  listOrderRecords,
  ProposalTakenError,
  type OrderEventRecord,
  type OrderFilter,
  type OrderRecord,
  type Store,
} from '@suocha/store';
import { OrderError } from './errors';
import { isIssuerLevel, mayIssue, orderActorOf, respondsFor } from './order-parties';
import {
  orderDetail,
  orderSummary,
  stepDaysOf,
  toCoreOrder,
  type OrderDetailView,
  type OrderSummaryView,
} from './order-views';

export interface IssueInput {
  readonly title: string;
  readonly requirement: string;
  readonly addressee?: { readonly unit?: string; readonly department?: string | undefined } | undefined;
  readonly dueDate?: string | undefined;
  readonly stepDays?: { readonly [K in keyof StepDurations]?: number | undefined } | undefined;
  readonly evidence?: readonly OrderEvidence[] | undefined;
  readonly proposalKey?: string | undefined;
  /** Generated demo data (模拟数据). */
  readonly synthetic?: boolean | undefined;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

const newEvent = (o: SupervisionOrder, actorName: string, from: number): OrderEventRecord[] =>
  o.history.slice(from).map((h) => ({
    seq: h.seq,
    at: h.at,
    action: h.action,
    from: h.from,
    to: h.to,
    actorId: h.actorId,
    actorName: h.actorId === 'system' ? '系统' : actorName,
    actorUnit: h.actorUnit,
    text: h.text ?? null,
    escalatedTo: h.escalatedTo ?? null,
  }));

/** Whether the actor may see the order: either party's unit in scope, or escalated to the actor's unit. */
export function canReadOrder(actor: Actor, r: OrderRecord): boolean {
  return (
    can(actor, 'read', { unitPath: r.addressee.unitPath }) ||
    can(actor, 'read', { unitPath: r.issuer.unitPath }) ||
    r.escalatedTo === actor.scopeUnit
  );
}

/** Issues an order by hand for the actor's level. Refuses a missing addressee or deadline, empty text. */
export async function issueSupervisionOrder(
  store: Store,
  actor: Actor,
  input: IssueInput,
  now: string,
): Promise<OrderDetailView> {
  if (!mayIssue(actor))
    throw new OrderError(
      'NOT_ISSUER_LEVEL',
      '只有省专班(管理员)、市、县可以交办督办单 (only the working group, a city or a county may issue orders)',
    );
  const unit = input.addressee?.unit?.trim() ?? '';
  if (unit === '') throw new OrderError('NO_ADDRESSEE', '须指定被督办单位或部门 (addressee required)');
  const due = input.dueDate?.trim() ?? '';
  if (due === '') throw new OrderError('NO_DEADLINE', '须指定整改时限 (deadline required)');
  if (!DAY.test(due)) throw new OrderError('INVALID_TIME', `整改时限无效: "${due}" (invalid deadline)`);
  if (due < now.slice(0, 10))
    throw new OrderError('INVALID_TIME', `整改时限 ${due} 早于今天 (deadline in the past)`);
  const path = await getUnitPath(store, unit);
  if (path === undefined)
    throw new OrderError('UNIT_NOT_FOUND', `区划 ${unit} 不存在 (no unit with code ${unit})`);
  const department = input.addressee?.department?.trim() || undefined;
  if (department !== undefined && (await getDepartment(store, department)) === undefined)
    throw new OrderError('DEPARTMENT_NOT_FOUND', `部门 ${department} 不存在 (no department ${department})`);
  if (!can(actor, 'write', { unitPath: path }))
    throw new OrderError('FORBIDDEN', `${unit} 不在本级督办范围内 (addressee outside your scope)`);
  if (unit === actor.scopeUnit && department === undefined)
    throw new OrderError('NO_ADDRESSEE', '不能向本级自身交办 (an order cannot be addressed to its issuer)');
  const issuer: OrderParty = { unit: actor.scopeUnit };
  const addressee: OrderParty = department === undefined ? { unit } : { unit, department };
  const stepDays = stepDaysOf(input.stepDays ?? {});
  const res = issueOrder(
    {
      id: 'new',
      title: input.title,
      requirement: input.requirement,
      issuer,
      addressee,
      dueDate: due,
      ...(input.evidence === undefined ? {} : { evidence: input.evidence }),
    },
    orderActorOf(actor),
    now,
    stepDays,
  );
  if (!res.ok) throw new OrderError(res.error.code, res.error.message);
  const o = res.value;
  let id: number;
  try {
    id = await insertOrderRecord(
      store,
      {
        title: o.title,
        requirement: o.requirement,
        issuerUnit: issuer.unit,
        issuerDepartment: null,
        addresseeUnit: unit,
        addresseeDepartment: department ?? null,
        issuedAt: o.issuedAt,
        dueDate: due,
        stepDays,
        evidence: o.evidence,
        proposalKey: input.proposalKey ?? null,
        state: o.state,
        stateSince: o.stateSince,
        stateDeadline: o.stateDeadline ?? null,
        synthetic: input.synthetic === true,
      },
      newEvent(o, actor.username, 0),
    );
  } catch (e) {
    if (e instanceof ProposalTakenError)
      throw new OrderError(
        'PROPOSAL_TAKEN',
        `该问题已有未办结的督办单 (proposal ${e.key} already has an open order)`,
      );
    throw e;
  }
  return getSupervisionOrder(store, actor, String(id), now.slice(0, 10));
}

async function loadOrder(store: Store, actor: Actor | null, id: string) {
  const n = /^\d{1,12}$/.test(id) ? Number(id) : NaN;
  const r = Number.isFinite(n) ? await getOrderWithHistory(store, n) : undefined;
  if (r === undefined || (actor !== null && !canReadOrder(actor, r)))
    throw new OrderError('ORDER_NOT_FOUND', `督办单 ${id} 不存在 (no order ${id})`);
  return r;
}

export async function getSupervisionOrder(
  store: Store,
  actor: Actor | null,
  id: string,
  asOf: string,
): Promise<OrderDetailView> {
  return orderDetail(await loadOrder(store, actor, id), actor, asOf);
}

/**
 * Applies one workflow action. Checks in order: legal from the current state (ILLEGAL_TRANSITION), the
 * actor is of the side that acts (NOT_ADDRESSEE / NOT_ISSUER_LEVEL), text when required (MISSING_TEXT);
 * the change and its event are written together, and only if nobody changed the order meanwhile (STALE).
 */
export async function transitionSupervisionOrder(
  store: Store,
  actor: Actor,
  id: string,
  action: { readonly type: OrderAction; readonly text?: string | undefined },
  now: string,
): Promise<OrderDetailView> {
  const r = await loadOrder(store, actor, id);
  const core = toCoreOrder(r, r);
  const rule = ORDER_TRANSITIONS[action.type];
  if (rule.from === core.state) {
    if (rule.by === 'addressee' && !respondsFor(actor, core.addressee))
      throw new OrderError('NOT_ADDRESSEE', '只有被督办单位可以办理 (only the addressee may do this)');
    if (rule.by === 'issuer' && !isIssuerLevel(actor, core.issuer))
      throw new OrderError(
        'NOT_ISSUER_LEVEL',
        '只有督办单位可以审核、退回或销号 (only the issuing level may do this)',
      );
  }
  const res = transition(
    core,
    action.text === undefined ? { type: action.type } : { type: action.type, text: action.text },
    orderActorOf(actor),
    now,
    stepDaysOf(r.stepDays),
  );
  if (!res.ok) throw new OrderError(res.error.code, res.error.message);
  const o = res.value;
  const applied = await applyOrderChange(
    store,
    r.id,
    r.version,
    {
      state: o.state,
      stateSince: o.stateSince,
      stateDeadline: o.stateDeadline ?? null,
      escalatedTo: o.escalatedTo ?? null,
      sendBackCount: o.sendBackCount,
    },
    newEvent(o, actor.username, core.history.length),
  );
  if (!applied)
    throw new OrderError(
      'STALE',
      '督办单已被他人更新, 请刷新后重试 (the order changed meanwhile; reload and retry)',
    );
  return getSupervisionOrder(store, actor, id, now.slice(0, 10));
}

export interface OrderListQuery {
  readonly state?: SupervisionOrder['state'];
  readonly open?: boolean;
  readonly overdue?: boolean;
  readonly escalated?: boolean;
  readonly role?: 'addressee' | 'issuer';
  readonly unit?: string;
  readonly asOf: string;
}

/** Orders the actor may see (all with no actor: CLI), newest first. */
export async function listSupervisionOrders(
  store: Store,
  actor: Actor | null,
  q: OrderListQuery,
): Promise<OrderSummaryView[]> {
  let addresseePath: string | undefined;
  if (q.unit !== undefined) {
    addresseePath = await getUnitPath(store, q.unit);
    if (addresseePath === undefined)
      throw new OrderError('UNIT_NOT_FOUND', `区划 ${q.unit} 不存在 (no unit with code ${q.unit})`);
  }
  const f: OrderFilter = {
    ...(q.state === undefined ? {} : { state: q.state }),
    ...(q.open === undefined ? {} : { open: q.open }),
    ...(q.escalated === undefined ? {} : { escalated: q.escalated }),
    ...(addresseePath === undefined ? {} : { addresseePath }),
  };
  let rows = await listOrderRecords(store, f);
  if (actor !== null) {
    rows = rows.filter((r) => canReadOrder(actor, r));
    if (q.role === 'addressee') rows = rows.filter((r) => respondsFor(actor, toCoreOrder(r).addressee));
    if (q.role === 'issuer') rows = rows.filter((r) => isIssuerLevel(actor, toCoreOrder(r).issuer));
  }
  let out = rows.map((r) => orderSummary(r, q.asOf));
  if (q.overdue !== undefined) out = out.filter((o) => (o.overdue !== null) === q.overdue);
  return out;
}

/**
 * Escalates every open order overdue at its step and not yet escalated at it: to the parent of the
 * unit responsible for the step; a department's lateness goes to its own unit's level (the working
 * group), a province or a unit without parent is not escalated. Returns what was escalated.
 */
export async function runEscalations(
  store: Store,
  options: { readonly asOf: string; readonly now: string },
): Promise<{ orderId: string; toUnit: string; daysOverdue: number }[]> {
  const { asOf } = options;
  const open = await listOrderRecords(store, { open: true, escalated: false });
  const out: { orderId: string; toUnit: string; daysOverdue: number }[] = [];
  const parents = new Map<string, string | undefined>();
  const parentOfUnit = async (code: string): Promise<string | undefined> => {
    if (!parents.has(code)) {
      const u = await getUnit(store, code);
      parents.set(
        code,
        u === undefined || u.level === 'province' || u.level === 'country'
          ? undefined
          : (u.parentCode ?? undefined),
      );
    }
    return parents.get(code);
  };
  for (const summary of open) {
    const r = await getOrderWithHistory(store, summary.id);
    if (r === undefined) continue;
    const core = toCoreOrder(r, r);
    const responsible = stepResponsible(core);
    const target =
      responsible?.department !== undefined ? responsible.unit : await parentOfUnit(responsible?.unit ?? '');
    // The event's time: now when escalating as of today, else the start of the as-of day; never before
    // the order's last event.
    const last = core.history[core.history.length - 1]?.at ?? '';
    const when = asOf === options.now.slice(0, 10) ? options.now : `${asOf}T00:00:00.000Z`;
    const at = when < last ? last : when;
    const res = escalate(core, at, (u) => (u === responsible?.unit ? target : undefined));
    if (!res.ok) continue;
    const o = res.value;
    const esc = o.escalations[o.escalations.length - 1];
    if (esc === undefined) continue;
    const applied = await applyOrderChange(
      store,
      r.id,
      r.version,
      {
        state: o.state,
        stateSince: o.stateSince,
        stateDeadline: o.stateDeadline ?? null,
        escalatedTo: o.escalatedTo ?? null,
        sendBackCount: o.sendBackCount,
      },
      newEvent(o, '系统', core.history.length),
      [esc],
    );
    if (applied)
      out.push({
        orderId: String(r.id),
        toUnit: esc.toUnit,
        daysOverdue: overdueDays(esc.deadline, asOf),
      });
  }
  return out;
}

function stepResponsible(o: SupervisionOrder): OrderParty | undefined {
  if (o.state === 'closed') return undefined;
  return RESPONSIBLE_AT[o.state] === 'issuer' ? o.issuer : o.addressee;
}

const overdueDays = (deadline: string, asOf: string) =>
  Math.round((Date.parse(`${asOf}T00:00:00Z`) - Date.parse(`${deadline}T00:00:00Z`)) / 86_400_000);
