import type { Polarity } from './types';

export interface PathPoint {
  /** Decimal-year time (periodTime / targetYearTime). */
  readonly time: number;
  readonly value: number;
}

export interface OnPathResult {
  /** ŷ(t): the value expected at time t on the straight path from baseline to target. */
  readonly expected: number;
  /** y_t − ŷ(t), signed so that positive is better (ahead of the path). */
  readonly gap: number;
}

/**
 * 序时进度 (expected today), METHODS.md §1: ŷ(t) = y_0 + (y* − y_0)·(t − t_0)/(T − t_0) on the straight
 * line from the baseline (t_0, y_0) to the target (T, y*); gap = y_t − ŷ(t) for higher-is-better and
 * ŷ(t) − y_t for lower-is-better, so positive always means ahead of schedule. Undefined (null) when the
 * target is not after the baseline.
 */
export function expectedOnPath(
  baseline: PathPoint,
  target: PathPoint,
  observed: PathPoint,
  polarity: Polarity,
): OnPathResult | null {
  const span = target.time - baseline.time;
  if (!(span > 0)) return null;
  const expected =
    baseline.value + ((target.value - baseline.value) * (observed.time - baseline.time)) / span;
  const diff = observed.value - expected;
  return { expected, gap: polarity === 'up' ? diff : -diff };
}
