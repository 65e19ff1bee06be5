import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normaliseColumn } from './normalise';
import type { Direction, Normalisation } from './types';

const N = Number.NaN;
const x = Float64Array.of(2, 4, 6, N, 8);
const norm = (v: Float64Array, d: Direction, nz: Normalisation) =>
  Array.from(normaliseColumn(v, d, nz).values);
const close = (actual: number[], expected: number[], digits = 9) => {
  expect(actual.length).toBe(expected.length);
  actual.forEach((a, i) => {
    const e = expected[i]!;
    if (Number.isNaN(e)) expect(a).toBeNaN();
    else expect(a).toBeCloseTo(e, digits);
  });
};

describe('normaliseColumn (hand-computed cases, x = 2, 4, 6, NaN, 8)', () => {
  it('min-max, both directions', () => {
    close(norm(x, 'up', { method: 'minmax' }), [0, 100 / 3, 200 / 3, N, 100]);
    close(norm(x, 'down', { method: 'minmax' }), [100, 200 / 3, 100 / 3, N, 0]);
  });
  it('z-score as 50 + 10·z with the n − 1 standard deviation (golden from NumPy ddof=1)', () => {
    // 50 + 10·(x − 5)/std([2,4,6,8], ddof=1)
    close(norm(x, 'up', { method: 'zscore' }), [38.38104996, 46.12701665, 53.87298335, N, 61.61895004], 7);
    close(norm(x, 'down', { method: 'zscore' }), [61.61895004, 53.87298335, 46.12701665, N, 38.38104996], 7);
  });
  it('z-score clips beyond ±5σ and reports it', () => {
    const v = new Float64Array(40).fill(0);
    v[0] = 1000; // z = (1000 − 25)/σ with σ = 1000/√40 → z ≈ 6.17
    const r = normaliseColumn(v, 'up', { method: 'zscore' });
    expect(r.values[0]).toBe(100);
    expect(r.clipped).toBe(1);
  });
  it('goalposts clip to [0, 100]; reversed for lower-is-better', () => {
    close(norm(x, 'up', { method: 'goalposts', lo: 3, hi: 7 }), [0, 25, 75, N, 100]);
    close(norm(x, 'down', { method: 'goalposts', lo: 3, hi: 7 }), [100, 75, 25, N, 0]);
  });
  it('distance to target: 100·min(x/T, 1); for lower-is-better 100·min(T/x, 1)', () => {
    close(norm(x, 'up', { method: 'distance_to_target', target: 5 }), [40, 80, 100, N, 100]);
    close(norm(x, 'down', { method: 'distance_to_target', target: 5 }), [100, 100, 250 / 3, N, 62.5]);
    close(norm(Float64Array.of(-1, 0), 'up', { method: 'distance_to_target', target: 5 }), [0, 0]);
  });
  it('rank: average ranks for ties, scaled 100·(r − 1)/(n − 1) (golden from scipy.stats.rankdata)', () => {
    // rankdata([3, 1, 3, 2]) = 3.5, 1, 3.5, 2; for −x: 1.5, 4, 1.5, 3.
    const v = Float64Array.of(3, 1, 3, N, 2);
    close(norm(v, 'up', { method: 'rank' }), [250 / 3, 0, 250 / 3, N, 100 / 3]);
    close(norm(v, 'down', { method: 'rank' }), [50 / 3, 100, 50 / 3, N, 200 / 3]);
  });
  it('efficacy: 60 + 40·(x − L)/(T − L), capped', () => {
    close(norm(x, 'up', { method: 'efficacy', target: 6, floor: 4 }), [20, 60, 100, N, 100]);
  });
  it('a constant column gives 50 for relative methods and is reported; absolute methods keep their scale', () => {
    const c = Float64Array.of(7, N, 7, 7);
    for (const method of ['minmax', 'zscore', 'rank'] as const) {
      const r = normaliseColumn(c, 'up', { method });
      expect(r.constant).toBe(true);
      close(Array.from(r.values), [50, N, 50, 50]);
    }
    const g = normaliseColumn(c, 'up', { method: 'goalposts', lo: 0, hi: 10 });
    expect(g.constant).toBe(false);
    close(Array.from(g.values), [70, N, 70, 70]);
    expect(normaliseColumn(Float64Array.of(5), 'up', { method: 'minmax' }).constant).toBe(true);
  });
  it('an all-missing column stays missing', () => {
    const r = normaliseColumn(Float64Array.of(N, N), 'up', { method: 'minmax' });
    expect(r.observed).toBe(0);
    close(Array.from(r.values), [N, N]);
  });
});

describe('normaliseColumn (properties)', () => {
  // Values in hundredths keep clear of subnormal numbers, where scaling itself loses information.
  const column = fc.array(
    fc.oneof(
      fc.integer({ min: -1e6, max: 1e6 }).map((i) => i / 100),
      fc.constant(N),
    ),
    {
      minLength: 1,
      maxLength: 30,
    },
  );
  const methods: Normalisation[] = [
    { method: 'minmax' },
    { method: 'zscore' },
    { method: 'rank' },
    { method: 'goalposts', lo: -100, hi: 100 },
    { method: 'distance_to_target', target: 50 },
    { method: 'efficacy', target: 100, floor: -100 },
  ];
  it('stays in [0, 100], keeps NaN where missing, and preserves order for up (reverses it for down)', () => {
    fc.assert(
      fc.property(column, fc.constantFrom(...methods), (xs, nz) => {
        const v = Float64Array.from(xs);
        const up = normaliseColumn(v, 'up', nz).values;
        const down = normaliseColumn(
          v,
          'down',
          nz.method === 'efficacy' ? { ...nz, target: -100, floor: 100 } : nz,
        ).values;
        for (let i = 0; i < v.length; i++) {
          if (Number.isNaN(v[i]!)) {
            expect(up[i]).toBeNaN();
            continue;
          }
          expect(up[i]).toBeGreaterThanOrEqual(0);
          expect(up[i]).toBeLessThanOrEqual(100);
          for (let k = 0; k < v.length; k++) {
            if (Number.isNaN(v[k]!) || !(v[i]! < v[k]!)) continue;
            expect(up[i]).toBeLessThanOrEqual(up[k]! + 1e-9);
            expect(down[i]).toBeGreaterThanOrEqual(down[k]! - 1e-9);
          }
        }
      }),
    );
  });
  it('scaling an indicator by c > 0 does not change min-max, z-score or rank scores', () => {
    fc.assert(
      fc.property(
        column,
        fc.double({ min: 1e-3, max: 1e3, noNaN: true }),
        fc.constantFrom<Normalisation>({ method: 'minmax' }, { method: 'zscore' }, { method: 'rank' }),
        (xs, c, nz) => {
          const v = Float64Array.from(xs);
          const a = normaliseColumn(v, 'up', nz).values;
          const b = normaliseColumn(
            v.map((t) => t * c),
            'up',
            nz,
          ).values;
          for (let i = 0; i < v.length; i++) {
            if (Number.isNaN(a[i]!)) expect(b[i]).toBeNaN();
            else expect(b[i]).toBeCloseTo(a[i]!, 6);
          }
        },
      ),
    );
  });
});
