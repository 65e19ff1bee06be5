import {
  comparePeriods,
  formatPeriod,
  parsePeriod,
  periodEndedBy,
  periodEndMonth,
  periodTime,
  sameSeasonality,
  type Period,
} from '../period';
import type { ObservationInput, SeriesChoice, SeriesPoint, StatusCaveat, TargetSpec } from './types';

export interface SelectedSeries {
  /** The comparable observations, oldest first, one per period. */
  readonly points: readonly SeriesPoint[];
  /** Seasonality shared by all points (a representative period), or null when there are none. */
  readonly seasonality: Period | null;
  readonly caveats: readonly StatusCaveat[];
}

/**
 * Memoised `parsePeriod`: a data set has few distinct period strings but millions of observations, and
 * parsing is most of the cost of judging a target. Bounded, and harmless to share: periods are immutable.
 */
const parsedPeriods = new Map<string, ReturnType<typeof parsePeriod>>();
const PARSE_CACHE_LIMIT = 4096;
function parsePeriodCached(s: string): ReturnType<typeof parsePeriod> {
  let r = parsedPeriods.get(s);
  if (r === undefined) {
    r = parsePeriod(s);
    if (parsedPeriods.size >= PARSE_CACHE_LIMIT) parsedPeriods.clear();
    parsedPeriods.set(s, r);
  }
  return r;
}

interface Parsed {
  readonly period: Period;
  readonly time: number;
  readonly value: number;
}

/**
 * `periodEndedBy(p, asOf)` of period.ts as a predicate prepared once per as-of date: a period ends on
 * the last day of its end month, so only a period ending in the as-of month needs the day compared. This
 * avoids building an ISO date per observation (the benchmark judges millions); a test checks that both agree.
 */
export function endedBy(asOf: string): (p: Period) => boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(asOf);
  if (!m) return (p) => periodEndedBy(p, asOf);
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  const cutoff = year * 12 + month;
  const monthOver = day >= new Date(Date.UTC(year, month, 0)).getUTCDate();
  return (p) => {
    const end = p.year * 12 + periodEndMonth(p);
    return end < cutoff || (end === cutoff && monthOver);
  };
}

/**
 * The series a target is judged on (METHODS.md §1): observations whose period has ended by `asOf`
 * (`periodEndedBy`), of one seasonality only — year-to-date values are compared only with the same
 * period of other years, never with annual values. With `choice = 'latest'` the seasonality is that of
 * the latest observation (latest end; at equal ends the longer span, as `comparePeriods` orders them);
 * with `'annual'` only whole years are kept. Unparseable periods and non-finite values are dropped with a
 * caveat; several values for one period keep the last one given, with a caveat.
 */
export function selectSeries(
  observations: readonly ObservationInput[],
  asOf: string,
  choice: SeriesChoice = 'latest',
): SelectedSeries {
  const caveats: StatusCaveat[] = [];
  const usable: Parsed[] = [];
  const ended = endedBy(asOf);
  let latest: Parsed | undefined;
  for (const o of observations) {
    const r = parsePeriodCached(o.period);
    if (!r.ok || !Number.isFinite(o.value)) {
      if (!caveats.includes('INVALID_PERIODS_IGNORED')) caveats.push('INVALID_PERIODS_IGNORED');
      continue;
    }
    const period = r.value;
    if (!ended(period) || (choice === 'annual' && period.kind !== 'year')) continue;
    const p: Parsed = { period, time: periodTime(period), value: o.value };
    usable.push(p);
    if (
      latest === undefined ||
      p.time > latest.time ||
      (p.time === latest.time && comparePeriods(p.period, latest.period) > 0)
    )
      latest = p;
  }
  if (latest === undefined) return { points: [], seasonality: null, caveats };
  const season = latest.period;
  // Stable sort by time: within one seasonality a time identifies the period, and of equal times the
  // one given last stays last, so it is the one kept.
  const same = usable.filter((p) => sameSeasonality(p.period, season)).sort((a, b) => a.time - b.time);
  const points: SeriesPoint[] = [];
  for (let i = 0; i < same.length; i++) {
    const p = same[i];
    if (p === undefined) continue;
    if (i + 1 < same.length && same[i + 1]?.time === p.time) {
      if (!caveats.includes('DUPLICATE_PERIODS')) caveats.push('DUPLICATE_PERIODS');
      continue;
    }
    points.push({ period: formatPeriod(p.period), time: p.time, value: p.value });
  }
  return { points, seasonality: season, caveats };
}

export interface ChosenBaseline {
  readonly point: SeriesPoint;
  readonly source: 'plan' | 'earliest_observation';
}

/**
 * Baseline (t_0, y_0) of METHODS.md §1: the plan's baseline if given — and comparable, i.e. of the series'
 * seasonality — else the earliest observation of the series. Null when the series is empty.
 */
export function chooseBaseline(
  points: readonly SeriesPoint[],
  seasonality: Period | null,
  planBaseline: TargetSpec['baseline'],
): { readonly baseline: ChosenBaseline | null; readonly caveats: readonly StatusCaveat[] } {
  const first = points[0];
  const fallback = first === undefined ? null : { point: first, source: 'earliest_observation' as const };
  if (planBaseline === undefined) return { baseline: fallback, caveats: [] };
  const r = parsePeriod(planBaseline.period);
  if (!r.ok || !Number.isFinite(planBaseline.value))
    return { baseline: fallback, caveats: ['BASELINE_INVALID'] };
  if (seasonality !== null && !sameSeasonality(r.value, seasonality))
    return { baseline: fallback, caveats: ['BASELINE_SEASONALITY_MISMATCH'] };
  const point = { period: formatPeriod(r.value), time: periodTime(r.value), value: planBaseline.value };
  return { baseline: { point, source: 'plan' }, caveats: [] };
}
