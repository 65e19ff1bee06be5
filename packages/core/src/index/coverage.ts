/**
 * Data coverage of each unit (METHODS.md §4 "Imputation: none … coverage reported"; COINr data availability):
 * the share of the framework's total weight that the unit's available indicators carry, with the nominal
 * weights W_j = (w_domain/Σ w_domain)·(w_j/Σ w_j in domain); also the plain count of indicators available.
 * A coverage threshold marks units below it: they keep their score but are not ranked.
 */
import type { AggregationLayout } from './compile-framework';

export interface Coverage {
  /** Weighted share of the framework available, 0–1. */
  readonly weighted: Float64Array;
  /** Number of indicators available (observed or imputed). */
  readonly available: Int32Array;
}

export function coverage(
  normalised: Float64Array,
  n: number,
  layout: AggregationLayout,
  indicatorWeights: Float64Array,
  domainWeights: Float64Array,
): Coverage {
  const { m, d, domainStart } = layout;
  const nominal = new Float64Array(m);
  let dw = 0;
  for (let k = 0; k < d; k++) dw += domainWeights[k]!;
  for (let k = 0; k < d; k++) {
    let iw = 0;
    for (let j = domainStart[k]!; j < domainStart[k + 1]!; j++) iw += indicatorWeights[j]!;
    for (let j = domainStart[k]!; j < domainStart[k + 1]!; j++)
      nominal[j] = dw > 0 && iw > 0 ? (domainWeights[k]! / dw) * (indicatorWeights[j]! / iw) : 0;
  }
  const weighted = new Float64Array(n);
  const available = new Int32Array(n);
  for (let u = 0; u < n; u++) {
    let w = 0;
    let c = 0;
    for (let j = 0; j < m; j++) {
      if (Number.isNaN(normalised[u * m + j]!)) continue;
      w += nominal[j]!;
      c++;
    }
    weighted[u] = w;
    available[u] = c;
  }
  return { weighted, available };
}

/** 1 where a unit's weighted coverage is below `threshold` (a small tolerance absorbs rounding of sums). */
export function belowCoverage(weighted: Float64Array, threshold: number): Uint8Array {
  return Uint8Array.from(weighted, (w) => (w < threshold - 1e-12 ? 1 : 0));
}
