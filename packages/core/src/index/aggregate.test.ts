import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { aggregate } from './aggregate';
import { twoDomainLayout } from './test-helpers';

const N = Number.NaN;
// Weights: a1 = 1, a2 = 3 (domain A), b1 = 1 (domain B); domains A = B = 1.
const iw = Float64Array.of(1, 3, 1);
const dw = Float64Array.of(1, 1);
const x = Float64Array.of(20, 80, 50, N, 40, N, N, N, N);

describe('aggregate (hand-computed)', () => {
  it('arithmetic at both levels, renormalising over what a unit has', () => {
    const r = aggregate(x, 3, twoDomainLayout('arithmetic', 'arithmetic'), iw, dw);
    // Unit 0: A = (20 + 3·80)/4 = 65, B = 50, total 57.5. Unit 1: A = 40 (a1 missing), B missing → 40.
    expect(Array.from(r.domainScores.slice(0, 4))).toEqual([65, 50, 40, N]);
    expect(r.scores[0]).toBeCloseTo(57.5, 12);
    expect(r.scores[1]).toBeCloseTo(40, 12);
    expect(r.scores[2]).toBeNaN();
    expect(r.domainScores[4]).toBeNaN();
  });
  it('geometric on the shifted scale 1 + 0.99·x (golden from NumPy)', () => {
    // A = (exp((ln(1+0.99·20) + 3·ln(1+0.99·80))/4) − 1)/0.99 = 56.80102326602561
    const g = aggregate(x, 3, twoDomainLayout('geometric', 'arithmetic'), iw, dw);
    expect(g.domainScores[0]).toBeCloseTo(56.80102326602561, 10);
    expect(g.scores[0]).toBeCloseTo((56.80102326602561 + 50) / 2, 10);
    // Geometric top over A = 65, B = 50: 57.017322853208846; geometric at both levels: 53.29414641892357.
    expect(aggregate(x, 3, twoDomainLayout('arithmetic', 'geometric'), iw, dw).scores[0]).toBeCloseTo(
      57.017322853208846,
      10,
    );
    expect(aggregate(x, 3, twoDomainLayout('geometric', 'geometric'), iw, dw).scores[0]).toBeCloseTo(
      53.29414641892357,
      10,
    );
    // Two values 0 and 100 with equal weights: √(1·100) = 10 → (10 − 1)/0.99.
    const h = aggregate(
      Float64Array.of(0, 100, N),
      1,
      twoDomainLayout('geometric', 'geometric'),
      Float64Array.of(1, 1, 1),
      dw,
    );
    expect(h.scores[0]).toBeCloseTo(9 / 0.99, 12);
  });
  it('only relative weights matter, and zero weights drop an indicator', () => {
    const a = aggregate(x, 3, twoDomainLayout('arithmetic', 'arithmetic'), iw, dw);
    const b = aggregate(
      x,
      3,
      twoDomainLayout('arithmetic', 'arithmetic'),
      iw.map((w) => w * 7),
      dw.map((w) => w * 0.1),
    );
    expect(b.scores[0]).toBeCloseTo(a.scores[0]!, 12);
    const z = aggregate(x, 3, twoDomainLayout('arithmetic', 'arithmetic'), Float64Array.of(1, 0, 1), dw);
    expect(z.domainScores[0]).toBe(20);
    expect(z.domainScores[2]).toBeNaN(); // unit 1 has only a2, now weightless
  });
});

describe('aggregate (properties)', () => {
  const value = fc.double({ min: 0, max: 100, noNaN: true });
  const weight = fc.double({ min: 0.01, max: 10, noNaN: true });
  it('equal values give that value under every aggregation; geometric never exceeds arithmetic', () => {
    fc.assert(
      fc.property(
        value,
        fc.array(value, { minLength: 3, maxLength: 3 }),
        fc.array(weight, { minLength: 5, maxLength: 5 }),
        (c, xs, ws) => {
          const iw3 = Float64Array.from(ws.slice(0, 3));
          const dw2 = Float64Array.from(ws.slice(3));
          for (const inner of ['arithmetic', 'geometric'] as const)
            for (const outer of ['arithmetic', 'geometric'] as const)
              expect(
                aggregate(Float64Array.of(c, c, c), 1, twoDomainLayout(inner, outer), iw3, dw2).scores[0],
              ).toBeCloseTo(c, 9);
          const v = Float64Array.from(xs);
          const ar = aggregate(v, 1, twoDomainLayout('arithmetic', 'arithmetic'), iw3, dw2).scores[0]!;
          const ge = aggregate(v, 1, twoDomainLayout('geometric', 'geometric'), iw3, dw2).scores[0]!;
          expect(ge).toBeLessThanOrEqual(ar + 1e-9);
          expect(ge).toBeGreaterThanOrEqual(-1e-9);
        },
      ),
    );
  });
});
