import { describe, expect, it } from 'vitest';
import type { RegionalGaps, RegionalUnitRow, TheilDecomposition } from '../api/types';
import {
  comparedLevel,
  coverageLevel,
  periodOptions,
  regionalParams,
  theilBars,
  unitEnds,
  unitsByData,
} from './regional-model';

const row = (code: string, value: number | null, inGroup: boolean | null = null): RegionalUnitRow => ({
  code,
  name: `u${code}`,
  parentCode: '330000',
  parentName: '浙江省',
  inGroup,
  value,
  source: null,
  synthetic: false,
  population: null,
  populationPeriod: null,
  populationRule: null,
});

describe('regionalParams', () => {
  const base = {
    indicator: 'resident_income',
    scope: { code: '330000', level: 'province' as const },
    level: 'city' as const,
    group: 'mountain_island',
    asOf: null,
    period: null,
  };

  it('asks for the cities of the province without a level and without the (county) group', () => {
    expect(regionalParams(base)).toEqual({ indicator: 'resident_income', of: '330000', lineUnit: '100000' });
  });

  it('asks for the counties of the province with the group, date and period', () => {
    expect(regionalParams({ ...base, level: 'county', asOf: '2024-12-31', period: '2024' })).toEqual({
      indicator: 'resident_income',
      of: '330000',
      level: 'county',
      group: 'mountain_island',
      asOf: '2024-12-31',
      period: '2024',
      lineUnit: '100000',
    });
  });

  it("compares a city's counties as its children, whatever level was picked", () => {
    const view = { ...base, scope: { code: '330800', level: 'city' as const } };
    expect(comparedLevel('city', 'city')).toBe('county');
    expect(regionalParams(view)).toEqual({
      indicator: 'resident_income',
      of: '330800',
      group: 'mountain_island',
      lineUnit: '100000',
    });
    expect(regionalParams({ ...view, level: 'county', group: null })).toEqual({
      indicator: 'resident_income',
      of: '330800',
      lineUnit: '100000',
    });
  });
});

describe('unitEnds', () => {
  it('lists the five highest and five lowest of eleven, without overlap', () => {
    const units = Array.from({ length: 11 }, (_, i) => row(String(330100 + i * 100), 1000 + i * 10));
    const { top, bottom } = unitEnds([...units, row('339999', null)]);
    expect(top.map((u) => u.value)).toEqual([1100, 1090, 1080, 1070, 1060]);
    expect(top.map((u) => u.rank)).toEqual([1, 2, 3, 4, 5]);
    expect(bottom.map((u) => u.value)).toEqual([1000, 1010, 1020, 1030, 1040]);
    expect(bottom.map((u) => u.rank)).toEqual([11, 10, 9, 8, 7]);
  });

  it('splits a short list in two halves, the odd unit on top, ties by code', () => {
    const { top, bottom } = unitEnds([row('3', 5), row('1', 5), row('2', 9), row('4', null), row('5', 1)]);
    expect(top.map((u) => u.code)).toEqual(['2', '1']);
    expect(bottom.map((u) => u.code)).toEqual(['5', '3']);
    expect(unitEnds([row('1', 1)])).toEqual({
      top: [{ code: '1', name: 'u1', parentName: '浙江省', value: 1, rank: 1, inGroup: false }],
      bottom: [],
    });
    expect(unitEnds([])).toEqual({ top: [], bottom: [] });
  });
});

describe('coverage and periods', () => {
  const answer = {
    periods: [
      { period: '2023', units: 2 },
      { period: '2024Q3-YTD', units: 5 },
      { period: '2024', units: 8 },
    ],
    coverage: { units: 90, withData: 8, withoutData: 82, share: 8 / 90 },
  } as unknown as RegionalGaps;

  it('offers the periods latest first with "n of N"', () => {
    expect(periodOptions(answer)).toEqual([
      { period: '2024', units: 8, total: 90 },
      { period: '2024Q3-YTD', units: 5, total: 90 },
      { period: '2023', units: 2, total: 90 },
    ]);
  });

  it('calls 8 of 90 thin, 11 of 11 full', () => {
    expect(coverageLevel(answer.coverage)).toBe('thin');
    expect(coverageLevel({ units: 11, withData: 11, withoutData: 0, share: 1 })).toBe('full');
    expect(coverageLevel({ units: 10, withData: 5, withoutData: 5, share: 0.5 })).toBe('partial');
  });

  it('keeps units without data, after those with data', () => {
    const units = [row('1', null), row('2', 3), row('3', null), row('4', 1)];
    expect(unitsByData(units).map((u) => u.code)).toEqual(['2', '4', '1', '3']);
  });
});

describe('theilBars', () => {
  const parts = (total: number, between: number) => ({ total, between, within: total - between });
  const d = (t: number, tb: number, l: number, lb: number): TheilDecomposition => ({
    mean: 1,
    theilT: parts(t, tb),
    theilL: parts(l, lb),
    groups: [],
  });

  it('makes a T and an L bar per decomposition with the between share', () => {
    const bars = theilBars([
      { by: 'parent', decomposition: d(0.02, 0.005, 0.04, 0.01) },
      { by: 'group', decomposition: d(0, 0, 0, 0) },
    ]);
    expect(bars.map((b) => `${b.by}-${b.measure}`)).toEqual(['parent-T', 'parent-L', 'group-T', 'group-L']);
    expect(bars[0]).toEqual({
      by: 'parent',
      measure: 'T',
      between: 0.005,
      within: 0.015,
      total: 0.02,
      betweenShare: 0.25,
    });
    expect(bars[1]?.betweenShare).toBeCloseTo(0.25, 12);
    expect(bars[2]?.betweenShare).toBeNull();
  });
});
