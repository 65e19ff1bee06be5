/**
 * Coefficient of variation across units (METHODS.md §2): CV = σ/μ, unweighted — every unit counts once,
 * σ the population standard deviation (divisor n, not n − 1), so that it equals the Williamson CV with
 * equal populations.
 */
import { err, ok, type Result } from '../result';
import { gapsError, type GapsError } from './gaps-error';
import { checkUnitValues } from './unit-values';

export interface Dispersion {
  readonly mean: number;
  readonly sd: number;
  readonly cv: number;
}

/** Unweighted CV = σ/μ over the values; μ must be > 0. */
export function coefficientOfVariation(values: ArrayLike<number>): Result<Dispersion, GapsError> {
  const checked = checkUnitValues({ values });
  if (!checked.ok) return checked;
  return weightedDispersion(checked.value.y, checked.value.p, checked.value.mean);
}

/** σ and σ/μ with shares p (Σp = 1) around the given mean; two-pass so that σ is accurate. */
export function weightedDispersion(
  y: Float64Array,
  p: Float64Array,
  mean: number,
): Result<Dispersion, GapsError> {
  if (!(mean > 0)) return err(gapsError('non_positive_mean', `mean ${mean} must be > 0 for a CV`));
  let v = 0;
  for (let i = 0; i < y.length; i++) {
    const d = y[i]! - mean;
    v += p[i]! * d * d;
  }
  const sd = Math.sqrt(v);
  return ok({ mean, sd, cv: sd / mean });
}
