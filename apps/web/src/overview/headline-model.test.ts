import { describe, expect, it } from 'vitest';
import type { Indicator, IndicatorSeries } from '../api/types';
import {
  URBAN_RURAL_2027,
  URBAN_RURAL_2027_OLD,
  URBAN_RURAL_SERIES,
  progressRow,
  seriesPoint,
} from '../targets/test-fixtures';
import { HEADLINE_GAPS, headlineMetric, headlineRow } from './headline-model';

const series = (code: string, items: IndicatorSeries['items']): IndicatorSeries => ({
  indicator: { code, nameZh: code, nameEn: code, unit: 'yuan', polarity: 'up', definition: '' },
  unit: { code: '330000', name: '浙江省' },
  items,
  targets: [],
});

const indicator: Indicator = {
  code: 'resident_income',
  nameZh: '居民人均可支配收入',
  nameEn: 'Per-capita disposable income',
  unit: 'yuan',
  polarity: 'up',
  domain: 'income',
  definition: '',
  source: 'seed',
};

describe('headline gaps', () => {
  it('covers the three gaps with the indicators the 2025 plan sets targets for', () => {
    expect(HEADLINE_GAPS.map((g) => [g.key, g.indicators])).toEqual([
      ['urbanRural', ['urban_rural_income_ratio']],
      ['regional', ['city_income_max_min_ratio', 'mountain_island_income_ratio']],
      ['income', ['resident_income', 'rural_income']],
    ]);
  });
});

describe('headlineRow', () => {
  const rows = [
    URBAN_RURAL_2027_OLD,
    URBAN_RURAL_2027,
    progressRow({ ...URBAN_RURAL_2027, targetId: 3, year: 2025, current: false }),
  ];

  it('is the target judged now', () => {
    expect(headlineRow(rows, 'urban_rural_income_ratio', '330000')?.targetId).toBe(18);
  });

  it('falls back to the governing target of the latest year, and is null without targets', () => {
    const past = rows.map((r) => ({ ...r, current: false }));
    expect(headlineRow(past, 'urban_rural_income_ratio', '330000')?.targetId).toBe(18);
    expect(headlineRow(rows, 'urban_rural_income_ratio', '330800')).toBeNull();
    expect(headlineRow(rows, 'resident_income', '330000')).toBeNull();
  });
});

describe('headlineMetric', () => {
  it('shows the judged 1–9月 value 1.73 with its target, the 1–9月 line and the annual line beside it', () => {
    const m = headlineMetric(
      'urban_rural_income_ratio',
      undefined,
      [URBAN_RURAL_2027, URBAN_RURAL_2027_OLD],
      '330000',
      series('urban_rural_income_ratio', [...URBAN_RURAL_SERIES]),
    );
    expect(m.latest).toEqual({
      period: '2025Q3-YTD',
      value: 1.73,
      source: '004_16e5c2f053a7beec.txt 居民增收渠道拓宽',
    });
    expect(m.row?.targetId).toBe(18);
    expect(m.line.map((p) => p.period)).toEqual(['2020Q3-YTD', '2024Q3-YTD', '2025Q3-YTD']);
    expect(m.annualLine?.map((p) => p.period)).toEqual(['2020', '2021', '2022', '2023', '2024']);
    expect(m.synthetic).toBe(false);
  });

  it('without a target shows the latest approved value of the series (resident income 2024: 67,013 元)', () => {
    // data/observations.csv via the series API: resident_income 330000.
    const items = [
      seriesPoint({ period: '2023', value: 63830 }),
      seriesPoint({ period: '2024Q3-YTD', value: 52206 }),
      seriesPoint({ period: '2024', value: 67013, source: 'https://tjj.zj.gov.cn/x' }),
    ];
    const m = headlineMetric('resident_income', indicator, [], '330000', series('resident_income', items));
    expect(m.row).toBeNull();
    expect(m.latest).toEqual({ period: '2024', value: 67013, source: 'https://tjj.zj.gov.cn/x' });
    expect(m.line.map((p) => p.value)).toEqual([63830, 67013]);
    expect(m.annualLine).toBeNull();
    expect(m.indicator?.nameZh).toBe('居民人均可支配收入');
  });

  it('never invents a value: no approved value means latest null, even with a target', () => {
    const row = progressRow({
      indicator: { ...URBAN_RURAL_2027.indicator, code: 'city_income_max_min_ratio' },
    });
    const m = headlineMetric(
      'city_income_max_min_ratio',
      undefined,
      [row],
      '330000',
      series('city_income_max_min_ratio', [
        seriesPoint({ period: '2025', value: 1.5, status: 'draft', counted: false }),
      ]),
    );
    expect(m.latest).toBeNull();
    expect(m.line).toEqual([]);
    expect(m.row?.status).toBe('no_data');
    expect(headlineMetric('x', undefined, [], '330000', undefined).latest).toBeNull();
  });

  it('flags synthetic values', () => {
    const m = headlineMetric(
      'resident_income',
      indicator,
      [],
      '330000',
      series('resident_income', [seriesPoint({ period: '2024', value: 1, synthetic: true })]),
    );
    expect(m.synthetic).toBe(true);
  });
});
