import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runIndex, type IndexRun } from './run-index';
import { gridFramework, syntheticMatrix } from './test-helpers';
import type { Framework, IndexInput, Normalisation } from './types';

const N = Number.NaN;
const unwrap = (input: IndexInput): IndexRun => {
  const r = runIndex(input);
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
};

// d1 = {p up, q down}, d2 = {r up}; equal weights; min-max.
const framework: Framework = {
  code: 'hand',
  aggregation: { indicators: 'arithmetic', domains: 'arithmetic' },
  domains: [
    {
      code: 'd1',
      weight: 1,
      indicators: [
        { code: 'p', direction: 'up', weight: 1, normalisation: { method: 'minmax' } },
        { code: 'q', direction: 'down', weight: 1, normalisation: { method: 'minmax' } },
      ],
    },
    {
      code: 'd2',
      weight: 1,
      indicators: [{ code: 'r', direction: 'up', weight: 1, normalisation: { method: 'minmax' } }],
    },
  ],
};
// Columns deliberately in another order, with an extra column the framework ignores.
const base: IndexInput = {
  framework,
  units: ['A', 'B', 'C', 'D'],
  indicators: ['r', 'extra', 'q', 'p'],
  values: Float64Array.of(5, 0, 1, 10, N, 0, 3, 20, 15, 0, 2, 30, 10, 0, N, N),
};

describe('runIndex (hand-computed)', () => {
  it('normalises, aggregates with renormalised weights, ranks and decomposes', () => {
    const r = unwrap(base);
    expect(r.indicators).toEqual(['p', 'q', 'r']);
    // p: 0, 50, 100, –; q (down): 100, 0, 50, –; r: 0, –, 100, 50.
    expect(Array.from(r.normalised)).toEqual([0, 100, 0, 50, 0, N, 100, 50, 100, N, N, 50]);
    // d1 = 50, 25, 75, –; d2 = 0, –, 100, 50; totals 25, 25, 87.5, 50.
    expect(Array.from(r.domainScores)).toEqual([50, 0, 25, N, 75, 100, N, 50]);
    expect(Array.from(r.scores)).toEqual([25, 25, 87.5, 50]);
    expect(Array.from(r.ranks)).toEqual([3, 3, 1, 2]);
    expect(Array.from(r.coverage)).toEqual([1, 0.5, 1, 0.5]);
    expect(Array.from(r.available)).toEqual([3, 2, 3, 1]);
    expect(r.leader).toBe(2);
    // A: shortfall p = ½·½·100 = 25, q = 0, r = ½·100 = 50; leader C: 0, 12.5, 0.
    expect(Array.from(r.shortfall.slice(0, 3))).toEqual([25, 0, 50]);
    expect(Array.from(r.leaderGap.slice(0, 3))).toEqual([25, -12.5, 50]);
    expect(Array.from(r.weakest.slice(0, 3))).toEqual([2, 0, -1]);
    expect(Array.from(r.rankChange).every(Number.isNaN)).toBe(true);
    expect(Array.from(r.groupRanks)).toEqual([0, 0, 0, 0]);
    expect(r.warnings).toEqual([]);
  });
  it('marks units below the coverage threshold: scored, not ranked', () => {
    const r = unwrap({ ...base, framework: { ...framework, coverageThreshold: 0.6 } });
    expect(Array.from(r.belowCoverage)).toEqual([0, 1, 0, 1]);
    expect(Array.from(r.scores)).toEqual([25, 25, 87.5, 50]);
    expect(Array.from(r.ranks)).toEqual([2, 0, 1, 0]);
  });
  it('ranks within groups and reports rank change', () => {
    const r = unwrap({
      ...base,
      groups: new Map([
        ['A', 'g'],
        ['B', 'g'],
        ['C', 'h'],
        ['D', 'g'],
      ]),
      previousRanks: new Map([
        ['A', 1],
        ['C', 2],
      ]),
    });
    expect(Array.from(r.groupRanks)).toEqual([2, 2, 1, 1]);
    expect(Array.from(r.rankChange)).toEqual([-2, N, 1, N]);
  });
  it('imputes group means and last-period values before normalising', () => {
    const f: Framework = { ...framework, imputation: 'group_mean' };
    const r = unwrap({
      ...base,
      framework: f,
      groups: new Map([
        ['A', 'g'],
        ['B', 'g'],
        ['D', 'g'],
      ]),
    });
    // r for B ← mean(5, 10) = 7.5 → min-max over 5, 7.5, 15, 10 → 25; p and q of D: its group has no… A, B
    // observed p = 10, 20 → 15; q = 1, 3 → 2.
    expect(r.treated[1 * 3 + 2]).toBe(7.5);
    expect(r.normalised[1 * 3 + 2]).toBe(25);
    expect(Array.from(r.treated.slice(9))).toEqual([15, 2, 10]);
    expect(Array.from(r.imputed)).toEqual([0, 0, 0, 0, 0, 1, 0, 0, 0, 1, 1, 0]);
    const previous = new Float64Array(base.values.length).fill(N);
    previous[3 * 4 + 3] = 40; // D's p last period
    const l = unwrap({ ...base, framework: { ...framework, imputation: 'last_period' }, previous });
    expect(l.treated[9]).toBe(40);
    expect(l.imputed[9]).toBe(1);
    expect(l.normalised[9]).toBe(100);
  });
  it('warns about a constant column and still runs', () => {
    const values = Float64Array.from(base.values);
    for (let u = 0; u < 4; u++) values[u * 4] = 7; // r constant
    const r = unwrap({ ...base, values });
    expect(r.warnings.map((w) => [w.code, w.indicator])).toEqual([['CONSTANT_COLUMN', 'r']]);
    expect(Array.from(r.normalised.filter((_, k) => k % 3 === 2))).toEqual([50, 50, 50, 50]);
  });
  it('returns errors as values', () => {
    const shape = runIndex({ ...base, values: new Float64Array(3) });
    expect(shape.ok ? '' : shape.error.code).toBe('INDEX_SHAPE');
    const unknown = runIndex({ ...base, indicators: ['r', 'extra', 'q', 'z'] });
    expect(unknown.ok ? '' : unknown.error.code).toBe('INDEX_UNKNOWN_INDICATOR');
    const repeat = runIndex({ ...base, units: ['A', 'A', 'C', 'D'] });
    expect(repeat.ok ? '' : repeat.error.code).toBe('INDEX_SHAPE');
  });
});

