import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  CENSUS_2020_POPULATION,
  CITY_INCOME_2020Q3_YTD,
  MOUNTAIN_ISLAND,
  PROVINCE_AND_NATIONAL_INCOME,
} from '../real-data.fixture';
import type { FormulaAst } from './ast';
import { evaluateFormula, type FormulaResolver } from './evaluate';
import { memoryResolver, type MemoryUnit } from './memory-resolver';
import { parseFormula } from './parser';

const f = (s: string): FormulaAst => {
  const r = parseFormula(s);
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
};

const CITIES = [...new Set(CITY_INCOME_2020Q3_YTD.map((r) => r.unit))];
const zhejiangUnits: MemoryUnit[] = [
  { code: '330000', parent: null, level: 'province' },
  ...CITIES.map((code): MemoryUnit => ({ code, parent: '330000', level: 'city' })),
];
const base = memoryResolver({
  values: [
    ...CITY_INCOME_2020Q3_YTD.map((r) => ({ ...r, period: '2020Q3-YTD' })),
    ...PROVINCE_AND_NATIONAL_INCOME,
  ],
  units: zhejiangUnits,
  memberships: MOUNTAIN_ISLAND.map((m) => ({
    group: 'mountain_island',
    unit: m.unit,
    from: m.from,
    to: m.to,
  })),
});
/** Population comes from the 2020 census whatever the period asked: the resolver says so in the lineage. */
const real: FormulaResolver = {
  ...base,
  value: (indicator, unit, period) => {
    if (indicator !== 'population') return base.value(indicator, unit, period);
    const p = CENSUS_2020_POPULATION[unit];
    return p === undefined ? undefined : { value: p, period: '2020' };
  },
};
const atProvince = { unit: '330000', period: '2020Q3-YTD' };

describe('evaluateFormula on real data (statistics_income.csv, 2020 Q1–Q3, 11 cities)', () => {
  it('city max/min ratio = 杭州 48735 / 丽水 28778 = 1.6935, the file’s derived 1.693', () => {
    const r = evaluateFormula(
      f('max(children(resident_income)) / min(children(resident_income))'),
      atProvince,
      real,
    );
    expect(r.ok && r.value.value).toBeCloseTo(48735 / 28778, 12);
    expect(r.ok && r.value.value).toBeCloseTo(1.693, 3);
    // Lineage: the 11 cities' resident_income, each once, in children order.
    expect(r.ok && r.value.lineage).toEqual(
      CITIES.map((unit) => ({ indicator: 'resident_income', unit, period: '2020Q3-YTD' })),
    );
  });
  it('urban and rural max/min ratios match the file (1.472 and 1.822)', () => {
    const urban = evaluateFormula(
      f('max(children(urban_income)) / min(children(urban_income))'),
      atProvince,
      real,
    );
    const rural = evaluateFormula(
      f('max(children(rural_income)) / min(children(rural_income))'),
      atProvince,
      real,
    );
    expect(urban.ok && urban.value.value).toBeCloseTo(54754 / 37195, 12);
    expect(rural.ok && rural.value.value).toBeCloseTo(32532 / 17860, 12);
    expect(urban.ok && urban.value.value).toBeCloseTo(1.472, 3);
    expect(rural.ok && rural.value.value).toBeCloseTo(1.822, 3);
  });
  it('largest city urban-rural ratio: 丽水 37195/17860 = 2.0826', () => {
    const r = evaluateFormula(f('max(children(urban_income / rural_income))'), atProvince, real);
    expect(r.ok && r.value.value).toBeCloseTo(37195 / 17860, 12);
    expect(r.ok && r.value.lineage).toHaveLength(22);
  });
  it('population-weighted mean of the cities, weights from the 2020 census (lineage says 2020)', () => {
    // python3: sum(pop[c]*inc[c]) / sum(pop[c]) over the 11 cities = 42290.74337489578
    const r = evaluateFormula(f('wmean(children(resident_income), population)'), atProvince, real);
    expect(r.ok && r.value.value).toBeCloseTo(42290.74337489578, 8);
    expect(r.ok && r.value.lineage).toContainEqual({
      indicator: 'population',
      unit: '330100',
      period: '2020',
    });
  });
  it('cities below the provincial value (40121): 湖州, 金华, 衢州, 台州, 丽水 = 5', () => {
    const r = evaluateFormula(f('count(children(resident_income) < resident_income)'), atProvince, real);
    expect(r.ok && r.value.value).toBe(5);
    expect(r.ok && r.value.lineage[0]).toEqual({
      indicator: 'resident_income',
      unit: '330000',
      period: '2020Q3-YTD',
    });
  });
  it('an honest gap: no national 2020 Q1–Q3 value in the data → a missing-value error', () => {
    const r = evaluateFormula(
      f('count(children(resident_income) < ref(resident_income, 100000))'),
      atProvince,
      real,
    );
    expect(r).toMatchObject({
      ok: false,
      error: {
        code: 'FORMULA_MISSING_VALUE',
        input: { indicator: 'resident_income', unit: '100000', period: '2020Q3-YTD' },
      },
    });
  });
  it('province urban/rural ratio: 2020 62699/31930 = 1.9636 (published 1.96); 2024 78251/42786 = 1.8289', () => {
    const ratio = f('urban_income / rural_income');
    const y2020 = evaluateFormula(ratio, { unit: '330000', period: '2020' }, real);
    expect(y2020.ok && y2020.value.value).toBeCloseTo(1.9636392107735672, 12);
    const y2024 = evaluateFormula(ratio, { unit: '330000', period: '2024' }, real);
    expect(y2024).toEqual({
      ok: true,
      value: {
        value: 78251 / 42786,
        lineage: [
          { indicator: 'urban_income', unit: '330000', period: '2024' },
          { indicator: 'rural_income', unit: '330000', period: '2024' },
        ],
        skipped: [],
      },
    });
  });
  it('groups are taken as of the period’s end: 山区海岛县 25 in 2025 Q1, 22 in Q2, none before 2024-08', () => {
    const size = f('count(group(mountain_island, 1))');
    const at = (period: string, asOf?: string) => {
      const r = evaluateFormula(
        size,
        asOf === undefined ? { unit: '330000', period } : { unit: '330000', period, asOf },
        real,
      );
      return r.ok ? r.value.value : Number.NaN;
    };
    expect(at('2025Q1')).toBe(25);
    expect(at('2025Q2')).toBe(22);
    expect(at('2024Q2')).toBe(0);
    expect(at('2025Q2', '2025-05-27')).toBe(25);
    expect(at('2025Q2', '2025-05-28')).toBe(22);
  });
});

