/**
 * What an index run reads: the units at a level under a scope (with their province, for ratios to the
 * province), and the observations of a set of indicators for those units with their versions.
 */
import { subtreeRange, type Unit, type UnitLevel } from '@suocha/core';
import { sql } from 'kysely';
import type { Store } from '../db';
import type { ObservationStatus } from '../schema';

export interface ScopedUnit extends Unit {
  readonly provinceCode: string;
}

/** Descendants of `scope` at `level` (every unit ever recorded, with its dates), ordered by code. */
export async function listUnitsAtLevel(
  store: Store,
  scope: string,
  level: UnitLevel,
): Promise<ScopedUnit[] | undefined> {
  const root = await store.db.selectFrom('units').select('path').where('code', '=', scope).executeTakeFirst();
  if (!root) return undefined;
  const { from, to } = subtreeRange(root.path);
  const rows = await store.db
    .selectFrom('units')
    .select(['code', 'name', 'level', 'parent_code', 'valid_from', 'valid_to', 'province_code'])
    .where('path', '>', from)
    .where('path', '<', to)
    .where('level', '=', level)
    .orderBy('code')
    .execute();
  return rows.map((r) => ({
    code: r.code,
    name: r.name,
    level: r.level,
    parentCode: r.parent_code,
    validFrom: r.valid_from,
    validTo: r.valid_to,
    provinceCode: r.province_code,
  }));
}

/** Units by code (unknown codes are left out), ordered by code. */
export async function getUnitsByCodes(store: Store, codes: readonly string[]): Promise<Unit[]> {
  const out: Unit[] = [];
  const unique = [...new Set(codes)];
  for (let i = 0; i < unique.length; i += 500) {
    const rows = await store.db
      .selectFrom('units')
      .select(['code', 'name', 'level', 'parent_code', 'valid_from', 'valid_to'])
      .where('code', 'in', unique.slice(i, i + 500))
      .execute();
    for (const r of rows)
      out.push({
        code: r.code,
        name: r.name,
        level: r.level,
        parentCode: r.parent_code,
        validFrom: r.valid_from,
        validTo: r.valid_to,
      });
  }
  return out.sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
}

export interface IndexObservation {
  readonly id: number;
  readonly indicatorCode: string;
  readonly unitCode: string;
  readonly period: string;
  readonly periodEnd: string;
  readonly value: number;
  readonly version: number;
  readonly synthetic: boolean;
}

/**
 * Current observations of the indicators for the units, with period end on or before `periodEndBy`, of
 * the given statuses. Ordered by indicator, unit, period end.
 */
export async function listIndexObservations(
  store: Store,
  filter: {
    readonly indicators: readonly string[];
    readonly unitCodes: readonly string[];
    readonly periodEndBy: string;
    readonly statuses: readonly ObservationStatus[];
  },
): Promise<IndexObservation[]> {
  if (filter.indicators.length === 0 || filter.unitCodes.length === 0 || filter.statuses.length === 0)
    return [];
  const out: IndexObservation[] = [];
  const units = [...new Set(filter.unitCodes)];
  for (let i = 0; i < units.length; i += 500) {
    const rows = await store.db
      .selectFrom('observations')
      .select(['id', 'indicator_code', 'unit_code', 'period', 'period_end', 'value', 'version', 'synthetic'])
      .where('indicator_code', 'in', filter.indicators)
      .where('unit_code', 'in', units.slice(i, i + 500))
      .where('period_end', '<=', filter.periodEndBy)
      .where('status', 'in', filter.statuses)
      .execute();
    for (const r of rows)
      out.push({
        id: r.id,
        indicatorCode: r.indicator_code,
        unitCode: r.unit_code,
        period: r.period,
        periodEnd: r.period_end,
        value: r.value,
        version: r.version,
        synthetic: r.synthetic === 1,
      });
  }
  return out.sort(
    (a, b) =>
      cmp(a.indicatorCode, b.indicatorCode) ||
      cmp(a.unitCode, b.unitCode) ||
      cmp(a.periodEnd, b.periodEnd) ||
      cmp(a.period, b.period),
  );
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export interface ObservationOrigins {
  /** Real observations (synthetic = 0). */
  readonly real: number;
  /** Real observations entered or changed by anything other than the given dataset load. */
  readonly realOutsideLoad: number;
  readonly synthetic: number;
  /** Synthetic observations whose source is not `syntheticSource` (e.g. another demo seed). */
  readonly syntheticOtherSource: number;
}

/**
 * How many observations are real, how many of those came from (or were later changed by) something other
 * than the load whose history `reason` is `loadReason`, and how many are synthetic (and of those, how many
 * have another source than `syntheticSource`). Used to refuse demo data in a database that holds real work.
 */
export async function countObservationOrigins(
  store: Store,
  loadReason: string,
  syntheticSource = '',
): Promise<ObservationOrigins> {
  const totals = await store.db
    .selectFrom('observations')
    .select([
      sql<number>`sum(case when synthetic = 0 then 1 else 0 end)`.as('real'),
      sql<number>`sum(case when synthetic = 1 then 1 else 0 end)`.as('synthetic'),
      sql<number>`sum(case when synthetic = 1 and source <> ${syntheticSource} then 1 else 0 end)`.as(
        'other',
      ),
    ])
    .executeTakeFirstOrThrow();
  const outside = await store.db
    .selectFrom('observations as o')
    .select(sql<number>`count(*)`.as('n'))
    .where('o.synthetic', '=', 0)
    .where((eb) =>
      eb.or([
        eb('o.version', '>', 1),
        eb.exists(
          eb
            .selectFrom('observation_history as h')
            .select('h.id')
            .whereRef('h.observation_id', '=', 'o.id')
            .where('h.reason', '<>', loadReason),
        ),
        eb.not(
          eb.exists(
            eb
              .selectFrom('observation_history as h')
              .select('h.id')
              .whereRef('h.observation_id', '=', 'o.id')
              .where('h.reason', '=', loadReason),
          ),
        ),
      ]),
    )
    .executeTakeFirstOrThrow();
  return {
    real: Number(totals.real ?? 0),
    realOutsideLoad: Number(outside.n),
    synthetic: Number(totals.synthetic ?? 0),
    syntheticOtherSource: Number(totals.other ?? 0),
  };
}
