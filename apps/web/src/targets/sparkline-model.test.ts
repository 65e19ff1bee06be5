import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sparkGeometry } from './sparkline-model';

const size = { width: 100, height: 30, pad: 5 };

describe('sparkGeometry', () => {
  it('places points by time and value in the padded box, higher values up', () => {
    // x: 5 + (t − 2020)/(2022 − 2020)·90; y: 25 − (v − 1)/(3 − 1)·20 — worked by hand.
    const g = sparkGeometry(
      [
        {
          key: 'a',
          points: [
            { time: 2020, value: 1 },
            { time: 2021, value: 3 },
            { time: 2022, value: 2 },
          ],
        },
      ],
      null,
      size,
    );
    expect(g.paths).toEqual([{ key: 'a', d: 'M5 25 L50 5 L95 15', last: { x: 95, y: 15 }, count: 3 }]);
    expect(g.referenceY).toBeNull();
  });

  it('scales the reference with the values, so a target above the series stretches the range', () => {
    const g = sparkGeometry(
      [
        {
          key: 'a',
          points: [
            { time: 1, value: 1 },
            { time: 2, value: 2 },
          ],
        },
      ],
      3,
      size,
    );
    // Range 1–3: value 2 at 25 − 10 = 15, the target 3 at the top (5).
    expect(g.paths[0]?.d).toBe('M5 25 L95 15');
    expect(g.referenceY).toBe(5);
  });

  it('draws a single or flat series in the middle and skips empty lines', () => {
    const g = sparkGeometry(
      [
        { key: 'one', points: [{ time: 2025, value: 4 }] },
        { key: 'none', points: [] },
      ],
      null,
      size,
    );
    expect(g.paths).toEqual([{ key: 'one', d: 'M50 15', last: { x: 50, y: 15 }, count: 1 }]);
    expect(sparkGeometry([], 2, size)).toEqual({ width: 100, height: 30, paths: [], referenceY: null });
  });

  it('keeps every point and the reference inside the box', () => {
    const point = fc.record({
      time: fc.double({ min: 1990, max: 2100, noNaN: true }),
      value: fc.double({ min: -1e6, max: 1e6, noNaN: true }),
    });
    fc.assert(
      fc.property(
        fc.array(point, { minLength: 1, maxLength: 20 }),
        fc.option(fc.double({ min: -1e6, max: 1e6, noNaN: true })),
        (points, ref) => {
          const g = sparkGeometry([{ key: 'a', points }], ref, size);
          const coords = (g.paths[0]?.d ?? '')
            .split(/[ML]/)
            .filter((s) => s.trim() !== '')
            .map((s) => s.trim().split(' ').map(Number));
          expect(coords).toHaveLength(points.length);
          for (const [x, y] of coords) {
            expect(x).toBeGreaterThanOrEqual(size.pad - 0.05);
            expect(x).toBeLessThanOrEqual(size.width - size.pad + 0.05);
            expect(y).toBeGreaterThanOrEqual(size.pad - 0.05);
            expect(y).toBeLessThanOrEqual(size.height - size.pad + 0.05);
          }
          if (ref !== null) expect(g.referenceY).not.toBeNull();
        },
      ),
    );
  });
});
