import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { aggregate } from './aggregate';
import { contributions } from './contributions';
import { twoDomainLayout } from './test-helpers';
import { weakestIndicators } from './weakest';

const N = Number.NaN;
const iw = Float64Array.of(1, 3, 1);
const dw = Float64Array.of(1, 1);

describe('contributions (hand-computed)', () => {
  it('arithmetic: 100 − CI_u = Σ W_j (100 − x_uj), and the gap to the leader splits likewise', () => {
    const x = Float64Array.of(20, 80, 50, N, 40, N);
    const layout = twoDomainLayout('arithmetic', 'arithmetic');
    const { domainScores, scores } = aggregate(x, 2, layout, iw, dw);
    const c = contributions(x, domainScores, scores, 2, layout, iw, dw, 0);
    // Unit 0: W = 1/8, 3/8, 1/2 → 80/8 = 10, 20·3/8 = 7.5, 50/2 = 25 (sum 42.5 = 100 − 57.5).
    // Unit 1 has only a2 (W = 1): 60.
    expect(Array.from(c.shortfall)).toEqual([10, 7.5, 25, 0, 60, 0]);
    // Gap of unit 1 to the leader (unit 0): 60 − 7.5, 0 − 10, 0 − 25 → sums to 57.5 − 40.
    expect(Array.from(c.leaderGap.slice(3))).toEqual([-10, 52.5, -25]);
    expect(Array.from(c.leaderGap.slice(0, 3))).toEqual([0, 0, 0]);
    expect(Array.from(weakestIndicators(c.shortfall, 2, 3))).toEqual([2, 0, 1, 1, -1, -1]);
  });
  it('geometric: the shortfall goes to indicators in proportion to W_j·ln(100/s_j)', () => {
    // One domain with 0 and 100 (equal weights): score (√100 − 1)/0.99; the 100 contributes nothing.
    const x = Float64Array.of(0, 100, N);
    const layout = twoDomainLayout('geometric', 'geometric');
    const w = Float64Array.of(1, 1, 1);
    const { domainScores, scores } = aggregate(x, 1, layout, w, dw);
    const c = contributions(x, domainScores, scores, 1, layout, w, dw, 0);
    expect(c.shortfall[0]).toBeCloseTo(100 - 9 / 0.99, 10);
    expect(c.shortfall[1]).toBe(0);
    expect(c.shortfall[2]).toBe(0);
  });
  it('gives NaN rows to units without a score and NaN gaps without a leader', () => {
    const x = Float64Array.of(N, N, N);
    const layout = twoDomainLayout('arithmetic', 'arithmetic');
    const { domainScores, scores } = aggregate(x, 1, layout, iw, dw);
    const c = contributions(x, domainScores, scores, 1, layout, iw, dw, -1);
    expect(Array.from(c.shortfall).every(Number.isNaN)).toBe(true);
    expect(Array.from(c.leaderGap).every(Number.isNaN)).toBe(true);
  });
});

describe('contributions (properties)', () => {
  const cell = fc.oneof(
    { weight: 5, arbitrary: fc.double({ min: 0, max: 100, noNaN: true }) },
    { weight: 1, arbitrary: fc.constant(N) },
  );
  const weight = fc.double({ min: 0.05, max: 10, noNaN: true });
  it('sum to 100 − score and to the gap from the leader under every aggregation', () => {
    fc.assert(
      fc.property(
        fc.array(cell, { minLength: 12, maxLength: 12 }),
        fc.array(weight, { minLength: 5, maxLength: 5 }),
        fc.constantFrom('arithmetic' as const, 'geometric' as const),
        fc.constantFrom('arithmetic' as const, 'geometric' as const),
        (cells, ws, inner, outer) => {
          const x = Float64Array.from(cells);
          const layout = twoDomainLayout(inner, outer);
          const w3 = Float64Array.from(ws.slice(0, 3));
          const w2 = Float64Array.from(ws.slice(3));
          const { domainScores, scores } = aggregate(x, 4, layout, w3, w2);
          const leader = 0;
          const c = contributions(x, domainScores, scores, 4, layout, w3, w2, leader);
          for (let u = 0; u < 4; u++) {
            const s = scores[u]!;
            const row = Array.from(c.shortfall.slice(u * 3, u * 3 + 3));
            if (Number.isNaN(s)) continue;
            row.forEach((v) => expect(v).toBeGreaterThanOrEqual(-1e-9));
            expect(row.reduce((a, b) => a + b, 0)).toBeCloseTo(100 - s, 8);
            if (!Number.isNaN(scores[leader]!)) {
              const gap = Array.from(c.leaderGap.slice(u * 3, u * 3 + 3)).reduce((a, b) => a + b, 0);
              expect(gap).toBeCloseTo(scores[leader]! - s, 8);
            }
          }
        },
      ),
    );
  });
});
