/**
 * The single pass over household rows behind `householdMeasures` (METHODS.md §3): it validates each row,
 * forms the person weight p = w·n, and accumulates every order-free sum the measures need — population,
 * income, the Theil T/L sums around a reference income ref (overall and per group), Σ p√y and Σ p/y for
 * Atkinson ε = 0.5 and 2. One logarithm, one square root and one division per row. (Counts in an income
 * band are prefixes of the sorted order and are taken there, without a data-dependent branch here.)
 *
 * Groupings are combined into one "cell" code per row (mixed radix: e.g. 2 areas × 11 cities × 90
 * counties = 1 980 cells), so the hot loop updates one accumulator however many groupings are asked for;
 * the per-group sums are added up from the cells afterwards. A set holds up to four groupings whose
 * label counts multiply to at most 65 536; more groupings take further passes over the rows.
 */
import { err, ok, type Result } from '../result';
import { gapsError, type GapsError } from './gaps-error';
import type { HouseholdData, HouseholdGrouping } from './household-data';
import type { TheilGroupSums, TheilTotalSums } from './theil-decomposition';

/** Households and persons (Σ w·n) in some subset. */
export interface HouseholdHeadcount {
  readonly households: number;
  readonly persons: number;
}

export interface HouseholdSums {
  readonly households: number;
  /** Σ p over all rows. */
  readonly population: number;
  /** Σ p y over all rows. */
  readonly income: number;
  /** Rows with y ≤ 0. */
  readonly nonPositive: HouseholdHeadcount;
  /** Rows with y < 0. */
  readonly negative: HouseholdHeadcount;
  /** Theil sums over rows with y > 0. */
  readonly positive: TheilTotalSums;
  /** Σ p √y over y ≥ 0. */
  readonly sqrtSum: number;
  /** Σ p / y over y > 0. */
  readonly inverseSum: number;
  /** Per requested grouping, the Theil sums of its groups over y > 0. */
  readonly groups: readonly TheilGroupSums[];
}

export interface NamedGrouping {
  readonly name: string;
  readonly grouping: HouseholdGrouping;
}

const STRIDE = 5; // count, P, Y, A, B per cell
const CHUNK = 1 << 16;
const WARM_CHUNK = 64;
const WARM_ROWS = 1024;
const MAX_CELLS = 1 << 16;
const SLOTS = 4;

type Codes = Int32Array | Uint16Array | Uint8Array;

/**
 * A reference income near the mean of positive incomes (the mean of the first ≤ 4096 of them) so that the
 * Theil sums work with ln(y/ref) of order one. Any positive value gives the same results up to rounding.
 */
export function referenceIncome(income: Float64Array): number {
  let s = 0;
  let k = 0;
  for (let i = 0; i < income.length && k < 4096; i++) {
    const y = income[i]!;
    if (y > 0 && y < Infinity) {
      s += y;
      k++;
    }
  }
  return k > 0 ? s / k : 1;
}

