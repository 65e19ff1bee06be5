/**
 * Dynamic classification (seed 000 §二(一) "实施山区海岛县分类动态调整机制,科学有序做好山区海岛县调出工作";
 * seed 004 "相对薄弱乡镇""相对薄弱村"): rules over indicators and index results propose which units
 * may enter or leave a group, each with its evidence (values, thresholds, observation versions, run).
 * A proposal changes nothing until an administrator accepts it from a date; then the dated membership
 * is started or ended (packages/store/src/index/classification-repo.ts).
 *
 * The seeds give no official entry or exit criteria. The default rules are platform defaults, stated
 * with their basis on every proposal, and meant to be replaced by the official ones.
 */
import { formatPeriod, inForceOn, parsePeriod, ok, type Period, type Result } from '@suocha/core';
import {
  SYNTHETIC_LABEL,
  type ClassificationRuleDto,
  type EvidenceDto,
  EvidenceSchema,
  type ProposalDto,
} from '@suocha/contract';
import {
  acceptProposal as storeAccept,
  getGroup,
  getGroupMembers,
  getProposal,
  getSubtreeCodes,
  getUnit,
  getUnitsByCodes,
  insertProposals,
  listGroups,
  listProposals as storeList,
  listUnitsAtLevel,
  rejectProposal as storeReject,
  type DecisionResult,
  type GroupDefinition,
  type NewProposal,
  type Proposal,
  type ProposalStatus,
  type Store,
} from '@suocha/store';
import { fail, type IndexServiceError } from './errors';
import { loadObservationLookup } from './inputs';
import { getIndexRunDto } from './read';
import { median, MOUNTAIN_ISLAND } from './run';

/** Groups that are created on the first accepted proposal (seed 004 相对薄弱乡镇/村). */
export const CLASSIFICATION_GROUPS: readonly GroupDefinition[] = [
  {
    code: 'weak_town',
    nameZh: '相对薄弱乡镇',
    nameEn: 'Relatively weak towns',
    description:
      '相对薄弱乡镇,由分类动态调整提议经管理员确认后纳入 (entered by accepted classification proposals)',
    source: '004_16e5c2f053a7beec.txt 加强相对薄弱村镇帮带',
  },
  {
    code: 'weak_village',
    nameZh: '相对薄弱村',
    nameEn: 'Relatively weak villages',
    description:
      '相对薄弱村,由分类动态调整提议经管理员确认后纳入 (entered by accepted classification proposals)',
    source: '004_16e5c2f053a7beec.txt 加强相对薄弱村镇帮带',
  },
];

/** Platform default rules for 山区海岛县 over income relative to the province, two years running. */
export const DEFAULT_INCOME_RULES: readonly ClassificationRuleDto[] = [
  {
    kind: 'indicator_threshold',
    code: 'mi_leave_income_at_province',
    group: MOUNTAIN_ISLAND,
    direction: 'leave',
    level: 'county',
    indicator: 'resident_income_province_ratio',
    comparator: '>=',
    threshold: 100,
    consecutive: 2,
    basis:
      '平台默认: 居民人均可支配收入连续两年不低于全省平均水平(100%)。种子文件未给出调出标准 ' +
      '(platform default: income at or above the provincial average two years running; the seeds give no exit criterion)',
  },
  {
    kind: 'indicator_threshold',
    code: 'mi_enter_income_below_target',
    group: MOUNTAIN_ISLAND,
    direction: 'enter',
    level: 'county',
    indicator: 'resident_income_province_ratio',
    comparator: '<',
    threshold: 75.5,
    consecutive: 2,
    basis:
      '平台默认: 非山区海岛县的居民人均可支配收入连续两年低于全省平均水平的75.5%,即山区海岛县2025年比值目标 ' +
      '(000_e559f7d022c34261.txt 一、主要目标: 山区海岛县居民人均可支配收入与全省平均水平的比值达到75.5%)',
  },
];

