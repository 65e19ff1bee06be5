/**
 * Every income-distribution measure of METHODS.md §3 from household micro-data, over persons (person
 * weight p = w·n, income y = per-capita income), in one validating pass, one sort and one pass over the
 * sorted incomes:
 *   Gini, Lorenz curve, decile/quintile shares and means, S80/S20, Palma, median — all rows;
 *   Theil T, Theil L (= MLD) with between/within decompositions, Atkinson ε = 1 and 2 — rows with y > 0;
 *   Atkinson ε = 0.5 — rows with y ≥ 0;
 *   middle-income share (y·3 in [100 000, 500 000) by default) and low-income line — all rows.
 * Rows left out of a measure are counted in its `excluded` field. Sources: METHODS.md §2–3; Cowell 2011
 * "Measuring Inequality"; Atkinson 1970; Palma 2011; NBS 中等收入群体 convention (family of three).
 */
import { err, ok, type Result } from '../result';
import { createSortWorkspace, visitSorted, type SortWorkspace } from './float-radix-sort';
import { gapsError, type GapsError } from './gaps-error';
import type { HouseholdData, HouseholdGrouping } from './household-data';
import {
  householdSums,
  referenceIncome,
  type HouseholdHeadcount,
  type HouseholdSums,
} from './household-sums';
import { DistributionAccumulator } from './sorted-distribution';
import { theilDecomposition, theilTotals, type TheilDecomposition } from './theil-decomposition';

export interface HouseholdOptions {
  /** Names of `data.groups` to decompose Theil T and L by; all of them when absent. */
  readonly decompose?: readonly string[] | undefined;
  /** Middle-income band on y·multiplier, [lower, upper); defaults 100 000, 500 000 and 3. */
  readonly middleIncome?:
    | {
        readonly lower?: number | undefined;
        readonly upper?: number | undefined;
        readonly multiplier?: number | undefined;
      }
    | undefined;
  /** Low-income line on per-capita income: persons with y < line are counted. */
  readonly lowIncomeLine?: number | undefined;
  /** Number of Lorenz points at q = 0, 1/(k−1), …, 1 (default 101). */
  readonly lorenzPoints?: number | undefined;
  /** Buffers to reuse across calls (see `createHouseholdWorkspace`). */
  readonly workspace?: HouseholdWorkspace | undefined;
}

/** Rows a measure leaves out, as households, persons and share of all persons. */
export interface HouseholdExclusion {
  readonly households: number;
  readonly persons: number;
  readonly personShare: number;
}

export interface IncomeQuantileGroups {
  /** Income share of each group, poorest first. */
  readonly share: readonly number[];
  /** Mean per-capita income of the persons in each group. */
  readonly mean: readonly number[];
}

export interface HouseholdMeasures {
  readonly households: number;
  /** Σ w·n: the persons the sample represents. */
  readonly persons: number;
  readonly mean: number;
  readonly median: number;
  /** Null when total income is not positive (also for the other Lorenz-based measures). */
  readonly gini: number | null;
  readonly s80s20: number | null;
  readonly palma: number | null;
  readonly deciles: IncomeQuantileGroups | null;
  readonly quintiles: IncomeQuantileGroups | null;
  readonly lorenz: { readonly population: readonly number[]; readonly income: readonly number[] } | null;
  /** Over persons with y > 0; null when there are none. */
  readonly theil: {
    readonly theilT: number;
    readonly theilL: number;
    readonly mean: number;
    readonly excluded: HouseholdExclusion;
    /** By grouping name. */
    readonly decompositions: Readonly<Record<string, TheilDecomposition>>;
  } | null;
  /** ε = 0.5 (y ≥ 0), 1 and 2 (y > 0); value null when no included income is positive. */
  readonly atkinson: readonly {
    readonly epsilon: number;
    readonly value: number | null;
    readonly excluded: HouseholdExclusion;
  }[];
  readonly middleIncome: {
    readonly lower: number;
    readonly upper: number;
    readonly multiplier: number;
    readonly households: number;
    readonly persons: number;
    readonly share: number;
  };
  readonly lowIncome: {
    readonly line: number;
    readonly households: number;
    readonly persons: number;
    readonly share: number;
  } | null;
}

