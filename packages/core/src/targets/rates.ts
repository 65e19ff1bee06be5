import type { RateMethod } from './types';

/**
 * Annual rate of change from (t0, y0) to (t1, y1), METHODS.md §1 (Open SDG / Statistics Canada):
 * compound r = (y1/y0)^(1/(t1 − t0)) − 1 (CAGR; y0, y1 > 0 — y1 = 0 gives −1), or linear
 * r = (y1 − y0)/(t1 − t0) for indicators flagged linear. Returns NaN when t1 ≤ t0 or when a compound
 * rate is asked of values it is not defined for; callers check inputs first and report a reason code.
 */
export function annualRate(y0: number, t0: number, y1: number, t1: number, method: RateMethod): number {
  const span = t1 - t0;
  if (!(span > 0)) return Number.NaN;
  if (method === 'linear') return (y1 - y0) / span;
  if (!(y0 > 0) || !(y1 >= 0)) return Number.NaN;
  return Math.pow(y1 / y0, 1 / span) - 1;
}

/** Whether `value` can enter a rate of the given method (compound needs > 0, METHODS.md §1). */
export function rateDefined(value: number, method: RateMethod): boolean {
  return Number.isFinite(value) && (method === 'linear' || value > 0);
}
