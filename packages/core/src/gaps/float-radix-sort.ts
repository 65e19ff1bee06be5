/**
 * Sorting (value, weight) pairs by value for the Gini and Lorenz computations (METHODS.md §3), fast enough
 * for ten million households: a most-significant-digit radix sort on the IEEE-754 bit patterns.
 *
 * A finite double's bits, with the sign bit flipped for positives and every bit flipped for negatives,
 * order as unsigned integers exactly as the numbers do (Herf 2001, "Radix tricks"). We
 *   1. histogram the top `top` (≤ 18) bits of that key and scatter the pairs into those buckets — one
 *      sequential read and one write per element;
 *   2. take the buckets in ascending order; each is copied into a small cache-resident scratch buffer by a
 *      counting sort on the next ≤ 16 key bits (about four slots per element);
 *   3. finish the bucket with insertion sort (slots hold ~0–2 elements), bounded: beyond a linear number
 *      of moves (a pathologically narrow range) a three-way quicksort takes over, so no input is
 *      quadratic;
 *   4. hand the sorted bucket to a visitor. Consumers that only stream through the sorted order (Gini,
 *      Lorenz) never need the whole sorted array in memory; `sortByValue` concatenates the runs.
 * Only finite values are allowed (callers validate); −0 and +0 are equal and may come in either order.
 */

const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;
/** Index of the high 32-bit word of a double inside a Uint32Array view. */
const HI = LITTLE_ENDIAN ? 1 : 0;
const LO = 1 - HI;
const MAX_TOP = 18;
const MAX_LOCAL = 16;
const SMALL = 24;

/** Bits of the top-level digit for n values: about log2(n), so buckets average one to a few elements. */
const topBits = (n: number) => Math.min(MAX_TOP, Math.max(8, 32 - Math.clz32(Math.max(n, 2) - 1)));
/** Bits of the digit inside a bucket of m values: one or two slots per value. */
const localBits = (m: number) => Math.min(MAX_LOCAL, 32 - Math.clz32(Math.max(m, 2) - 1));

/** Buffers reused across calls, so that repeated runs do not pay for fresh memory (page faults). */
export interface SortWorkspace {
  readonly capacity: number;
  /** Pairs scattered into top-level buckets. */
  readonly y: Float64Array;
  readonly p: Float64Array;
  readonly bins: Uint32Array;
  readonly slots: Uint32Array;
  /** One bucket, sorted; grows when a bucket is larger. */
  scratchY: Float64Array;
  scratchP: Float64Array;
}

/** Sort buffers for up to `capacity` values (16 bytes each plus about 1 MB of counters). */
export function createSortWorkspace(capacity: number): SortWorkspace {
  const scratch = Math.min(capacity, 1 << 15);
  return {
    capacity,
    y: new Float64Array(capacity),
    p: new Float64Array(capacity),
    bins: new Uint32Array(1 << topBits(capacity)),
    slots: new Uint32Array(1 << localBits(capacity)),
    scratchY: new Float64Array(scratch),
    scratchP: new Float64Array(scratch),
  };
}

/** The pair payload: weight[i] × multiplier[i], each factor 1 when absent. */
export interface SortPayload {
  readonly weight?: Float64Array | undefined;
  readonly multiplier?: Float64Array | Uint8Array | Uint16Array | undefined;
}

/**
 * Receives the sorted order one run at a time, runs in ascending order: `y[0..count)` ascending with their
 * payloads `p[0..count)`. The arrays are reused for the next run.
 */
export type SortedRunVisitor = (y: Float64Array, p: Float64Array, count: number) => void;

