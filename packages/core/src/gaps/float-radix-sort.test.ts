import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mulberry32, normal } from '../random';
import { createSortWorkspace, sortByValue } from './float-radix-sort';

/** Pairs (value, payload) ordered by value then payload: equal for two permutations of the same pairs. */
function canonical(y: ArrayLike<number>, p: ArrayLike<number>): number[][] {
  return Array.from(y, (v, i) => [v + 0, p[i]!]).sort((a, b) => a[0]! - b[0]! || a[1]! - b[1]!);
}

/** Values ascending, and the (value, payload) pairs a permutation of the input's (ties in any order). */
function expectSortedPermutation(
  values: Float64Array,
  weight: Float64Array,
  y: Float64Array,
  p: Float64Array,
) {
  for (let i = 1; i < y.length; i++) if (!(y[i]! >= y[i - 1]!)) throw new Error(`unsorted at ${i}`);
  const a = canonical(y, p);
  const b = canonical(values, weight);
  expect(a.length).toBe(b.length);
  for (let i = 0; i < a.length; i++) {
    if (a[i]![0] !== b[i]![0] || a[i]![1] !== b[i]![1]) expect(a[i]).toEqual(b[i]);
  }
}

describe('sortByValue', () => {
  it('sorts arbitrary finite doubles (negative, zero, subnormal, huge) carrying the payload', () => {
    const finite = fc.double({ noNaN: true, noDefaultInfinity: true });
    const value = fc.oneof(finite, fc.integer({ min: -5, max: 5 }), fc.constantFrom(0, -0, 5e-324, -5e-324));
    fc.assert(
      fc.property(
        fc.array(fc.tuple(value, fc.double({ min: 0, max: 10, noNaN: true })), { maxLength: 300 }),
        (rows) => {
          const values = Float64Array.from(rows, (r) => r[0]);
          const weight = Float64Array.from(rows, (r) => r[1]);
          const { y, p } = sortByValue(values, { weight });
          expect(y.length).toBe(values.length);
          expectSortedPermutation(values, weight, y, p);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('sorts 100 000 lognormal incomes rounded to cents (many ties) and multiplies weight × size', () => {
    const rng = mulberry32(3);
    const n = 100_000;
    const values = new Float64Array(n);
    const weight = new Float64Array(n);
    const size = new Uint8Array(n);
    for (let i = 0; i < n; i++) {
      values[i] = Math.round(Math.exp(10 + 0.8 * normal(rng)) * 100) / 100;
      weight[i] = 0.5 + rng();
      size[i] = 1 + Math.floor(rng() * 6);
    }
    const ws = createSortWorkspace(n);
    const { y, p } = sortByValue(values, { weight, multiplier: size }, ws);
    const product = Float64Array.from(weight, (w, i) => w * size[i]!);
    expectSortedPermutation(values, product, y, p);
    // The workspace is reused: a second call gives the same answer.
    const again = sortByValue(values, { weight, multiplier: size }, ws);
    expect(Array.from(again.y.subarray(0, 1000))).toEqual(Array.from(y.subarray(0, 1000)));
  });

  it('stays fast on a pathologically narrow range and on heavy ties', () => {
    const rng = mulberry32(9);
    const n = 300_000;
    const narrow = Float64Array.from({ length: n }, () => 1000 + rng() * 1e-9);
    const ties = Float64Array.from({ length: n }, () => Math.floor(rng() * 4) * 1000 - 1000);
    for (const values of [narrow, ties]) {
      const t = performance.now();
      const { y, p } = sortByValue(values);
      expect(performance.now() - t).toBeLessThan(2000);
      for (let i = 1; i < n; i++) if (y[i]! < y[i - 1]!) throw new Error(`unsorted at ${i}`);
      expect(p.every((v) => v === 1)).toBe(true);
      const expected = values.slice().sort();
      for (let i = 0; i < n; i++) if (y[i] !== expected[i]) expect(y[i]).toBe(expected[i]);
    }
  });

  it('handles the empty and one-element cases and descending input', () => {
    expect(sortByValue(new Float64Array(0)).y.length).toBe(0);
    expect(Array.from(sortByValue(new Float64Array([4])).y)).toEqual([4]);
    const desc = Float64Array.from({ length: 5000 }, (_, i) => 5000 - i);
    expect(Array.from(sortByValue(desc).y)).toEqual(Array.from({ length: 5000 }, (_, i) => i + 1));
  });
});
