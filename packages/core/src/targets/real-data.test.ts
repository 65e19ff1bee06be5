/**
 * Golden tests on the real data of shared/data (copied into real-data.fixture.ts). Every expected value
 * is worked out by hand in the comment above it; decimals were confirmed with python3, e.g.
 *   cagr = lambda y0, t0, y1, t1: (y1 / y0) ** (1 / (t1 - t0)) - 1
 * Time scale (period.ts): year Y is placed at Y + 1, 2025Q3 at 2025.75, a target "by T" at T + 1.
 * The seeds' 2025 figures come from the article of 2025-12-15 (004_16e5c2f053a7beec.txt); the data label
 * its "目前" values as the period 2025, which counts only once 2025 has ended (asOf ≥ 2025-12-31).
 */
import { describe, expect, it } from 'vitest';
import { parseComparator } from './comparator';
import { evaluateFormula } from './formula/evaluate';
import { memoryResolver } from './formula/memory-resolver';
import { parseFormula } from './formula/parser';
import { governingTargets, nextTarget } from './governing-targets';
import { OBSERVATIONS, PLAN_ISSUED_ON, PROVINCE_AND_NATIONAL_INCOME, TARGETS } from './real-data.fixture';
import { targetStatus } from './target-status';
import type { ObservationInput, TargetSpec } from './types';
import { unsdProgress } from './unsd-progress';
import { weatherStatus } from './weather';

const governed = governingTargets(TARGETS.map((t) => ({ ...t, planIssuedOn: PLAN_ISSUED_ON[t.plan] ?? '' })));
const target = (
  indicator: string,
  plan: string,
  year: number,
): TargetSpec & { supersededBy: string | null } => {
  const t = governed.find((x) => x.indicator === indicator && x.plan === plan && x.year === year);
  const comparator = t === undefined ? undefined : parseComparator(t.comparator);
  if (t === undefined || comparator === undefined) throw new Error(`no target ${indicator} ${plan} ${year}`);
  return { comparator, value: t.value, year: t.year, supersededBy: t.supersededBy };
};
const observed = (indicator: string, unit = '330000'): ObservationInput[] =>
  OBSERVATIONS.filter((o) => o.indicator === indicator && o.unit === unit);

const END_2025 = '2025-12-31';

describe('specialty_chains_over_1b: 136 chains in 2025', () => {
  const obs = observed('specialty_chains_over_1b');
  it('vs ≥ 135 for 2025 (2025 work plan): 136 ≥ 135 → achieved', () => {
    const r = targetStatus(target('specialty_chains_over_1b', 'zj-2025-workplan', 2025), obs, {
      asOf: END_2025,
    });
    expect(r).toMatchObject({ status: 'achieved', reason: null, slipped: false, requiredFromNow: null });
    expect(r.latest).toEqual({ period: '2025', time: 2026, value: 136 });
  });
  it('on the article’s own date the year 2025 has not ended, so nothing counts yet', () => {
    const r = targetStatus(target('specialty_chains_over_1b', 'zj-2025-workplan', 2025), obs, {
      asOf: '2025-12-15',
    });
    expect(r).toMatchObject({ status: 'no_data', reason: 'NO_OBSERVATIONS' });
  });
  it('vs ≥ 150 for 2027: one observation and no plan baseline → no data to judge', () => {
    // No rate can be measured from a single point. What is known: from 136 at t = 2026 to 150 at T = 2028
    // needs (150/136)^(1/2) − 1 = 0.0502101 a year (5.0%).
    const t = target('specialty_chains_over_1b', 'zj-2025-sancha', 2027);
    const r = targetStatus(t, obs, { asOf: END_2025 });
    expect(r).toMatchObject({ status: 'no_data', reason: 'SINGLE_OBSERVATION', ratio: null, rObs: null });
    // The only point is both baseline and latest: no span to measure a rate over.
    expect(r.baseline?.time).toBe(r.latest?.time);
    expect(r.requiredFromNow).toBeCloseTo(0.05021006302100739, 14);
    expect(weatherStatus(t, obs, { asOf: END_2025 })).toMatchObject({
      status: 'no_data',
      reason: 'SINGLE_OBSERVATION',
    });
    expect(unsdProgress(t, obs, { asOf: END_2025 }).status).toBe('no_data');
  });
  it('the target to judge is 2025 until that year ends, then 2027', () => {
    const both = governed.filter((t) => t.indicator === 'specialty_chains_over_1b');
    expect(nextTarget(both, '2025-12-15')?.plan).toBe('zj-2025-workplan');
    expect(nextTarget(both, '2026-01-01')?.plan).toBe('zj-2025-sancha');
  });
});

