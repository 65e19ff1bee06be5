/**
 * Theil T and L over units with population shares (METHODS.md §2): T = Σ p_i (y_i/μ) ln(y_i/μ),
 * L = Σ p_i ln(μ/y_i), decomposed exactly into between and within parts for any grouping of the units
 * (e.g. the 11 cities, or 山区海岛县 vs the rest).
 */
import { err, ok, type Result } from '../result';
import { gapsError, type GapsError } from './gaps-error';
import { theilDecomposition, type TheilDecomposition } from './theil-decomposition';
import { checkUnitValues, type UnitValues } from './unit-values';

/**
 * Theil T/L of `input` and their decomposition by `groups` (one key per unit; groups appear in the order
 * of first appearance). Without groups every unit is in one group, so between = 0. Values must be > 0.
 */
export function theilIndex(
  input: UnitValues,
  groups?: readonly string[],
): Result<TheilDecomposition, GapsError> {
  const checked = checkUnitValues(input, { positive: true });
  if (!checked.ok) return checked;
  const { y, p, n, mean } = checked.value;
  if (groups && groups.length !== n)
    return err(
      gapsError('length_mismatch', `${groups.length} group keys for ${n} values`, { field: 'groups' }),
    );
  const index = new Map<string, number>();
  const member = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const key = groups ? groups[i]! : 'all';
    let g = index.get(key);
    if (g === undefined) {
      g = index.size;
      index.set(key, g);
    }
    member[i] = g;
  }
  const k = index.size;
  const sums = {
    keys: [...index.keys()],
    count: new Float64Array(k),
    P: new Float64Array(k),
    Y: new Float64Array(k),
    A: new Float64Array(k),
    B: new Float64Array(k),
  };
  // Logarithms of y/μ: every term is a deviation from the mean (see theil-decomposition.ts).
  let P = 0;
  let A = 0;
  let B = 0;
  let Y = 0;
  for (let i = 0; i < n; i++) {
    const g = member[i]!;
    const pi = p[i]!;
    const yi = y[i]!;
    const l = Math.log(yi / mean);
    sums.count[g]! += 1;
    sums.P[g]! += pi;
    sums.Y[g]! += pi * yi;
    sums.A[g]! += pi * yi * l;
    sums.B[g]! += pi * l;
    P += pi;
    Y += pi * yi;
    A += pi * yi * l;
    B += pi * l;
  }
  return ok(theilDecomposition({ count: n, P, Y, A, B }, sums, mean));
}
