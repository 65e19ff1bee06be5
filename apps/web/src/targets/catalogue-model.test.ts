import { describe, expect, it } from 'vitest';
import type { Indicator, Plan, Target } from '../api/types';
import { defaultPlan, filterIndicators, planSummaries, targetCounts } from './catalogue-model';

const indicator = (code: string, domain: string, nameZh: string, definition = ''): Indicator => ({
  code,
  nameZh,
  nameEn: code.replace(/_/g, ' '),
  unit: 'ratio',
  polarity: 'up',
  domain,
  definition,
  source: 'seed',
});

// Codes, names and domains from data/indicators.csv.
const items = [
  indicator('rural_income', 'income', '农村居民人均可支配收入'),
  indicator('urban_rural_income_ratio', 'gap_urban_rural', '城乡居民人均可支配收入比值(倍差)', '城镇/农村'),
  indicator('demo_villages', 'village', '和美乡村示范村'),
  indicator('city_income_max_min_ratio', 'gap_regional', '设区市居民人均可支配收入最高最低倍差'),
];

const target = (
  id: number,
  indicatorCode: string,
  planCode: string,
  unitCode: string,
  year: number,
): Target => ({
  id,
  indicatorCode,
  planCode,
  unitCode,
  year,
  comparator: '>=',
  value: 1,
  baselinePeriod: null,
  baselineValue: null,
  source: 's',
});

describe('filterIndicators', () => {
  it('lists the three gaps first, then the other domains, by code', () => {
    expect(filterIndicators(items, { query: '', domain: null }).map((i) => i.code)).toEqual([
      'urban_rural_income_ratio',
      'city_income_max_min_ratio',
      'rural_income',
      'demo_villages',
    ]);
  });

  it('finds every word in code, names or definition, case-insensitively', () => {
    expect(filterIndicators(items, { query: '倍差', domain: null }).map((i) => i.code)).toEqual([
      'urban_rural_income_ratio',
      'city_income_max_min_ratio',
    ]);
    expect(filterIndicators(items, { query: 'INCOME Min', domain: null }).map((i) => i.code)).toEqual([
      'city_income_max_min_ratio',
    ]);
    expect(filterIndicators(items, { query: '城镇/农村', domain: null }).map((i) => i.code)).toEqual([
      'urban_rural_income_ratio',
    ]);
    expect(filterIndicators(items, { query: 'income', domain: 'income' }).map((i) => i.code)).toEqual([
      'rural_income',
    ]);
    expect(filterIndicators(items, { query: 'nothing-like-this', domain: null })).toEqual([]);
  });
});

describe('plans and their targets', () => {
  const plans: Plan[] = [
    {
      code: 'zj-2025-sancha',
      title: '实施方案',
      issuer: '省委 省政府',
      issuedOn: '2025-01-01',
      scopeUnit: '330000',
      source: '000',
    },
    {
      code: 'qz-2023-2027',
      title: '衢州方案',
      issuer: '衢州市人民政府',
      issuedOn: '2023',
      scopeUnit: '330800',
      source: '002',
    },
  ];
  const targets = [
    target(3, 'urban_rural_income_ratio', 'zj-2025-sancha', '330000', 2025),
    target(18, 'urban_rural_income_ratio', 'zj-2025-sancha', '330000', 2027),
    target(50, 'rural_income', 'qz-2023-2027', '330800', 2027),
    target(60, 'rural_income', 'qz-2023-2027', '330822', 2027),
  ];

  it('orders plans by issue date with their targets, units and years', () => {
    const s = planSummaries(plans, targets);
    expect(s.map((x) => [x.plan.code, x.targets.map((t) => t.id), x.units, x.years])).toEqual([
      ['qz-2023-2027', [50, 60], ['330800', '330822'], [2027]],
      ['zj-2025-sancha', [3, 18], ['330000'], [2025, 2027]],
    ]);
  });

  it('opens on the plan for the user’s own unit that sets most targets', () => {
    const s = planSummaries(plans, targets);
    expect(defaultPlan(s, '330000')?.plan.code).toBe('zj-2025-sancha');
    expect(defaultPlan(s, '330800')?.plan.code).toBe('qz-2023-2027');
    // No plan of the user's own: the first by date.
    expect(defaultPlan(s, '330824')?.plan.code).toBe('qz-2023-2027');
    expect(defaultPlan([], '330000')).toBeUndefined();
  });

  it('orders a plan’s targets by domain, the three gaps first', () => {
    const domains: Record<string, string> = {
      urban_rural_income_ratio: 'gap_urban_rural',
      rural_income: 'income',
    };
    const mixed = [
      target(7, 'rural_income', 'p', '330000', 2027),
      target(8, 'urban_rural_income_ratio', 'p', '330000', 2027),
    ];
    const plan: Plan = {
      code: 'p',
      title: 't',
      issuer: 'i',
      issuedOn: '2025-01-01',
      scopeUnit: '330000',
      source: 's',
    };
    expect(planSummaries([plan], mixed, (c) => domains[c])[0]?.targets.map((t) => t.id)).toEqual([8, 7]);
    expect(planSummaries([plan], mixed)[0]?.targets.map((t) => t.id)).toEqual([7, 8]);
  });

  it('counts targets per indicator', () => {
    expect([...targetCounts(targets)]).toEqual([
      ['urban_rural_income_ratio', 2],
      ['rural_income', 2],
    ]);
  });
});
