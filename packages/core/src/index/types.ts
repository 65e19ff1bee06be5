/**
 * Types of a composite-index framework (METHODS.md §4; JRC/OECD Handbook on Constructing Composite
 * Indicators, 2008; COINr). A framework is a two-level tree: domains (领域) → indicators (指标).
 * Everything normalised is on a 0–100 scale, higher = better, so that methods can be mixed in one framework.
 */

/** Polarity: `up` = higher is better, `down` = lower is better (handled before/inside normalisation). */
export type Direction = 'up' | 'down';

/**
 * Normalisation of one indicator over the units of a run (METHODS.md §4).
 * - `minmax`: 100·(x − min)/(max − min).
 * - `zscore`: z = (x − μ)/σ (σ with n − 1, as COINr/R), put on the 0–100 scale as 50 + 10·z and clipped.
 * - `goalposts`: 100·(x − lo)/(hi − lo) clipped to [0, 100]; for `down`, lo scores 100 and hi scores 0.
 * - `distance_to_target`: 100·min(x/target, 1); for `down`, 100·min(target/x, 1).
 * - `rank`: average ranks for ties, 100·(r − 1)/(n − 1).
 * - `efficacy`: 功效系数法 attainment 60 + 40·(x − floor)/(target − floor), capped at 100, clamped at 0.
 */
export type Normalisation =
  | { readonly method: 'minmax' }
  | { readonly method: 'zscore' }
  | { readonly method: 'goalposts'; readonly lo: number; readonly hi: number }
  | { readonly method: 'distance_to_target'; readonly target: number }
  | { readonly method: 'rank' }
  | { readonly method: 'efficacy'; readonly target: number; readonly floor: number };

export type NormalisationMethod = Normalisation['method'];

/** Outlier treatment before normalising: winsorise at the given percentiles (0–100, lower < upper). */
export type Outliers =
  | { readonly method: 'none' }
  | { readonly method: 'winsorise'; readonly lower: number; readonly upper: number };

/** Imputation of a missing value: none (weights renormalised), mean of the unit's group, or last period. */
export type Imputation = 'none' | 'group_mean' | 'last_period';

/** Aggregation within one aggregate: weighted arithmetic mean or weighted geometric mean. */
export type Aggregation = 'arithmetic' | 'geometric';

// Optional fields also accept an explicit `undefined`, so that parsed JSON (zod) fits these types as is.
export interface FrameworkIndicator {
  readonly code: string;
  readonly direction: Direction;
  /** Relative weight (≥ 0) within its domain; renormalised over the indicators a unit has. */
  readonly weight: number;
  readonly normalisation: Normalisation;
  readonly outliers?: Outliers | undefined;
  /** Overrides the framework's default imputation. */
  readonly imputation?: Imputation | undefined;
}

export interface FrameworkDomain {
  readonly code: string;
  /** Relative weight (≥ 0) of the domain in the total. */
  readonly weight: number;
  /** Overrides `aggregation.indicators` for this domain. */
  readonly aggregation?: Aggregation | undefined;
  readonly indicators: readonly FrameworkIndicator[];
}

export interface Framework {
  readonly code: string;
  /** Aggregation per level: indicators → domain, and domains → total. */
  readonly aggregation: { readonly indicators: Aggregation; readonly domains: Aggregation };
  /** Default imputation for indicators that do not set their own (default `none`). */
  readonly imputation?: Imputation | undefined;
  /** Units whose weighted coverage (0–1) is below this are marked and not ranked (default 0). */
  readonly coverageThreshold?: number | undefined;
  readonly domains: readonly FrameworkDomain[];
}

export type IndexWarningCode = 'CONSTANT_COLUMN' | 'NO_DATA' | 'ZSCORE_CLIPPED';

/** A warning about one indicator of a run (the run still completes). */
export interface IndexWarning {
  readonly code: IndexWarningCode;
  readonly indicator: string;
  readonly message: string;
}

export type IndexErrorCode =
  | 'INDEX_SHAPE'
  | 'INDEX_UNKNOWN_INDICATOR'
  | 'INDEX_DUPLICATE_INDICATOR'
  | 'INDEX_EMPTY_FRAMEWORK'
  | 'INDEX_BAD_PARAMETER';

export interface IndexError {
  readonly code: IndexErrorCode;
  readonly message: string;
}

/**
 * Input of a run: a units × columns matrix of raw values (row-major, NaN = missing). Columns are named by
 * `indicators`; the framework picks its indicators from them by code, so extra columns are ignored.
 */
export interface IndexInput {
  readonly framework: Framework;
  readonly units: readonly string[];
  readonly indicators: readonly string[];
  readonly values: Float64Array;
  /** Previous period's matrix, same shape and columns, for `last_period` imputation. */
  readonly previous?: Float64Array | undefined;
  /** unit code → group code, for `group_mean` imputation and ranks within groups. */
  readonly groups?: ReadonlyMap<string, string> | undefined;
  /** unit code → rank in a previous run, for rank change. */
  readonly previousRanks?: ReadonlyMap<string, number> | undefined;
}
