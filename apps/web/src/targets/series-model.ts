import type { SeriesPoint } from '../api/types';
import { parsePeriodInfo } from './period-time';

/** One value of a series placed in time. */
export interface TimedPoint {
  readonly period: string;
  readonly time: number;
  readonly value: number;
  readonly point: SeriesPoint;
}

/** The values of one seasonality (annual, 1–9月 year-to-date, …), oldest first. */
export interface SeasonalLine {
  readonly seasonality: string;
  readonly points: readonly TimedPoint[];
}

function timed(point: SeriesPoint): TimedPoint | null {
  const info = parsePeriodInfo(point.period);
  return info === null ? null : { period: point.period, time: info.time, value: point.value, point };
}

const bySeasonalityOrder = (a: SeasonalLine, b: SeasonalLine): number =>
  // Annual first, then the others by name (H1-YTD, Q3-YTD, …): a stable legend.
  a.seasonality === b.seasonality
    ? 0
    : a.seasonality === 'year'
      ? -1
      : b.seasonality === 'year'
        ? 1
        : a.seasonality < b.seasonality
          ? -1
          : 1;

/**
 * Values grouped by seasonality, each line oldest first. Only values that count for progress (approved or
 * locked) are kept unless `includeUncounted`: a draft is not yet a figure of the series.
 */
export function seasonalLines(
  items: readonly SeriesPoint[],
  options: { readonly includeUncounted?: boolean } = {},
): SeasonalLine[] {
  const groups = new Map<string, TimedPoint[]>();
  for (const item of items) {
    if (!item.counted && options.includeUncounted !== true) continue;
    const t = timed(item);
    const info = parsePeriodInfo(item.period);
    if (t === null || info === null) continue;
    const list = groups.get(info.seasonality);
    if (list === undefined) groups.set(info.seasonality, [t]);
    else list.push(t);
  }
  return [...groups.entries()]
    .map(([seasonality, points]) => ({
      seasonality,
      points: [...points].sort((a, b) => a.time - b.time),
    }))
    .sort(bySeasonalityOrder);
}

/** The line of one seasonality, or an empty one. */
export function lineOf(lines: readonly SeasonalLine[], seasonality: string | null): SeasonalLine | null {
  if (seasonality === null) return null;
  return lines.find((line) => line.seasonality === seasonality) ?? null;
}

/**
 * The most recent counted value of a series (latest period end; at equal ends the annual value, which
 * covers the whole year), or null. Used where no progress row judged the series (no target).
 */
export function latestCounted(items: readonly SeriesPoint[]): TimedPoint | null {
  let best: TimedPoint | null = null;
  for (const item of items) {
    if (!item.counted) continue;
    const t = timed(item);
    if (t === null) continue;
    if (best === null || t.time > best.time) best = t;
    else if (t.time === best.time && parsePeriodInfo(t.period)?.kind === 'year') best = t;
  }
  return best;
}

/** Values of the series that are not counted yet (drafts, submissions under review). */
export function uncountedPoints(items: readonly SeriesPoint[]): TimedPoint[] {
  return items.flatMap((item) => {
    if (item.counted) return [];
    const t = timed(item);
    return t === null ? [] : [t];
  });
}
