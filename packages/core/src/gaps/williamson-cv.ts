/**
 * Williamson's population-weighted coefficient of variation (METHODS.md §2; Williamson 1965, "Regional
 * inequality and the process of national development"): CV_w = sqrt(Σ p_i (y_i − μ)²)/μ with p_i the
 * units' population shares and μ = Σ p_i y_i. Equal weights when populations are absent (then = CV).
 */
import type { Result } from '../result';
import { weightedDispersion, type Dispersion } from './coefficient-of-variation';
import type { GapsError } from './gaps-error';
import { checkUnitValues, type UnitValues } from './unit-values';

/** Williamson CV_w (METHODS.md §2) with population weights from `input.weights`. */
export function williamsonCv(input: UnitValues): Result<Dispersion, GapsError> {
  const checked = checkUnitValues(input);
  if (!checked.ok) return checked;
  return weightedDispersion(checked.value.y, checked.value.p, checked.value.mean);
}
