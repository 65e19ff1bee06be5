/**
 * Neighbouring periods used by validation rules (`prev`, `ly`) and by the history a value is compared
 * with. Periods as in period.ts (DESIGN.md "Periods").
 */
import type { Period } from '../period';

const PER_YEAR = { year: 1, half: 2, quarter: 4, month: 12 } as const;

/** The period of the same kind just before, across a year boundary (2025-01 → 2024-12). */
export function precedingPeriod(p: Period): Period {
  if (p.index > 1) return { ...p, index: p.index - 1 };
  return { ...p, year: p.year - 1, index: PER_YEAR[p.kind] };
}

/**
 * `prev()` of a rule: the preceding period — but for year-to-date data only within the same year, since
 * the running total restarts each January (2025-01-YTD has no previous value to be compared with).
 */
export function previousForRules(p: Period): Period | undefined {
  if (p.ytd && p.index === 1) return undefined;
  return precedingPeriod(p);
}

/** `ly()` of a rule: the same period of the previous year. */
export function sameLastYear(p: Period): Period {
  return { ...p, year: p.year - 1 };
}
