import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { expectedOnPath } from './expected-on-path';

describe('expectedOnPath (序时进度)', () => {
  it('interpolates on the straight line and signs the gap positive when ahead', () => {
    // Baseline 1.96 at 2021, target 1.80 at 2028; at 2025: 1.96 − 0.16·4/7 = 1.8685714.
    const r = expectedOnPath(
      { time: 2021, value: 1.96 },
      { time: 2028, value: 1.8 },
      { time: 2025, value: 1.83 },
      'down',
    );
    expect(r?.expected).toBeCloseTo(1.8685714285714285, 12);
    // Lower is better: gap = ŷ − y = 0.0385714 > 0, ahead of the path.
    expect(r?.gap).toBeCloseTo(0.0385714285714285, 12);
    const up = expectedOnPath(
      { time: 2020, value: 0 },
      { time: 2030, value: 100 },
      { time: 2025, value: 40 },
      'up',
    );
    expect(up).toEqual({ expected: 50, gap: -10 });
  });
  it('is undefined when the target is not after the baseline', () => {
    expect(
      expectedOnPath({ time: 2025, value: 1 }, { time: 2025, value: 2 }, { time: 2025, value: 1 }, 'up'),
    ).toBeNull();
  });
  it('meets the baseline at t0 and the target at T; the gap flips sign with polarity', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -1e3, max: 1e3, noNaN: true }),
        fc.double({ min: -1e3, max: 1e3, noNaN: true }),
        fc.integer({ min: 1, max: 20 }),
        fc.double({ min: -1e3, max: 1e3, noNaN: true }),
        (y0, yStar, span, y) => {
          const b = { time: 2020, value: y0 };
          const t = { time: 2020 + span, value: yStar };
          expect(expectedOnPath(b, t, { time: 2020, value: y }, 'up')?.expected).toBeCloseTo(y0, 9);
          expect(expectedOnPath(b, t, { time: 2020 + span, value: y }, 'up')?.expected).toBeCloseTo(yStar, 9);
          const mid = { time: 2020 + span / 2, value: y };
          const up = expectedOnPath(b, t, mid, 'up')?.gap ?? Number.NaN;
          const down = expectedOnPath(b, t, mid, 'down')?.gap ?? Number.NaN;
          expect(up + down).toBeCloseTo(0, 9);
        },
      ),
    );
  });
});
