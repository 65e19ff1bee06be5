/**
 * Winsorising (METHODS.md §4 "Outliers"; JRC/OECD Handbook 2008 §5): values below the `lower` percentile
 * are set to it and values above the `upper` percentile are set to it, before normalisation. Percentiles
 * (0–100) are computed over the observed values by linear interpolation (type 7, as NumPy/R); NaN stays NaN.
 */
import { percentileLinear } from './percentile';

export interface WinsoriseResult {
  readonly values: Float64Array;
  /** The clipping bounds (NaN when the column has no values). */
  readonly lower: number;
  readonly upper: number;
  /** How many values were clipped. */
  readonly clipped: number;
}

export function winsorise(
  column: Float64Array,
  lowerPercentile: number,
  upperPercentile: number,
  out: Float64Array = new Float64Array(column.length),
): WinsoriseResult {
  const observed = column.filter((v) => !Number.isNaN(v)).sort();
  const lower = percentileLinear(observed, lowerPercentile);
  const upper = percentileLinear(observed, upperPercentile);
  let clipped = 0;
  for (let i = 0; i < column.length; i++) {
    const v = column[i]!;
    if (v < lower) {
      out[i] = lower;
      clipped++;
    } else if (v > upper) {
      out[i] = upper;
      clipped++;
    } else out[i] = v;
  }
  return { values: out, lower, upper, clipped };
}
