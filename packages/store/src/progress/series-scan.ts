/**
 * The fast bulk read of progress inputs (issue 4 §7: every status of 297,800 targets with 2.98 million
 * observations): per indicator, its targets and its counted observations grouped per series (unit) by
 * the database, each returned as a few flat JSON arrays — units, synthetic flags, the series' period
 * lists, their lengths and all values in one array. Crossing from the driver into JavaScript per row, or
 * parsing an object per observation, is what costs most at this size; flat arrays of numbers parse
 * without allocating per value. JSON renders doubles exactly on both engines (SQLite ≥ 3.47 and
 * PostgreSQL ≥ 12 print the shortest representation that reads back to the same double).
 */
import { sql } from 'kysely';
import type { Store } from '../db';
import { COUNTED_STATUSES, type ProgressBulkTarget } from './progress-read';
import { perKeyRows } from './series-reader';

/**
 * Separates the periods of one series in `ProgressSeriesBatch.periods`. A valid period never contains it;
 * a stored string that does shows as more pieces than the series' count, and the caller reads that
 * series by itself (`listSeriesObservations`).
 */
export const PERIOD_SEPARATOR = ',';

/** One indicator's targets and series, columnar. */
export interface ProgressSeriesBatch {
  readonly indicatorCode: string;
  readonly polarity: 'up' | 'down';
  readonly definition: string;
  /** Targets, in no particular order (one per plan, unit and year: `targets_key` is unique). */
  readonly targets: readonly ProgressBulkTarget[];
  /** Per series (one per unit with counted observations), ordered by unit: */
  readonly units: readonly string[];
  /** 1 when a value of the series is synthetic (模拟数据). */
  readonly synthetic: readonly number[];
  /**
   * The series' periods joined by PERIOD_SEPARATOR, in the order of its values (no particular order);
   * series with the same periods in the same order have equal strings.
   */
  readonly periods: readonly string[];
  /** Number of values of each series; series s starts at the sum of the counts before it. */
  readonly counts: readonly number[];
  /** The values of all series, one after another, each in the order of its periods. */
  readonly values: readonly number[];
}

interface SeriesRow {
  readonly u: string | null;
  readonly s: string | null;
  readonly p: string | null;
  readonly n: string | null;
  readonly v: string | null;
}

const parse = <T>(v: unknown, empty: T): T =>
  v === null || v === undefined ? empty : typeof v === 'string' ? (JSON.parse(v) as T) : (v as T);

/**
 * Every target of the database with the counted observations (approved or locked, ended by
 * `periodEndBy`) of its indicator grouped per unit, one indicator at a time, in indicator order.
 */
export async function scanProgressSeries(
  store: Store,
  options: {
    readonly periodEndBy?: string;
    readonly indicatorCodes?: readonly string[];
    /** SQLite: share the series queries with a worker thread (series-reader.ts). */
    readonly parallel?: boolean;
  },
  onIndicator: (batch: ProgressSeriesBatch) => void | Promise<void>,
): Promise<void> {
  const pg = store.engine === 'postgres';
  const only = options.indicatorCodes;
  const until = options.periodEndBy ?? '9999-12-31';
  const targetJson = pg
    ? sql`json_agg(json_build_array(t.id, t.plan_code, t.unit_code, t.year, t.comparator, t.value, t.baseline_period, t.baseline_value))`
    : sql`json_group_array(json_array(t.id, t.plan_code, t.unit_code, t.year, t.comparator, t.value, t.baseline_period, t.baseline_value))`;
  const statuses = COUNTED_STATUSES.map((s) => `'${s}'`).join(', ');
  const sqlite = store.raw.sqlite;
  // SQLite: a series comes out of the index (indicator, unit, period) as one group; the outer aggregate
  // folds the groups into five strings per indicator, one call through the raw driver. No ORDER BY inside
  // the aggregates (it costs a sort per series, doubling the time): periods and values of a series are
  // aggregated in the same pass and so stay aligned, and callers do not depend on their order.
  const seriesSql = `select json_group_array(unit_code) as u, json_group_array(s) as s, json_group_array(p) as p,
       json_group_array(n) as n, '[' || group_concat(substr(v, 2, length(v) - 2), ',') || ']' as v
     from (select unit_code, max(synthetic) as s, count(*) as n, group_concat(period, ',') as p,
             json_group_array(value) as v
           from observations
           where indicator_code = ? and status in (${statuses}) and period_end <= ?
           group by unit_code)`;
  // The indicators first (from the index), so that the worker starts before the targets are read.
  const codes = (
    await sql<{ indicator_code: string }>`
      select distinct indicator_code from targets
      ${only ? sql`where indicator_code in (${sql.join(only.length ? only : [''])})` : sql``}
      order by indicator_code`.execute(store.db)
  ).rows.map((r) => r.indicator_code);
  const rows = sqlite
    ? perKeyRows(
        sqlite,
        seriesSql,
        codes.map((c) => [c]),
        [until],
        options.parallel === true,
      )
    : undefined;
  try {
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

    // Both lists come from one connection; a commit in between (another connection) may add one.
    const index = new Map(codes.map((c, k) => [c, k]));
    for (const g of groups.rows) {
      let row: SeriesRow | undefined;
      if (rows) {
        const k = index.get(g.indicator_code);
        row = (k === undefined ? rows.direct([g.indicator_code]) : await rows.row(k)) as
          SeriesRow | undefined;
      } else {
        const r = await sql<SeriesRow>`
          select json_agg(unit_code order by unit_code) as u, json_agg(s order by unit_code) as s,
            json_agg(p order by unit_code) as p, json_agg(n order by unit_code) as n,
            '[' || coalesce(string_agg(v, ',' order by unit_code), '') || ']' as v
          from (select unit_code, max(synthetic) as s, count(*) as n,
                  string_agg(period, ',' order by period collate "C") as p,
                  string_agg(to_json(value)::text, ',' order by period collate "C") as v
                from observations
                where indicator_code = ${g.indicator_code} and status in (${sql.join(COUNTED_STATUSES)})
                  and period_end <= ${until}
                group by unit_code) x`.execute(store.db);
        row = r.rows[0];
      }
      await onIndicator({
        indicatorCode: g.indicator_code,
        polarity: g.polarity,
        definition: g.definition,
        targets: parse<ProgressBulkTarget[]>(g.j, []),
        units: parse<string[]>(row?.u, []),
        synthetic: parse<number[]>(row?.s, []),
        periods: parse<string[]>(row?.p, []),
        counts: parse<number[]>(row?.n, []),
        values: parse<number[]>(row?.v, []),
      });
    }
  } finally {
    await rows?.close();
  }
}