/** Platform default rules over a run's index scores (used when a run is named). */
export const DEFAULT_INDEX_RULES: readonly ClassificationRuleDto[] = [
  {
    kind: 'index_score',
    code: 'mi_leave_index_above_others',
    group: MOUNTAIN_ISLAND,
    direction: 'leave',
    basis:
      '平台默认: 指数得分不低于非山区海岛县的中位数 (platform default: score at or above the median of the other counties)',
  },
  {
    kind: 'index_score',
    code: 'mi_enter_index_below_members',
    group: MOUNTAIN_ISLAND,
    direction: 'enter',
    basis:
      '平台默认: 指数得分不高于山区海岛县的中位数 (platform default: score at or below the median of the members)',
  },
];

export interface ProposeRequest {
  readonly of: string;
  readonly period: string;
  readonly asOf?: string | undefined;
  readonly runId?: number | undefined;
  readonly rules?: readonly ClassificationRuleDto[] | undefined;
}

export interface ProposeOutcome {
  readonly created: ProposalDto[];
  /** Proposals the rules found again that were already open. */
  readonly existing: ProposalDto[];
  /** What the rules could not judge (e.g. no data), in Chinese and English. */
  readonly notes: string[];
}

const COMPARE: Record<string, (a: number, b: number) => boolean> = {
  '>=': (a, b) => a >= b,
  '>': (a, b) => a > b,
  '<=': (a, b) => a <= b,
  '<': (a, b) => a < b,
};

/** The `count` comparable periods ending with `p`, latest first (2025, 2024 for two years). */
function lastPeriods(p: Period, count: number): Period[] {
  return Array.from({ length: count }, (_, k) => ({ ...p, year: p.year - k }));
}

