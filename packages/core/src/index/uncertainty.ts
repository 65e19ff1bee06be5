/**
 * Monte Carlo uncertainty of ranks (METHODS.md §4 "Uncertainty"; JRC/OECD Handbook 2008 §7; COINr
 * `get_sensitivity`). Each sample draws weights w_j·(1 + u_j), u_j ~ U(−spread, spread) (spread 0.25), at
 * both levels unless `perturbDomainWeights` is false — renormalised inside every aggregate — and, when
 * the allowed sets have more than one member, a normalisation and an aggregation method uniformly. Per
 * unit it reports the median and the 5th/95th percentile ranks (nearest-rank), then which factor moves
 * ranks most (see sensitivity.ts), including dropping each indicator in turn.
 *
 * Seeded (mulberry32): the same input, options and seed give the same result. Draw order per sample:
 * normalisation (if varied), aggregation (if varied), indicator weights, domain weights.
 */
import { err, ok, type Result } from '../result';
import { mulberry32, randomInt } from '../random';
import { compileFramework } from './compile-framework';
import type { NormalisationChoice } from './prepare-matrix';
import { checkInput } from './run-index';
import { ScenarioEngine, type AggregationChoice } from './scenario-engine';
import {
  dropOneIndicator,
  methodShifts,
  perturbWeights,
  ShiftTally,
  weightShift,
  type DropOne,
  type RankShift,
} from './sensitivity';
import type { IndexError, IndexInput } from './types';

export interface UncertaintyOptions {
  /** Number of Monte Carlo samples (default 1,000). */
  readonly samples?: number;
  /** PRNG seed (default 1). */
  readonly seed?: number;
  /** Half-width of the relative weight perturbation (default 0.25). */
  readonly spread?: number;
  /** Perturb domain weights too (default true). */
  readonly perturbDomainWeights?: boolean;
  /** Normalisations to draw from (default: the framework's own only). */
  readonly normalisations?: readonly NormalisationChoice[];
  /** Aggregations to draw from (default: the framework's own only). */
  readonly aggregations?: readonly AggregationChoice[];
  /** Run the one-at-a-time factor analysis and drop-one-indicator (default true). */
  readonly sensitivity?: boolean;
}

export interface IndexUncertainty {
  readonly units: readonly string[];
  readonly samples: number;
  readonly seed: number;
  /** Ranks of the nominal run (0 = not ranked). */
  readonly nominalRanks: Int32Array;
  /** Per unit, nearest-rank percentiles of the sampled ranks (0 = not ranked). */
  readonly medianRank: Int32Array;
  readonly p5Rank: Int32Array;
  readonly p95Rank: Int32Array;
  /** Per unit, mean |sampled rank − nominal rank| (NaN when not ranked). */
  readonly meanAbsShift: Float64Array;
  /** All factors varied jointly (the Monte Carlo itself). */
  readonly joint: { readonly meanAbsShift: number; readonly maxAbsShift: number };
  /** One-at-a-time factors, largest mean shift first (empty when `sensitivity` is false). */
  readonly factors: readonly RankShift[];
  /** Ranks with each indicator dropped, in framework order (empty when `sensitivity` is false). */
  readonly dropOne: readonly DropOne[];
}

/** Weights-only stream of the sensitivity analysis is seeded apart from the joint stream. */
const WEIGHTS_STREAM = 0x9e3779b9;

