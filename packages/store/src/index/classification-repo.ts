/**
 * Proposals of the dynamic classification (seed 000 §二(一) 分类动态调整; 004 相对薄弱乡镇/村): a rule
 * proposes that a unit enter or leave a group, with its evidence; an administrator accepts (dated) or
 * rejects it. Accepting changes the dated membership in `unit_group_members` in the same transaction:
 * entering starts a membership on the effective date, leaving ends the one in force on that date.
 */
import type { Store } from '../db';
import type { ClassificationProposalsTable, ProposalDirection, ProposalStatus } from './schema';

export interface Proposal {
  readonly id: number;
  readonly groupCode: string;
  readonly unitCode: string;
  readonly direction: ProposalDirection;
  readonly rule: string;
  /** JSON text. */
  readonly evidence: string;
  readonly status: ProposalStatus;
  readonly period: string;
  readonly runId: number | null;
  readonly synthetic: boolean;
  readonly proposedAt: string;
  readonly proposedBy: string;
  readonly decidedAt: string | null;
  readonly decidedBy: string | null;
  readonly effectiveDate: string | null;
  readonly decisionNote: string;
  readonly membershipId: number | null;
}

export interface NewProposal {
  readonly groupCode: string;
  readonly unitCode: string;
  readonly direction: ProposalDirection;
  readonly rule: string;
  readonly evidence: string;
  readonly period: string;
  readonly runId: number | null;
  readonly synthetic: boolean;
  readonly proposedAt: string;
  readonly proposedBy: string;
}

type Row = Omit<ClassificationProposalsTable, 'id'> & { id: number };

const toProposal = (r: Row): Proposal => ({
  id: r.id,
  groupCode: r.group_code,
  unitCode: r.unit_code,
  direction: r.direction,
  rule: r.rule,
  evidence: r.evidence,
  status: r.status,
  period: r.period,
  runId: r.run_id,
  synthetic: r.synthetic === 1,
  proposedAt: r.proposed_at,
  proposedBy: r.proposed_by,
  decidedAt: r.decided_at,
  decidedBy: r.decided_by,
  effectiveDate: r.effective_date,
  decisionNote: r.decision_note,
  membershipId: r.membership_id,
});

/**
 * Inserts proposals; one still open for the same group, unit, direction, rule and period is kept instead
 * (proposing twice adds nothing). Returns the proposals in input order and whether each is new.
 */
