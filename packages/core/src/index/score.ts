/**
 * The 0–100 score scale. Every normalised value, domain score and total is on [0, 100], higher = better.
 * Geometric aggregation needs strictly positive values (METHODS.md §4), so it works on the shifted scale
 * s = 1 + 0.99·x ∈ [1, 100] and maps the mean back with (g − 1)/0.99: a unit with the same value x on
 * every indicator scores x under either aggregation, and both aggregations stay on 0–100.
 */
export const GEOMETRIC_SHIFT_SLOPE = 0.99;

/** x ∈ [0, 100] → s ∈ [1, 100]. */
export function toGeometricScale(x: number): number {
  return 1 + GEOMETRIC_SHIFT_SLOPE * x;
}

/** s ∈ [1, 100] → x ∈ [0, 100]. */
export function fromGeometricScale(s: number): number {
  return (s - 1) / GEOMETRIC_SHIFT_SLOPE;
}

/** Clamp to [0, 100] (NaN stays NaN): the last step of every normalisation. */
export function clampScore(x: number): number {
  return x < 0 ? 0 : x > 100 ? 100 : x;
}