describe('evaluateFormula errors are values', () => {
  const units: MemoryUnit[] = [
    { code: 'P', parent: null, level: 'province' },
    { code: 'C1', parent: 'P', level: 'city' },
    { code: 'C2', parent: 'P', level: 'city' },
    { code: 'K1', parent: 'C1', level: 'county' },
    { code: 'K2', parent: 'C1', level: 'county' },
    { code: 'K3', parent: 'C2', level: 'county' },
  ];
  const r = memoryResolver({
    values: [
      { indicator: 'x', unit: 'P', period: '2024', value: 10 },
      { indicator: 'zero', unit: 'P', period: '2024', value: 0 },
      { indicator: 'x', unit: 'C1', period: '2024', value: 4 },
      { indicator: 'x', unit: 'K1', period: '2024', value: 1 },
      { indicator: 'x', unit: 'K2', period: '2024', value: 2 },
      { indicator: 'x', unit: 'K3', period: '2024', value: 3 },
      { indicator: 'w', unit: 'K1', period: '2024', value: 0 },
      { indicator: 'w', unit: 'K2', period: '2024', value: 0 },
      { indicator: 'neg', unit: 'K1', period: '2024', value: -1 },
      { indicator: 'neg', unit: 'K2', period: '2024', value: 2 },
    ],
    units,
  });
  const ctx = { unit: 'P', period: '2024' };
  const run = (s: string, c: { unit: string; period: string } = ctx, partial = false) =>
    evaluateFormula(f(s), c, r, { partial });
  it('division by a zero value is an error, never Infinity', () => {
    expect(run('x / zero')).toMatchObject({
      ok: false,
      error: { code: 'FORMULA_DIVISION_BY_ZERO', position: 4 },
    });
    expect(run('x / (zero * 3)')).toMatchObject({ ok: false, error: { position: 4 } });
  });
  it('a missing member fails the whole aggregate unless partial, which lists what it skipped', () => {
    expect(run('max(children(x))')).toMatchObject({
      ok: false,
      error: { code: 'FORMULA_MISSING_VALUE', input: { indicator: 'x', unit: 'C2', period: '2024' } },
    });
    expect(run('max(children(x))', ctx, true)).toEqual({
      ok: true,
      value: {
        value: 4,
        lineage: [{ indicator: 'x', unit: 'C1', period: '2024' }],
        skipped: [{ indicator: 'x', unit: 'C2', period: '2024' }],
      },
    });
  });
  it('descendants at a level, and nested sets', () => {
    expect(run('sum(descendants(x, county))')).toMatchObject({ ok: true, value: { value: 6 } });
    expect(run('mean(descendants(x, county))')).toMatchObject({ ok: true, value: { value: 2 } });
    expect(run('count(descendants(x, county) >= 2)')).toMatchObject({ ok: true, value: { value: 2 } });
    // Per city, the number of its counties: C1 has 2, C2 has 1.
    expect(run('max(children(count(children(1))))')).toMatchObject({ ok: true, value: { value: 2 } });
  });
  it('empty sets: max, min, mean fail; sum and count are 0', () => {
    const leaf = { unit: 'K1', period: '2024' };
    for (const fn of ['max', 'min', 'mean'])
      expect(run(`${fn}(children(x))`, leaf)).toMatchObject({
        ok: false,
        error: { code: 'FORMULA_EMPTY_SET' },
      });
    expect(run('sum(children(x))', leaf)).toMatchObject({ ok: true, value: { value: 0 } });
    expect(run('count(children(x))', leaf)).toMatchObject({ ok: true, value: { value: 0 } });
  });
  it('weights: zero total or a negative weight is an error', () => {
    const c1 = { unit: 'C1', period: '2024' };
    expect(run('wmean(children(x), w)', c1)).toMatchObject({
      ok: false,
      error: { code: 'FORMULA_ZERO_WEIGHT' },
    });
    expect(run('wmean(children(x), neg)', c1)).toMatchObject({
      ok: false,
      error: { code: 'FORMULA_NEGATIVE_WEIGHT' },
    });
  });
  it('a context period that is not a period needs an as-of date', () => {
    expect(run('x', { unit: 'P', period: 'latest' })).toMatchObject({
      ok: false,
      error: { code: 'FORMULA_BAD_CONTEXT' },
    });
  });
});

