import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { weakestIndicators } from './weakest';

describe('weakestIndicators (短板)', () => {
  it('lists the largest contributions first, ties in framework order, nothing for zero or NaN', () => {
    const shortfall = Float64Array.of(5, 9, 0, 9, 1, Number.NaN, 0, 0, 2e-10, 0, 0, 3);
    expect(Array.from(weakestIndicators(shortfall, 2, 6, 3))).toEqual([1, 3, 0, 5, -1, -1]);
    expect(Array.from(weakestIndicators(shortfall, 2, 6, 1))).toEqual([1, 5]);
  });
  it('agrees with sorting the contributions', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.oneof(
            fc.double({ min: 0, max: 50, noNaN: true }),
            fc.constant(0),
            fc.integer({ min: 1, max: 3 }),
          ),
          { minLength: 8, maxLength: 8 },
        ),
        fc.integer({ min: 1, max: 5 }),
        (xs, k) => {
          const expected = xs
            .map((c, j) => ({ c, j }))
            .filter((x) => x.c > 1e-9)
            .sort((a, b) => b.c - a.c || a.j - b.j)
            .slice(0, k)
            .map((x) => x.j);
          while (expected.length < k) expected.push(-1);
          expect(Array.from(weakestIndicators(Float64Array.from(xs), 1, 8, k))).toEqual(expected);
        },
      ),
    );
  });
});
