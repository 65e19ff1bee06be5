/**
 * Progress, derived values and warnings on the real default dataset (data/), on SQLite and PostgreSQL.
 * The same answers as the core golden tests (packages/core/src/targets/real-data.test.ts), now through
 * the store: the annual urban-rural income ratio of 2024 is no longer typed in but derived from the
 * published urban and rural incomes (78251 / 42786 = 1.8288926), with its lineage.
 * Decimals confirmed with python3 (cagr = lambda y0, t0, y1, t1: (y1 / y0) ** (1 / (t1 - t0)) - 1).
 */
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testEngines, type OpenedStore } from '@suocha/store/testing';
import { loadDefaultDataset } from '../dataset/default-dataset';
import { progressReport, type ProgressReport } from './progress-report';
import { indicatorSeries } from './series';
import { warningsReport } from './warnings';

const DATA = resolve(import.meta.dirname, '..', '..', '..', '..', 'data');
const NOW = '2026-01-01T00:00:00.000Z';

for (const engine of testEngines()) {
  describe(`real data on ${engine.name}`, () => {
    let opened: OpenedStore;
    let report: ProgressReport;
    beforeAll(async () => {
      opened = await engine.open();
      await loadDefaultDataset(opened.store, { dataDir: DATA, divisions: 'zhejiang', now: NOW });
      report = await progressReport(opened.store, { unitCode: '330000', asOf: '2025-12-31' });
    });
    afterAll(async () => opened.cleanup());

    const row = (indicator: string, plan: string, year: number) => {
      const r = report.items.find(
        (i) => i.indicator.code === indicator && i.plan.code === plan && i.year === year,
      );
      if (!r) throw new Error(`no row ${indicator} ${plan} ${year}`);
      return r;
    };

    it('one row per target of the province (42), with the counts of the targets judged now', () => {
      expect(report.items).toHaveLength(42);
      // Judged now (governing, next target year), one per indicator: achieved — idle farmhouses 20000 ≥ 20000,
      // rural entrepreneurs 100000 ≥ 100000, urban-rural ratio 1.73 ≤ 1.80, water extension 274 ≥ 200,
      // youth stations 1157 ≥ 1000; the other 28 have one value or none.
      expect(report.counts).toEqual({
        achieved: 5,
        on_track: 0,
        needs_acceleration: 0,
        limited_progress: 0,
        moving_away: 0,
        no_data: 28,
      });
      expect(report.synthetic).toBe(false);
    });

    it('urban_rural_income_ratio ≤ 1.80 by 2027: achieved on 1–9月 values, on track (R = 1.419) on annual ones', () => {
      const r = row('urban_rural_income_ratio', 'zj-2025-sancha', 2027);
      expect(r).toMatchObject({
        status: 'achieved',
        seasonality: 'Q3-YTD',
        current: true,
        governing: true,
        points: 3,
      });
      expect(r.caveats).toEqual(['SUB_ANNUAL_SERIES']);
      expect(r.latest).toMatchObject({ period: '2025Q3-YTD', value: 1.73 });
      expect(r.latest?.source).toContain('004_16e5c2f053a7beec.txt');
      // The Q3-YTD series starts with the ratio derived from 2020's 1–9月 incomes: 47545 / 25505 = 1.8641443.
      expect(r.baseline).toMatchObject({ period: '2020Q3-YTD', from: 'earliest_observation' });
      expect(r.baseline?.value).toBeCloseTo(1.8641442854342285, 14);
      // 序时进度 at 2025.75 on the path from (2020.75, 1.8641443) to (2028, 1.80): 1.8199068; gap +0.0899068.
      expect(r.expected).toBeCloseTo(1.819906847203726, 12);
      expect(r.gap).toBeCloseTo(0.0899068472037261, 12);
      expect(r.requiredAnnualChange).toBeNull();
      // Annual values 1.96 (2020) … 1.86 (2023) and the derived 1.8288926 (2024): as in the core golden test.
      expect(r.annual).toMatchObject({ status: 'on_track', seasonality: 'year', points: 5 });
      expect(r.annual?.latest?.period).toBe('2024');
      expect(r.annual?.latest?.value).toBeCloseTo(1.8288926284298603, 14);
      expect(r.annual?.ratio).toBeCloseTo(1.4191155287737984, 12);
      expect(r.annual?.expected).toBeCloseTo(1.8685714285714285, 14);
      expect(r.annual?.projected).toBeCloseTo(1.7363501663907295, 12);
      expect(r.annual?.requiredAnnualChange).toBeCloseTo(-0.005293936702681079, 14);
    });

    it('the 2023 plan’s ≤ 1.85 is listed, superseded by the 2025 plan; the 2025 target ≤ 1.82 is met', () => {
      expect(row('urban_rural_income_ratio', 'zj-2023-qianwan', 2027)).toMatchObject({
        governing: false,
        supersededBy: 'zj-2025-sancha',
        current: false,
      });
      const t2025 = row('urban_rural_income_ratio', 'zj-2025-sancha', 2025);
      expect(t2025).toMatchObject({ status: 'achieved', current: false });
      // Annual: r_req = (1.82/1.96)^(1/5) − 1 = −0.0147123, R = 1.1663389; the 2025 value is not in yet.
      expect(t2025.annual?.ratio).toBeCloseTo(1.1663388733988092, 12);
      expect(t2025.annual?.caveats).toEqual(['OVERDUE']);
    });

    it('specialty chains: 136 ≥ 135 for 2025; for 2027 one value, needing 5.02% a year to reach 150', () => {
      expect(row('specialty_chains_over_1b', 'zj-2025-workplan', 2025)).toMatchObject({
        status: 'achieved',
        latest: { period: '2025', value: 136 },
      });
      const r = row('specialty_chains_over_1b', 'zj-2025-sancha', 2027);
      expect(r).toMatchObject({ status: 'no_data', reason: 'SINGLE_OBSERVATION', current: true });
      expect(r.requiredAnnualChange).toBeCloseTo(0.05021006302100739, 14);
    });

    it('the derived 2024 ratio carries its lineage: which observations, which sources', async () => {
      const s = await indicatorSeries(opened.store, 'urban_rural_income_ratio', '330000');
      expect(s.items.map((p) => [p.period, p.derived !== null])).toEqual([
        ['2020Q3-YTD', true],
        ['2020', false],
        ['2021', false],
        ['2022', false],
        ['2023H1-YTD', true],
        ['2023', false],
        ['2024Q3-YTD', false],
        ['2024', true],
        ['2025Q3-YTD', false],
      ]);
      const y2024 = s.items.find((p) => p.period === '2024');
      expect(y2024?.value).toBeCloseTo(1.8288926284298603, 14);
      expect(y2024?.source).toBe('推算 derived: urban_income / rural_income');
      expect(y2024?.derived?.inputs.map((i) => [i.indicatorCode, i.period, i.value])).toEqual([
        ['urban_income', '2024', 78251],
        ['rural_income', '2024', 42786],
      ]);
      expect(y2024?.derived?.inputs[0]?.source).toContain('github.com/hu-qi/panan');
      // Published ratios are kept, never overwritten by the formula (2025Q3-YTD: 63079/36383 = 1.7337 vs 1.73).
      expect(s.items.find((p) => p.period === '2025Q3-YTD')).toMatchObject({ value: 1.73, derived: null });
    });

    it('warnings as of 2025-12-31: two 2025 targets missed, each naming target, unit, plan and evidence', async () => {
      const w = await warningsReport(opened.store, { unitCode: '330000', asOf: '2025-12-31', now: NOW });
      expect(w.evaluation).toMatchObject({ evaluated: true, raised: 2 });
      expect(
        w.open.map((x) => [
          x.rule,
          x.severity,
          x.indicatorCode,
          x.unitCode,
          x.planCode,
          x.period,
          x.raisedOn,
        ]),
      ).toEqual([
        [
          'target_missed',
          'red',
          'sewage_integration_villages_new',
          '330000',
          'zj-2025-workplan',
          '2025',
          '2025-12-31',
        ],
        ['target_missed', 'red', 'urbanization_rate', '330000', 'zj-2025-sancha', '2023', '2025-12-31'],
      ]);
      expect(w.open[0]?.details).toMatchObject({
        comparator: '>=',
        targetValue: 400,
        latest: { value: 390, href: '/api/indicators/sewage_integration_villages_new/series?unit=330000' },
        caveats: ['TARGET_MISSED'],
      });
      expect(w.open[1]?.details).toMatchObject({
        targetValue: 75.5,
        latest: { value: 74.2 },
        caveats: ['OVERDUE'],
      });
      expect(w.raised).toHaveLength(2);
      expect(w.closed).toEqual([]);
    });
  });
}
