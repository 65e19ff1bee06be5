/**
 * The answer of the regional gap measures (issue 5 §1; METHODS.md §2) as plain JSON: which units were
 * asked about, which had data and which did not, the population used as weight for each (and from which
 * period), every measure with its decompositions, and notes that say what was assumed.
 */
import type { TheilDecomposition, UnitLevel } from '@suocha/core';

/** How a unit's population weight was chosen (METHODS.md §2: weights = population where known). */
export type StockRule = 'same_period' | 'same_year' | 'earlier';

export interface RegionalUnitRow {
  readonly code: string;
  readonly name: string;
  readonly parentCode: string | null;
  readonly parentName: string | null;
  /** Member of the requested group on the as-of date; null when no group was asked for. */
  readonly inGroup: boolean | null;
  /** The counted (approved or locked) value for the period, or null: no value, never filled in. */
  readonly value: number | null;
  readonly source: string | null;
  readonly synthetic: boolean;
  readonly population: number | null;
  readonly populationPeriod: string | null;
  readonly populationRule: StockRule | null;
}

export interface UnitAtEnd {
  readonly code: string;
  readonly name: string;
  readonly value: number;
}

export interface RegionalMaxMin {
  readonly ratio: number;
  readonly max: number;
  readonly min: number;
  readonly highest: readonly UnitAtEnd[];
  readonly lowest: readonly UnitAtEnd[];
}

export interface RegionalDispersion {
  readonly mean: number;
  readonly sd: number;
  readonly cv: number;
}

/** A Theil decomposition with a label per group key (unit names, 山区海岛县 / the rest). */
export interface LabelledDecomposition extends TheilDecomposition {
  readonly by: 'parent' | 'group' | 'area' | 'unit';
  readonly labels: Readonly<Record<string, string>>;
}

export interface RegionalGroupRatio {
  readonly group: string;
  /** Units of the group with a value. */
  readonly units: number;
  /** Population-weighted (or equal-weighted, see `weights`) mean of the group's units. */
  readonly groupMean: number;
  /** The observed value of the parent unit (`of`) for the period, or null when it has none. */
  readonly parentValue: number | null;
  /** groupMean / parentValue (e.g. 山区海岛县 / 全省), or null without a parent value. */
  readonly ratioToParent: number | null;
  /** Mean of the other units with a value, and groupMean / that mean; null when there are none. */
  readonly restMean: number | null;
  readonly ratioToRest: number | null;
}

export interface RegionalBelowLine {
  readonly line: number;
  /** Where the line came from: a value given, another unit's value (e.g. 全国), or the parent's value. */
  readonly lineSource: 'value' | 'unit' | 'parent';
  readonly lineUnit: { readonly code: string; readonly name: string } | null;
  readonly count: number;
  /** Population share (unit share with equal weights) of the units below the line. */
  readonly populationShare: number;
  readonly units: readonly UnitAtEnd[];
}

export interface RegionalMeasures {
  /** Units with a value, over which every measure is taken. */
  readonly n: number;
  /** Weighted mean (population weights, or equal weights — see `weights`). */
  readonly mean: number | null;
  readonly maxMin: RegionalMaxMin | null;
  /** Unweighted CV (σ/μ, divisor n). */
  readonly cv: RegionalDispersion | null;
  /** Williamson CV with the population weights (equal to `cv` when weights are equal). */
  readonly williamsonCv: RegionalDispersion | null;
  /** Theil T and L, total (one group: between = 0). */
  readonly theil: TheilDecomposition | null;
  /** By the units' parents (cities, for counties) and by group membership (members vs the rest). */
  readonly decompositions: readonly LabelledDecomposition[];
  readonly groupRatio: RegionalGroupRatio | null;
  readonly belowLine: RegionalBelowLine | null;
}

