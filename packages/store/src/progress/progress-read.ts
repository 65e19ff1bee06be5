/**
 * What progress to target reads: targets with their indicator and plan, and the observations of their
 * series. Two paths: by unit (the API: one unit, or the units of one level below it) and in bulk per
 * indicator (every target of the database, for warnings and the benchmark), where each indicator's
 * observations come back as one JSON array built by the database, because crossing from the driver to
 * JavaScript once per row is what costs most when millions of rows are read.
 */
import { subtreeRange, type UnitLevel } from '@suocha/core';
import { sql } from 'kysely';
import type { Store } from '../db';
import type { ObservationStatus, TargetsTable } from '../schema';

/** Statuses of values that count for progress: approved by the level above (or locked after that). */
export const COUNTED_STATUSES: readonly ObservationStatus[] = ['approved', 'locked'];

export interface ProgressTarget {
  readonly id: number;
  readonly indicatorCode: string;
  readonly planCode: string;
  readonly unitCode: string;
  readonly unitName: string;
  readonly year: number;
  readonly comparator: TargetsTable['comparator'];
  readonly value: number;
  readonly baselinePeriod: string | null;
  readonly baselineValue: number | null;
  readonly source: string;
  readonly planTitle: string;
  readonly planIssuedOn: string;
  readonly indicatorNameZh: string;
  readonly indicatorNameEn: string;
  readonly indicatorUnit: string;
  readonly polarity: 'up' | 'down';
  readonly definition: string;
}

/**
 * Targets set for one unit, or (with `level`) for the units of that level in its subtree, with their
 * indicator and plan; ordered by unit, indicator, year, plan.
 */
export async function listProgressTargets(
  store: Store,
  scope: { readonly unitCode: string; readonly level?: UnitLevel },
): Promise<ProgressTarget[]> {
  let q = store.db
    .selectFrom('targets as t')
    .innerJoin('indicators as i', 'i.code', 't.indicator_code')
    .innerJoin('plans as p', 'p.code', 't.plan_code')
    .innerJoin('units as u', 'u.code', 't.unit_code')
    .select([
      't.id',
      't.indicator_code',
      't.plan_code',
      't.unit_code',
      'u.name as unit_name',
      't.year',
      't.comparator',
      't.value',
      't.baseline_period',
      't.baseline_value',
      't.source',
      'p.title as plan_title',
      'p.issued_on as plan_issued_on',
      'i.name_zh',
      'i.name_en',
      'i.unit as indicator_unit',
      'i.polarity',
      'i.definition',
    ]);
  if (scope.level === undefined) q = q.where('t.unit_code', '=', scope.unitCode);
  else {
    const path = await store.db
      .selectFrom('units')
      .select('path')
      .where('code', '=', scope.unitCode)
      .executeTakeFirst();
    if (!path) return [];
    const { from, to } = subtreeRange(path.path);
    q = q.where('u.path', '>', from).where('u.path', '<', to).where('u.level', '=', scope.level);
  }
  const rows = await q
    .orderBy('t.unit_code')
    .orderBy('t.indicator_code')
    .orderBy('t.year')
    .orderBy('t.plan_code')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    indicatorCode: r.indicator_code,
    planCode: r.plan_code,
    unitCode: r.unit_code,
    unitName: r.unit_name,
    year: r.year,
    comparator: r.comparator,
    value: r.value,
    baselinePeriod: r.baseline_period,
    baselineValue: r.baseline_value,
    source: r.source,
    planTitle: r.plan_title,
    planIssuedOn: r.plan_issued_on,
    indicatorNameZh: r.name_zh,
    indicatorNameEn: r.name_en,
    indicatorUnit: r.indicator_unit,
    polarity: r.polarity,
    definition: r.definition,
  }));
}

export interface ProgressSeriesObservation {
  readonly id: number;
  readonly indicatorCode: string;
  readonly unitCode: string;
  readonly period: string;
  readonly periodEnd: string;
  readonly value: number;
  readonly source: string;
  readonly synthetic: boolean;
  readonly version: number;
}

/**
 * Counted observations (approved or locked) of the given indicators for the given units, ended by
 * `periodEndBy`; ordered by indicator, unit, period end.
 */
export async function listSeriesObservations(
  store: Store,
  filter: {
    readonly unitCodes: readonly string[];
    readonly indicatorCodes: readonly string[];
    readonly periodEndBy?: string;
  },
): Promise<ProgressSeriesObservation[]> {
  if (filter.unitCodes.length === 0 || filter.indicatorCodes.length === 0) return [];
  const out: ProgressSeriesObservation[] = [];
  const units = [...new Set(filter.unitCodes)];
  const indicators = [...new Set(filter.indicatorCodes)];
  for (let i = 0; i < units.length; i += 400) {
    let q = store.db
      .selectFrom('observations')
      .select([
        'id',
        'indicator_code',
        'unit_code',
        'period',
        'period_end',
        'value',
        'source',
        'synthetic',
        'version',
      ])
      .where('unit_code', 'in', units.slice(i, i + 400))
      .where('indicator_code', 'in', indicators)
      .where('status', 'in', COUNTED_STATUSES);
    if (filter.periodEndBy) q = q.where('period_end', '<=', filter.periodEndBy);
    const rows = await q.orderBy('indicator_code').orderBy('unit_code').orderBy('period_end').execute();
    for (const r of rows)
      out.push({
        id: r.id,
        indicatorCode: r.indicator_code,
        unitCode: r.unit_code,
        period: r.period,
        periodEnd: r.period_end,
        value: r.value,
        source: r.source,
        synthetic: r.synthetic === 1,
        version: r.version,
      });
  }
  return out;
}