/** Validates the rows and accumulates all sums. */
export function householdSums(
  data: HouseholdData,
  groupings: readonly NamedGrouping[],
  ref: number,
): Result<HouseholdSums, GapsError> {
  const n = data.income.length;
  if (n === 0) return err(gapsError('empty', 'no households'));
  for (const g of groupings) {
    if (g.grouping.labels.length > MAX_CELLS)
      return err(
        gapsError('invalid_option', `grouping "${g.name}" has more than ${MAX_CELLS} labels`, {
          field: g.name,
        }),
      );
  }
  const totals = new Float64Array(OUT_LENGTH);
  // Later passes (more groupings) recompute the totals into scratch: cheaper than a branch per row.
  const scratch = new Float64Array(OUT_LENGTH);
  // ln(y/ref) as log(y·(1/ref)): near ref the argument is close to 1 and the logarithm accurate to its
  // last bit, where log(y) − log(ref) would lose the digits of two numbers near 10.
  const inv = 1 / ref;
  const groups: TheilGroupSums[] = groupings.map((g) => emptyGroupSums(g.grouping.labels));
  const sets = cellSets(groupings);
  for (let s = 0; s === 0 || s < sets.length; s++) {
    const set = sets[s] ?? [];
    // Mixed-radix strides of the set's groupings: cell = Σ code_j · stride_j.
    const codes: (Codes | null)[] = [null, null, null, null];
    const ks = [0, 0, 0, 0];
    const strides = [0, 0, 0, 0];
    let cells = 1;
    set.forEach((j, slot) => {
      const g = groupings[j]!.grouping;
      codes[slot] = g.codes;
      ks[slot] = g.labels.length;
      strides[slot] = cells;
      cells *= g.labels.length;
    });
    const acc = set.length > 0 ? new Float64Array(cells * STRIDE) : EMPTY;
    // In chunks, the first ones small: V8 then sees the whole kernel run (with its code after the loop)
    // before optimising it as an ordinary function, instead of compiling a long first call on the stack
    // (OSR) from partial type feedback and deoptimising it again and again.
    let bad = -1;
    for (let start = 0; start < n && bad < 0;) {
      const end = Math.min(n, start + (start < WARM_ROWS ? WARM_CHUNK : CHUNK));
      bad = sumsKernel(
        start,
        end,
        data.income,
        data.size,
        data.weight ?? null,
        codes[0] ?? null,
        ks[0]!,
        strides[0]!,
        codes[1] ?? null,
        ks[1]!,
        strides[1]!,
        codes[2] ?? null,
        ks[2]!,
        strides[2]!,
        codes[3] ?? null,
        ks[3]!,
        strides[3]!,
        acc,
        inv,
        s === 0 ? totals : scratch,
      );
      start = end;
    }
    if (bad >= 0) return err(rowError(data, groupings, set, bad));
    spreadCells(acc, set, groupings, groups);
  }
  const t = (k: number) => totals[k]!;
  return ok({
    households: n,
    population: t(POPULATION),
    income: t(INCOME),
    nonPositive: { households: t(NP_H), persons: t(NP_P) },
    negative: { households: t(NEG_H), persons: t(NEG_P) },
    positive: { count: t(POS_H), P: t(POS_P), Y: t(POS_Y), A: t(POS_A), B: t(POS_B) },
    sqrtSum: t(SQRT),
    inverseSum: t(INVERSE),
    groups,
  });
}

function emptyGroupSums(labels: readonly string[]): TheilGroupSums {
  const k = labels.length;
  return {
    keys: labels,
    count: new Float64Array(k),
    P: new Float64Array(k),
    Y: new Float64Array(k),
    A: new Float64Array(k),
    B: new Float64Array(k),
  };
}

/** Sets of at most four groupings (by index) whose label-count product fits in MAX_CELLS. */
function cellSets(groupings: readonly NamedGrouping[]): number[][] {
  const sets: number[][] = [];
  let current: number[] = [];
  let product = 1;
  groupings.forEach((g, j) => {
    const k = Math.max(1, g.grouping.labels.length);
    if (current.length === SLOTS || (current.length > 0 && product * k > MAX_CELLS)) {
      sets.push(current);
      current = [];
      product = 1;
    }
    current.push(j);
    product *= k;
  });
  if (current.length > 0) sets.push(current);
  return sets;
}

/** Adds each cell's sums to the group of every grouping in the set that the cell belongs to. */
function spreadCells(
  acc: Float64Array,
  set: readonly number[],
  groupings: readonly NamedGrouping[],
  groups: TheilGroupSums[],
): void {
  const cellsCount = acc.length / STRIDE;
  for (let cell = 0; cell < cellsCount; cell++) {
    const o = cell * STRIDE;
    if (acc[o] === 0) continue;
    let rest = cell;
    for (const j of set) {
      const k = groupings[j]!.grouping.labels.length;
      const g = rest % k;
      rest = (rest - g) / k;
      const sums = groups[j]!;
      sums.count[g]! += acc[o]!;
      sums.P[g]! += acc[o + 1]!;
      sums.Y[g]! += acc[o + 2]!;
      sums.A[g]! += acc[o + 3]!;
      sums.B[g]! += acc[o + 4]!;
    }
  }
}

// Layout of the totals array filled by the kernel.
const POPULATION = 0;
const INCOME = 1;
const NP_H = 2;
const NP_P = 3;
const NEG_H = 4;
const NEG_P = 5;
const POS_H = 6;
const POS_P = 7;
const POS_Y = 8;
const POS_A = 9;
const POS_B = 10;
const SQRT = 11;
const INVERSE = 12;
const OUT_LENGTH = 13;
const EMPTY = new Float64Array(0);

/**
 * The hot loop over rows [start, end), continuing the totals in `out`. It takes only typed arrays and
 * numbers (no objects), so V8 optimises it from stable type feedback; returns the index of the first
 * invalid row (−1 when all are valid).
 */