describe('runIndex (properties)', () => {
  const relative = fc.constantFrom<Normalisation>(
    { method: 'minmax' },
    { method: 'zscore' },
    { method: 'rank' },
  );
  const anyMethod = fc.constantFrom<Normalisation>(
    { method: 'minmax' },
    { method: 'zscore' },
    { method: 'rank' },
    { method: 'goalposts', lo: 10, hi: 90 },
    { method: 'distance_to_target', target: 60 },
    { method: 'efficacy', target: 80, floor: 20 },
  );
  const aggregation = fc.constantFrom('arithmetic' as const, 'geometric' as const);
  const setting = fc.record({
    seed: fc.integer(),
    n: fc.integer({ min: 2, max: 25 }),
    missing: fc.constantFrom(0, 0.15),
  });
  const input = (f: Framework, n: number, seed: number, missing: number): IndexInput => ({
    framework: f,
    units: Array.from({ length: n }, (_, u) => `u${u}`),
    indicators: Array.from({ length: 6 }, (_, j) => `i${j}`),
    values: syntheticMatrix(n, 6, seed, missing),
  });

  it('is a permutation-consistent function of the units', () => {
    fc.assert(
      fc.property(
        setting,
        anyMethod,
        aggregation,
        aggregation,
        fc.integer({ min: 0, max: 1000 }),
        (s, nz, a1, a2, shift) => {
          const f = gridFramework(2, 3, nz, { indicators: a1, domains: a2 }, [
            'up',
            'down',
            'up',
            'up',
            'down',
            'up',
          ]);
          const inp = input(f, s.n, s.seed, s.missing);
          const perm = Array.from({ length: s.n }, (_, k) => (k + shift) % s.n).reverse();
          const permuted: IndexInput = {
            ...inp,
            units: perm.map((u) => inp.units[u]!),
            values: Float64Array.from(
              { length: s.n * 6 },
              (_, c) => inp.values[perm[Math.floor(c / 6)]! * 6 + (c % 6)]!,
            ),
          };
          const a = unwrap(inp);
          const b = unwrap(permuted);
          perm.forEach((u, k) => {
            expect(b.ranks[k]).toBe(a.ranks[u]);
            if (Number.isNaN(a.scores[u]!)) expect(b.scores[k]).toBeNaN();
            else expect(b.scores[k]).toBeCloseTo(a.scores[u]!, 9);
          });
        },
      ),
    );
  });
  it('scaling an indicator does not change min-max, z-score or rank scores', () => {
    fc.assert(
      fc.property(
        setting,
        relative,
        aggregation,
        fc.integer({ min: 0, max: 5 }),
        fc.double({ min: 0.01, max: 1000, noNaN: true }),
        (s, nz, ag, j, c) => {
          const inp = input(gridFramework(2, 3, nz, { indicators: ag, domains: ag }), s.n, s.seed, s.missing);
          const scaled = Float64Array.from(inp.values, (v, k) => (k % 6 === j ? v * c : v));
          const a = unwrap(inp);
          const b = unwrap({ ...inp, values: scaled });
          for (let u = 0; u < s.n; u++) {
            if (Number.isNaN(a.scores[u]!)) expect(b.scores[u]).toBeNaN();
            else expect(b.scores[u]).toBeCloseTo(a.scores[u]!, 7);
          }
          expect(Array.from(b.ranks)).toEqual(Array.from(a.ranks));
        },
      ),
    );
  });
  it('raising a unit’s up-indicator (or lowering a down-indicator) never lowers its arithmetic score', () => {
    fc.assert(
      fc.property(
        setting,
        anyMethod,
        fc.integer({ min: 0, max: 5 }),
        fc.nat(),
        fc.double({ min: 0.01, max: 50, noNaN: true }),
        fc.boolean(),
        (s, nz, j, pick, delta, winsor) => {
          const dirs = ['up', 'down', 'up', 'up', 'down', 'up'] as const;
          let f = gridFramework(2, 3, nz, { indicators: 'arithmetic', domains: 'arithmetic' }, dirs);
          if (winsor)
            f = {
              ...f,
              domains: f.domains.map((d) => ({
                ...d,
                indicators: d.indicators.map((i) => ({
                  ...i,
                  outliers: { method: 'winsorise' as const, lower: 10, upper: 90 },
                })),
              })),
            };
          const inp = input(f, s.n, s.seed, s.missing);
          const u = pick % s.n;
          const k = u * 6 + j;
          if (Number.isNaN(inp.values[k]!)) return;
          const better = Float64Array.from(inp.values);
          better[k] = better[k]! + (dirs[j] === 'up' ? delta : -delta);
          const a = unwrap(inp).scores[u]!;
          const b = unwrap({ ...inp, values: better }).scores[u]!;
          expect(b).toBeGreaterThanOrEqual(a - 1e-9);
        },
      ),
    );
  });
  it('contributions sum to 100 − score and to the gap from the leader', () => {
    fc.assert(
      fc.property(setting, anyMethod, aggregation, aggregation, (s, nz, a1, a2) => {
        const r = unwrap(
          input(gridFramework(3, 2, nz, { indicators: a1, domains: a2 }), s.n, s.seed, s.missing),
        );
        for (let u = 0; u < s.n; u++) {
          if (Number.isNaN(r.scores[u]!)) continue;
          let sum = 0;
          let gap = 0;
          for (let j = 0; j < 6; j++) {
            sum += r.shortfall[u * 6 + j]!;
            gap += r.leaderGap[u * 6 + j]!;
          }
          expect(sum).toBeCloseTo(100 - r.scores[u]!, 8);
          expect(gap).toBeCloseTo(r.scores[r.leader]! - r.scores[u]!, 8);
        }
      }),
    );
  });
});