export async function proposeClassifications(
  store: Store,
  req: ProposeRequest,
  ctx: { readonly by: string; readonly now: string },
): Promise<Result<ProposeOutcome, IndexServiceError>> {
  const parsed = parsePeriod(req.period);
  if (!parsed.ok) return fail('INVALID_INPUT', parsed.error.message);
  const period = parsed.value;
  const asOf = req.asOf ?? ctx.now.slice(0, 10);
  if (!(await getUnit(store, req.of)))
    return fail('UNIT_NOT_FOUND', `区划 ${req.of} 不存在 (no unit with code ${req.of})`);
  const rules = req.rules ?? [
    ...DEFAULT_INCOME_RULES,
    ...(req.runId !== undefined ? DEFAULT_INDEX_RULES : []),
  ];
  const proposals: NewProposal[] = [];
  const notes: string[] = [];
  for (const rule of rules) {
    const members = new Set((await getGroupMembers(store, rule.group, asOf)).map((m) => m.code));
    if (rule.kind === 'indicator_threshold') {
      const units = ((await listUnitsAtLevel(store, req.of, rule.level)) ?? []).filter((u) =>
        inForceOn(u, asOf),
      );
      const candidates = units.filter((u) => (rule.direction === 'leave') === members.has(u.code));
      const periods = lastPeriods(period, rule.consecutive);
      const lookup = await loadObservationLookup(store, [rule.indicator], candidates, period);
      const compare = COMPARE[rule.comparator]!;
      let judged = 0;
      for (const unit of candidates) {
        const seen = periods.map((p) => {
          const text = formatPeriod(p);
          const c = lookup.cell(rule.indicator, unit, text);
          return {
            period: text,
            value: c ? c.value : null,
            comparator: rule.comparator,
            threshold: rule.threshold,
            met: c !== undefined && compare(c.value, rule.threshold),
            inputs: (c?.sources ?? []).map((o) => ({
              indicator: o.indicatorCode,
              unitCode: o.unitCode,
              period: o.period,
              value: o.value,
              version: o.version,
              observationId: o.id,
              synthetic: o.synthetic,
            })),
          };
        });
        if (seen.every((s) => s.value !== null)) judged++;
        if (!seen.every((s) => s.met)) continue;
        const values = seen.map((s) => `${s.period}: ${s.value?.toFixed(1)}`).join(', ');
        const evidence: EvidenceDto = {
          summary: {
            zh: `${unit.name} ${rule.indicator} 连续${rule.consecutive}期 ${rule.comparator} ${rule.threshold} (${values}),建议${rule.direction === 'enter' ? '纳入' : '调出'} ${rule.group}`,
            en: `${unit.name}: ${rule.indicator} ${rule.comparator} ${rule.threshold} in ${rule.consecutive} consecutive periods (${values}); proposed to ${rule.direction} ${rule.group}`,
          },
          basis: rule.basis,
          periods: seen,
        };
        proposals.push({
          groupCode: rule.group,
          unitCode: unit.code,
          direction: rule.direction,
          rule: rule.code,
          evidence: JSON.stringify(evidence),
          period: formatPeriod(period),
          runId: null,
          synthetic: seen.some((s) => s.inputs.some((i) => i.synthetic)),
          proposedAt: ctx.now,
          proposedBy: ctx.by,
        });
      }
      if (judged < candidates.length)
        notes.push(
          `${rule.code}: ${candidates.length - judged}/${candidates.length} 个单位缺少 ${rule.indicator} 连续${rule.consecutive}期的数据,无法判断 ` +
            `(${candidates.length - judged} of ${candidates.length} units lack ${rule.indicator} for ${rule.consecutive} consecutive periods and were not judged)`,
        );
    } else {
      if (req.runId === undefined)
        return fail(
          'INVALID_INPUT',
          `规则 ${rule.code} 需要指定运行 runId (rule ${rule.code} reads an index run: give runId)`,
        );
      const got = await getIndexRunDto(store, req.runId);
      if (!got.ok) return got;
      const run = got.value;
      const scored = run.rows.filter((r) => r.score !== null && !r.belowCoverage);
      const inGroup = (code: string) => members.has(code);
      const reference = median(
        scored
          .filter((r) => (rule.direction === 'leave' ? !inGroup(r.unitCode) : inGroup(r.unitCode)))
          .map((r) => r.score!),
      );
      if (reference === null) {
        notes.push(
          `${rule.code}: 运行 #${run.id} 中没有可比较的参照单位 (no reference units in run #${run.id})`,
        );
        continue;
      }
      const labelZh =
        rule.direction === 'leave' ? `非${rule.group}成员得分中位数` : `${rule.group}成员得分中位数`;
      const labelEn =
        rule.direction === 'leave' ? 'median score of the non-members' : 'median score of the members';
      for (const r of scored) {
        const hit =
          rule.direction === 'leave'
            ? inGroup(r.unitCode) && r.score! >= reference
            : !inGroup(r.unitCode) && r.score! <= reference;
        if (!hit) continue;
        const evidence: EvidenceDto = {
          summary: {
            zh: `${r.name} 在运行 #${run.id} (${run.period}) 的指数得分 ${r.score!.toFixed(2)} ${rule.direction === 'leave' ? '≥' : '≤'} ${labelZh} ${reference.toFixed(2)},建议${rule.direction === 'enter' ? '纳入' : '调出'} ${rule.group}`,
            en: `${r.name}: index score ${r.score!.toFixed(2)} in run #${run.id} (${run.period}) ${rule.direction === 'leave' ? '≥' : '≤'} the ${labelEn} ${reference.toFixed(2)}; proposed to ${rule.direction} ${rule.group}`,
          },
          basis: rule.basis,
          index: {
            runId: run.id,
            score: r.score!,
            rank: r.rank,
            reference,
            referenceLabel: `${labelZh} (${labelEn})`,
          },
        };
        proposals.push({
          groupCode: rule.group,
          unitCode: r.unitCode,
          direction: rule.direction,
          rule: rule.code,
          evidence: JSON.stringify(evidence),
          period: run.period,
          runId: run.id,
          synthetic: run.synthetic || r.synthetic,
          proposedAt: ctx.now,
          proposedBy: ctx.by,
        });
      }
    }
  }
  const stored = await insertProposals(store, proposals);
  const dtos = await toDtos(
    store,
    stored.map((s) => s.proposal),
  );
  return ok({
    created: dtos.filter((_, i) => stored[i]!.created),
    existing: dtos.filter((_, i) => !stored[i]!.created),
    notes,
  });
}

export async function listProposalDtos(
  store: Store,
  filter: { readonly status?: ProposalStatus; readonly group?: string; readonly of?: string } = {},
): Promise<ProposalDto[]> {
  const unitCodes = filter.of !== undefined ? await getSubtreeCodes(store, filter.of) : undefined;
  const rows = await storeList(store, {
    ...(filter.status !== undefined ? { status: filter.status } : {}),
    ...(filter.group !== undefined ? { groupCode: filter.group } : {}),
    ...(unitCodes !== undefined ? { unitCodes } : {}),
  });
  return toDtos(store, rows);
}