export interface UrbanRuralUnitRow {
  readonly code: string;
  readonly name: string;
  readonly urban: number;
  readonly rural: number;
  /** urban / rural (城乡居民收入倍差). */
  readonly ratio: number;
  /** urban − rural. */
  readonly difference: number;
  readonly urbanPopulation: number | null;
  readonly ruralPopulation: number | null;
  readonly populationPeriod: string | null;
  /** Between-half Theil of the unit (its urban and rural halves at their means), when both populations are known. */
  readonly theil: {
    readonly urbanPopulationShare: number;
    readonly urbanIncomeShare: number;
    readonly mean: number;
    readonly theilT: number;
    readonly theilL: number;
  } | null;
}

export interface UrbanRuralInequality {
  /** Units whose urban and rural incomes and populations are all known (the others are left out). */
  readonly units: readonly string[];
  readonly excluded: readonly string[];
  /** Over the 2·n urban and rural halves: decomposed by area (urban vs rural) … */
  readonly byArea: LabelledDecomposition;
  /** … and by unit (between units vs within units, the latter being the units' urban-rural gaps). */
  readonly byUnit: LabelledDecomposition;
  /** Share of total Theil T / L due to the urban-rural gap: between-area part / total. */
  readonly urbanRuralShareT: number | null;
  readonly urbanRuralShareL: number | null;
}

export interface RegionalUrbanRural {
  readonly urbanIndicator: string;
  readonly ruralIndicator: string;
  readonly period: string;
  readonly units: readonly UrbanRuralUnitRow[];
  /** Units of the set without both incomes for the period, with what they lack. */
  readonly missing: readonly {
    readonly code: string;
    readonly name: string;
    readonly lacks: readonly string[];
  }[];
  /** The parent unit's own urban-rural gap, when it has both incomes. */
  readonly parent: {
    readonly code: string;
    readonly name: string;
    readonly urban: number;
    readonly rural: number;
    readonly ratio: number;
    readonly difference: number;
  } | null;
  /** Units with the largest and smallest urban/rural ratio. */
  readonly highestRatio: readonly { readonly code: string; readonly name: string; readonly ratio: number }[];
  readonly lowestRatio: readonly { readonly code: string; readonly name: string; readonly ratio: number }[];
  readonly inequality: UrbanRuralInequality | null;
}

export interface RegionalGaps {
  readonly indicator: {
    readonly code: string;
    readonly nameZh: string;
    readonly nameEn: string;
    readonly unit: string;
  };
  readonly of: { readonly code: string; readonly name: string; readonly level: UnitLevel };
  /** Level of the units measured. */
  readonly level: UnitLevel;
  /** `children` of `of`, a `level` of its subtree, or the members of a `group` in it. */
  readonly set: 'children' | 'level' | 'group';
  readonly period: string;
  /** `given`, or `most_units`: the period with the most units having a value (the latest on a tie). */
  readonly periodChoice: 'given' | 'most_units';
  /** Every period with values for units of the set, and how many units have one. */
  readonly periods: readonly { readonly period: string; readonly units: number }[];
  readonly asOf: string;
  readonly asOfChoice: 'given' | 'period_end';
  readonly group: {
    readonly code: string;
    readonly nameZh: string;
    readonly nameEn: string;
    /** Members among the units of the set on the as-of date. */
    readonly members: number;
  } | null;
  readonly coverage: {
    readonly units: number;
    readonly withData: number;
    readonly withoutData: number;
    readonly share: number;
  };
  readonly weights: {
    readonly kind: 'population' | 'equal';
    readonly indicator: string;
    /** Units with a value but no population (why weights are equal). */
    readonly missing: readonly string[];
  };
  readonly parent: { readonly code: string; readonly name: string; readonly value: number | null };
  /** Every unit of the set, with a value or not. */
  readonly units: readonly RegionalUnitRow[];
  readonly measures: RegionalMeasures;
  readonly urbanRural: RegionalUrbanRural;
  /** What was assumed or could not be computed, one sentence each (Chinese, then English). */
  readonly notes: readonly string[];
  /** True when any value used is generated demo data; then `syntheticLabel` is 模拟数据. */
  readonly synthetic: boolean;
  readonly syntheticLabel: string | null;
}
