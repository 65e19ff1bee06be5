import { describe, expect, it } from 'vitest';
import { winsorise } from './winsorise';

describe('winsorise', () => {
  it('clips at the type-7 percentiles of the observed values (golden from NumPy)', () => {
    // np.percentile([1..10, 100], [5, 95]) = 1.5, 55.0
    const x = Float64Array.of(1, 2, 3, 4, 5, Number.NaN, 6, 7, 8, 9, 10, 100);
    const r = winsorise(x, 5, 95);
    expect(r.lower).toBeCloseTo(1.5, 12);
    expect(r.upper).toBeCloseTo(55, 12);
    expect(r.clipped).toBe(2);
    expect(Array.from(r.values)).toEqual([1.5, 2, 3, 4, 5, Number.NaN, 6, 7, 8, 9, 10, 55]);
    expect(x[11]).toBe(100); // input untouched
  });
  it('leaves a column alone at 0 and 100 and may work in place', () => {
    const x = Float64Array.of(3, 1, 2);
    expect(winsorise(x, 0, 100).clipped).toBe(0);
    winsorise(x, 50, 100, x);
    expect(Array.from(x)).toEqual([3, 2, 2]);
  });
});
