/**
 * One run of the composite index (METHODS.md §4; JRC/OECD Handbook 2008; COINr): impute → winsorise →
 * normalise → aggregate (weights renormalised over what each unit has) → 0–100 scores → coverage and its
 * threshold → competition ranks, ranks within groups, rank change → contributions to the shortfall and to
 * the gap from the leader → the three weakest indicators (短板).
 */
import { err, ok, type Result } from '../result';
import { aggregate } from './aggregate';
import { compileFramework } from './compile-framework';
import { contributions } from './contributions';
import { belowCoverage, coverage } from './coverage';
import { ranksWithinGroups } from './group-ranks';
import { groupIndex, prepareMatrix } from './prepare-matrix';
import { rankChange } from './rank-change';
import { competitionRanks, leaderOf } from './ranks';
import type { IndexError, IndexInput, IndexWarning } from './types';
import { weakestIndicators } from './weakest';

/** How many weakest indicators (短板) are listed per unit. */
export const WEAKEST_COUNT = 3;

export interface IndexRun {
  readonly units: readonly string[];
  /** Indicator codes in framework order (the column order of every units × indicators matrix below). */
  readonly indicators: readonly string[];
  readonly domains: readonly string[];
  /** units × indicators: values after imputation and outlier treatment. */
  readonly treated: Float64Array;
  /** units × indicators: 1 where imputed. */
  readonly imputed: Uint8Array;
  /** units × indicators: normalised 0–100, NaN = missing. */
  readonly normalised: Float64Array;
  /** units × domains: domain scores 0–100. */
  readonly domainScores: Float64Array;
  /** Total score 0–100 (NaN when a unit has no data at all). */
  readonly scores: Float64Array;
  /** 1 = best, competition ranking; 0 = not ranked (below the coverage threshold or no score). */
  readonly ranks: Int32Array;
  /** Ranks within the unit's group (0 = no group or not ranked). */
  readonly groupRanks: Int32Array;
  /** Previous rank − current rank (positive = moved up); NaN when unknown. */
  readonly rankChange: Float64Array;
  /** Weighted share of the framework available per unit, 0–1. */
  readonly coverage: Float64Array;
  /** Number of indicators available per unit. */
  readonly available: Int32Array;
  /** 1 where coverage is below the framework's threshold: scored but not ranked. */
  readonly belowCoverage: Uint8Array;
  /** Index of the rank-1 unit (−1 if none). */
  readonly leader: number;
  /** units × indicators: contributions to 100 − score. */
  readonly shortfall: Float64Array;
  /** units × indicators: contributions to score(leader) − score. */
  readonly leaderGap: Float64Array;
  /** units × WEAKEST_COUNT indicator indices (framework order), −1 where none. */
  readonly weakest: Int32Array;
  readonly warnings: readonly IndexWarning[];
}

/** Checks shapes shared by a run and the Monte Carlo. */
export function checkInput(input: IndexInput): IndexError | undefined {
  const cells = input.units.length * input.indicators.length;
  if (input.values.length !== cells)
    return {
      code: 'INDEX_SHAPE',
      message: `values has ${input.values.length} cells, expected units × indicators = ${cells}`,
    };
  if (input.previous && input.previous.length !== cells)
    return { code: 'INDEX_SHAPE', message: `previous has ${input.previous.length} cells, expected ${cells}` };
  if (new Set(input.units).size !== input.units.length)
    return { code: 'INDEX_SHAPE', message: 'unit codes repeat' };
  return undefined;
}

export function runIndex(input: IndexInput): Result<IndexRun, IndexError> {
  const shape = checkInput(input);
  if (shape) return err(shape);
  const compiled = compileFramework(input.framework, input.indicators);
  if (!compiled.ok) return compiled;
  const cf = compiled.value;
  const n = input.units.length;
  const prepared = prepareMatrix(input, cf);
  const { normalised } = prepared;
  const { domainScores, scores } = aggregate(normalised, n, cf, cf.indicatorWeights, cf.domainWeights);
  const cov = coverage(normalised, n, cf, cf.indicatorWeights, cf.domainWeights);
  const below = belowCoverage(cov.weighted, cf.coverageThreshold);
  const eligible = Uint8Array.from(below, (b) => 1 - b);
  const ranks = competitionRanks(scores, eligible);
  const leader = leaderOf(ranks);
  const contrib = contributions(
    normalised,
    domainScores,
    scores,
    n,
    cf,
    cf.indicatorWeights,
    cf.domainWeights,
    leader,
  );
  return ok({
    units: input.units,
    indicators: cf.codes,
    domains: cf.domainCodes,
    treated: prepared.treated,
    imputed: prepared.imputed,
    normalised,
    domainScores,
    scores,
    ranks,
    groupRanks: ranksWithinGroups(scores, groupIndex(input.units, input.groups).codes, eligible),
    rankChange: input.previousRanks
      ? rankChange(input.units, ranks, input.previousRanks)
      : new Float64Array(n).fill(Number.NaN),
    coverage: cov.weighted,
    available: cov.available,
    belowCoverage: below,
    leader,
    shortfall: contrib.shortfall,
    leaderGap: contrib.leaderGap,
    weakest: weakestIndicators(contrib.shortfall, n, cf.m, WEAKEST_COUNT),
    warnings: prepared.warnings,
  });
}
