import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { percentileLinear, percentileNearestRank } from './percentile';

describe('percentiles', () => {
  it('linear interpolation matches NumPy percentile (golden)', () => {
    // np.percentile([1..10, 100], [10, 90, 5, 95]) = 2.0, 10.0, 1.5, 55.0
    const s = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 100];
    expect(percentileLinear(s, 10)).toBeCloseTo(2, 12);
    expect(percentileLinear(s, 90)).toBeCloseTo(10, 12);
    expect(percentileLinear(s, 5)).toBeCloseTo(1.5, 12);
    expect(percentileLinear(s, 95)).toBeCloseTo(55, 12);
    expect(percentileLinear([], 50)).toBeNaN();
  });
  it('nearest rank is the ⌈pN/100⌉-th value', () => {
    // Wikipedia's example: 15, 20, 35, 40, 50 → P5 = 15, P30 = 20, P40 = 20, P50 = 35, P100 = 50.
    const s = [15, 20, 35, 40, 50];
    expect(percentileNearestRank(s, 5)).toBe(15);
    expect(percentileNearestRank(s, 30)).toBe(20);
    expect(percentileNearestRank(s, 40)).toBe(20);
    expect(percentileNearestRank(s, 50)).toBe(35);
    expect(percentileNearestRank(s, 100)).toBe(50);
    expect(percentileNearestRank(s, 0)).toBe(15);
  });
  it('nearest rank returns a sample value and at least p% of the sample is ≤ it', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 50 }), { minLength: 1, maxLength: 60 }),
        fc.integer({ min: 1, max: 100 }),
        (xs, p) => {
          const s = [...xs].sort((a, b) => a - b);
          const v = percentileNearestRank(s, p);
          expect(s).toContain(v);
          expect(s.filter((x) => x <= v).length / s.length).toBeGreaterThanOrEqual(p / 100 - 1e-12);
          expect(s.filter((x) => x < v).length / s.length).toBeLessThan(p / 100);
        },
      ),
    );
  });
});
