/**
 * Input of the regional measures (METHODS.md §2): one value y_i per unit (a per-capita income, a GDP per
 * head …), an optional population weight per unit (equal weights when absent) and optional unit codes that
 * results use to say which units they are talking about.
 */
import { err, ok, type Result } from '../result';
import { gapsError, type GapsError } from './gaps-error';

export interface UnitValues {
  readonly values: ArrayLike<number>;
  /** Population (or any non-negative weight) per unit; equal weights when absent. */
  readonly weights?: ArrayLike<number> | undefined;
  /** Unit codes (NBS division codes), parallel to `values`. */
  readonly codes?: readonly string[] | undefined;
}

/** Validated units: values, weights normalised to shares p_i (Σ p_i = 1) and the weighted mean μ. */
export interface CheckedUnitValues {
  readonly n: number;
  readonly y: Float64Array;
  readonly p: Float64Array;
  readonly mean: number;
}

/** A unit as named in results: its index in the input and its code (null when no codes were given). */
export interface GapUnitRef {
  readonly index: number;
  readonly code: string | null;
  readonly value: number;
}

/** Names unit `index` of `input` for a result. */
export function gapUnitRef(input: UnitValues, index: number, value: number): GapUnitRef {
  return { index, code: input.codes?.[index] ?? null, value };
}

/**
 * Checks lengths, finiteness and signs; `positive` demands y_i > 0 (needed wherever a logarithm or a ratio
 * to the minimum is taken). Weights are normalised to population shares.
 */
export function checkUnitValues(
  input: UnitValues,
  options: { positive?: boolean } = {},
): Result<CheckedUnitValues, GapsError> {
  const { values, weights, codes } = input;
  const n = values.length;
  if (n === 0) return err(gapsError('empty', 'no units', { field: 'values' }));
  if (weights && weights.length !== n)
    return err(
      gapsError('length_mismatch', `${weights.length} weights for ${n} values`, { field: 'weights' }),
    );
  if (codes && codes.length !== n)
    return err(gapsError('length_mismatch', `${codes.length} codes for ${n} values`, { field: 'codes' }));
  const y = new Float64Array(n);
  const p = new Float64Array(n);
  let total = 0;
  for (let i = 0; i < n; i++) {
    const v = values[i] ?? Number.NaN;
    if (!Number.isFinite(v))
      return err(gapsError('non_finite', `value ${v} is not a finite number`, { index: i, field: 'values' }));
    if (options.positive && v <= 0)
      return err(gapsError('non_positive_value', `value ${v} must be > 0`, { index: i, field: 'values' }));
    const w = weights ? (weights[i] ?? Number.NaN) : 1;
    if (!Number.isFinite(w))
      return err(
        gapsError('non_finite', `weight ${w} is not a finite number`, { index: i, field: 'weights' }),
      );
    if (w < 0)
      return err(gapsError('negative_weight', `weight ${w} is negative`, { index: i, field: 'weights' }));
    y[i] = v;
    p[i] = w;
    total += w;
  }
  if (!(total > 0))
    return err(gapsError('zero_total_weight', 'the weights sum to zero', { field: 'weights' }));
  let mean = 0;
  for (let i = 0; i < n; i++) {
    const share = (p[i] ?? 0) / total;
    p[i] = share;
    mean += share * (y[i] ?? 0);
  }
  return ok({ n, y, p, mean });
}
