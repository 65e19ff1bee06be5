/**
 * Shared vocabulary of the progress-to-target engine (METHODS.md §1).
 *
 * Times are decimal years on the scale of `periodTime` (period.ts): a period is placed at its end, year Y
 * at Y + 1 and 2025Q3 at 2025.75; a target "by year T" at `targetYearTime(T)` = T + 1.
 */

/** Comparator of a target, as written in the plans (targets.csv). */
export type Comparator = '>=' | '>' | '<=' | '<' | '=';

/** Direction in which the indicator improves: `up` = higher is better. */
export type Polarity = 'up' | 'down';

/**
 * How rates are measured: `compound` = constant annual growth rate (values must be > 0);
 * `linear` = change in value per year, for indicators that can be zero or negative (METHODS.md §1).
 */
export type RateMethod = 'compound' | 'linear';

/** A target as the engine needs it: comparator and value for a year, optionally the plan's baseline. */
export interface TargetSpec {
  readonly comparator: Comparator;
  readonly value: number;
  /** Target year T; the target is judged at the end of that year. */
  readonly year: number;
  /** The plan's own baseline (基期值), if it states one: period and value. */
  readonly baseline?: { readonly period: string; readonly value: number };
}

/** One observed value of the indicator for the target's unit. */
export interface ObservationInput {
  /** Any spelling `parsePeriod` accepts: `2025`, `2025Q3-YTD`, `2025-Q3-YTD`, `2025-11`. */
  readonly period: string;
  readonly value: number;
}

/** An observation placed on the time scale. */
export interface SeriesPoint {
  /** Canonical period (formatPeriod). */
  readonly period: string;
  /** End of the period in decimal years (periodTime). */
  readonly time: number;
  readonly value: number;
}

/** Status classes of the Open SDG / Statistics Canada method, plus `no_data`. */
export type ProgressStatus =
  'achieved' | 'on_track' | 'needs_acceleration' | 'limited_progress' | 'moving_away' | 'no_data';

/** Why a status could not be judged (status `no_data`). Stable codes for the UI and the API. */
export type NoDataReason =
  /** No usable observation has ended by the as-of date. */
  | 'NO_OBSERVATIONS'
  /** One observation, no baseline: nothing to measure a rate over (METHODS.md §1). */
  | 'SINGLE_OBSERVATION'
  /** A growth rate needs values > 0; the indicator should be flagged `linear`. */
  | 'NON_POSITIVE_VALUE'
  /** The target's time is not after the baseline's, so no required rate exists. */
  | 'TARGET_NOT_AFTER_BASELINE';

/**
 * Notes that qualify a status without preventing it; the UI should show them next to the status.
 * - `SUB_ANNUAL_SERIES`: the series judged is sub-annual (e.g. 1–9月 year-to-date) while the target is
 *   for a whole year; its level may differ from the annual value (the Q3-YTD urban-rural income ratio of
 *   Zhejiang is lower than the annual one).
 * - `BASELINE_SEASONALITY_MISMATCH`: the plan's baseline has another seasonality than the series, so the
 *   earliest observation of the series was used as baseline instead.
 * - `BASELINE_INVALID`: the plan's baseline period could not be parsed or its value is not finite; the
 *   earliest observation was used.
 * - `TARGET_MISSED`: the latest observation is at or after the end of the target year and does not meet
 *   the target — a final verdict for that target.
 * - `OVERDUE`: the target's year has ended by the as-of date, the latest value does not meet the target,
 *   and no observation for the target year is in yet.
 * - `INVALID_PERIODS_IGNORED`: some observations had unparseable periods or non-finite values.
 * - `DUPLICATE_PERIODS`: several observations for one period; the last one given was used.
 */
export type StatusCaveat =
  | 'SUB_ANNUAL_SERIES'
  | 'BASELINE_SEASONALITY_MISMATCH'
  | 'BASELINE_INVALID'
  | 'TARGET_MISSED'
  | 'OVERDUE'
  | 'INVALID_PERIODS_IGNORED'
  | 'DUPLICATE_PERIODS';

/** Which series to judge when observations of several seasonalities exist. */
export type SeriesChoice =
  /** The seasonality of the latest observation (default; `sameSeasonality` in period.ts). */
  | 'latest'
  /** Annual values only. */
  | 'annual';

/** Options shared by `targetStatus`, `unsdProgress` and `weatherStatus` (same inputs, METHODS.md §1). */
export interface ProgressOptions {
  /** ISO date: only periods that have ended on or before it count. */
  readonly asOf: string;
  /** The indicator's polarity; used only for `=` targets (inequalities carry their own direction). */
  readonly polarity?: Polarity;
  /** The indicator is flagged linear: use differences per year instead of growth rates. */
  readonly linear?: boolean;
  /** Default `latest`. */
  readonly series?: SeriesChoice;
  /** Absolute tolerance for `=` targets; default 0 (exact). */
  readonly tolerance?: number;
  /**
   * `latest` (default, METHODS.md §1): achieved only when the latest value meets the target; a series that
   * met it earlier and no longer does is judged on its trend and flagged `slipped`.
   * `ever`: once any observation has met the target the status stays `achieved` (flagged `slipped` when
   * the latest value no longer meets it).
   */
  readonly achievedRule?: 'latest' | 'ever';
}