describe('evaluateFormula properties', () => {
  const children = (values: readonly number[]) => {
    const units: MemoryUnit[] = [
      { code: 'P', parent: null, level: 'province' },
      ...values.map((_, i): MemoryUnit => ({ code: `c${i}`, parent: 'P', level: 'city' })),
    ];
    return memoryResolver({
      values: values.map((value, i) => ({ indicator: 'x', unit: `c${i}`, period: '2024', value })),
      units,
    });
  };
  const value = (s: string, r: FormulaResolver) => {
    const e = evaluateFormula(f(s), { unit: 'P', period: '2024' }, r);
    return e.ok ? e.value.value : Number.NaN;
  };
  it('aggregates agree with direct computation', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: -1e6, max: 1e6 }), { minLength: 1, maxLength: 40 }),
        fc.integer({ min: -1e6, max: 1e6 }),
        (xs, t) => {
          const r = children(xs);
          expect(value('max(children(x))', r)).toBe(Math.max(...xs));
          expect(value('min(children(x))', r)).toBe(Math.min(...xs));
          expect(value('sum(children(x))', r)).toBe(xs.reduce((a, b) => a + b, 0));
          expect(value('mean(children(x))', r)).toBeCloseTo(xs.reduce((a, b) => a + b, 0) / xs.length, 6);
          expect(value(`count(children(x) < ${Math.abs(t)})`, r)).toBe(
            xs.filter((v) => v < Math.abs(t)).length,
          );
          expect(value('wmean(children(x), 2)', r)).toBeCloseTo(value('mean(children(x))', r), 6);
        },
      ),
    );
  });
  it('never returns a non-finite number', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -3, max: 3 }), { minLength: 1, maxLength: 6 }), (xs) => {
        const r = children(xs);
        for (const s of [
          '1 / min(children(x))',
          'max(children(1 / x))',
          'sum(children(x)) / count(children(x) > 0)',
        ]) {
          const e = evaluateFormula(f(s), { unit: 'P', period: '2024' }, r);
          if (e.ok) expect(Number.isFinite(e.value.value)).toBe(true);
          else expect(e.error.code).toBe('FORMULA_DIVISION_BY_ZERO');
        }
      }),
    );
  });
});
