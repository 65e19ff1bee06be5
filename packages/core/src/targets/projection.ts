import type { RateMethod } from './types';

/**
 * Projection to the target time, METHODS.md §1: y_T ≈ y_t·(1 + r_obs)^(T − t) for compound rates, or
 * y_t + r_obs·(T − t) for linear ones (r_obs then a change per year).
 */
export function projectValue(
  latest: number,
  rObs: number,
  latestTime: number,
  targetTime: number,
  method: RateMethod = 'compound',
): number {
  const years = targetTime - latestTime;
  return method === 'linear' ? latest + rObs * years : latest * Math.pow(1 + rObs, years);
}

/**
 * Required annual change from now, METHODS.md §1: (y* / y_t)^(1/(T − t)) − 1 (compound), or
 * (y* − y_t)/(T − t) per year (linear). Null when the target time is not after t, or when a compound
 * rate is undefined (y_t ≤ 0 or y* < 0).
 */
export function requiredAnnualChange(
  latest: number,
  target: number,
  latestTime: number,
  targetTime: number,
  method: RateMethod = 'compound',
): number | null {
  const years = targetTime - latestTime;
  if (!(years > 0)) return null;
  if (method === 'linear') return (target - latest) / years;
  if (!(latest > 0) || !(target >= 0)) return null;
  return Math.pow(target / latest, 1 / years) - 1;
}
