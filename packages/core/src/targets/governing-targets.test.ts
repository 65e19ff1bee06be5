import { describe, expect, it } from 'vitest';
import { governingTargets, nextTarget } from './governing-targets';

// The four urban_rural_income_ratio rows of shared/data/targets.csv with their plans' issue dates
// (plans.csv): zj-2025-sancha 2025-01-01, zj-2023-qianwan 2023-10-17, qz-2023-2027 "2023".
const urbanRural = [
  {
    indicator: 'urban_rural_income_ratio',
    plan: 'zj-2025-sancha',
    planIssuedOn: '2025-01-01',
    unit: '330000',
    year: 2025,
    value: 1.82,
  },
  {
    indicator: 'urban_rural_income_ratio',
    plan: 'zj-2025-sancha',
    planIssuedOn: '2025-01-01',
    unit: '330000',
    year: 2027,
    value: 1.8,
  },
  {
    indicator: 'urban_rural_income_ratio',
    plan: 'zj-2023-qianwan',
    planIssuedOn: '2023-10-17',
    unit: '330000',
    year: 2027,
    value: 1.85,
  },
  {
    indicator: 'urban_rural_income_ratio',
    plan: 'qz-2023-2027',
    planIssuedOn: '2023',
    unit: '330800',
    year: 2027,
    value: 1.74,
  },
];

describe('governingTargets', () => {
  it('the later plan governs the same indicator, unit and year; both stay visible', () => {
    const g = governingTargets(urbanRural);
    expect(g.map((t) => [t.plan, t.year, t.unit, t.governing, t.supersededBy, t.ambiguous])).toEqual([
      ['zj-2025-sancha', 2025, '330000', true, null, false],
      ['zj-2025-sancha', 2027, '330000', true, null, false],
      ['zj-2023-qianwan', 2027, '330000', false, 'zj-2025-sancha', false],
      // Quzhou's target is for another unit (衢州市), so nothing supersedes it.
      ['qz-2023-2027', 2027, '330800', true, null, false],
    ]);
    // The caller's own fields are kept.
    expect(g[2]?.value).toBe(1.85);
  });
  it('does not depend on input order', () => {
    const g = governingTargets([...urbanRural].reverse());
    expect(g.find((t) => t.plan === 'zj-2023-qianwan')?.supersededBy).toBe('zj-2025-sancha');
  });
  it('flags groups whose order of issue is uncertain (a year-only date overlapping a full date)', () => {
    const g = governingTargets([
      { indicator: 'x', unit: '1', year: 2027, plan: 'a', planIssuedOn: '2023' },
      { indicator: 'x', unit: '1', year: 2027, plan: 'b', planIssuedOn: '2023-10-17' },
    ]);
    // "2023" may be as late as 2023-12-31, so it is taken as the later one, but not for certain.
    expect(g.map((t) => [t.plan, t.governing, t.ambiguous])).toEqual([
      ['a', true, true],
      ['b', false, true],
    ]);
    const certain = governingTargets([
      { indicator: 'x', unit: '1', year: 2027, plan: 'a', planIssuedOn: '2023' },
      { indicator: 'x', unit: '1', year: 2027, plan: 'b', planIssuedOn: '2024-01-02' },
    ]);
    expect(certain.map((t) => [t.plan, t.governing, t.ambiguous])).toEqual([
      ['a', false, false],
      ['b', true, false],
    ]);
  });
});

describe('nextTarget', () => {
  const years = [{ year: 2027 }, { year: 2025 }];
  it('judges against the next target year not yet ended, else the last one', () => {
    expect(nextTarget(years, '2025-12-15')?.year).toBe(2025);
    expect(nextTarget(years, '2025-12-31')?.year).toBe(2027);
    expect(nextTarget(years, '2029-01-01')?.year).toBe(2027);
    expect(nextTarget([], '2025-01-01')).toBeUndefined();
  });
});