export async function insertProposals(
  store: Store,
  proposals: readonly NewProposal[],
): Promise<{ readonly proposal: Proposal; readonly created: boolean }[]> {
  return store.db.transaction().execute(async (trx) => {
    const out: { proposal: Proposal; created: boolean }[] = [];
    for (const p of proposals) {
      const open = await trx
        .selectFrom('classification_proposals')
        .selectAll()
        .where('group_code', '=', p.groupCode)
        .where('unit_code', '=', p.unitCode)
        .where('direction', '=', p.direction)
        .where('rule', '=', p.rule)
        .where('period', '=', p.period)
        .where('status', '=', 'proposed')
        .executeTakeFirst();
      if (open) {
        out.push({ proposal: toProposal(open), created: false });
        continue;
      }
      const row = await trx
        .insertInto('classification_proposals')
        .values({
          group_code: p.groupCode,
          unit_code: p.unitCode,
          direction: p.direction,
          rule: p.rule,
          evidence: p.evidence,
          status: 'proposed',
          period: p.period,
          run_id: p.runId,
          synthetic: p.synthetic ? 1 : 0,
          proposed_at: p.proposedAt,
          proposed_by: p.proposedBy,
          decided_at: null,
          decided_by: null,
          effective_date: null,
          decision_note: '',
          membership_id: null,
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      out.push({ proposal: toProposal(row), created: true });
    }
    return out;
  });
}

export async function getProposal(store: Store, id: number): Promise<Proposal | undefined> {
  const r = await store.db
    .selectFrom('classification_proposals')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirst();
  return r ? toProposal(r) : undefined;
}

export async function listProposals(
  store: Store,
  filter: {
    readonly status?: ProposalStatus;
    readonly groupCode?: string;
    readonly unitCodes?: readonly string[];
  } = {},
): Promise<Proposal[]> {
  let q = store.db.selectFrom('classification_proposals').selectAll();
  if (filter.status !== undefined) q = q.where('status', '=', filter.status);
  if (filter.groupCode !== undefined) q = q.where('group_code', '=', filter.groupCode);
  const rows = await q.orderBy('id').execute();
  const allowed = filter.unitCodes ? new Set(filter.unitCodes) : undefined;
  return rows.map(toProposal).filter((p) => !allowed || allowed.has(p.unitCode));
}

export type DecisionResult =
  | { readonly ok: true; readonly proposal: Proposal }
  | {
      readonly ok: false;
      readonly code: 'PROPOSAL_NOT_FOUND' | 'PROPOSAL_DECIDED' | 'MEMBERSHIP_CONFLICT';
      readonly message: string;
    };

export interface GroupDefinition {
  readonly code: string;
  readonly nameZh: string;
  readonly nameEn: string;
  readonly description: string;
  readonly source: string;
}

/**
 * Accepts an open proposal on `effectiveDate`, changing the membership in the same transaction:
 * - enter: a membership from the date (open-ended); refused if the unit is a member on that date or
 *   has a membership starting later;
 * - leave: the membership in force on the date ends on it (valid_to is exclusive); refused if there is
 *   none, or it starts on that very date.
 * `group` creates the group first when it is not there yet (e.g. 相对薄弱村 on its first acceptance).
 */
export async function acceptProposal(
  store: Store,
  decision: {
    readonly id: number;
    readonly decidedBy: string;
    readonly decidedAt: string;
    readonly effectiveDate: string;
    readonly note: string;
    readonly group?: GroupDefinition;
  },
): Promise<DecisionResult> {
  return store.db.transaction().execute(async (trx): Promise<DecisionResult> => {
    const p = await trx
      .selectFrom('classification_proposals')
      .selectAll()
      .where('id', '=', decision.id)
      .executeTakeFirst();
    if (!p) return { ok: false, code: 'PROPOSAL_NOT_FOUND', message: `没有提议 no proposal ${decision.id}` };
    if (p.status !== 'proposed')
      return {
        ok: false,
        code: 'PROPOSAL_DECIDED',
        message: `提议 ${p.id} 已处理 (already ${p.status} on ${p.decided_at ?? ''})`,
      };
    const date = decision.effectiveDate;
    if (decision.group) {
      const g = decision.group;
      await trx
        .insertInto('unit_groups')
        .values({
          code: g.code,
          name_zh: g.nameZh,
          name_en: g.nameEn,
          description: g.description,
          source: g.source,
        })
        .onConflict((oc) => oc.column('code').doNothing())
        .execute();
    }
    const memberships = await trx
      .selectFrom('unit_group_members')
      .selectAll()
      .where('group_code', '=', p.group_code)
      .where('unit_code', '=', p.unit_code)
      .execute();
    const inForce = memberships.find(
      (m) => (m.valid_from === null || m.valid_from <= date) && (m.valid_to === null || date < m.valid_to),
    );
    const source = `分类动态调整 classification proposal #${p.id} (${p.rule}) accepted by ${decision.decidedBy} on ${decision.decidedAt.slice(0, 10)}`;
    let membershipId: number;
    if (p.direction === 'enter') {
      if (inForce)
        return {
          ok: false,
          code: 'MEMBERSHIP_CONFLICT',
          message: `${p.unit_code} 在 ${date} 已是 ${p.group_code} 成员 (already a member on that date, since ${inForce.valid_from ?? 'always'})`,
        };
      const later = memberships.find((m) => m.valid_from !== null && m.valid_from > date);
      if (later)
        return {
          ok: false,
          code: 'MEMBERSHIP_CONFLICT',
          message: `${p.unit_code} 自 ${later.valid_from ?? ''} 起已有 ${p.group_code} 成员资格 (a later membership exists)`,
        };
      const row = await trx
        .insertInto('unit_group_members')
        .values({
          group_code: p.group_code,
          unit_code: p.unit_code,
          valid_from: date,
          valid_to: null,
          source,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      membershipId = row.id;
    } else {
      if (!inForce)
        return {
          ok: false,
          code: 'MEMBERSHIP_CONFLICT',
          message: `${p.unit_code} 在 ${date} 不是 ${p.group_code} 成员 (not a member on that date)`,
        };
      if (inForce.valid_from === date)
        return {
          ok: false,
          code: 'MEMBERSHIP_CONFLICT',
          message: `${p.unit_code} 的成员资格始于 ${date},不能在同日调出 (membership starts on that date)`,
        };
      await trx
        .updateTable('unit_group_members')
        .set({ valid_to: date, source: `${inForce.source}; ${source}` })
        .where('id', '=', inForce.id)
        .execute();
      membershipId = inForce.id;
    }
    const row = await trx
      .updateTable('classification_proposals')
      .set({
        status: 'accepted',
        decided_at: decision.decidedAt,
        decided_by: decision.decidedBy,
        effective_date: date,
        decision_note: decision.note,
        membership_id: membershipId,
      })
      .where('id', '=', p.id)
      .returningAll()
      .executeTakeFirstOrThrow();
    return { ok: true, proposal: toProposal(row) };
  });
}

export async function rejectProposal(
  store: Store,
  decision: {
    readonly id: number;
    readonly decidedBy: string;
    readonly decidedAt: string;
    readonly note: string;
  },
): Promise<DecisionResult> {
  return store.db.transaction().execute(async (trx): Promise<DecisionResult> => {
    const p = await trx
      .selectFrom('classification_proposals')
      .select(['id', 'status', 'decided_at'])
      .where('id', '=', decision.id)
      .executeTakeFirst();
    if (!p) return { ok: false, code: 'PROPOSAL_NOT_FOUND', message: `没有提议 no proposal ${decision.id}` };
    if (p.status !== 'proposed')
      return {
        ok: false,
        code: 'PROPOSAL_DECIDED',
        message: `提议 ${p.id} 已处理 (already ${p.status} on ${p.decided_at ?? ''})`,
      };
    const row = await trx
      .updateTable('classification_proposals')
      .set({
        status: 'rejected',
        decided_at: decision.decidedAt,
        decided_by: decision.decidedBy,
        decision_note: decision.note,
      })
      .where('id', '=', p.id)
      .returningAll()
      .executeTakeFirstOrThrow();
    return { ok: true, proposal: toProposal(row) };
  });
}
