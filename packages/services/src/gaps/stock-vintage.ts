/**
 * Which value of a stock (resident population, urban and rural population) weighs a unit's value for a
 * period: the same period if there is one; else, for a sub-annual period, the annual value of the same
 * year (a census or year-end count describes the year); else the latest earlier period. Never a later
 * year. The rule used is returned so that the answer can say it per unit.
 */
import { parsePeriod } from '@suocha/core';
import type { GapObservation } from '@suocha/store';
import type { StockRule } from './regional-types';

export interface StockPick {
  readonly observation: GapObservation;
  readonly rule: StockRule;
}

/** The value of one unit's stock series (any order) to use for `period` (canonical), or null. */
export function pickStock(
  series: readonly GapObservation[],
  period: string,
  periodEnd: string,
): StockPick | null {
  const same = series.find((o) => o.period === period);
  if (same) return { observation: same, rule: 'same_period' };
  const p = parsePeriod(period);
  if (p.ok && p.value.kind !== 'year') {
    const year = series.find((o) => o.period === String(p.value.year));
    if (year) return { observation: year, rule: 'same_year' };
  }
  let best: GapObservation | undefined;
  for (const o of series) {
    if (o.periodEnd >= periodEnd) continue;
    if (!best || o.periodEnd > best.periodEnd || (o.periodEnd === best.periodEnd && o.period < best.period))
      best = o;
  }
  return best ? { observation: best, rule: 'earlier' } : null;
}
