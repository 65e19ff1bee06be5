/**
 * Normalisation of one indicator column over the units of a run (METHODS.md §4; JRC/OECD Handbook 2008 §5;
 * COINr `Normalise`). The result is on 0–100 with higher = better: direction is handled here, so a
 * lower-is-better indicator is normalised as −x (min-max, z-score, rank) or with its goalposts reversed.
 * A column without spread (one value, or all equal) cannot be placed on a relative scale: min-max, z-score
 * and rank give every observed unit 50 and report `constant`. NaN (missing) stays NaN.
 */
import { efficacyAttainment } from './efficacy';
import { clampScore } from './score';
import type { Direction, Normalisation } from './types';

export interface NormaliseReport {
  readonly values: Float64Array;
  /** Number of observed (non-NaN) values. */
  readonly observed: number;
  /** The column had no spread (relative methods gave 50). */
  readonly constant: boolean;
  /** z-score only: values beyond ±5σ clipped to 0 or 100. */
  readonly clipped: number;
}

/** z-score placed on 0–100 as 50 + 10·z (COINr `n_zscore` with m_sd = c(50, 10)). */
export const ZSCORE_MEAN = 50;
export const ZSCORE_SD = 10;

export function normaliseColumn(
  x: Float64Array,
  direction: Direction,
  normalisation: Normalisation,
  out: Float64Array = new Float64Array(x.length),
): NormaliseReport {
  const n = x.length;
  const sign = direction === 'up' ? 1 : -1;
  let observed = 0;
  let min = Infinity;
  let max = -Infinity;
  let sum = 0;
  for (let i = 0; i < n; i++) {
    const v = x[i]!;
    if (Number.isNaN(v)) continue;
    observed++;
    sum += v;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  const relative =
    normalisation.method === 'minmax' || normalisation.method === 'zscore' || normalisation.method === 'rank';
  if (relative && observed > 0 && !(max > min)) {
    for (let i = 0; i < n; i++) out[i] = Number.isNaN(x[i]!) ? Number.NaN : 50;
    return { values: out, observed, constant: true, clipped: 0 };
  }
  let clipped = 0;
  switch (normalisation.method) {
    case 'minmax': {
      const range = max - min;
      for (let i = 0; i < n; i++) {
        const v = x[i]!;
        out[i] = clampScore(sign > 0 ? (100 * (v - min)) / range : (100 * (max - v)) / range);
      }
      break;
    }
    case 'zscore': {
      const mean = sum / observed;
      let ss = 0;
      for (let i = 0; i < n; i++) {
        const v = x[i]!;
        if (!Number.isNaN(v)) ss += (v - mean) * (v - mean);
      }
      const sd = Math.sqrt(ss / (observed - 1));
      for (let i = 0; i < n; i++) {
        const v = x[i]!;
        const t = ZSCORE_MEAN + (ZSCORE_SD * sign * (v - mean)) / sd;
        if (t < 0 || t > 100) clipped++;
        out[i] = clampScore(t);
      }
      break;
    }
    case 'goalposts': {
      const { lo, hi } = normalisation;
      for (let i = 0; i < n; i++) {
        const v = x[i]!;
        out[i] = clampScore(sign > 0 ? (100 * (v - lo)) / (hi - lo) : (100 * (hi - v)) / (hi - lo));
      }
      break;
    }
    case 'distance_to_target': {
      const t = normalisation.target;
      for (let i = 0; i < n; i++) {
        const v = x[i]!;
        // Lower-is-better: at or below the target is full marks, above it scores target/x.
        out[i] = Number.isNaN(v) ? v : sign > 0 ? clampScore((100 * v) / t) : v <= t ? 100 : (100 * t) / v;
      }
      break;
    }
    case 'efficacy': {
      for (let i = 0; i < n; i++)
        out[i] = efficacyAttainment(x[i]!, normalisation.target, normalisation.floor);
      break;
    }
    case 'rank': {
      const idx: number[] = [];
      for (let i = 0; i < n; i++) if (!Number.isNaN(x[i]!)) idx.push(i);
      idx.sort((a, b) => sign * (x[a]! - x[b]!));
      // Average ranks for ties (1-based), then scaled to 0–100.
      for (let s = 0; s < idx.length;) {
        let e = s + 1;
        while (e < idx.length && x[idx[e]!]! === x[idx[s]!]!) e++;
        const r = (s + 1 + e) / 2;
        for (let k = s; k < e; k++) out[idx[k]!] = (100 * (r - 1)) / (observed - 1);
        s = e;
      }
      for (let i = 0; i < n; i++) if (Number.isNaN(x[i]!)) out[i] = Number.NaN;
      break;
    }
  }
  return { values: out, observed, constant: false, clipped };
}
