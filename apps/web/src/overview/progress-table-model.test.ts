import { describe, expect, it } from 'vitest';
import { URBAN_RURAL_2027, URBAN_RURAL_2027_OLD, progressRow } from '../targets/test-fixtures';
import {
  currentStatusCounts,
  domainsOf,
  filterProgressRows,
  plansOf,
  sortProgressRows,
} from './progress-table-model';

const DOMAINS: Record<string, string> = {
  urban_rural_income_ratio: 'gap_urban_rural',
  demo_villages: 'village',
  affordable_housing_cumulative: 'public_service',
  mountain_island_income_ratio: 'gap_regional',
};
const domainOf = (code: string) => DOMAINS[code];

const indicator = (code: string) => ({
  code,
  nameZh: code,
  nameEn: code,
  unit: '%',
  polarity: 'up' as const,
});
const rows = [
  progressRow({
    targetId: 29,
    indicator: indicator('demo_villages'),
    plan: { code: 'zj-2023-qianwan', title: 'q', issuedOn: '2023-10-17' },
  }),
  progressRow({ targetId: 24, indicator: indicator('affordable_housing_cumulative'), status: 'no_data' }),
  URBAN_RURAL_2027,
  URBAN_RURAL_2027_OLD,
  progressRow({
    targetId: 1,
    indicator: indicator('mountain_island_income_ratio'),
    year: 2025,
    current: false,
  }),
  progressRow({ targetId: 7, indicator: indicator('mountain_island_income_ratio'), year: 2027 }),
];

describe('progress table', () => {
  it('puts the three gaps first, then domains alphabetically; a superseded target above its successor', () => {
    expect(sortProgressRows(rows, domainOf).map((r) => r.targetId)).toEqual([31, 18, 1, 7, 24, 29]);
  });

  it('filters by plan and by domain', () => {
    expect(
      filterProgressRows(rows, { plan: 'zj-2023-qianwan', domain: null }, domainOf).map((r) => r.targetId),
    ).toEqual([29, 31]);
    expect(
      filterProgressRows(rows, { plan: null, domain: 'gap_regional' }, domainOf).map((r) => r.targetId),
    ).toEqual([1, 7]);
    expect(filterProgressRows(rows, { plan: 'zj-2023-qianwan', domain: 'gap_regional' }, domainOf)).toEqual(
      [],
    );
    expect(filterProgressRows(rows, { plan: null, domain: null }, domainOf)).toHaveLength(rows.length);
  });

  it('counts only the targets judged now, in status order', () => {
    expect(currentStatusCounts(rows)).toEqual([
      { status: 'achieved', count: 1 },
      { status: 'on_track', count: 0 },
      { status: 'needs_acceleration', count: 0 },
      { status: 'limited_progress', count: 0 },
      { status: 'moving_away', count: 0 },
      { status: 'no_data', count: 3 },
    ]);
  });

  it('lists plans by issue date and domains with the gaps first', () => {
    expect(plansOf(rows).map((p) => p.code)).toEqual(['zj-2023-qianwan', 'zj-2025-sancha']);
    expect(domainsOf(['village', 'income', 'gap_regional', 'ecology', 'gap_urban_rural', 'village'])).toEqual(
      ['gap_urban_rural', 'gap_regional', 'income', 'ecology', 'village'],
    );
  });
});
