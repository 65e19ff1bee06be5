/**
 * The weakest indicators (短板) of each unit: the indicators with the largest contributions to its
 * shortfall 100 − CI_u (METHODS.md §4 "the largest terms are its 短板"). Indicators contributing nothing
 * are not listed; ties keep framework order. Returns units × k indicator indices, −1 where fewer exist.
 */

/** Contributions below this (score points) are rounding noise, not a weakness. */
const NEGLIGIBLE = 1e-9;

export function weakestIndicators(shortfall: Float64Array, n: number, m: number, k = 3): Int32Array {
  const out = new Int32Array(n * k).fill(-1);
  const values = new Float64Array(k);
  for (let u = 0; u < n; u++) {
    const row = u * m;
    const at = u * k;
    let filled = 0;
    for (let j = 0; j < m; j++) {
      const c = shortfall[row + j]!;
      if (!(c > NEGLIGIBLE)) continue;
      if (filled === k && !(c > values[k - 1]!)) continue;
      if (filled < k) filled++;
      // Insert into the descending top-k list; an equal value stays behind (framework order).
      let q = filled - 1;
      while (q > 0 && values[q - 1]! < c) {
        values[q] = values[q - 1]!;
        out[at + q] = out[at + q - 1]!;
        q--;
      }
      values[q] = c;
      out[at + q] = j;
    }
  }
  return out;
}
