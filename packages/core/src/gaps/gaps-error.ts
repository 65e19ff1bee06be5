/**
 * Errors of the gap measures (METHODS.md §2, §3): values with a stable `code`, never exceptions, so that a
 * caller can tell "no units" from "a zero where a logarithm is needed" and show where the problem is.
 */
export type GapsErrorCode =
  | 'empty'
  | 'length_mismatch'
  | 'non_finite'
  | 'non_positive_value'
  | 'negative_weight'
  | 'zero_total_weight'
  | 'non_positive_mean'
  | 'invalid_size'
  | 'invalid_group_code'
  | 'unknown_grouping'
  | 'invalid_option';

export interface GapsError {
  readonly code: GapsErrorCode;
  readonly message: string;
  /** Row or unit index (0-based) where the problem is, when there is one. */
  readonly index?: number;
  /** Input field or option concerned (`values`, `weights`, `income`, a grouping name, …). */
  readonly field?: string;
}

export function gapsError(
  code: GapsErrorCode,
  message: string,
  where: { index?: number; field?: string } = {},
): GapsError {
  return { code, message, ...where };
}
