import { targetYearTime } from '../period';
import { meetsTarget, targetPolarity } from './comparator';
import { expectedOnPath } from './expected-on-path';
import { projectValue, requiredAnnualChange } from './projection';
import { annualRate, rateDefined } from './rates';
import { chooseBaseline, selectSeries } from './series';
import type {
  NoDataReason,
  ObservationInput,
  Polarity,
  ProgressOptions,
  ProgressStatus,
  RateMethod,
  SeriesPoint,
  StatusCaveat,
  TargetSpec,
} from './types';

/** Thresholds of the ratio R (METHODS.md §1, Open SDG / Statistics Canada). */
export const ON_TRACK_RATIO = 0.95;
export const ACCELERATION_RATIO = 0.6;

/**
 * Relative slack at the class thresholds, so that a ratio that is 0.95 in exact arithmetic is not pushed
 * into the lower class by rounding (published inputs carry far fewer digits than this).
 */
const EPS = 1e-9;

/**
 * Class of the ratio R = r_obs / r_req (METHODS.md §1; Open SDG / Statistics Canada, "progress status"):
 * R ≥ 0.95 on track; 0.6 ≤ R < 0.95 needs acceleration; 0 ≤ R < 0.6 limited progress; R < 0 moving away.
 */
export function classifyRatio(ratio: number): Exclude<ProgressStatus, 'achieved' | 'no_data'> {
  if (ratio >= ON_TRACK_RATIO - EPS) return 'on_track';
  if (ratio >= ACCELERATION_RATIO - EPS) return 'needs_acceleration';
  if (ratio >= -EPS) return 'limited_progress';
  return 'moving_away';
}

export interface TargetStatusResult {
  readonly status: ProgressStatus;
  /** Set exactly when status is `no_data`. */
  readonly reason: NoDataReason | null;
  readonly method: RateMethod;
  /** Direction of improvement used (from the comparator; see `targetPolarity`). */
  readonly polarity: Polarity;
  /** T on the decimal-year scale: end of the target year. */
  readonly targetTime: number;
  /** The observations judged (one seasonality, ended by as-of), oldest first. */
  readonly series: readonly SeriesPoint[];
  readonly latest: SeriesPoint | null;
  readonly baseline: (SeriesPoint & { readonly source: 'plan' | 'earliest_observation' }) | null;
  /** Observed annual rate from the baseline to the latest value (growth rate, or change per year if linear). */
  readonly rObs: number | null;
  /** Required annual rate from the baseline to the target. */
  readonly rReq: number | null;
  /** R = rObs / rReq. */
  readonly ratio: number | null;
  /** An earlier observation met the target and the latest does not. */
  readonly slipped: boolean;
  /** 序时进度: the value expected at the latest observation's time on the straight path, and the gap to it. */
  readonly expected: number | null;
  readonly gap: number | null;
  /** y_T projected at the observed rate. */
  readonly projected: number | null;
  /** Rate needed each year from the latest value to reach the target (null when already met). */
  readonly requiredFromNow: number | null;
  readonly caveats: readonly StatusCaveat[];
}

/**
 * Status of a target at a date by the Open SDG / Statistics Canada method (METHODS.md §1; Statistics
 * Canada's progress measure as documented in open-sdg/open-sdg `docs/progress-methodology.md`):
 *
 * 1. The series: observations ended by `asOf`, of the latest observation's seasonality (`selectSeries`).
 * 2. Achieved when the latest value meets the comparator (option `achievedRule: 'ever'`: when any has).
 * 3. Baseline (t_0, y_0): the plan's, else the earliest observation. Fewer than two points → no_data.
 * 4. r_req = (y* / y_0)^(1/(T − t_0)) − 1, r_obs = (y_t/y_0)^(1/(t − t_0)) − 1 (linear indicators:
 *    differences per year); values must be > 0 for growth rates.
 * 5. If the baseline is already at or beyond the target level (r_req = 0, or of the wrong sign), the rule
 *    "r_req = 0 → achieved / moving away by comparator" applies: not achieved means moving away.
 * 6. Otherwise R = r_obs / r_req, classified by `classifyRatio` (same formula for lower-is-better, where
 *    both rates are negative when moving the right way).
 */
