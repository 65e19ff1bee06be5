/**
 * Contributions of each indicator to a unit's shortfall and to its distance from the leader
 * (METHODS.md §4 "Contribution"; COINr `get_contributions`).
 *
 * Shortfall: under arithmetic aggregation at both levels, 100 − CI_u = Σ_j W_uj (100 − x_uj) exactly, with
 * W_uj the product of the unit's renormalised weights down the tree. A geometric level has no additive
 * decomposition; there the level's shortfall is shared among its children in proportion to
 * W_j·ln(100/s_j) (s = 1 + 0.99·x, see score.ts) — the log-decomposition of the weighted geometric mean —
 * so the contributions still add up exactly to 100 − CI_u. Each domain's part is passed down to its
 * indicators in proportion to their own contributions to the domain's shortfall.
 *
 * Leader gap: contribution_j = shortfall_uj − shortfall_Lj, which sums to CI_L − CI_u.
 * Missing indicators contribute 0; units without a score get NaN rows.
 */
import type { AggregationLayout } from './compile-framework';
import { toGeometricScale } from './score';

export interface Contributions {
  /** units × indicators: contribution to 100 − score. */
  readonly shortfall: Float64Array;
  /** units × indicators: contribution to score(leader) − score (NaN rows when there is no leader). */
  readonly leaderGap: Float64Array;
}

const LN100 = Math.log(100);

export function contributions(
  normalised: Float64Array,
  domainScores: Float64Array,
  scores: Float64Array,
  n: number,
  layout: AggregationLayout,
  indicatorWeights: Float64Array,
  domainWeights: Float64Array,
  leader: number,
): Contributions {
  const { m, d, domainStart, domainAggregation, topAggregation } = layout;
  const shortfall = new Float64Array(n * m);
  const part = new Float64Array(d);
  for (let u = 0; u < n; u++) {
    const row = u * m;
    const total = 100 - scores[u]!;
    if (Number.isNaN(total)) {
      shortfall.fill(Number.NaN, row, row + m);
      continue;
    }
    // Top level: share of the total shortfall carried by each domain.
    const topGeometric = topAggregation === 'geometric';
    let wsum = 0;
    let lsum = 0;
    for (let k = 0; k < d; k++) {
      const ds = domainScores[u * d + k]!;
      if (Number.isNaN(ds)) continue;
      wsum += domainWeights[k]!;
      if (topGeometric) lsum += domainWeights[k]! * (LN100 - Math.log(toGeometricScale(ds)));
    }
    for (let k = 0; k < d; k++) {
      const ds = domainScores[u * d + k]!;
      const w = domainWeights[k]!;
      part[k] = Number.isNaN(ds)
        ? 0
        : topGeometric
          ? lsum > 0
            ? (total * w * (LN100 - Math.log(toGeometricScale(ds)))) / lsum
            : 0
          : (w / wsum) * (100 - ds);
    }
    // Domain level: pass each domain's part down to its indicators.
    for (let k = 0; k < d; k++) {
      const start = domainStart[k]!;
      const end = domainStart[k + 1]!;
      const ds = domainScores[u * d + k]!;
      const gap = 100 - ds;
      if (Number.isNaN(ds) || !(gap > 0)) {
        for (let j = start; j < end; j++) shortfall[row + j] = 0;
        continue;
      }
      const geometric = domainAggregation[k] === 'geometric';
      let sum = 0;
      for (let j = start; j < end; j++) {
        const x = normalised[row + j]!;
        if (Number.isNaN(x)) continue;
        sum += geometric
          ? indicatorWeights[j]! * (LN100 - Math.log(toGeometricScale(x)))
          : indicatorWeights[j]!;
      }
      const scale = part[k]! / gap;
      for (let j = start; j < end; j++) {
        const x = normalised[row + j]!;
        let c = 0;
        if (!Number.isNaN(x) && sum > 0) {
          const w = indicatorWeights[j]!;
          // Contribution to the domain's own shortfall, then scaled to the domain's share of the total.
          c = geometric ? (gap * w * (LN100 - Math.log(toGeometricScale(x)))) / sum : (w / sum) * (100 - x);
        }
        shortfall[row + j] = c * scale;
      }
    }
  }
  const leaderGap = new Float64Array(n * m);
  for (let u = 0; u < n; u++)
    for (let j = 0; j < m; j++)
      leaderGap[u * m + j] = leader >= 0 ? shortfall[u * m + j]! - shortfall[leader * m + j]! : Number.NaN;
  return { shortfall, leaderGap };
}
