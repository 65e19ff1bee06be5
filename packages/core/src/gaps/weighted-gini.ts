/**
 * Weighted Gini coefficient (METHODS.md §3): sort by y, then G = 1 − Σ_i p_i (S_{i−1} + S_i) with
 * normalised weights p_i and cumulative income shares S_i; equal to Σ_i Σ_j p_i p_j |y_i − y_j| / (2μ).
 * Zero and negative values are kept (with negatives G can exceed 1); the total must be positive.
 */
import { err, ok, type Result } from '../result';
import { visitSorted } from './float-radix-sort';
import { gapsError, type GapsError } from './gaps-error';
import { DistributionAccumulator } from './sorted-distribution';
import { checkUnitValues } from './unit-values';

/** Weighted Gini (METHODS.md §3) of values with optional weights (equal when absent). */
export function weightedGini(
  values: ArrayLike<number>,
  weights?: ArrayLike<number>,
): Result<number, GapsError> {
  const checked = checkUnitValues({ values, weights });
  if (!checked.ok) return checked;
  const { y, p, mean } = checked.value;
  if (!(mean > 0)) return err(gapsError('non_positive_mean', `mean ${mean} must be > 0 for a Gini`));
  const acc = new DistributionAccumulator([], 1);
  visitSorted(y, { weight: p }, (ry, rp, count) => acc.add(ry, rp, count));
  return ok(acc.result().gini);
}