describe('single 2025 observations against 2027 targets → no data to judge, with the pace needed', () => {
  it('caregivers_per_10k_elderly 25.16 vs ≥ 27: needs (27/25.16)^(1/2) − 1 = 3.59% a year', () => {
    const r = targetStatus(
      target('caregivers_per_10k_elderly', 'zj-2025-sancha', 2027),
      observed('caregivers_per_10k_elderly'),
      {
        asOf: END_2025,
      },
    );
    expect(r).toMatchObject({ status: 'no_data', reason: 'SINGLE_OBSERVATION' });
    expect(r.requiredFromNow).toBeCloseTo(0.035920824911294336, 14);
    // Quzhou's ≥ 27 is for 衢州市 (330800): another unit, so it neither applies here nor is superseded.
    expect(target('caregivers_per_10k_elderly', 'qz-2023-2027', 2027).supersededBy).toBeNull();
  });
  it('county_park_industry_share 78.8 vs ≥ 81: needs (81/78.8)^(1/2) − 1 = 1.39% a year', () => {
    const r = targetStatus(
      target('county_park_industry_share', 'zj-2025-sancha', 2027),
      observed('county_park_industry_share'),
      {
        asOf: END_2025,
      },
    );
    expect(r).toMatchObject({ status: 'no_data', reason: 'SINGLE_OBSERVATION' });
    expect(r.requiredFromNow).toBeCloseTo(0.013863295383499175, 14);
  });
});

