/**
 * What the regional gap measures read (METHODS.md §2): the counted observations (approved or locked) of a
 * few indicators — the measured one, population, urban and rural income and population — for a set of
 * units, every period at once, so that the service can choose the period and the population vintage per
 * unit and say which it used.
 */
import type { Store } from '../db';
import type { ObservationStatus } from '../schema';

/** Values that count for analysis: approved by the level above, or locked after that. */
export const GAP_STATUSES: readonly ObservationStatus[] = ['approved', 'locked'];

export interface GapObservation {
  readonly indicatorCode: string;
  readonly unitCode: string;
  readonly period: string;
  readonly periodEnd: string;
  readonly value: number;
  readonly source: string;
  readonly synthetic: boolean;
}

const CHUNK = 500;
const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Current values of `indicators` for `unitCodes` (every period) with a counted status, ordered by
 * indicator, unit and period end (then period).
 */
export async function listGapObservations(
  store: Store,
  filter: {
    readonly indicators: readonly string[];
    readonly unitCodes: readonly string[];
    readonly statuses?: readonly ObservationStatus[];
  },
): Promise<GapObservation[]> {
  const statuses = filter.statuses ?? GAP_STATUSES;
  const indicators = [...new Set(filter.indicators)];
  const units = [...new Set(filter.unitCodes)];
  if (indicators.length === 0 || units.length === 0 || statuses.length === 0) return [];
  const out: GapObservation[] = [];
  for (let i = 0; i < units.length; i += CHUNK) {
    const rows = await store.db
      .selectFrom('observations')
      .select(['indicator_code', 'unit_code', 'period', 'period_end', 'value', 'source', 'synthetic'])
      .where('indicator_code', 'in', indicators)
      .where('unit_code', 'in', units.slice(i, i + CHUNK))
      .where('status', 'in', statuses)
      .execute();
    for (const r of rows)
      out.push({
        indicatorCode: r.indicator_code,
        unitCode: r.unit_code,
        period: r.period,
        periodEnd: r.period_end,
        value: r.value,
        source: r.source,
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