export function targetStatus(
  target: TargetSpec,
  observations: readonly ObservationInput[],
  options: ProgressOptions,
): TargetStatusResult {
  const method: RateMethod = options.linear === true ? 'linear' : 'compound';
  const tolerance = options.tolerance ?? 0;
  const { comparator, value: yStar } = target;
  const targetTime = targetYearTime(target.year);
  const selected = selectSeries(observations, options.asOf, options.series ?? 'latest');
  const points = selected.points;
  const latest = points[points.length - 1];
  const chosen = chooseBaseline(points, selected.seasonality, target.baseline);
  const caveats: StatusCaveat[] = [...selected.caveats, ...chosen.caveats];
  const baseline = chosen.baseline;
  const polarity = targetPolarity(comparator, options.polarity, baseline?.point.value, yStar);

  let status: ProgressStatus = 'no_data';
  let reason: NoDataReason | null = 'NO_OBSERVATIONS';
  let rObs: number | null = null;
  let rReq: number | null = null;
  let ratio: number | null = null;
  let slipped = false;
  let expected: number | null = null;
  let gap: number | null = null;
  let projected: number | null = null;
  let requiredFromNow: number | null = null;

  if (latest !== undefined) {
    if (selected.seasonality !== null && selected.seasonality.kind !== 'year')
      caveats.push('SUB_ANNUAL_SERIES');
    const metNow = meetsTarget(latest.value, comparator, yStar, tolerance);
    let everMet = metNow;
    for (let i = 0; i < points.length && !everMet; i++)
      everMet = meetsTarget(points[i]?.value ?? Number.NaN, comparator, yStar, tolerance);
    slipped = !metNow && everMet;
    if (!metNow && latest.time >= targetTime) caveats.push('TARGET_MISSED');
    else if (!metNow && options.asOf >= `${target.year}-12-31`) caveats.push('OVERDUE');
    if (!metNow) requiredFromNow = requiredAnnualChange(latest.value, yStar, latest.time, targetTime, method);

    const y0 = baseline?.point.value ?? Number.NaN;
    const t0 = baseline?.point.time ?? Number.NaN;
    const hasSpan = latest.time > t0;
    const positive =
      rateDefined(y0, method) && rateDefined(latest.value, method) && rateDefined(yStar, method);
    if (hasSpan && positive && targetTime > t0) {
      rObs = annualRate(y0, t0, latest.value, latest.time, method);
      rReq = annualRate(y0, t0, yStar, targetTime, method);
      ratio = rReq !== 0 ? rObs / rReq : null;
      projected = projectValue(latest.value, rObs, latest.time, targetTime, method);
    }
    if (hasSpan && targetTime > t0) {
      const onPath = expectedOnPath(
        { time: t0, value: y0 },
        { time: targetTime, value: yStar },
        latest,
        polarity,
      );
      expected = onPath?.expected ?? null;
      gap = onPath?.gap ?? null;
    }

    reason = null;
    if (metNow || (options.achievedRule === 'ever' && everMet)) status = 'achieved';
    else if (!hasSpan) reason = 'SINGLE_OBSERVATION';
    else if (!positive) reason = 'NON_POSITIVE_VALUE';
    else if (!(targetTime > t0)) reason = 'TARGET_NOT_AFTER_BASELINE';
    else if (
      // Baseline at or beyond the target level: METHODS.md §1 "r_req = 0 → achieved / moving away by
      // comparator" (not achieved here, so moving away).
      rReq === null ||
      ratio === null ||
      (polarity === 'up' ? rReq <= 0 : rReq >= 0) ||
      meetsTarget(y0, comparator, yStar, tolerance)
    )
      status = 'moving_away';
    else status = classifyRatio(ratio);
  }

  return {
    status,
    reason,
    method,
    polarity,
    targetTime,
    series: points,
    latest: latest ?? null,
    baseline: baseline === null ? null : { ...baseline.point, source: baseline.source },
    rObs,
    rReq,
    ratio,
    slipped,
    expected,
    gap,
    projected,
    requiredFromNow,
    caveats,
  };
}