export async function getProposalDto(
  store: Store,
  id: number,
): Promise<Result<ProposalDto, IndexServiceError>> {
  const p = await getProposal(store, id);
  if (!p) return fail('PROPOSAL_NOT_FOUND', `没有提议 no proposal ${id}`);
  return ok((await toDtos(store, [p]))[0]!);
}

const decided = async (store: Store, r: DecisionResult): Promise<Result<ProposalDto, IndexServiceError>> =>
  r.ok ? ok((await toDtos(store, [r.proposal]))[0]!) : fail(r.code, r.message);

/** Accepts a proposal from `effectiveDate`: the membership starts or ends on that date. */
export async function acceptClassification(
  store: Store,
  id: number,
  decision: {
    readonly effectiveDate: string;
    readonly note: string;
    readonly by: string;
    readonly now: string;
  },
): Promise<Result<ProposalDto, IndexServiceError>> {
  const p = await getProposal(store, id);
  if (!p) return fail('PROPOSAL_NOT_FOUND', `没有提议 no proposal ${id}`);
  if (p.synthetic && p.status === 'proposed')
    return fail(
      'SYNTHETIC_EVIDENCE',
      `提议 ${id} 的依据含${SYNTHETIC_LABEL},不能改变真实分组 (the evidence includes synthetic data: it cannot change a real membership; reject it)`,
    );
  const group = CLASSIFICATION_GROUPS.find((g) => g.code === p.groupCode);
  if (!group && !(await getGroup(store, p.groupCode)))
    return fail('MEMBERSHIP_CONFLICT', `分组 ${p.groupCode} 不存在 (no group ${p.groupCode})`);
  return decided(
    store,
    await storeAccept(store, {
      id,
      decidedBy: decision.by,
      decidedAt: decision.now,
      effectiveDate: decision.effectiveDate,
      note: decision.note,
      ...(group ? { group } : {}),
    }),
  );
}

export async function rejectClassification(
  store: Store,
  id: number,
  decision: { readonly note: string; readonly by: string; readonly now: string },
): Promise<Result<ProposalDto, IndexServiceError>> {
  return decided(
    store,
    await storeReject(store, { id, decidedBy: decision.by, decidedAt: decision.now, note: decision.note }),
  );
}

async function toDtos(store: Store, proposals: readonly Proposal[]): Promise<ProposalDto[]> {
  const units = new Map(
    (
      await getUnitsByCodes(
        store,
        proposals.map((p) => p.unitCode),
      )
    ).map((u) => [u.code, u]),
  );
  const parents = new Map(
    (
      await getUnitsByCodes(
        store,
        [...units.values()].flatMap((u) => (u.parentCode ? [u.parentCode] : [])),
      )
    ).map((u) => [u.code, u]),
  );
  const groups = new Map((await listGroups(store)).map((g) => [g.code, g.nameZh]));
  for (const g of CLASSIFICATION_GROUPS) if (!groups.has(g.code)) groups.set(g.code, g.nameZh);
  return proposals.map((p) => {
    const unit = units.get(p.unitCode);
    return {
      id: p.id,
      groupCode: p.groupCode,
      groupName: groups.get(p.groupCode) ?? p.groupCode,
      unitCode: p.unitCode,
      unitName: unit?.name ?? p.unitCode,
      parentName: unit?.parentCode ? (parents.get(unit.parentCode)?.name ?? null) : null,
      direction: p.direction,
      rule: p.rule,
      evidence: EvidenceSchema.parse(JSON.parse(p.evidence)),
      status: p.status,
      period: p.period,
      runId: p.runId,
      synthetic: p.synthetic,
      syntheticLabel: p.synthetic ? SYNTHETIC_LABEL : null,
      proposedAt: p.proposedAt,
      proposedBy: p.proposedBy,
      decidedAt: p.decidedAt,
      decidedBy: p.decidedBy,
      effectiveDate: p.effectiveDate,
      decisionNote: p.decisionNote,
    };
  });
}
