/**
 * Theil T and Theil L (mean log deviation) with their exact between/within decomposition (METHODS.md §2;
 * Shorrocks 1980; Cowell 2011, "Measuring Inequality", ch. 3), built from per-group sums so that one pass
 * over the data can feed any number of groupings:
 *   T = Σ_g S_g T_g + Σ_g S_g ln(μ_g/μ),   L = Σ_g P_g L_g + Σ_g P_g ln(μ/μ_g),
 * P_g population shares, μ_g means, S_g = P_g μ_g/μ income shares.
 *
 * Sums are taken around a reference income ref near the mean: A = Σ p y ln(y/ref) and B = Σ p ln(y/ref).
 * Then T = A/Y − ln(μ/ref) and L = ln(μ/ref) − B/P; working near zero instead of near
 * ln μ ≈ 10 keeps the cancellation small (a few digits fewer lost than with raw Σ p y ln y).
 */

/** Per-group sums over the included persons/units (all with y > 0), around a reference income ref. */
export interface TheilGroupSums {
  readonly keys: readonly string[];
  /** Number of rows (units, households) per group. */
  readonly count: Float64Array;
  /** Σ p (population). */
  readonly P: Float64Array;
  /** Σ p y (income). */
  readonly Y: Float64Array;
  /** Σ p y ln(y/ref). */
  readonly A: Float64Array;
  /** Σ p ln(y/ref). */
  readonly B: Float64Array;
}

export interface TheilTotalSums {
  readonly count: number;
  readonly P: number;
  readonly Y: number;
  readonly A: number;
  readonly B: number;
}

export interface TheilParts {
  readonly total: number;
  readonly between: number;
  readonly within: number;
}

export interface TheilGroup {
  readonly key: string;
  /** Rows (units or households) in the group. */
  readonly count: number;
  /** Σ weights of the group (persons for household data). */
  readonly population: number;
  /** P_g. */
  readonly populationShare: number;
  /** S_g = P_g μ_g / μ. */
  readonly incomeShare: number;
  /** μ_g. */
  readonly mean: number;
  /** Theil T inside the group, T_g. */
  readonly theilT: number;
  /** Theil L inside the group, L_g. */
  readonly theilL: number;
  /** S_g T_g: the group's part of the within-group T. */
  readonly withinT: number;
  /** P_g L_g: the group's part of the within-group L. */
  readonly withinL: number;
  /** S_g ln(μ_g/μ): the group's term of the between-group T. */
  readonly betweenT: number;
  /** P_g ln(μ/μ_g): the group's term of the between-group L. */
  readonly betweenL: number;
}

export interface TheilDecomposition {
  readonly mean: number;
  readonly theilT: TheilParts;
  readonly theilL: TheilParts;
  /** Groups with a positive population, in key order of the input. */
  readonly groups: readonly TheilGroup[];
}

/** Total T and L from sums around ref; requires P > 0 and Y > 0. */
export function theilTotals(
  t: TheilTotalSums,
  ref: number,
): { mean: number; theilT: number; theilL: number } {
  const mean = t.Y / t.P;
  const lm = Math.log(mean / ref);
  return { mean, theilT: t.A / t.Y - lm, theilL: lm - t.B / t.P };
}

/** The decomposition of T and L by the groups whose sums are given (see the file comment). */
export function theilDecomposition(
  total: TheilTotalSums,
  groups: TheilGroupSums,
  ref: number,
): TheilDecomposition {
  const { mean, theilT, theilL } = theilTotals(total, ref);
  const out: TheilGroup[] = [];
  let betweenT = 0;
  let betweenL = 0;
  let withinT = 0;
  let withinL = 0;
  for (let g = 0; g < groups.keys.length; g++) {
    const P = groups.P[g]!;
    const Y = groups.Y[g]!;
    if (!(P > 0) || !(Y > 0)) continue;
    const meanG = Y / P;
    const lmg = Math.log(meanG / ref);
    const tG = groups.A[g]! / Y - lmg;
    const lG = lmg - groups.B[g]! / P;
    const pShare = P / total.P;
    const sShare = Y / total.Y;
    const ratio = Math.log(meanG / mean);
    const item: TheilGroup = {
      key: groups.keys[g]!,
      count: groups.count[g]!,
      population: P,
      populationShare: pShare,
      incomeShare: sShare,
      mean: meanG,
      theilT: tG,
      theilL: lG,
      withinT: sShare * tG,
      withinL: pShare * lG,
      betweenT: sShare * ratio,
      betweenL: -pShare * ratio,
    };
    betweenT += item.betweenT;
    betweenL += item.betweenL;
    withinT += item.withinT;
    withinL += item.withinL;
    out.push(item);
  }
  return {
    mean,
    theilT: { total: theilT, between: betweenT, within: withinT },
    theilL: { total: theilL, between: betweenL, within: withinL },
    groups: out,
  };
}
