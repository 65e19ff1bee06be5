import { targetYearTime } from '../period';
import { meetsTarget, targetPolarity } from './comparator';
import { selectSeries } from './series';
import type { NoDataReason, ObservationInput, ProgressOptions, SeriesPoint, TargetSpec } from './types';

export type WeatherClass = 'sun' | 'partly_cloudy' | 'cloudy' | 'thunderstorm' | 'no_data';

/** Years of history whose mean annual change is projected (METHODS.md §1). */
export const WEATHER_WINDOW_YEARS = 5;

export interface WeatherResult {
  readonly status: WeatherClass;
  readonly reason: NoDataReason | null;
  /** The latest value already meets the target (status `sun`). */
  readonly achieved: boolean;
  /** Mean annual change over the window (value units per year). */
  readonly meanAnnualChange: number | null;
  /** Start of the window actually used. */
  readonly from: SeriesPoint | null;
  readonly latest: SeriesPoint | null;
  /** y_t + mean change × (T − t). */
  readonly projected: number | null;
  /** Shortfall of the projection as a share of |y* − y_t|. */
  readonly relativeMiss: number | null;
}

/**
 * Germany's sustainability-strategy "weather" rule (METHODS.md §1; Destatis, "Nachhaltige Entwicklung in
 * Deutschland — Indikatorenbericht", Bewertungsmethode): project the mean annual change of the last
 * 5 years linearly to the target time; if the projection misses the target by < 5% of the remaining
 * distance |y* − y_t|: sun; 5–20%: partly cloudy; > 20%: cloudy; moving the wrong way: thunderstorm.
 * The window starts at the earliest observation not more than 5 years before the latest (fewer years
 * when the series is shorter); same series selection as `targetStatus`.
 */
export function weatherStatus(
  target: TargetSpec,
  observations: readonly ObservationInput[],
  options: ProgressOptions,
): WeatherResult {
  const { points } = selectSeries(observations, options.asOf, options.series ?? 'latest');
  const latest = points[points.length - 1];
  const none = { meanAnnualChange: null, from: null, projected: null, relativeMiss: null };
  if (latest === undefined)
    return { status: 'no_data', reason: 'NO_OBSERVATIONS', achieved: false, latest: null, ...none };
  const tolerance = options.tolerance ?? 0;
  if (meetsTarget(latest.value, target.comparator, target.value, tolerance))
    return { status: 'sun', reason: null, achieved: true, latest, ...none };
  // 1e-9 keeps a point exactly five years back inside the window despite decimal-year rounding.
  const from = points.find((p) => p.time >= latest.time - WEATHER_WINDOW_YEARS - 1e-9);
  if (from === undefined || from.time >= latest.time)
    return { status: 'no_data', reason: 'SINGLE_OBSERVATION', achieved: false, latest, ...none };
  const m = (latest.value - from.value) / (latest.time - from.time);
  const targetTime = targetYearTime(target.year);
  const projected = latest.value + m * Math.max(0, targetTime - latest.time);
  const polarity = targetPolarity(target.comparator, options.polarity, latest.value, target.value);
  const remaining = Math.abs(target.value - latest.value);
  const shortfall =
    target.comparator === '='
      ? Math.abs(projected - target.value)
      : Math.max(0, polarity === 'up' ? target.value - projected : projected - target.value);
  const relativeMiss =
    shortfall === 0 ? 0 : remaining === 0 ? Number.POSITIVE_INFINITY : shortfall / remaining;
  const wrongWay = polarity === 'up' ? m < 0 : m > 0;
  const status: WeatherClass = wrongWay
    ? 'thunderstorm'
    : relativeMiss < 0.05
      ? 'sun'
      : relativeMiss <= 0.2
        ? 'partly_cloudy'
        : 'cloudy';
  return {
    status,
    reason: null,
    achieved: false,
    meanAnnualChange: m,
    from,
    latest,
    projected,
    relativeMiss,
  };
}
