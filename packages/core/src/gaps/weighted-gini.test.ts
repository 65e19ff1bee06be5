import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { weightedGini } from './weighted-gini';

describe('weightedGini', () => {
  it('equals the mean absolute difference over 2μ (hand cases)', () => {
    // 1, 2, 3, 4: Σ|y_i − y_j| over ordered pairs = 20; 20/(2·16·2.5) = 0.25.
    const a = weightedGini([4, 1, 3, 2]);
    expect(a.ok && a.value).toBeCloseTo(0.25, 15);
    // Weights 1, 1, 2 on 1, 2, 3 = persons 1, 2, 3, 3: Σ|diff| = 14; 14/(2·16·2.25) = 0.194….
    const b = weightedGini([1, 2, 3], [1, 1, 2]);
    expect(b.ok && b.value).toBeCloseTo(14 / 72, 15);
  });
  it('matches the O(n²) definition on random weighted data', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(
            fc.oneof(fc.constant(0), fc.double({ min: 0.01, max: 1e5, noNaN: true })),
            fc.double({ min: 0.1, max: 10, noNaN: true }),
          ),
          { minLength: 1, maxLength: 100 },
        ),
        (rows) => {
          fc.pre(rows.some(([y]) => y > 0));
          const ys = rows.map((r) => r[0]);
          const ws = rows.map((r) => r[1]);
          const W = ws.reduce((s, w) => s + w, 0);
          const mu = rows.reduce((s, [y, w]) => s + y * w, 0) / W;
          let d = 0;
          for (const [y1, w1] of rows) for (const [y2, w2] of rows) d += w1 * w2 * Math.abs(y1 - y2);
          const expected = d / (2 * W * W * mu);
          const r = weightedGini(ys, ws);
          expect(r.ok).toBe(true);
          if (r.ok) expect(Math.abs(r.value - expected)).toBeLessThanOrEqual(1e-12 + 1e-10 * expected);
        },
      ),
    );
  });
  it('rejects a non-positive mean', () => {
    expect(weightedGini([0, 0])).toMatchObject({ ok: false, error: { code: 'non_positive_mean' } });
  });
});