/** Visits `values` in ascending order with weight × multiplier carried along. Values must be finite. */
export function visitSorted(
  values: Float64Array,
  payload: SortPayload,
  visit: SortedRunVisitor,
  workspace?: SortWorkspace,
): void {
  const n = values.length;
  if (n === 0) return;
  const ws = workspace && workspace.capacity >= n ? workspace : createSortWorkspace(n);
  const weight = payload.weight ?? null;
  const multiplier = payload.multiplier ?? null;
  const bins = ws.bins;
  const top = topBits(n);
  const shift = 32 - top;
  const nb = 1 << top;
  bins.fill(0, 0, nb);
  const vu = new Uint32Array(values.buffer, values.byteOffset, 2 * n);
  // Long loops run in chunks, the first ones small, so V8 optimises the kernels as ordinary functions
  // with complete type feedback rather than as on-stack replacements of one long call.
  for (let i = 0; i < n;) {
    const end = chunkEnd(i, n);
    histogram(vu, i, end, bins, shift);
    i = end;
  }
  let sum = 0;
  for (let b = 0; b < nb; b++) {
    const c = bins[b]!;
    bins[b] = sum;
    sum += c;
  }
  for (let i = 0; i < n;) {
    const end = chunkEnd(i, n);
    scatter(vu, values, weight, multiplier, i, end, bins, shift, ws.y, ws.p);
    i = end;
  }
  // bins[b] is now the end of bucket b.
  const u2 = new Uint32Array(ws.y.buffer, ws.y.byteOffset, 2 * ws.capacity);
  let lo = 0;
  for (let b = 0; b < nb; b++) {
    const end = bins[b]!;
    const m = end - lo;
    if (m === 0) continue;
    if (ws.scratchY.length < m) {
      const size = Math.min(ws.capacity, Math.max(m, 2 * ws.scratchY.length));
      ws.scratchY = new Float64Array(size);
      ws.scratchP = new Float64Array(size);
    }
    sortBucket(ws.y, ws.p, u2, lo, end, top, ws.slots, ws.scratchY, ws.scratchP);
    visit(ws.scratchY, ws.scratchP, m);
    lo = end;
  }
}

const WARM_CHUNK = 64;
const WARM_ROWS = 1024;
const CHUNK = 1 << 16;
const chunkEnd = (i: number, n: number) => Math.min(n, i + (i < WARM_ROWS ? WARM_CHUNK : CHUNK));

function histogram(vu: Uint32Array, start: number, end: number, bins: Uint32Array, shift: number): void {
  for (let i = start; i < end; i++) {
    const h = vu[2 * i + HI]!;
    bins[((h ^ ((h >> 31) | 0x80000000)) >>> 0) >>> shift]!++;
  }
}

/** The scatter pass over [start, end), with only typed arrays and numbers as arguments. */
function scatter(
  vu: Uint32Array,
  values: Float64Array,
  weight: Float64Array | null,
  multiplier: Float64Array | Uint8Array | Uint16Array | null,
  start: number,
  end: number,
  bins: Uint32Array,
  shift: number,
  y2: Float64Array,
  p2: Float64Array,
): void {
  for (let i = start; i < end; i++) {
    const h = vu[2 * i + HI]!;
    const o = bins[((h ^ ((h >> 31) | 0x80000000)) >>> 0) >>> shift]!++;
    y2[o] = values[i]!;
    p2[o] = (weight === null ? 1 : weight[i]!) * (multiplier === null ? 1 : multiplier[i]!);
  }
}

