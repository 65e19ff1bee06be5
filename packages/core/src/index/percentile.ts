/**
 * Percentiles of an ascending-sorted sample.
 * - Linear interpolation (Hyndman & Fan 1996 type 7, the default of R `quantile` and NumPy `percentile`):
 *   used for winsorising bounds (METHODS.md §4 "Outliers").
 * - Nearest rank (the ⌈p/100·N⌉-th smallest value): used for Monte Carlo rank percentiles (METHODS.md §4
 *   "Uncertainty"), so that a reported percentile is always a rank that actually occurred.
 */
export function percentileLinear(sorted: ArrayLike<number>, p: number): number {
  const n = sorted.length;
  if (n === 0) return Number.NaN;
  const h = ((n - 1) * Math.min(Math.max(p, 0), 100)) / 100;
  const lo = Math.floor(h);
  const hi = Math.min(lo + 1, n - 1);
  const a = sorted[lo]!;
  return a + (h - lo) * (sorted[hi]! - a);
}

/** Nearest-rank percentile: the ⌈p/100·N⌉-th smallest value (the smallest value for p = 0). */
export function percentileNearestRank(sorted: ArrayLike<number>, p: number): number {
  const n = sorted.length;
  if (n === 0) return Number.NaN;
  const ordinal = Math.min(Math.max(Math.ceil((Math.min(Math.max(p, 0), 100) / 100) * n), 1), n);
  return sorted[ordinal - 1]!;
}