describe('urban_rural_income_ratio (lower is better)', () => {
  // observations.csv: 1.73 in 2025-Q3-YTD and 1.75 in 2024-Q3-YTD (the latter from "比上年同期缩小0.02").
  const ytd = observed('urban_rural_income_ratio');
  it('the 2025 plan (≤ 1.80 by 2027) supersedes the 2023 plan (≤ 1.85, same indicator, unit and year)', () => {
    expect(target('urban_rural_income_ratio', 'zj-2023-qianwan', 2027).supersededBy).toBe('zj-2025-sancha');
    expect(target('urban_rural_income_ratio', 'zj-2025-sancha', 2027).supersededBy).toBeNull();
  });
  it('year-to-date series: 1.73 ≤ 1.80 → achieved, flagged as judged on a sub-annual series', () => {
    // Series Q1–Q3: (2024.75, 1.75), (2025.75, 1.73); latest 1.73 meets ≤ 1.80, and 1.75 did too: not slipped.
    // Detail: r_obs = 1.73/1.75 − 1 = −0.0114286; r_req = (1.80/1.75)^(1/(2028 − 2024.75)) − 1 = +0.0087056
    // (positive: the baseline was already under the ceiling).
    const r = targetStatus(target('urban_rural_income_ratio', 'zj-2025-sancha', 2027), ytd, {
      asOf: '2025-12-15',
    });
    expect(r.status).toBe('achieved');
    expect(r.slipped).toBe(false);
    expect(r.polarity).toBe('down');
    expect(r.series.map((p) => [p.period, p.time, p.value])).toEqual([
      ['2024Q3-YTD', 2024.75, 1.75],
      ['2025Q3-YTD', 2025.75, 1.73],
    ]);
    expect(r.caveats).toEqual(['SUB_ANNUAL_SERIES']);
    expect(r.rObs).toBeCloseTo(-0.011428571428571455, 14);
    expect(r.rReq).toBeCloseTo(0.008705637705566094, 14);
    // The superseded ≤ 1.85 and the 2025 target ≤ 1.82 are met as well.
    for (const t of [
      target('urban_rural_income_ratio', 'zj-2023-qianwan', 2027),
      target('urban_rural_income_ratio', 'zj-2025-sancha', 2025),
    ])
      expect(targetStatus(t, ytd, { asOf: '2025-12-15' }).status).toBe('achieved');
  });

  // Annual series from statistics_income.csv: 1.96 (2020), 1.94 (2021), 1.90 (2022, derived), 1.86 (2023,
  // derived); 2024 is not in the file as a ratio but follows from its urban and rural incomes by the
  // indicator's formula: 78251 / 42786 = 1.8288926.
  const income = memoryResolver({ values: PROVINCE_AND_NATIONAL_INCOME });
  const formula = parseFormula('urban_income / rural_income');
  const y2024 = formula.ok
    ? evaluateFormula(formula.value, { unit: '330000', period: '2024' }, income)
    : undefined;
  const annual: ObservationInput[] = [
    ...PROVINCE_AND_NATIONAL_INCOME.filter(
      (r) => r.unit === '330000' && r.indicator === 'urban_rural_income_ratio' && /^\d{4}$/.test(r.period),
    ),
    { period: '2024', value: y2024?.ok ? y2024.value.value : Number.NaN },
  ];
  it('the annual series tells another story: 1.829 in 2024 is not yet ≤ 1.80 — on track (R = 1.419)', () => {
    expect(y2024?.ok && y2024.value.value).toBeCloseTo(1.8288926284298603, 14);
    expect(annual.map((o) => o.period).sort()).toEqual(['2020', '2021', '2022', '2023', '2024']);
    // Baseline = earliest = 1.96 at t0 = 2021; latest 1.8288926 at t = 2025; T = 2028.
    // r_obs = (1.8288926/1.96)^(1/4) − 1 = −0.0171595; r_req = (1.80/1.96)^(1/7) − 1 = −0.0120917;
    // R = 1.4191155 ≥ 0.95 → on track. 序时进度 ŷ(2025) = 1.96 − 0.16·4/7 = 1.8685714, gap = +0.0396788.
    // Projection 1.8288926·(1 − 0.0171595)^3 = 1.7363502; from now (1.80/1.8288926)^(1/3) − 1 = −0.0052939.
    const t = target('urban_rural_income_ratio', 'zj-2025-sancha', 2027);
    const r = targetStatus(t, annual, { asOf: '2026-01-01' });
    expect(r.status).toBe('on_track');
    expect(r.rObs).toBeCloseTo(-0.017159521881340067, 14);
    expect(r.rReq).toBeCloseTo(-0.012091701861769444, 14);
    expect(r.ratio).toBeCloseTo(1.4191155287737984, 12);
    expect(r.expected).toBeCloseTo(1.8685714285714285, 14);
    expect(r.gap).toBeCloseTo(0.039678800141568216, 14);
    expect(r.projected).toBeCloseTo(1.7363501663907295, 12);
    expect(r.requiredFromNow).toBeCloseTo(-0.005293936702681079, 14);
    expect(r.caveats).toEqual([]);
    // Weather: mean change (1.8288926 − 1.96)/4 = −0.0327768 a year → 1.7305621 in 2028 ≤ 1.80 → sun.
    const w = weatherStatus(t, annual, { asOf: '2026-01-01' });
    expect(w.status).toBe('sun');
    expect(w.projected).toBeCloseTo(1.7305620997522557, 12);
    // UNSD: Q = (1.7363502 − 1.96)/(1.80 − 1.96) = 1.3978 → on track.
    expect(unsdProgress(t, annual, { asOf: '2026-01-01' })).toMatchObject({ status: 'on_track' });
    expect(unsdProgress(t, annual, { asOf: '2026-01-01' }).q).toBeCloseTo(1.3978114600579412, 12);
  });
  it('mixed YTD and annual data: the default judges the latest seasonality, "annual" pins years', () => {
    const both = [...ytd, ...annual];
    const t = target('urban_rural_income_ratio', 'zj-2025-sancha', 2027);
    // 2025Q3-YTD (ends 2025-09-30) is later than 2024 (ends 2024-12-31), so the YTD series is judged.
    expect(targetStatus(t, both, { asOf: '2026-01-01' }).status).toBe('achieved');
    expect(targetStatus(t, both, { asOf: '2026-01-01', series: 'annual' }).status).toBe('on_track');
  });
  it('the 2025 target ≤ 1.82 on annual data: on track (R = 1.166), overdue until the 2025 value is in', () => {
    // r_req = (1.82/1.96)^(1/5) − 1 = −0.0147123; R = −0.0171595/−0.0147123 = 1.1663389.
    const r = targetStatus(target('urban_rural_income_ratio', 'zj-2025-sancha', 2025), annual, {
      asOf: '2026-01-01',
    });
    expect(r.status).toBe('on_track');
    expect(r.ratio).toBeCloseTo(1.1663388733988092, 12);
    expect(r.caveats).toEqual(['OVERDUE']);
  });
});

