/**
 * Outlier checks of a new value against the unit's own history (issue 3 §3), as in DHIS2's outlier
 * detection (docs.dhis2.org "Outlier detection": z-score, modified z-score, min–max values):
 *
 * - `zscore`: z = (x − mean) / s with the sample standard deviation s of the history; an outlier when
 *   |z| > threshold (DHIS2 default 3). Not assessed when s = 0 (z is undefined).
 * - `modified_zscore`: M = 0.6745 (x − median) / MAD with MAD the median absolute deviation; an outlier
 *   when |M| > threshold (3.5 recommended) — Iglewicz & Hoaglin (1993), robust to earlier outliers in
 *   the history. Not assessed when MAD = 0.
 * - `minmax`: outside the field's soft band [softMin, softMax] when one is set; otherwise outside the
 *   history's range widened on both sides by threshold × width, the width being the range, or |mean|
 *   when all past values are equal (so a constant series still admits threshold × its level).
 *
 * With fewer than `minHistory` comparable past values (a soft band needs none) the check is not made.
 */
import type { Period } from '../period';
import { precedingPeriod } from './periods';
import type { OutlierConfig, OutlierMethod } from './types';

export interface OutlierAssessment {
  readonly method: OutlierMethod;
  /** False when the check could not be made (too little history, zero spread, method none). */
  readonly assessed: boolean;
  readonly outlier: boolean;
  /** z or modified z; undefined for min–max. */
  readonly score?: number;
  /** The band of acceptable values the check implies, for showing beside the field. */
  readonly low?: number;
  readonly high?: number;
  readonly historySize: number;
}

export function sampleMean(xs: readonly number[]): number {
  let s = 0;
  for (const x of xs) s += x;
  return s / xs.length;
}

/** Sample standard deviation (n − 1 in the denominator). */
export function sampleSd(xs: readonly number[]): number {
  if (xs.length < 2) return 0;
  const m = sampleMean(xs);
  let s = 0;
  for (const x of xs) s += (x - m) * (x - m);
  return Math.sqrt(s / (xs.length - 1));
}

export function sampleMedian(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const n = s.length;
  const mid = Math.floor(n / 2);
  return n % 2 === 1 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
}

/** Assesses `value` against `history` (the unit's comparable past values) with the configured method. */
export function assessOutlier(
  value: number,
  history: readonly number[],
  config: OutlierConfig,
  softBand: { readonly softMin: number | null; readonly softMax: number | null } = {
    softMin: null,
    softMax: null,
  },
): OutlierAssessment {
  const n = history.length;
  const none: OutlierAssessment = { method: config.method, assessed: false, outlier: false, historySize: n };
  const t = config.threshold;
  switch (config.method) {
    case 'none':
      return none;
    case 'zscore': {
      if (n < config.minHistory) return none;
      const m = sampleMean(history);
      const s = sampleSd(history);
      if (!(s > 0)) return none;
      const z = (value - m) / s;
      return {
        method: 'zscore',
        assessed: true,
        outlier: Math.abs(z) > t,
        score: z,
        low: m - t * s,
        high: m + t * s,
        historySize: n,
      };
    }
    case 'modified_zscore': {
      if (n < config.minHistory) return none;
      const med = sampleMedian(history);
      const mad = sampleMedian(history.map((x) => Math.abs(x - med)));
      if (!(mad > 0)) return none;
      const score = (0.6745 * (value - med)) / mad;
      const half = (t * mad) / 0.6745;
      return {
        method: 'modified_zscore',
        assessed: true,
        outlier: Math.abs(score) > t,
        score,
        low: med - half,
        high: med + half,
        historySize: n,
      };
    }
    case 'minmax': {
      if (softBand.softMin !== null || softBand.softMax !== null) {
        const low = softBand.softMin ?? -Infinity;
        const high = softBand.softMax ?? Infinity;
        return {
          method: 'minmax',
          assessed: true,
          outlier: value < low || value > high,
          ...(softBand.softMin !== null ? { low } : {}),
          ...(softBand.softMax !== null ? { high } : {}),
          historySize: n,
        };
      }
      if (n < config.minHistory) return none;
      let lo = Infinity;
      let hi = -Infinity;
      for (const x of history) {
        if (x < lo) lo = x;
        if (x > hi) hi = x;
      }
      const width = hi > lo ? hi - lo : Math.abs(sampleMean(history));
      const low = lo - t * width;
      const high = hi + t * width;
      return {
        method: 'minmax',
        assessed: true,
        outlier: value < low || value > high,
        low,
        high,
        historySize: n,
      };
    }
  }
}

/**
 * The periods whose values a new value is compared with, oldest first: for year-to-date data the same
 * period of the `limit` previous years (a January–September total is comparable only with other
 * January–September totals); otherwise the `limit` preceding periods of the same kind.
 */
export function comparablePeriods(period: Period, limit = 12): Period[] {
  const out: Period[] = [];
  let p: Period = period;
  for (let i = 0; i < limit; i++) {
    p = period.ytd || period.kind === 'year' ? { ...period, year: period.year - i - 1 } : precedingPeriod(p);
    out.push(p);
  }
  return out.reverse();
}