function sumsKernel(
  start: number,
  end: number,
  income: Float64Array,
  size: Float64Array | Uint8Array | Uint16Array,
  weight: Float64Array | null,
  c0: Codes | null,
  k0: number,
  s0: number,
  c1: Codes | null,
  k1: number,
  s1: number,
  c2: Codes | null,
  k2: number,
  s2: number,
  c3: Codes | null,
  k3: number,
  s3: number,
  acc: Float64Array,
  inv: number,
  out: Float64Array,
): number {
  const grouped = c0 !== null;
  let population = out[POPULATION]!;
  let totalIncome = out[INCOME]!;
  let npH = out[NP_H]!;
  let npP = out[NP_P]!;
  let negH = out[NEG_H]!;
  let negP = out[NEG_P]!;
  let posH = out[POS_H]!;
  let posP = out[POS_P]!;
  let posY = out[POS_Y]!;
  let posA = out[POS_A]!;
  let posB = out[POS_B]!;
  let sqrtSum = out[SQRT]!;
  let inverseSum = out[INVERSE]!;
  for (let i = start; i < end; i++) {
    const y = income[i]!;
    const s = size[i]!;
    const w = weight === null ? 1 : weight[i]!;
    // Finite income, size > 0, weight ≥ 0 (NaN fails every comparison).
    if (!(y - y === 0 && s > 0 && s < Infinity && w >= 0 && w < Infinity)) return i;
    let cell = 0;
    if (grouped) {
      const g0 = c0[i]!;
      if (!(g0 >= 0 && g0 < k0)) return i;
      cell = g0 * s0;
      if (c1 !== null) {
        const g1 = c1[i]!;
        if (!(g1 >= 0 && g1 < k1)) return i;
        cell += g1 * s1;
      }
      if (c2 !== null) {
        const g2 = c2[i]!;
        if (!(g2 >= 0 && g2 < k2)) return i;
        cell += g2 * s2;
      }
      if (c3 !== null) {
        const g3 = c3[i]!;
        if (!(g3 >= 0 && g3 < k3)) return i;
        cell += g3 * s3;
      }
    }
    const p = w * s;
    if (y > 0) {
      const l = Math.log(y * inv);
      const py = p * y;
      const pyl = py * l;
      const pl = p * l;
      posH++;
      posP += p;
      posY += py;
      posA += pyl;
      posB += pl;
      sqrtSum += p * Math.sqrt(y);
      inverseSum += p / y;
      if (grouped) {
        const o = cell * STRIDE;
        acc[o]! += 1;
        acc[o + 1]! += p;
        acc[o + 2]! += py;
        acc[o + 3]! += pyl;
        acc[o + 4]! += pl;
      }
    } else {
      npH++;
      npP += p;
      if (y < 0) {
        negH++;
        negP += p;
      }
    }
    population += p;
    totalIncome += p * y;
  }
  out[POPULATION] = population;
  out[INCOME] = totalIncome;
  out[NP_H] = npH;
  out[NP_P] = npP;
  out[NEG_H] = negH;
  out[NEG_P] = negP;
  out[POS_H] = posH;
  out[POS_P] = posP;
  out[POS_Y] = posY;
  out[POS_A] = posA;
  out[POS_B] = posB;
  out[SQRT] = sqrtSum;
  out[INVERSE] = inverseSum;
  return -1;
}

/** Describes what is wrong with row `i` (found invalid by the kernel) — off the hot path. */
function rowError(
  data: HouseholdData,
  groupings: readonly NamedGrouping[],
  set: readonly number[],
  i: number,
): GapsError {
  const y = data.income[i]!;
  const s = data.size[i]!;
  const w = data.weight ? data.weight[i]! : 1;
  const where = (field: string) => ({ index: i, field });
  if (!Number.isFinite(y))
    return gapsError('non_finite', `row ${i}: income ${y} is not a finite number`, where('income'));
  if (!(s > 0 && s < Infinity))
    return gapsError('invalid_size', `row ${i}: household size ${s} must be > 0`, where('size'));
  if (w < 0) return gapsError('negative_weight', `row ${i}: weight ${w} is negative`, where('weight'));
  if (!Number.isFinite(w))
    return gapsError('non_finite', `row ${i}: weight ${w} is not a finite number`, where('weight'));
  const g = groupings[set.find((j) => !validCode(groupings[j]!, i)) ?? set[0]!]!;
  const code = g.grouping.codes[i]!;
  return gapsError(
    'invalid_group_code',
    `row ${i}: code ${code} is not in the label table of "${g.name}"`,
    where(g.name),
  );
}

function validCode(g: NamedGrouping, i: number): boolean {
  const code = g.grouping.codes[i]!;
  return code >= 0 && code < g.grouping.labels.length;
}
