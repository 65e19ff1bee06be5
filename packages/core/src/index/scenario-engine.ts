/**
 * Ranks of the index under alternative choices — weights, normalisation method, aggregation method — for
 * the uncertainty and sensitivity analysis (METHODS.md §4 "Uncertainty"; JRC/OECD Handbook 2008 §7;
 * COINr `get_sensitivity`). Normalised matrices (and their logs for geometric aggregation) are computed
 * once per normalisation choice; evaluating a scenario then allocates nothing.
 */
import { aggregateInto } from './aggregate';
import type { AggregationLayout, CompiledFramework } from './compile-framework';
import { belowCoverage, coverage } from './coverage';
import { prepareMatrix, type NormalisationChoice } from './prepare-matrix';
import { RankWorkspace } from './ranks';
import { GEOMETRIC_SHIFT_SLOPE } from './score';
import type { Aggregation, IndexInput } from './types';

/** `framework` = each level as the framework says; otherwise the method for every aggregate. */
export type AggregationChoice = 'framework' | Aggregation;

interface Matrix {
  readonly normalised: Float64Array;
  readonly logShifted: Float64Array;
}

export class ScenarioEngine {
  readonly n: number;
  readonly compiled: CompiledFramework;
  /** 1 for units ranked in the nominal run (coverage at or above the threshold). */
  readonly eligible: Uint8Array;
  readonly nominalRanks: Int32Array;
  private readonly input: IndexInput;
  private readonly matrices = new Map<NormalisationChoice, Matrix>();
  private readonly layouts = new Map<AggregationChoice, AggregationLayout>();
  private readonly domainScores: Float64Array;
  private readonly scores: Float64Array;
  private readonly ranking: RankWorkspace;

  constructor(input: IndexInput, compiled: CompiledFramework) {
    this.input = input;
    this.compiled = compiled;
    const n = (this.n = input.units.length);
    this.domainScores = new Float64Array(n * compiled.d);
    this.scores = new Float64Array(n);
    const { normalised } = this.matrix('framework');
    const cov = coverage(normalised, n, compiled, compiled.indicatorWeights, compiled.domainWeights);
    this.eligible = Uint8Array.from(belowCoverage(cov.weighted, compiled.coverageThreshold), (b) => 1 - b);
    this.ranking = new RankWorkspace(n, this.eligible);
    this.nominalRanks = new Int32Array(n);
    this.ranks(
      'framework',
      'framework',
      compiled.indicatorWeights,
      compiled.domainWeights,
      this.nominalRanks,
    );
  }

  /** The normalised matrix (and ln(1 + 0.99·x) per cell) for a normalisation choice, computed once. */
  matrix(choice: NormalisationChoice): Matrix {
    let mx = this.matrices.get(choice);
    if (!mx) {
      const { normalised } = prepareMatrix(this.input, this.compiled, choice);
      const logShifted = Float64Array.from(normalised, (x) => Math.log(1 + GEOMETRIC_SHIFT_SLOPE * x));
      mx = { normalised, logShifted };
      this.matrices.set(choice, mx);
    }
    return mx;
  }

  layout(choice: AggregationChoice): AggregationLayout {
    let layout = this.layouts.get(choice);
    if (!layout) {
      const cf = this.compiled;
      layout =
        choice === 'framework'
          ? cf
          : {
              m: cf.m,
              d: cf.d,
              domainStart: cf.domainStart,
              domainAggregation: cf.domainCodes.map(() => choice),
              topAggregation: choice,
            };
      this.layouts.set(choice, layout);
    }
    return layout;
  }

  /** Ranks (0 = not ranked) of the eligible units under one scenario, written into `out`. */
  ranks(
    normalisation: NormalisationChoice,
    aggregation: AggregationChoice,
    indicatorWeights: Float64Array,
    domainWeights: Float64Array,
    out: Int32Array,
  ): void {
    const mx = this.matrix(normalisation);
    aggregateInto(
      mx.normalised,
      mx.logShifted,
      this.n,
      this.layout(aggregation),
      indicatorWeights,
      domainWeights,
      this.domainScores,
      this.scores,
    );
    this.ranking.rank(this.scores, out);
  }
}
