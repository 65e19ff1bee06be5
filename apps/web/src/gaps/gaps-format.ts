/**
 * Number formats of the 三大差距 page, on top of the evaluation pages' zh-CN formatters: ratios and
 * inequality indices with four decimals (a max/min ratio of 1.6935, a Gini of 0.2818), money in whole yuan.
 */
import { formatNumber, formatShare } from '../evaluation/format';

export { formatShare };

/** Ratios (max/min, urban/rural, group to parent, S80/S20, Palma): four decimals. */
export function formatRatio(x: number | null | undefined): string {
  return formatNumber(x, 4);
}

/** Inequality indices (Gini, Theil, CV, Atkinson): four decimals. */
export function formatIndex(x: number | null | undefined): string {
  return formatNumber(x, 4);
}

/** Yuan, whole, with grouping (48,735). */
export function formatYuan(x: number | null | undefined): string {
  return formatNumber(x, 0);
}

/** Persons (weighted counts may be fractional): whole, with grouping. */
export function formatCount(x: number | null | undefined): string {
  return formatNumber(x, 0);
}
