import { parsePeriod, periodTime, sameSeasonality, targetYearTime, type Period } from '../period';
import { meetsTarget, targetPolarity } from './comparator';
import { annualRate, rateDefined } from './rates';
import { selectSeries } from './series';
import { classifyRatio, targetStatus } from './target-status';
import type { ObservationInput, ProgressOptions, ProgressStatus, RateMethod, TargetSpec } from './types';

/**
 * Where the points of a series sit among its observations, for one list of period strings: the series
 * `selectSeries` would choose (periods ended by the as-of date, the latest observation's seasonality,
 * oldest first, one per period), as positions into the observations. It depends on the periods only, so
 * a data set where thousands of series share one list of periods computes it once.
 */
export interface SeriesLayout {
  readonly periods: readonly string[];
  /** Positions (into `periods`) of the points of the series, oldest first. */
  readonly index: Int32Array;
  /** Their times (decimal years, `periodTime`). */
  readonly times: Float64Array;
  /** Seasonality of the series (a representative period), null when no period counts. */
  readonly seasonality: Period | null;
  /**
   * Two observations fall on one period (e.g. `2023Q3-YTD` and `2023-Q3-YTD`): the one given last is
   * kept, so the result depends on the order of the observations.
   */
  readonly orderSensitive: boolean;
}

/** Statuses of many targets at one as-of date, without building `targetStatus`'s full result. */
export interface StatusJudge {
  /** The layout of a series with these periods (compute once per distinct list; see `SeriesLayout`). */
  layout(periods: readonly string[]): SeriesLayout;
  /**
   * Status of `target` on the series whose values are `values[offset + k]` for the k-th period of
   * `layout` — exactly `targetStatus(target, observations, options).status`.
   */
  status(
    target: TargetSpec,
    layout: SeriesLayout,
    values: ArrayLike<number>,
    offset?: number,
  ): ProgressStatus;
}

type PlanBaseline =
  { readonly ok: false } | { readonly ok: true; readonly period: Period; readonly time: number };

/**
 * The status of `targetStatus` (METHODS.md §1, Open SDG / Statistics Canada ratio of the observed to the
 * required annual rate) for judging very many targets at one date (issue 4 §7: 297,800 targets): the
 * series selection (`selectSeries`) runs once per distinct list of periods, and each target then costs a
 * few arithmetic operations on its values — no per-observation objects. The steps and their order are
 * those of `targetStatus` (baseline: the plan's if comparable, else the earliest point; achieved when the
 * latest value meets the target; no data without a span, with values a growth rate is not defined for, or
 * with a target not after the baseline; moving away when the baseline already meets the target or the
 * required rate has the wrong sign; else `classifyRatio`). A series with a non-finite value, which
 * `selectSeries` would drop, is judged by `targetStatus` itself. A property test checks equality with
 * `targetStatus` on random series.
 */
export function createStatusJudge(options: ProgressOptions): StatusJudge {
  const method: RateMethod = options.linear === true ? 'linear' : 'compound';
  const tolerance = options.tolerance ?? 0;
  const everRule = options.achievedRule === 'ever';
  const baselines = new Map<string, PlanBaseline>();

  function layout(periods: readonly string[]): SeriesLayout {
    // selectSeries itself, on values that are the positions: its points then name the positions chosen.
    const selected = selectSeries(
      periods.map((period, i) => ({ period, value: i })),
      options.asOf,
      options.series ?? 'latest',
    );
    const n = selected.points.length;
    const index = new Int32Array(n);
    const times = new Float64Array(n);
    for (let k = 0; k < n; k++) {
      const p = selected.points[k];
      if (p === undefined) continue;
      index[k] = p.value;
      times[k] = p.time;
    }
    return {
      periods,
      index,
      times,
      seasonality: selected.seasonality,
      orderSensitive: selected.caveats.includes('DUPLICATE_PERIODS'),
    };
  }

  function planBaseline(period: string): PlanBaseline {
    let b = baselines.get(period);
    if (b === undefined) {
      const r = parsePeriod(period);
      b = r.ok ? { ok: true, period: r.value, time: periodTime(r.value) } : { ok: false };
      baselines.set(period, b);
    }
    return b;
  }

  function status(
    target: TargetSpec,
    series: SeriesLayout,
    values: ArrayLike<number>,
    offset = 0,
  ): ProgressStatus {
    const count = series.periods.length;
    for (let k = 0; k < count; k++)
      if (!Number.isFinite(values[offset + k])) {
        const observations: ObservationInput[] = series.periods.map((period, i) => ({
          period,
          value: values[offset + i] ?? Number.NaN,
        }));
        return targetStatus(target, observations, options).status;
      }
    const { index, times } = series;
    const n = index.length;
    if (n === 0) return 'no_data';
    const { comparator, value: yStar } = target;
    const latestValue = values[offset + (index[n - 1] ?? 0)] ?? Number.NaN;
    const latestTime = times[n - 1] ?? Number.NaN;

    // Baseline (chooseBaseline): the plan's if valid and of the series' seasonality, else the first point.
    let y0 = values[offset + (index[0] ?? 0)] ?? Number.NaN;
    let t0 = times[0] ?? Number.NaN;
    const plan = target.baseline;
    if (plan !== undefined) {
      const b = planBaseline(plan.period);
      if (
        b.ok &&
        Number.isFinite(plan.value) &&
        (series.seasonality === null || sameSeasonality(b.period, series.seasonality))
      ) {
        y0 = plan.value;
        t0 = b.time;
      }
    }

    if (meetsTarget(latestValue, comparator, yStar, tolerance)) return 'achieved';
    if (everRule)
      for (let k = 0; k < n; k++)
        if (meetsTarget(values[offset + (index[k] ?? 0)] ?? Number.NaN, comparator, yStar, tolerance))
          return 'achieved';
    const targetTime = targetYearTime(target.year);
    if (!(latestTime > t0)) return 'no_data';
    if (!(rateDefined(y0, method) && rateDefined(latestValue, method) && rateDefined(yStar, method)))
      return 'no_data';
    if (!(targetTime > t0)) return 'no_data';
    const rObs = annualRate(y0, t0, latestValue, latestTime, method);
    const rReq = annualRate(y0, t0, yStar, targetTime, method);
    const ratio = rReq !== 0 ? rObs / rReq : null;
    const polarity = targetPolarity(comparator, options.polarity, y0, yStar);
    if (
      ratio === null ||
      (polarity === 'up' ? rReq <= 0 : rReq >= 0) ||
      meetsTarget(y0, comparator, yStar, tolerance)
    )
      return 'moving_away';
    return classifyRatio(ratio);
  }

  return { layout, status };
}
