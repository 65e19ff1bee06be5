import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DistributionAccumulator, sortedDistribution } from './sorted-distribution';

describe('sortedDistribution', () => {
  it('gives Gini, Lorenz points, median and value cuts for a hand case', () => {
    // Persons with incomes 1, 2, 3, 4 (weights 1): total 10, Lorenz through (¼, 0.1), (½, 0.3), (¾, 0.6).
    const y = new Float64Array([1, 2, 3, 4]);
    const p = new Float64Array([1, 1, 1, 1]);
    const d = sortedDistribution(
      y,
      p,
      [0.5, 0, 0.125, 1, 0.25],
      [
        { value: 3, multiplier: 1 },
        { value: 6, multiplier: 3 },
        { value: 100, multiplier: 1 },
      ],
    );
    expect(d.gini).toBeCloseTo(0.25, 15);
    expect(d.median).toBe(2);
    // L(1/8) lies halfway through the first person: 0.5·1/10.
    expect(Array.from(d.lorenz)).toEqual([0.3, 0, 0.05, 1, 0.1]);
    // y < 3: two persons; 3y < 6: one person; all below 100.
    expect(d.below).toEqual([
      { persons: 2, households: 2 },
      { persons: 1, households: 1 },
      { persons: 4, households: 4 },
    ]);
  });

  it('gives the same answer whether the order arrives whole or in runs', () => {
    const row = fc.tuple(
      fc.oneof(fc.constant(0), fc.double({ min: 0.01, max: 1e5, noNaN: true })),
      fc.double({ min: 0, max: 5, noNaN: true }),
    );
    fc.assert(
      fc.property(
        fc.array(row, { minLength: 1, maxLength: 200 }),
        fc.array(fc.nat(), { maxLength: 10 }),
        (rows, splits) => {
          rows.sort((a, b) => a[0] - b[0]);
          fc.pre(rows.some(([y, w]) => y * w > 0));
          const y = Float64Array.from(rows, (r) => r[0]);
          const p = Float64Array.from(rows, (r) => r[1]);
          const qs = [0, 0.1, 0.37, 0.5, 0.9, 1];
          const cuts = [{ value: 500, multiplier: 3 }];
          const whole = sortedDistribution(y, p, qs, cuts);
          const acc = new DistributionAccumulator(qs, whole.population, cuts);
          const bounds = [...new Set([0, ...splits.map((s) => s % (rows.length + 1)), rows.length])].sort(
            (a, b) => a - b,
          );
          for (let k = 0; k + 1 < bounds.length; k++) {
            acc.add(
              y.slice(bounds[k], bounds[k + 1]),
              p.slice(bounds[k], bounds[k + 1]),
              bounds[k + 1]! - bounds[k]!,
            );
          }
          const pieces = acc.result();
          expect(pieces.gini).toBe(whole.gini);
          expect(pieces.median).toBe(whole.median);
          expect(Array.from(pieces.lorenz)).toEqual(Array.from(whole.lorenz));
          expect(pieces.below).toEqual(whole.below);
        },
      ),
    );
  });
});
