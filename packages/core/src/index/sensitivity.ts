/**
 * Which modelling choice moves the ranks most (JRC/OECD Handbook 2008 §7 sensitivity analysis; COINr
 * `get_sensitivity` and `remove_elements`): for each factor, the mean absolute rank shift against the
 * nominal ranks, over the units ranked in both. Factors are varied one at a time from the nominal run:
 * - weights: Monte Carlo of weights w·(1 + u), u ~ U(−spread, spread) (METHODS.md §4), nominal methods;
 * - normalisation: each allowed alternative method in place of the framework's;
 * - aggregation: each allowed alternative method at both levels;
 * - drop: each indicator removed in turn (its weight set to 0; the rest renormalised).
 */
import { mulberry32 } from '../random';
import type { NormalisationChoice } from './prepare-matrix';
import type { AggregationChoice, ScenarioEngine } from './scenario-engine';

export type SensitivityFactor = 'weights' | 'normalisation' | 'aggregation' | 'drop';

export interface RankShift {
  readonly factor: SensitivityFactor;
  /** The alternative: `±25%` for weights, the method, or the dropped indicator's code. */
  readonly option: string;
  /** Mean |rank − nominal rank| over units (and samples, for weights). */
  readonly meanAbsShift: number;
  readonly maxAbsShift: number;
}

export interface DropOne {
  readonly indicator: string;
  readonly ranks: Int32Array;
  readonly meanAbsShift: number;
  readonly maxAbsShift: number;
}

/** Accumulates |rank − nominal| over units ranked in both. */
export class ShiftTally {
  sum = 0;
  count = 0;
  max = 0;
  add(nominal: Int32Array, ranks: Int32Array): void {
    for (let u = 0; u < nominal.length; u++) {
      const a = nominal[u]!;
      const b = ranks[u]!;
      if (a === 0 || b === 0) continue;
      const s = a > b ? a - b : b - a;
      this.sum += s;
      this.count++;
      if (s > this.max) this.max = s;
    }
  }
  get mean(): number {
    return this.count > 0 ? this.sum / this.count : 0;
  }
}

/** Fill `out` with base·(1 + u), u ~ U(−spread, spread) from `rng`. */
export function perturbWeights(
  base: Float64Array,
  spread: number,
  rng: () => number,
  out: Float64Array,
): void {
  for (let j = 0; j < base.length; j++) out[j] = base[j]! * (1 + spread * (2 * rng() - 1));
}

export interface WeightShiftOptions {
  readonly samples: number;
  readonly seed: number;
  readonly spread: number;
  readonly perturbDomainWeights: boolean;
}

/** Weights-only Monte Carlo shift (nominal normalisation and aggregation). */
export function weightShift(engine: ScenarioEngine, options: WeightShiftOptions): RankShift {
  const cf = engine.compiled;
  const rng = mulberry32(options.seed);
  const iw = new Float64Array(cf.m);
  const dw = Float64Array.from(cf.domainWeights);
  const ranks = new Int32Array(engine.n);
  const tally = new ShiftTally();
  for (let s = 0; s < options.samples; s++) {
    perturbWeights(cf.indicatorWeights, options.spread, rng, iw);
    if (options.perturbDomainWeights) perturbWeights(cf.domainWeights, options.spread, rng, dw);
    engine.ranks('framework', 'framework', iw, dw, ranks);
    tally.add(engine.nominalRanks, ranks);
  }
  return {
    factor: 'weights',
    option: `±${Math.round(options.spread * 100)}%`,
    meanAbsShift: tally.mean,
    maxAbsShift: tally.max,
  };
}

/** Shifts from each alternative normalisation and aggregation method, nominal weights. */
export function methodShifts(
  engine: ScenarioEngine,
  normalisations: readonly NormalisationChoice[],
  aggregations: readonly AggregationChoice[],
): RankShift[] {
  const cf = engine.compiled;
  const ranks = new Int32Array(engine.n);
  const out: RankShift[] = [];
  const run = (factor: SensitivityFactor, option: string, nz: NormalisationChoice, ag: AggregationChoice) => {
    engine.ranks(nz, ag, cf.indicatorWeights, cf.domainWeights, ranks);
    const tally = new ShiftTally();
    tally.add(engine.nominalRanks, ranks);
    out.push({ factor, option, meanAbsShift: tally.mean, maxAbsShift: tally.max });
  };
  for (const nz of new Set(normalisations)) if (nz !== 'framework') run('normalisation', nz, nz, 'framework');
  for (const ag of new Set(aggregations)) if (ag !== 'framework') run('aggregation', ag, 'framework', ag);
  return out;
}

/** Ranks with each indicator dropped in turn (COINr `remove_elements`). */
export function dropOneIndicator(engine: ScenarioEngine): DropOne[] {
  const cf = engine.compiled;
  const iw = Float64Array.from(cf.indicatorWeights);
  return cf.codes.map((indicator, j) => {
    iw[j] = 0;
    const ranks = new Int32Array(engine.n);
    engine.ranks('framework', 'framework', iw, cf.domainWeights, ranks);
    iw[j] = cf.indicatorWeights[j]!;
    const tally = new ShiftTally();
    tally.add(engine.nominalRanks, ranks);
    return { indicator, ranks, meanAbsShift: tally.mean, maxAbsShift: tally.max };
  });
}
