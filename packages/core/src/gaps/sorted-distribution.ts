/**
 * Gini, Lorenz ordinates and the median from incomes in ascending order with person weights, in one
 * streaming pass (METHODS.md §3): with normalised weights p_i and cumulative income shares S_i (S_0 = 0),
 *   G = 1 − Σ_i p_i (S_{i−1} + S_i),
 * and the Lorenz curve L(q) is the piecewise-linear curve through (F_i, S_i); an exact q inside the
 * observation i that straddles it gives L(q) = S_{i−1} + (q − F_{i−1})·y_i/μ.
 * The sorted order may arrive in pieces (runs of a radix sort), so nothing needs the whole array.
 */

export interface SortedDistribution {
  /** Σ p. */
  readonly population: number;
  /** Σ p y. */
  readonly income: number;
  /** NaN when total income is not positive. */
  readonly gini: number;
  /** Weighted median: the smallest y whose cumulative population share reaches 1/2. */
  readonly median: number;
  /** L(q) for each requested q, in the order given. */
  readonly lorenz: Float64Array;
  /** For each value cut (y·multiplier < value), the persons and households below it, in the order given. */
  readonly below: readonly { readonly persons: number; readonly households: number }[];
}

/** A value cut: the observations with y·multiplier < value (a prefix of the ascending order). */
export interface ValueCut {
  readonly value: number;
  readonly multiplier: number;
}

/**
 * Accumulates the sorted order run by run. `population` (Σ p, from an earlier pass) places the Lorenz
 * thresholds q·Σp; `qs` are population shares in [0, 1] in any order. Value cuts (a band, a poverty
 * line) are prefixes of the order, so each is settled by looking at the run in which it is crossed —
 * no per-element branch.
 */
export class DistributionAccumulator {
  // Only typed arrays, never reassigned: the object's shape stays fixed, so V8's optimised `add` is not
  // invalidated by fields changing representation (integer → double) as they accumulate.
  private readonly qs: Float64Array;
  private readonly order: Int32Array;
  private readonly thresholds: Float64Array;
  private readonly raw: Float64Array;
  /** cumP, cumY, giniSum, median, rows, next threshold, half population, kernel calls. */
  private readonly state: Float64Array;
  private readonly cutValue: Float64Array;
  private readonly cutMultiplier: Float64Array;
  private readonly belowP: Float64Array;
  private readonly belowH: Float64Array;
  private readonly cutDone: Uint8Array;

  constructor(qs: readonly number[], population: number, cuts: readonly ValueCut[] = []) {
    const order = qs.map((_, j) => j).sort((a, b) => qs[a]! - qs[b]!);
    this.order = Int32Array.from(order);
    this.qs = Float64Array.from(order, (j) => qs[j]!);
    this.thresholds = Float64Array.from(this.qs, (q) => q * population);
    this.raw = new Float64Array(qs.length);
    this.cutValue = Float64Array.from(cuts, (c) => c.value);
    this.cutMultiplier = Float64Array.from(cuts, (c) => c.multiplier);
    this.belowP = new Float64Array(cuts.length);
    this.belowH = new Float64Array(cuts.length);
    this.cutDone = new Uint8Array(cuts.length);
    let next = 0;
    while (next < this.thresholds.length && this.thresholds[next]! <= 0) next++;
    this.state = Float64Array.of(0, 0, 0, Number.NaN, 0, next, population / 2, 0);
  }

  /** Adds the next `count` observations of the ascending order. */
  add(y: Float64Array, p: Float64Array, count: number): void {
    if (count === 0) return;
    const state = this.state;
    const startP = state[0]!;
    const rows = state[4]!;
    // The first calls go in small pieces so that V8 sees the kernel complete before optimising it
    // (otherwise it compiles the first long call on the stack and keeps deoptimising on its exit).
    for (let i = 0; i < count;) {
      const end = state[7]! < WARM_CALLS ? Math.min(count, i + 64) : count;
      cumulate(y, p, i, end, state, this.raw, this.thresholds);
      state[7]!++;
      i = end;
    }
    const cutValue = this.cutValue;
    const cutMultiplier = this.cutMultiplier;
    for (let j = 0; j < cutValue.length; j++) {
      if (this.cutDone[j]) continue;
      const value = cutValue[j]!;
      const multiplier = cutMultiplier[j]!;
      if (y[count - 1]! * multiplier < value) continue; // the whole run is below the cut
      let below = startP;
      let i = 0;
      while (y[i]! * multiplier < value) below += p[i++]!;
      this.belowP[j] = below;
      this.belowH[j] = rows + i;
      this.cutDone[j] = 1;
    }
    state[4] = rows + count;
  }

  result(): SortedDistribution {
    const state = this.state;
    const cumP = state[0]!;
    const cumY = state[1]!;
    const rows = state[4]!;
    // Shares a rounding above the total (q = 1) take the whole income.
    for (let k = state[5]!; k < this.raw.length; k++) this.raw[k] = cumY;
    const lorenz = new Float64Array(this.raw.length);
    for (let t = 0; t < this.raw.length; t++) {
      const q = this.qs[t]!;
      lorenz[this.order[t]!] = q <= 0 ? 0 : q >= 1 ? 1 : this.raw[t]! / cumY;
    }
    const gini = cumY > 0 ? 1 - state[2]! / (cumP * cumY) : Number.NaN;
    const below = Array.from(this.cutDone, (done, j) =>
      done ? { persons: this.belowP[j]!, households: this.belowH[j]! } : { persons: cumP, households: rows },
    );
    return { population: cumP, income: cumY, gini, median: state[3]!, lorenz, below };
  }
}

const WARM_CALLS = 16;

/** The hot loop over [start, end) of a run, continuing the sums kept in `state`. */
function cumulate(
  y: Float64Array,
  p: Float64Array,
  start: number,
  end: number,
  state: Float64Array,
  raw: Float64Array,
  thresholds: Float64Array,
): void {
  let cumP = state[0]!;
  let cumY = state[1]!;
  let giniSum = state[2]!;
  let median = state[3]!;
  let k = state[5]!;
  const half = state[6]!;
  const m = thresholds.length;
  let nextT = k < m ? thresholds[k]! : Infinity;
  for (let i = start; i < end; i++) {
    const pi = p[i]!;
    const yi = y[i]!;
    const prevP = cumP;
    const prevY = cumY;
    cumP += pi;
    cumY += pi * yi;
    giniSum += pi * (prevY + cumY);
    while (nextT <= cumP) {
      raw[k] = prevY + (nextT - prevP) * yi;
      k++;
      nextT = k < m ? thresholds[k]! : Infinity;
    }
    if (median !== median && cumP >= half && pi > 0) median = yi;
  }
  state[0] = cumP;
  state[1] = cumY;
  state[2] = giniSum;
  state[3] = median;
  state[5] = k;
}

/** The same from whole sorted arrays: `y` ascending with weights `p` (≥ 0, Σ p > 0). */
export function sortedDistribution(
  y: Float64Array,
  p: Float64Array,
  qs: readonly number[],
  cuts: readonly ValueCut[] = [],
): SortedDistribution {
  let population = 0;
  for (let i = 0; i < p.length; i++) population += p[i]!;
  const acc = new DistributionAccumulator(qs, population, cuts);
  acc.add(y, p, y.length);
  return acc.result();
}
