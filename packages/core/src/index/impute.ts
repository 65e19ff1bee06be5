/**
 * Imputation of missing values (METHODS.md §4; JRC/OECD Handbook 2008 §4), per indicator:
 * - `none`: left missing; aggregation then renormalises the weights over the indicators a unit has.
 * - `group_mean`: unweighted mean of the observed values of the unit's group (e.g. 山区海岛县) for that
 *   indicator; stays missing if the unit has no group or its group has no observed value.
 * - `last_period`: the unit's value in the previous period's matrix, if that is observed.
 * Works on a units × indicators matrix (row-major) in framework order; only missing cells change.
 */
import type { Imputation } from './types';

export interface ImputeOptions {
  /** Group index of each unit (−1 = no group), for `group_mean`. */
  readonly groupOf?: Int32Array;
  /** Previous-period matrix, same shape and column order, for `last_period`. */
  readonly previous?: Float64Array;
}

export interface ImputeResult {
  readonly values: Float64Array;
  /** 1 where a value was imputed. */
  readonly imputed: Uint8Array;
  readonly count: number;
}

export function impute(
  matrix: Float64Array,
  n: number,
  m: number,
  methods: readonly Imputation[],
  options: ImputeOptions = {},
): ImputeResult {
  const values = Float64Array.from(matrix);
  const imputed = new Uint8Array(n * m);
  let count = 0;
  const { groupOf, previous } = options;
  let groups = 0;
  if (groupOf) for (const g of groupOf) groups = Math.max(groups, g + 1);
  const sum = new Float64Array(groups);
  const cnt = new Int32Array(groups);
  for (let j = 0; j < m; j++) {
    const method = methods[j] ?? 'none';
    if (method === 'last_period' && previous) {
      for (let u = 0; u < n; u++) {
        const k = u * m + j;
        const p = previous[k]!;
        if (Number.isNaN(matrix[k]!) && !Number.isNaN(p)) {
          values[k] = p;
          imputed[k] = 1;
          count++;
        }
      }
    } else if (method === 'group_mean' && groupOf) {
      sum.fill(0);
      cnt.fill(0);
      for (let u = 0; u < n; u++) {
        const g = groupOf[u]!;
        const v = matrix[u * m + j]!;
        if (g >= 0 && !Number.isNaN(v)) {
          sum[g]! += v;
          cnt[g]!++;
        }
      }
      for (let u = 0; u < n; u++) {
        const k = u * m + j;
        const g = groupOf[u]!;
        if (Number.isNaN(matrix[k]!) && g >= 0 && cnt[g]! > 0) {
          values[k] = sum[g]! / cnt[g]!;
          imputed[k] = 1;
          count++;
        }
      }
    }
  }
  return { values, imputed, count };
}