/** Buffers reused across calls of `householdMeasures`, so repeated runs do not pay for fresh pages. */
export interface HouseholdWorkspace {
  readonly sort: SortWorkspace;
}

/** Buffers for up to `capacity` households: 16 bytes per household and about 5 MB. */
export function createHouseholdWorkspace(capacity: number): HouseholdWorkspace {
  return { sort: createSortWorkspace(capacity) };
}

const DECILES = [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9];

/**
 * Every measure of METHODS.md §3 over the persons of `data` (see the file comment for which rows each
 * measure uses); invalid input (no rows, mismatched lengths, a non-finite income, a size ≤ 0, a negative
 * weight, a group code outside its label table, a bad option) is an error value with the row's index.
 */
export function householdMeasures(
  data: HouseholdData,
  options: HouseholdOptions = {},
): Result<HouseholdMeasures, GapsError> {
  const n = data.income.length;
  if (n === 0) return err(gapsError('empty', 'no households', { field: 'income' }));
  if (data.size.length !== n)
    return err(gapsError('length_mismatch', `${data.size.length} sizes for ${n} incomes`, { field: 'size' }));
  if (data.weight && data.weight.length !== n)
    return err(
      gapsError('length_mismatch', `${data.weight.length} weights for ${n} incomes`, { field: 'weight' }),
    );
  const available = data.groups ?? {};
  const names = options.decompose ?? Object.keys(available);
  const groupings: { name: string; grouping: HouseholdGrouping }[] = [];
  for (const name of names) {
    const grouping = available[name];
    if (!grouping)
      return err(gapsError('unknown_grouping', `no grouping "${name}" in the data`, { field: name }));
    if (grouping.codes.length !== n)
      return err(
        gapsError('length_mismatch', `${grouping.codes.length} codes for ${n} incomes`, { field: name }),
      );
    groupings.push({ name, grouping });
  }
  const lower = options.middleIncome?.lower ?? 100_000;
  const upper = options.middleIncome?.upper ?? 500_000;
  const multiplier = options.middleIncome?.multiplier ?? 3;
  if (!(lower < upper) || !(multiplier > 0) || !Number.isFinite(multiplier))
    return err(
      gapsError('invalid_option', 'middle-income band needs lower < upper and multiplier > 0', {
        field: 'middleIncome',
      }),
    );
  const lowLine = options.lowIncomeLine;
  if (lowLine !== undefined && !Number.isFinite(lowLine))
    return err(
      gapsError('invalid_option', 'the low-income line must be a finite number', { field: 'lowIncomeLine' }),
    );
  const points = options.lorenzPoints ?? 101;
  if (!Number.isInteger(points) || points < 2 || points > 100_001)
    return err(
      gapsError('invalid_option', 'lorenzPoints must be an integer in [2, 100001]', {
        field: 'lorenzPoints',
      }),
    );

  const ref = referenceIncome(data.income);
  const summed = householdSums(data, groupings, ref);
  if (!summed.ok) return summed;
  const sums = summed.value;
  if (!(sums.population > 0)) return err(gapsError('zero_total_weight', 'the person weights sum to zero'));

  // One sort, consumed run by run: the sorted order is never materialised.
  const grid = Array.from({ length: points }, (_, k) => k / (points - 1));
  const cuts = [
    { value: lower, multiplier },
    { value: upper, multiplier },
    { value: lowLine ?? -Infinity, multiplier: 1 },
  ];
  const acc = new DistributionAccumulator([...grid, ...DECILES], sums.population, cuts);
  visitSorted(
    data.income,
    { weight: data.weight, multiplier: data.size },
    (y, p, count) => acc.add(y, p, count),
    options.workspace?.sort,
  );
  const dist = acc.result();
  const [belowLower, belowUpper, belowLine] = dist.below as [
    HouseholdHeadcount,
    HouseholdHeadcount,
    HouseholdHeadcount,
  ];
  const L = (k: number) => dist.lorenz[points + k - 1]!; // L(k/10) for k = 1..9
  const Lq = (k: number) => (k === 0 ? 0 : k === 10 ? 1 : L(k));
  const positiveIncome = dist.income > 0;
  const mean = sums.income / sums.population;
  const groupsOf = (k: number): IncomeQuantileGroups => {
    const step = 10 / k;
    const share: number[] = [];
    const means: number[] = [];
    for (let j = 0; j < k; j++) {
      const s = Lq((j + 1) * step) - Lq(j * step);
      share.push(s);
      // Each group holds 1/k of the persons, so its mean is share·μ·k.
      means.push(s * mean * k);
    }
    return { share, mean: means };
  };
  const ratio = (num: number, den: number) => (den > 0 ? num / den : null);

  return ok({
    households: n,
    persons: sums.population,
    mean,
    median: dist.median,
    gini: positiveIncome ? dist.gini : null,
    s80s20: positiveIncome ? ratio(1 - L(8), L(2)) : null,
    palma: positiveIncome ? ratio(1 - L(9), L(4)) : null,
    deciles: positiveIncome ? groupsOf(10) : null,
    quintiles: positiveIncome ? groupsOf(5) : null,
    lorenz: positiveIncome ? { population: grid, income: Array.from(dist.lorenz.subarray(0, points)) } : null,
    theil: theilPart(sums, groupings, ref),
    atkinson: atkinsonPart(sums, ref),
    middleIncome: {
      lower,
      upper,
      multiplier,
      households: belowUpper.households - belowLower.households,
      persons: belowUpper.persons - belowLower.persons,
      share: (belowUpper.persons - belowLower.persons) / sums.population,
    },
    lowIncome:
      lowLine === undefined
        ? null
        : {
            line: lowLine,
            households: belowLine.households,
            persons: belowLine.persons,
            share: belowLine.persons / sums.population,
          },
  });
}

