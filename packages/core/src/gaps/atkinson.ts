/**
 * Atkinson index (METHODS.md §3; Atkinson 1970): A_ε = 1 − [Σ p_i (y_i/μ)^(1−ε)]^(1/(1−ε)) for ε ≠ 1 and
 * A_1 = 1 − exp(Σ p_i ln y_i)/μ. Rows the formula cannot take are excluded and counted: y < 0 for
 * ε < 1 (a zero adds nothing to the sum), y ≤ 0 for ε ≥ 1 (the power or logarithm is undefined); μ and
 * the shares p_i are then those of the included rows.
 */
import { err, ok, type Result } from '../result';
import { gapsError, type GapsError } from './gaps-error';
import { checkUnitValues } from './unit-values';

export interface AtkinsonResult {
  readonly epsilon: number;
  readonly value: number;
  /** Rows left out (see the file comment) and their share of the total weight. */
  readonly excluded: { readonly count: number; readonly weightShare: number };
}

/** Atkinson index A_ε (METHODS.md §3; Atkinson 1970) with optional weights, reporting excluded rows. */
export function atkinsonIndex(
  values: ArrayLike<number>,
  epsilon: number,
  weights?: ArrayLike<number>,
): Result<AtkinsonResult, GapsError> {
  if (!(epsilon > 0 && epsilon < Infinity))
    return err(gapsError('invalid_option', `epsilon ${epsilon} must be > 0`, { field: 'epsilon' }));
  const checked = checkUnitValues({ values, weights });
  if (!checked.ok) return checked;
  const { y, p, n } = checked.value;
  const keep = (v: number) => (epsilon < 1 ? v >= 0 : v > 0);
  let P = 0;
  let Y = 0;
  let count = 0;
  let dropped = 0;
  for (let i = 0; i < n; i++) {
    const v = y[i]!;
    if (keep(v)) {
      P += p[i]!;
      Y += p[i]! * v;
    } else {
      count++;
      dropped += p[i]!;
    }
  }
  if (!(P > 0) || !(Y > 0))
    return err(gapsError('non_positive_mean', 'no included rows with positive income'));
  const mean = Y / P;
  let s = 0;
  for (let i = 0; i < n; i++) {
    const v = y[i]!;
    if (!keep(v)) continue;
    s += (p[i]! / P) * (epsilon === 1 ? Math.log(v / mean) : Math.pow(v / mean, 1 - epsilon));
  }
  const value = epsilon === 1 ? 1 - Math.exp(s) : 1 - Math.pow(s, 1 / (1 - epsilon));
  return ok({ epsilon, value, excluded: { count, weightShare: dropped } });
}
