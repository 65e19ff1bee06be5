/**
 * Test data for the progress views: Zhejiang's urban-rural income ratio series and its 2027 target row as
 * GET /api/indicators/urban_rural_income_ratio/series?unit=330000 and GET /api/progress?unit=330000 answered
 * on the default dataset (asOf 2026-11-23); values and sources are the dataset's, trimmed to what the
 * views read. `progressRow` and `seriesPoint` build variants.
 */
import type { ProgressJudgement, ProgressRow, SeriesPoint } from '../api/types';

export function seriesPoint(p: Partial<SeriesPoint> & Pick<SeriesPoint, 'period' | 'value'>): SeriesPoint {
  return {
    observationId: 1,
    periodEnd: '',
    source: 'test',
    note: '',
    status: 'approved',
    counted: true,
    version: 1,
    synthetic: false,
    updatedAt: '2026-01-01T00:00:00.000Z',
    derived: null,
    ...p,
  };
}

const derived = (period: string, urban: number, rural: number) => ({
  formula: 'urban_income / rural_income',
  computedAt: '2026-01-01T00:00:00.000Z',
  stale: false,
  inputs: [
    {
      observationId: 0,
      indicatorCode: 'urban_income',
      unitCode: '330000',
      period,
      value: urban,
      version: 1,
      usedVersion: 1,
      source: 'statistics_income.csv',
      status: 'approved',
      synthetic: false,
    },
    {
      observationId: 0,
      indicatorCode: 'rural_income',
      unitCode: '330000',
      period,
      value: rural,
      version: 1,
      usedVersion: 1,
      source: 'statistics_income.csv',
      status: 'approved',
      synthetic: false,
    },
  ],
});

/** The series, oldest first, as the API lists it. */
export const URBAN_RURAL_SERIES: readonly SeriesPoint[] = [
  seriesPoint({
    observationId: 1339,
    period: '2020Q3-YTD',
    value: 1.8641442854342285,
    source: '推算 derived: urban_income / rural_income',
    derived: derived('2020Q3-YTD', 47545, 25505),
  }),
  seriesPoint({
    observationId: 30,
    period: '2020',
    value: 1.96,
    source: 'http://www.ezhejiang.gov.cn/2021-01/25/c_585166.htm',
  }),
  seriesPoint({
    observationId: 31,
    period: '2021',
    value: 1.94,
    source: 'http://zjrb.zjol.com.cn/html/2022-03/05/content_3526760.htm',
  }),
  seriesPoint({ observationId: 228, period: '2022', value: 1.9, source: 'derived from the two rows above' }),
  seriesPoint({
    observationId: 1357,
    period: '2023H1-YTD',
    value: 1.717893280290582,
    source: '推算 derived: urban_income / rural_income',
    derived: derived('2023H1-YTD', 39728, 23126),
  }),
  seriesPoint({
    observationId: 36,
    period: '2023',
    value: 1.86,
    source: 'http://fhxgcw.cn/caijing/2024-02/07/content_6938461.htm',
  }),
  seriesPoint({
    observationId: 4,
    period: '2024Q3-YTD',
    value: 1.75,
    source: '004_16e5c2f053a7beec.txt 居民增收渠道拓宽',
  }),
  seriesPoint({
    observationId: 1362,
    period: '2024',
    value: 1.8288926284298603,
    source: '推算 derived: urban_income / rural_income',
    derived: derived('2024', 78251, 42786),
  }),
  seriesPoint({
    observationId: 3,
    period: '2025Q3-YTD',
    value: 1.73,
    source: '004_16e5c2f053a7beec.txt 居民增收渠道拓宽',
  }),
];

const judgement = (p: Partial<ProgressJudgement>): ProgressJudgement => ({
  status: 'no_data',
  reason: 'NO_OBSERVATIONS',
  method: 'compound',
  seasonality: null,
  latest: null,
  previous: null,
  baseline: null,
  expected: null,
  gap: null,
  ratio: null,
  rObs: null,
  rReq: null,
  projected: null,
  requiredAnnualChange: null,
  slipped: false,
  caveats: [],
  points: 0,
  ...p,
});

export function progressRow(p: Partial<ProgressRow> = {}): ProgressRow {
  return {
    ...judgement({}),
    targetId: 1,
    indicator: { code: 'x', nameZh: '指标', nameEn: 'indicator', unit: '%', polarity: 'up' },
    plan: { code: 'zj-2025-sancha', title: '实施方案', issuedOn: '2025-01-01' },
    unit: { code: '330000', name: '浙江省' },
    year: 2027,
    comparator: '>=',
    targetValue: 1,
    governing: true,
    supersededBy: null,
    ambiguous: false,
    current: true,
    annual: null,
    alternatives: null,
    synthetic: false,
    evidence: '',
    ...p,
  };
}

/** Target 18: urban-rural income ratio ≤ 1.8 by 2027 (zj-2025-sancha), judged on 1–9月 values. */
export const URBAN_RURAL_2027 = progressRow({
  targetId: 18,
  indicator: {
    code: 'urban_rural_income_ratio',
    nameZh: '城乡居民人均可支配收入比值(倍差)',
    nameEn: 'Urban-rural per-capita disposable income ratio',
    unit: 'ratio',
    polarity: 'down',
  },
  year: 2027,
  comparator: '<=',
  targetValue: 1.8,
  status: 'achieved',
  reason: null,
  seasonality: 'Q3-YTD',
  latest: {
    period: '2025Q3-YTD',
    value: 1.73,
    observationId: 3,
    source: '004_16e5c2f053a7beec.txt 居民增收渠道拓宽',
  },
  previous: {
    period: '2024Q3-YTD',
    value: 1.75,
    observationId: 4,
    source: '004_16e5c2f053a7beec.txt 居民增收渠道拓宽',
  },
  baseline: {
    period: '2020Q3-YTD',
    value: 1.8641442854342285,
    observationId: 1339,
    source: '推算 derived: urban_income / rural_income',
    from: 'earliest_observation',
  },
  expected: 1.819906847203726,
  gap: 0.0899068472037261,
  ratio: 3.0769873372996175,
  rObs: -0.014825151328173192,
  rReq: -0.00481807355800945,
  projected: 1.67282713199777,
  requiredAnnualChange: null,
  caveats: ['SUB_ANNUAL_SERIES'],
  points: 3,
  annual: judgement({
    status: 'on_track',
    reason: null,
    seasonality: 'year',
    latest: { period: '2024', value: 1.8288926284298603, observationId: 1362, source: '推算' },
    projected: 1.7363501663907295,
    requiredAnnualChange: -0.005293936702681079,
    points: 5,
  }),
  evidence: '/api/indicators/urban_rural_income_ratio/series?unit=330000',
});

/** Target 31: ≤ 1.85 by 2027 from the 2023 plan, superseded by zj-2025-sancha. */
export const URBAN_RURAL_2027_OLD = progressRow({
  ...URBAN_RURAL_2027,
  targetId: 31,
  plan: { code: 'zj-2023-qianwan', title: '实施意见', issuedOn: '2023-10-17' },
  targetValue: 1.85,
  governing: false,
  supersededBy: 'zj-2025-sancha',
  current: false,
});
