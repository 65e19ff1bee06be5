/**
 * Aggregation of normalised values (METHODS.md §4; JRC/OECD Handbook 2008 §6; COINr `Aggregate`), level by
 * level: indicators → domain score, domains → total. Within each aggregate the weights are renormalised
 * over what the unit has (missing indicators, or domains with no indicator, drop out), so
 * arithmetic: Σ w_j x_j / Σ w_j; geometric: Π s_j^(w_j/Σw) on the shifted scale s = 1 + 0.99·x, mapped back
 * to 0–100 (see score.ts). An aggregate with nothing available is NaN.
 *
 * Hot path of the Monte Carlo: no allocation; pass `logShifted` (ln s per cell) to avoid recomputing logs.
 */
import type { AggregationLayout } from './compile-framework';
import { fromGeometricScale, GEOMETRIC_SHIFT_SLOPE, toGeometricScale } from './score';

export function aggregateInto(
  normalised: Float64Array,
  logShifted: Float64Array | undefined,
  n: number,
  layout: AggregationLayout,
  indicatorWeights: Float64Array,
  domainWeights: Float64Array,
  domainScores: Float64Array,
  scores: Float64Array,
): void {
  const { m, d, domainStart, domainAggregation, topAggregation } = layout;
  const topGeometric = topAggregation === 'geometric';
  for (let u = 0; u < n; u++) {
    const row = u * m;
    let num = 0;
    let den = 0;
    for (let k = 0; k < d; k++) {
      const geometric = domainAggregation[k] === 'geometric';
      let dn = 0;
      let dd = 0;
      const end = row + domainStart[k + 1]!;
      // Separate loops per method keep the hot loop branch-free apart from the missing-value test.
      if (!geometric) {
        for (let c = row + domainStart[k]!, j = domainStart[k]!; c < end; c++, j++) {
          const x = normalised[c]!;
          if (x !== x) continue;
          const w = indicatorWeights[j]!;
          dn += w * x;
          dd += w;
        }
      } else {
        for (let c = row + domainStart[k]!, j = domainStart[k]!; c < end; c++, j++) {
          const x = normalised[c]!;
          if (x !== x) continue;
          const w = indicatorWeights[j]!;
          dn += w * (logShifted ? logShifted[c]! : Math.log(1 + GEOMETRIC_SHIFT_SLOPE * x));
          dd += w;
        }
      }
      const score = dd > 0 ? (geometric ? fromGeometricScale(Math.exp(dn / dd)) : dn / dd) : Number.NaN;
      domainScores[u * d + k] = score;
      if (Number.isNaN(score)) continue;
      const w = domainWeights[k]!;
      num += w * (topGeometric ? Math.log(toGeometricScale(score)) : score);
      den += w;
    }
    scores[u] = den > 0 ? (topGeometric ? fromGeometricScale(Math.exp(num / den)) : num / den) : Number.NaN;
  }
}

export interface Aggregated {
  /** units × domains, row-major. */
  readonly domainScores: Float64Array;
  readonly scores: Float64Array;
}

/** Domain scores and totals of a normalised units × indicators matrix (allocating wrapper of aggregateInto). */
export function aggregate(
  normalised: Float64Array,
  n: number,
  layout: AggregationLayout,
  indicatorWeights: Float64Array,
  domainWeights: Float64Array,
): Aggregated {
  const domainScores = new Float64Array(n * layout.d);
  const scores = new Float64Array(n);
  aggregateInto(normalised, undefined, n, layout, indicatorWeights, domainWeights, domainScores, scores);
  return { domainScores, scores };
}
