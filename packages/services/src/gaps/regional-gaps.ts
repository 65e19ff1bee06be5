/**
 * 地区差距 from stored data (issue 5 §1; METHODS.md §2): for any indicator and any set of units — the
 * children of a unit, one level of its subtree, or the members of a group there on a date — every regional
 * measure over the units that have a counted (approved or locked) value for one period, weighted by
 * population where every one of them has a population, and the urban-rural gap per unit.
 *
 * Choices, each stated in the answer: the period is the given one, else the one with the most units having
 * a value (the latest on a tie); units and group membership are those in force on `asOf` (default: the
 * period's end); a unit's population is the same period's, else the same year's, else the latest earlier
 * one (`stock-vintage.ts`); weights are equal, and the answer says so, when any unit lacks a population.
 * Units without a value are listed as such: a gap in the data is never filled.
 */
import {
  err,
  inForceOn,
  isUnitLevel,
  levelDepth,
  ok,
  parsePeriod,
  formatPeriod,
  periodEndDate,
  UNIT_LEVELS,
  type Result,
  type Unit,
  type UnitLevel,
} from '@suocha/core';
import {
  getChildren,
  getGroup,
  getGroupMembers,
  getIndicator,
  getSubtree,
  getUnit,
  getUnitsByCodes,
  listGapObservations,
  type GapObservation,
  type GroupMember,
  type Store,
} from '@suocha/store';
import { regionalMeasures, type MeasuredUnit } from './regional-measures';
import type { RegionalBelowLine, RegionalGaps, RegionalUnitRow, StockRule } from './regional-types';
import { regionalUrbanRural } from './regional-urban-rural';
import { pickStock, type StockPick } from './stock-vintage';

export interface RegionalGapsRequest {
  /** Indicator measured, e.g. `resident_income`. */
  readonly indicator: string;
  /** The unit whose children (or whose subtree's `level`) are compared, e.g. 330000. */
  readonly of: string;
  /** Level of the subtree to compare; absent: the children of `of`. */
  readonly level?: UnitLevel | undefined;
  /** Group for the decomposition (members vs the rest) and the group ratio, e.g. `mountain_island`. */
  readonly group?: string | undefined;
  /** Compare only the group's members (the set is the group as of the date). */
  readonly onlyGroup?: boolean | undefined;
  /** Units and memberships in force on this date (YYYY-MM-DD); default the period's end. */
  readonly asOf?: string | undefined;
  /** Period, e.g. `2020Q3-YTD`; default the period with the most units having a value. */
  readonly period?: string | undefined;
  /** Reference line as a value … */
  readonly line?: number | undefined;
  /** … or as another unit's value of the same indicator and period (100000: the national figure). */
  readonly lineUnit?: string | undefined;
  readonly populationIndicator?: string | undefined;
  readonly urbanIndicator?: string | undefined;
  readonly ruralIndicator?: string | undefined;
  readonly urbanPopulationIndicator?: string | undefined;
  readonly ruralPopulationIndicator?: string | undefined;
}

export type RegionalGapsErrorCode =
  'INVALID_INPUT' | 'INDICATOR_NOT_FOUND' | 'UNIT_NOT_FOUND' | 'GROUP_NOT_FOUND' | 'NO_DATA';

