import { describe, expect, it } from 'vitest';
import { belowCoverage, coverage } from './coverage';
import { twoDomainLayout } from './test-helpers';

const N = Number.NaN;

describe('coverage', () => {
  it('is the nominal weight share available: W_j = (w_d/Σw_d)·(w_j/Σw_j)', () => {
    // Weights a1 = 1, a2 = 3 in A; b1 in B; domains A = 1, B = 3 → W = 1/16, 3/16, 3/4.
    const x = Float64Array.of(1, 2, 3, N, 2, 3, 1, N, N, N, N, N);
    const c = coverage(
      x,
      4,
      twoDomainLayout('arithmetic', 'arithmetic'),
      Float64Array.of(1, 3, 1),
      Float64Array.of(1, 3),
    );
    expect(Array.from(c.weighted)).toEqual([1, 15 / 16, 1 / 16, 0]);
    expect(Array.from(c.available)).toEqual([3, 2, 1, 0]);
  });
  it('marks units below the threshold (a unit exactly at it is not marked)', () => {
    expect(Array.from(belowCoverage(Float64Array.of(1, 0.75, 0.7499, 0), 0.75))).toEqual([0, 0, 1, 1]);
    expect(Array.from(belowCoverage(Float64Array.of(0.2, 0), 0))).toEqual([0, 0]);
  });
});