describe('all 88 targets of targets.csv against the 26 observations', () => {
  it('three 2027 targets of the 2023 plan are superseded by the 2025 plan; nothing is ambiguous', () => {
    const superseded = governed.filter((t) => !t.governing).map((t) => [t.indicator, t.plan, t.supersededBy]);
    // In targets.csv order: harmonious_village_rate 90 = 90, urban_rural_income_ratio 1.85 → 1.80,
    // urbanization_rate 76 → 76.5 (all 330000, 2027; 2023-10-17 < 2025-01-01).
    expect(superseded).toEqual([
      ['harmonious_village_rate', 'zj-2023-qianwan', 'zj-2025-sancha'],
      ['urban_rural_income_ratio', 'zj-2023-qianwan', 'zj-2025-sancha'],
      ['urbanization_rate', 'zj-2023-qianwan', 'zj-2025-sancha'],
    ]);
    expect(governed.some((t) => t.ambiguous)).toBe(false);
  });
  it('every target gets a status; the ones with data are worked out by hand', () => {
    // With data (330000, as of 2026-01-01):
    //  achieved — specialty_chains_over_1b 136 ≥ 135; urban_rural_income_ratio 1.73 vs ≤ 1.82, ≤ 1.80, ≤ 1.85;
    //   rural_entrepreneurs 100000 ≥ 100000; water_extension 274 ≥ 200; youth_stations 1157 ≥ 1000;
    //   idle_farmhouses 20000 ≥ 20000 (a lower bound, "2万宗以上") = 8;
    //  single observation — specialty_chains_over_1b 136 < 150; specialty_chains_over_10b 12 < 20;
    //   county_park 78.8 < 81; caregivers 25.16 < 27; sewage_integration 390 < 400 (a 2025 target: missed) = 5;
    //  the other 75 have no observation.
    const results = TARGETS.map((t) => {
      const comparator = parseComparator(t.comparator);
      if (comparator === undefined) throw new Error(t.comparator);
      return {
        indicator: t.indicator,
        r: targetStatus({ comparator, value: t.value, year: t.year }, observed(t.indicator, t.unit), {
          asOf: '2026-01-01',
        }),
      };
    });
    const tally: Record<string, number> = {};
    for (const { r } of results) {
      const key = r.reason ?? r.status;
      tally[key] = (tally[key] ?? 0) + 1;
    }
    expect(tally).toEqual({ achieved: 8, SINGLE_OBSERVATION: 5, NO_OBSERVATIONS: 75 });
    const sewage = results.find((x) => x.indicator === 'sewage_integration_villages_new');
    expect(sewage?.r.caveats).toContain('TARGET_MISSED');
  });
});