/** Sorts bucket [lo, end) of (y2, p2) into y[0..m), p[0..m). */
function sortBucket(
  y2: Float64Array,
  p2: Float64Array,
  u2: Uint32Array,
  lo: number,
  end: number,
  top: number,
  slots: Uint32Array,
  y: Float64Array,
  p: Float64Array,
): void {
  const m = end - lo;
  if (m <= SMALL) {
    for (let i = 0; i < m; i++) {
      y[i] = y2[lo + i]!;
      p[i] = p2[lo + i]!;
    }
    if (m > 1) insertionSort(y, p, 0, m);
    return;
  }
  // Counting sort on the 32 key bits after the top `top` bits, using its leading `bits` bits.
  const shift = 32 - top;
  const bits = localBits(m);
  const r = 1 << bits;
  const sh = 32 - bits;
  slots.fill(0, 0, r);
  for (let i = lo; i < end; i++) {
    const h = u2[2 * i + HI]!;
    const neg = h >> 31;
    const mid = (((h ^ (neg | 0x80000000)) << top) | ((u2[2 * i + LO]! ^ neg) >>> shift)) >>> 0;
    slots[mid >>> sh]!++;
  }
  let s = 0;
  for (let d = 0; d < r; d++) {
    const c = slots[d]!;
    slots[d] = s;
    s += c;
  }
  for (let i = lo; i < end; i++) {
    const h = u2[2 * i + HI]!;
    const neg = h >> 31;
    const mid = (((h ^ (neg | 0x80000000)) << top) | ((u2[2 * i + LO]! ^ neg) >>> shift)) >>> 0;
    const o = slots[mid >>> sh]!++;
    y[o] = y2[i]!;
    p[o] = p2[i]!;
  }
  // Slots hold ~0–2 elements, so insertion sort finishes the bucket in about linear time; if it does
  // not (many distinct values in one slot), a quicksort takes over.
  if (!insertionSort(y, p, 0, m, 8 * m)) quickSort3(y, p, 0, m);
}

export interface SortedPairs {
  /** Values in ascending order. */
  readonly y: Float64Array;
  /** The payload that travelled with each value. */
  readonly p: Float64Array;
}

/** Sorts `values` ascending, carrying weight × multiplier with each value, into new arrays. */
export function sortByValue(
  values: Float64Array,
  payload: SortPayload = {},
  workspace?: SortWorkspace,
): SortedPairs {
  const n = values.length;
  const y = new Float64Array(n);
  const p = new Float64Array(n);
  let at = 0;
  visitSorted(
    values,
    payload,
    (ry, rp, count) => {
      y.set(ry.subarray(0, count), at);
      p.set(rp.subarray(0, count), at);
      at += count;
    },
    workspace,
  );
  return { y, p };
}

/** Insertion sort of [lo, end); gives up (returning false) once it has moved more than `limit` elements. */
function insertionSort(y: Float64Array, p: Float64Array, lo: number, end: number, limit = Infinity): boolean {
  let moves = 0;
  for (let i = lo + 1; i < end; i++) {
    const v = y[i]!;
    if (v >= y[i - 1]!) continue;
    const w = p[i]!;
    let j = i - 1;
    while (j >= lo && y[j]! > v) {
      y[j + 1] = y[j]!;
      p[j + 1] = p[j]!;
      j--;
    }
    y[j + 1] = v;
    p[j + 1] = w;
    moves += i - 1 - j;
    if (moves > limit) return false;
  }
  return true;
}

/** Three-way (Dijkstra) quicksort with a median-of-three pivot: linear on runs of equal values. */
function quickSort3(y: Float64Array, p: Float64Array, lo: number, end: number): void {
  while (end - lo > SMALL) {
    const mid = lo + ((end - lo) >> 1);
    const a = y[lo]!;
    const b = y[mid]!;
    const c = y[end - 1]!;
    const pivot = a < b ? (b < c ? b : a < c ? c : a) : a < c ? a : b < c ? c : b;
    let lt = lo;
    let i = lo;
    let gt = end - 1;
    while (i <= gt) {
      const v = y[i]!;
      if (v < pivot) {
        swap(y, p, lt++, i++);
      } else if (v > pivot) {
        swap(y, p, i, gt--);
      } else {
        i++;
      }
    }
    // Recurse into the smaller side, loop on the larger: stack depth stays O(log n).
    if (lt - lo < end - gt - 1) {
      quickSort3(y, p, lo, lt);
      lo = gt + 1;
    } else {
      quickSort3(y, p, gt + 1, end);
      end = lt;
    }
  }
  insertionSort(y, p, lo, end);
}

function swap(y: Float64Array, p: Float64Array, i: number, j: number): void {
  const t = y[i]!;
  y[i] = y[j]!;
  y[j] = t;
  const u = p[i]!;
  p[i] = p[j]!;
  p[j] = u;
}