export interface RegionalGapsError {
  readonly code: RegionalGapsErrorCode;
  readonly message: string;
  readonly field?: string;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const SYNTHETIC_LABEL = '模拟数据';

const fail = (code: RegionalGapsErrorCode, message: string, field?: string) =>
  err<RegionalGapsError>(field === undefined ? { code, message } : { code, message, field });

function validDate(s: string): boolean {
  if (!DATE.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(s);
}

/** Observations by indicator, then unit, then period. */
class ObservationIndex {
  private readonly map = new Map<string, Map<string, Map<string, GapObservation>>>();
  constructor(rows: readonly GapObservation[]) {
    for (const o of rows) {
      let byUnit = this.map.get(o.indicatorCode);
      if (!byUnit) this.map.set(o.indicatorCode, (byUnit = new Map()));
      let byPeriod = byUnit.get(o.unitCode);
      if (!byPeriod) byUnit.set(o.unitCode, (byPeriod = new Map()));
      byPeriod.set(o.period, o);
    }
  }
  get(indicator: string, unit: string, period: string): GapObservation | undefined {
    return this.map.get(indicator)?.get(unit)?.get(period);
  }
  series(indicator: string, unit: string): GapObservation[] {
    return [...(this.map.get(indicator)?.get(unit)?.values() ?? [])];
  }
  /** Every observation of the indicator for the given units. */
  of(indicator: string, units: Iterable<string>): GapObservation[] {
    const byUnit = this.map.get(indicator);
    const out: GapObservation[] = [];
    if (!byUnit) return out;
    for (const u of units) for (const o of byUnit.get(u)?.values() ?? []) out.push(o);
    return out;
  }
}

export async function regionalGaps(
  store: Store,
  req: RegionalGapsRequest,
): Promise<Result<RegionalGaps, RegionalGapsError>> {
  // Input -------------------------------------------------------------------------------------------
  if (req.asOf !== undefined && !validDate(req.asOf))
    return fail(
      'INVALID_INPUT',
      `日期应为 YYYY-MM-DD (asOf must be a date YYYY-MM-DD): "${req.asOf}"`,
      'asOf',
    );
  let period: string | undefined;
  if (req.period !== undefined) {
    const p = parsePeriod(req.period);
    if (!p.ok) return fail('INVALID_INPUT', p.error.message, 'period');
    period = formatPeriod(p.value);
  }
  if (req.line !== undefined && !Number.isFinite(req.line))
    return fail('INVALID_INPUT', `参考线应为数字 (line must be a number): ${req.line}`, 'line');
  if (req.line !== undefined && req.lineUnit !== undefined)
    return fail('INVALID_INPUT', '参考线只能给一个 (give line or lineUnit, not both)', 'line');
  if (req.onlyGroup && req.group === undefined)
    return fail('INVALID_INPUT', '只比较分组成员时须指定分组 (onlyGroup needs a group)', 'group');
  if (req.level !== undefined && !isUnitLevel(req.level))
    return fail('INVALID_INPUT', `未知层级 (unknown level) "${String(req.level)}"`, 'level');

  const indicator = await getIndicator(store, req.indicator);
  if (!indicator)
    return fail('INDICATOR_NOT_FOUND', `未知指标 (unknown indicator) "${req.indicator}"`, 'indicator');
  const of = await getUnit(store, req.of);
  if (!of) return fail('UNIT_NOT_FOUND', `区划 ${req.of} 不存在 (no unit with code ${req.of})`, 'of');
  let candidates: Unit[];
  let level: UnitLevel;
  if (req.level !== undefined) {
    if (levelDepth(req.level) <= levelDepth(of.level))
      return fail(
        'INVALID_INPUT',
        `层级 ${req.level} 不在 ${of.name} (${of.level}) 之下 (level must be below the unit's own level)`,
        'level',
      );
    level = req.level;
    candidates = (await getSubtree(store, of.code, level)) ?? [];
  } else {
    candidates = await getChildren(store, of.code);
    const next = levelDepth(of.level) + 1;
    level = candidates[0]?.level ?? UNIT_LEVELS[Math.min(next, UNIT_LEVELS.length - 1)]!;
  }
  if (candidates.length === 0)
    return fail(
      'NO_DATA',
      `${of.name} ${of.code} 之下没有${level}级单位 (no ${level} units under ${of.code})`,
      'of',
    );

  const group = req.group !== undefined ? await getGroup(store, req.group) : undefined;
  if (req.group !== undefined && !group)
    return fail('GROUP_NOT_FOUND', `未知分组 (unknown group) "${req.group}"`, 'group');
  const memberships: GroupMember[] = group ? await getGroupMembers(store, group.code) : [];
  const lineUnit = req.lineUnit !== undefined ? await getUnit(store, req.lineUnit) : undefined;
  if (req.lineUnit !== undefined && !lineUnit)
    return fail(
      'UNIT_NOT_FOUND',
      `参考单位 ${req.lineUnit} 不存在 (no unit with code ${req.lineUnit})`,
      'lineUnit',
    );

  const ind = {
    value: indicator.code,
    population: req.populationIndicator ?? 'population',
    urban: req.urbanIndicator ?? 'urban_income',
    rural: req.ruralIndicator ?? 'rural_income',
    urbanPopulation: req.urbanPopulationIndicator ?? 'urban_population',
    ruralPopulation: req.ruralPopulationIndicator ?? 'rural_population',
  };
  const obs = new ObservationIndex(
    await listGapObservations(store, {
      indicators: Object.values(ind),
      unitCodes: [...candidates.map((u) => u.code), of.code, ...(lineUnit ? [lineUnit.code] : [])],
    }),
  );

  // The set on a date, and the period ------------------------------------------------------------------
  const memberOn = (code: string, date: string) =>
    memberships.some(
      (m) => m.code === code && inForceOn({ validFrom: m.memberFrom, validTo: m.memberTo }, date),
    );
  const setOn = (date: string) =>
    candidates.filter((u) => inForceOn(u, date) && (!req.onlyGroup || memberOn(u.code, date)));

  const periodEnds = new Map<string, string>();
  for (const o of obs.of(
    ind.value,
    candidates.map((u) => u.code),
  ))
    periodEnds.set(o.period, o.periodEnd);
  const periods = [...periodEnds.entries()]
    .map(([p, end]) => ({
      period: p,
      end,
      units: setOn(req.asOf ?? end).filter((u) => obs.get(ind.value, u.code, p)).length,
    }))
    .filter((p) => p.units > 0)
    .sort((a, b) => (a.end < b.end ? -1 : a.end > b.end ? 1 : a.period < b.period ? -1 : 1));
  let periodChoice: RegionalGaps['periodChoice'] = 'given';
  if (period === undefined) {
    periodChoice = 'most_units';
    let best: (typeof periods)[number] | undefined;
    for (const p of periods) if (!best || p.units >= best.units) best = p; // ascending: the latest wins a tie
    if (!best)
      return fail(
        'NO_DATA',
        `${candidates.length} 个单位均无 ${indicator.nameZh} 的已审核数据 (no approved value of ${indicator.code} for any ${level} unit under ${of.code}${group && req.onlyGroup ? ` in group ${group.code}` : ''})`,
        'indicator',
      );
    period = best.period;
  }
  const parsed = parsePeriod(period);
  if (!parsed.ok) return fail('INVALID_INPUT', parsed.error.message, 'period');
  const periodEnd = periodEndDate(parsed.value);
  const asOf = req.asOf ?? periodEnd;
  const set = setOn(asOf);
  const notes: string[] = [];

  // Rows -------------------------------------------------------------------------------------------------
  const parentNames = new Map(
    (await getUnitsByCodes(store, [...new Set(set.map((u) => u.parentCode ?? ''))])).map((u) => [
      u.code,
      u.name,
    ]),
  );
  let synthetic = false;
  const rules: Record<StockRule, number> = { same_period: 0, same_year: 0, earlier: 0 };
  const rows: RegionalUnitRow[] = set.map((u) => {
    const o = obs.get(ind.value, u.code, period);
    const pop: StockPick | null = o ? pickStock(obs.series(ind.population, u.code), period, periodEnd) : null;
    if (o?.synthetic || pop?.observation.synthetic) synthetic = true;
    if (pop) rules[pop.rule]++;
    return {
      code: u.code,
      name: u.name,
      parentCode: u.parentCode,
      parentName: u.parentCode === null ? null : (parentNames.get(u.parentCode) ?? null),
      inGroup: group ? memberOn(u.code, asOf) : null,
      value: o?.value ?? null,
      source: o?.source ?? null,
      synthetic: o?.synthetic ?? false,
      population: pop?.observation.value ?? null,
      populationPeriod: pop?.observation.period ?? null,
      populationRule: pop?.rule ?? null,
    };
  });
  const withData = rows.filter((r) => r.value !== null);
  const lacking = withData.filter((r) => !(r.population !== null && r.population > 0)).map((r) => r.code);
  const populationWeights = withData.length > 0 && lacking.length === 0;

  if (rows.length - withData.length > 0)
    notes.push(
      `${set.length} 个单位中 ${rows.length - withData.length} 个本期无已审核数据, 已列出, 未填补 (${rows.length - withData.length} of ${set.length} units have no approved value for ${period}; listed, never filled)`,
    );
  if (populationWeights) {
    const parts = (Object.entries(rules) as [StockRule, number][])
      .filter(([, n]) => n > 0)
      .map(([rule, n]) => `${rule} ${n}`);
    notes.push(
      `权重为常住人口 (population weights from ${ind.population}: ${parts.join(', ')}; see populationPeriod per unit)`,
    );
  } else if (withData.length > 0)
    notes.push(
      `${lacking.length} 个有数据的单位缺少人口, 全部按等权计算 (equal weights: no ${ind.population} for ${lacking.join(', ')})`,
    );

  // Measures ---------------------------------------------------------------------------------------------
  const parentObs = obs.get(ind.value, of.code, period);
  if (parentObs?.synthetic) synthetic = true;
  const parentValue = parentObs?.value ?? null;
  let line: {
    line: number;
    lineSource: RegionalBelowLine['lineSource'];
    lineUnit: RegionalBelowLine['lineUnit'];
  } | null = null;
  if (req.line !== undefined) line = { line: req.line, lineSource: 'value', lineUnit: null };
  else if (lineUnit) {
    const lo = obs.get(ind.value, lineUnit.code, period);
    if (lo) {
      if (lo.synthetic) synthetic = true;
      line = { line: lo.value, lineSource: 'unit', lineUnit: { code: lineUnit.code, name: lineUnit.name } };
    } else
      notes.push(
        `${lineUnit.name} 本期无 ${indicator.code} 数值, 不计算低于参考线的单位 (${lineUnit.code} has no value for ${period}: no reference line)`,
      );
  } else if (parentValue !== null)
    line = { line: parentValue, lineSource: 'parent', lineUnit: { code: of.code, name: of.name } };
  else
    notes.push(
      `${of.name} 本期无数值, 未设参考线 (no reference line: ${of.code} has no value for ${period}; give line or lineUnit)`,
    );

  const measured: MeasuredUnit[] = withData.map((r) => ({
    code: r.code,
    name: r.name,
    parentCode: r.parentCode,
    parentName: r.parentName,
    inGroup: r.inGroup,
    value: r.value!,
    population: r.population,
  }));
  const m = regionalMeasures({
    units: measured,
    populationWeights,
    group: group ? { code: group.code, nameZh: group.nameZh } : null,
    parentValue,
    line,
    byParent: req.level !== undefined,
  });
  notes.push(...m.notes);
  const members = group ? rows.filter((r) => r.inGroup).length : 0;
  if (group && members === 0)
    notes.push(
      `${asOf} 时本范围内没有 ${group.nameZh} 成员 (no unit of the set is a member of ${group.code} on ${asOf}; membership is dated — try another asOf)`,
    );

  // Urban-rural ------------------------------------------------------------------------------------------
  const ur = regionalUrbanRural({
    urbanIndicator: ind.urban,
    ruralIndicator: ind.rural,
    period,
    units: set.map((u) => ({
      code: u.code,
      name: u.name,
      urban: obs.get(ind.urban, u.code, period),
      rural: obs.get(ind.rural, u.code, period),
      urbanPopulation: pickStock(obs.series(ind.urbanPopulation, u.code), period, periodEnd),
      ruralPopulation: pickStock(obs.series(ind.ruralPopulation, u.code), period, periodEnd),
    })),
    parent: {
      code: of.code,
      name: of.name,
      urban: obs.get(ind.urban, of.code, period)?.value,
      rural: obs.get(ind.rural, of.code, period)?.value,
    },
  });
  notes.push(...ur.notes);
  for (const code of set.map((u) => u.code))
    for (const i of [ind.urban, ind.rural, ind.urbanPopulation, ind.ruralPopulation])
      if (obs.get(i, code, period)?.synthetic) synthetic = true;
  if (synthetic)
    notes.push(`含模拟数据 (${SYNTHETIC_LABEL}: some values are generated demo data, not statistics)`);

  return ok({
    indicator: {
      code: indicator.code,
      nameZh: indicator.nameZh,
      nameEn: indicator.nameEn,
      unit: indicator.unit,
    },
    of: { code: of.code, name: of.name, level: of.level },
    level,
    set: req.onlyGroup ? 'group' : req.level !== undefined ? 'level' : 'children',
    period,
    periodChoice,
    periods: periods.map((p) => ({ period: p.period, units: p.units })),
    asOf,
    asOfChoice: req.asOf !== undefined ? 'given' : 'period_end',
    group: group ? { code: group.code, nameZh: group.nameZh, nameEn: group.nameEn, members } : null,
    coverage: {
      units: rows.length,
      withData: withData.length,
      withoutData: rows.length - withData.length,
      share: rows.length > 0 ? withData.length / rows.length : 0,
    },
    weights: {
      kind: populationWeights ? 'population' : 'equal',
      indicator: ind.population,
      missing: lacking,
    },
    parent: { code: of.code, name: of.name, value: parentValue },
    units: rows,
    measures: m.measures,
    urbanRural: ur.urbanRural,
    notes,
    synthetic,
    syntheticLabel: synthetic ? SYNTHETIC_LABEL : null,
  });
}