/** One target in the bulk path: [id, plan, unit, year, comparator, value, baseline period, baseline value]. */
export type ProgressBulkTarget = readonly [
  number,
  string,
  string,
  number,
  TargetsTable['comparator'],
  number,
  string | null,
  number | null,
];

/** One observation in the bulk path; `u` is the unit, `s` 1 for synthetic data. */
export interface ProgressBulkObservation {
  readonly u: string;
  readonly period: string;
  readonly value: number;
  readonly s: number;
}

export interface ProgressIndicatorBatch {
  readonly indicatorCode: string;
  readonly polarity: 'up' | 'down';
  readonly definition: string;
  readonly targets: readonly ProgressBulkTarget[];
  readonly observations: readonly ProgressBulkObservation[];
}

const parseJson = <T>(v: unknown): T => (typeof v === 'string' ? (JSON.parse(v) as T) : (v as T));

/**
 * Every target of the database with the counted observations of its indicator, one indicator at a time
 * (bounded memory), in indicator order. Plans' issue dates come separately (`planIssueDates`).
 */
export async function scanProgressInputs(
  store: Store,
  options: { readonly periodEndBy?: string; readonly indicatorCodes?: readonly string[] },
  onIndicator: (batch: ProgressIndicatorBatch) => void | Promise<void>,
): Promise<void> {
  const pg = store.engine === 'postgres';
  // Fixed orders (targets by unit, year, plan; observations by unit, period) so that this path and the
  // columnar one (series-scan.ts) hand the engine the same inputs in the same order.
  const targetJson = pg
    ? sql`json_agg(json_build_array(t.id, t.plan_code, t.unit_code, t.year, t.comparator, t.value, t.baseline_period, t.baseline_value) order by t.unit_code, t.year, t.plan_code, t.id)`
    : sql`json_group_array(json_array(t.id, t.plan_code, t.unit_code, t.year, t.comparator, t.value, t.baseline_period, t.baseline_value) order by t.unit_code, t.year, t.plan_code, t.id)`;
  const only = options.indicatorCodes;
  const groups = await sql<{
    indicator_code: string;
    polarity: 'up' | 'down';
    definition: string;
    j: unknown;
  }>`
    select t.indicator_code, i.polarity, i.definition, ${targetJson} as j
    from targets t join indicators i on i.code = t.indicator_code
    ${only ? sql`where t.indicator_code in (${sql.join(only.length ? only : [''])})` : sql``}
    group by t.indicator_code, i.polarity, i.definition
    order by t.indicator_code`.execute(store.db);
  const statuses = sql.join(COUNTED_STATUSES);
  const until = options.periodEndBy ?? '9999-12-31';
  const sqlite = store.raw.sqlite;
  // SQLite: one prepared statement through the raw driver, so each indicator is one call and one string.
  const stmt = sqlite?.prepare<[string, string], string>(
    `select json_group_array(json_object('u', unit_code, 'period', period, 'value', value, 's', synthetic)
       order by unit_code, period)
     from observations where indicator_code = ? and status in (${COUNTED_STATUSES.map((s) => `'${s}'`).join(', ')})
     and period_end <= ?`,
  );
  for (const g of groups.rows) {
    let observations: ProgressBulkObservation[];
    if (stmt) {
      observations = JSON.parse(
        stmt.pluck().get(g.indicator_code, until) ?? '[]',
      ) as ProgressBulkObservation[];
    } else {
      const r = await sql<{ j: unknown }>`
        select coalesce(json_agg(json_build_object('u', unit_code, 'period', period, 'value', value, 's', synthetic)
          order by unit_code, period collate "C"), '[]'::json) as j
        from observations
        where indicator_code = ${g.indicator_code} and status in (${statuses}) and period_end <= ${until}`.execute(
        store.db,
      );
      observations = parseJson<ProgressBulkObservation[]>(r.rows[0]?.j ?? '[]');
    }
    await onIndicator({
      indicatorCode: g.indicator_code,
      polarity: g.polarity,
      definition: g.definition,
      targets: parseJson<ProgressBulkTarget[]>(g.j),
      observations,
    });
  }
}

/** Issue dates of all plans (for `governingTargets`). */
export async function planIssueDates(store: Store): Promise<Map<string, string>> {
  const rows = await store.db.selectFrom('plans').select(['code', 'issued_on']).execute();
  return new Map(rows.map((r) => [r.code, r.issued_on]));
}

/** Names and paths of units, for labelling bulk results. */
export async function unitLabels(
  store: Store,
  codes: readonly string[],
): Promise<Map<string, { name: string; path: string; provinceCode: string }>> {
  const out = new Map<string, { name: string; path: string; provinceCode: string }>();
  const uniq = [...new Set(codes)];
  for (let i = 0; i < uniq.length; i += 500) {
    const rows = await store.db
      .selectFrom('units')
      .select(['code', 'name', 'path', 'province_code'])
      .where('code', 'in', uniq.slice(i, i + 500))
      .execute();
    for (const r of rows) out.set(r.code, { name: r.name, path: r.path, provinceCode: r.province_code });
  }
  return out;
}

/** The root of the hierarchy (the unit without a parent; the first by code if several). */
export async function rootUnitCode(store: Store): Promise<string | undefined> {
  const r = await store.db
    .selectFrom('units')
    .select('code')
    .where('parent_code', 'is', null)
    .orderBy('code')
    .limit(1)
    .executeTakeFirst();
  return r?.code;
}