function exclusion(sums: HouseholdSums, c: { households: number; persons: number }): HouseholdExclusion {
  return { households: c.households, persons: c.persons, personShare: c.persons / sums.population };
}

function theilPart(
  sums: HouseholdSums,
  groupings: readonly { name: string }[],
  ref: number,
): HouseholdMeasures['theil'] {
  const pos = sums.positive;
  if (!(pos.P > 0)) return null;
  const totals = theilTotals(pos, ref);
  const decompositions: Record<string, TheilDecomposition> = {};
  groupings.forEach((g, j) => {
    decompositions[g.name] = theilDecomposition(pos, sums.groups[j]!, ref);
  });
  return {
    theilT: totals.theilT,
    theilL: totals.theilL,
    mean: totals.mean,
    excluded: exclusion(sums, sums.nonPositive),
    decompositions,
  };
}

function atkinsonPart(sums: HouseholdSums, ref: number): HouseholdMeasures['atkinson'] {
  const pos = sums.positive;
  const out: { epsilon: number; value: number | null; excluded: HouseholdExclusion }[] = [];
  // ε = 0.5 over y ≥ 0: zeros add to the population but not to Σ p√y.
  const P0 = sums.population - sums.negative.persons;
  const mean0 = pos.Y / P0;
  out.push({
    epsilon: 0.5,
    value: pos.Y > 0 && P0 > 0 ? 1 - (sums.sqrtSum / P0) ** 2 / mean0 : null,
    excluded: exclusion(sums, sums.negative),
  });
  const excluded = exclusion(sums, sums.nonPositive);
  if (pos.P > 0) {
    // A_1 = 1 − exp(mean ln y)/μ = 1 − exp(−L); expm1 keeps digits when L is small.
    const { theilL } = theilTotals(pos, ref);
    out.push({ epsilon: 1, value: -Math.expm1(-theilL), excluded });
    out.push({ epsilon: 2, value: 1 - pos.P / ((pos.Y / pos.P) * sums.inverseSum), excluded });
  } else {
    out.push({ epsilon: 1, value: null, excluded }, { epsilon: 2, value: null, excluded });
  }
  return out;
}