export function indexUncertainty(
  input: IndexInput,
  options: UncertaintyOptions = {},
): Result<IndexUncertainty, IndexError> {
  const shape = checkInput(input);
  if (shape) return err(shape);
  const samples = options.samples ?? 1000;
  const seed = options.seed ?? 1;
  const spread = options.spread ?? 0.25;
  const perturbDomainWeights = options.perturbDomainWeights ?? true;
  const normalisations = options.normalisations ?? ['framework'];
  const aggregations = options.aggregations ?? ['framework'];
  if (!(Number.isInteger(samples) && samples >= 1))
    return err({ code: 'INDEX_BAD_PARAMETER', message: 'samples must be a positive integer' });
  if (!(spread >= 0 && spread < 1))
    return err({ code: 'INDEX_BAD_PARAMETER', message: 'spread must be in [0, 1)' });
  if (normalisations.length === 0 || aggregations.length === 0)
    return err({
      code: 'INDEX_BAD_PARAMETER',
      message: 'allowed normalisations and aggregations cannot be empty',
    });
  const compiled = compileFramework(input.framework, input.indicators);
  if (!compiled.ok) return compiled;
  const cf = compiled.value;
  const engine = new ScenarioEngine(input, cf);
  const n = engine.n;
  for (const c of normalisations) engine.matrix(c);

  // Joint Monte Carlo: ranks stored sample-major (s·n + u), one contiguous copy per sample.
  const rng = mulberry32(seed);
  const iw = new Float64Array(cf.m);
  const dw = Float64Array.from(cf.domainWeights);
  const ranks = new Int32Array(n);
  const drawn = new Int32Array(n * samples);
  const tally = new ShiftTally();
  for (let s = 0; s < samples; s++) {
    const nz =
      normalisations.length > 1 ? normalisations[randomInt(rng, normalisations.length)]! : normalisations[0]!;
    const ag =
      aggregations.length > 1 ? aggregations[randomInt(rng, aggregations.length)]! : aggregations[0]!;
    perturbWeights(cf.indicatorWeights, spread, rng, iw);
    if (perturbDomainWeights) perturbWeights(cf.domainWeights, spread, rng, dw);
    engine.ranks(nz, ag, iw, dw, ranks);
    tally.add(engine.nominalRanks, ranks);
    drawn.set(ranks, s * n);
  }
  const { medianRank, p5Rank, p95Rank, meanAbsShift } = rankSummaries(drawn, n, samples, engine.nominalRanks);

  let factors: RankShift[] = [];
  let dropOne: DropOne[] = [];
  if (options.sensitivity ?? true) {
    const methodsVary =
      normalisations.some((c) => c !== 'framework') || aggregations.some((c) => c !== 'framework');
    // Without method variation the joint Monte Carlo already is the weights-only one.
    const weights: RankShift = methodsVary
      ? weightShift(engine, { samples, seed: (seed ^ WEIGHTS_STREAM) >>> 0, spread, perturbDomainWeights })
      : {
          factor: 'weights',
          option: `±${Math.round(spread * 100)}%`,
          meanAbsShift: tally.mean,
          maxAbsShift: tally.max,
        };
    dropOne = dropOneIndicator(engine);
    factors = [
      weights,
      ...methodShifts(engine, normalisations, aggregations),
      ...dropOne.map((x): RankShift => ({
        factor: 'drop',
        option: x.indicator,
        meanAbsShift: x.meanAbsShift,
        maxAbsShift: x.maxAbsShift,
      })),
    ].sort((a, b) => b.meanAbsShift - a.meanAbsShift);
  }
  return ok({
    units: input.units,
    samples,
    seed,
    nominalRanks: engine.nominalRanks,
    medianRank,
    p5Rank,
    p95Rank,
    meanAbsShift,
    joint: { meanAbsShift: tally.mean, maxAbsShift: tally.max },
    factors,
    dropOne,
  });
}

/** Units handled together when counting sampled ranks: one block's count table stays in cache. */
const BLOCK = 16;

/**
 * Per unit, the nearest-rank 5th/50th/95th percentiles of its sampled ranks (rank 0 = unscored in that
 * sample, left out) and the mean |rank − nominal|. Ranks are integers 1…n, so a count table per unit gives
 * the percentiles without sorting; units are taken in blocks so that reading `drawn` stays sequential.
 */
function rankSummaries(drawn: Int32Array, n: number, samples: number, nominal: Int32Array) {
  const medianRank = new Int32Array(n);
  const p5Rank = new Int32Array(n);
  const p95Rank = new Int32Array(n);
  const meanAbsShift = new Float64Array(n).fill(Number.NaN);
  const width = n + 1;
  const counts = new Int32Array(BLOCK * width);
  for (let u0 = 0; u0 < n; u0 += BLOCK) {
    const size = Math.min(BLOCK, n - u0);
    counts.fill(0);
    for (let s = 0; s < samples; s++) {
      const row = s * n + u0;
      for (let b = 0; b < size; b++) counts[b * width + drawn[row + b]!]!++;
    }
    for (let b = 0; b < size; b++) {
      const u = u0 + b;
      const own = nominal[u]!;
      const base = b * width;
      const valid = samples - counts[base]!;
      if (own === 0 || valid === 0) continue;
      // Nearest-rank ordinals ⌈p·V⌉ (at least 1), found on the cumulative counts.
      const o5 = Math.max(Math.ceil(0.05 * valid), 1);
      const o50 = Math.max(Math.ceil(0.5 * valid), 1);
      const o95 = Math.max(Math.ceil(0.95 * valid), 1);
      let cum = 0;
      let shift = 0;
      for (let r = 1; r <= n; r++) {
        const c = counts[base + r]!;
        if (c === 0) continue;
        const before = cum;
        cum += c;
        shift += c * Math.abs(r - own);
        if (before < o5 && cum >= o5) p5Rank[u] = r;
        if (before < o50 && cum >= o50) medianRank[u] = r;
        if (before < o95 && cum >= o95) p95Rank[u] = r;
      }
      meanAbsShift[u] = shift / valid;
    }
  }
  return { medianRank, p5Rank, p95Rank, meanAbsShift };
}
