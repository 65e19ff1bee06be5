/**
 * Demo data (模拟数据): seeded and reproducible; refused for a database with real work; never overwrites
 * a value; and a run of the shipped default framework over it is flagged synthetic everywhere.
 */
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FrameworkJson } from '@suocha/contract';
import { FrameworkSchema } from '@suocha/contract';
import { insertNewObservations, listDatasetLoads, listObservations } from '@suocha/store';
import { testEngines, type OpenedStore } from '@suocha/store/testing';
import { readFileSync } from 'node:fs';
import { loadDefaultDataset } from '../dataset/default-dataset';
import {
  acceptClassification,
  createIndexRun,
  DEMO_PERIODS,
  generateDemoObservations,
  loadDemoData,
  proposeClassifications,
} from './index';

const DATA = resolve(import.meta.dirname, '..', '..', '..', '..', 'data');
const framework: FrameworkJson = FrameworkSchema.parse(
  JSON.parse(readFileSync(resolve(DATA, 'frameworks', 'default.json'), 'utf8')),
);
const units = Array.from({ length: 30 }, (_, i) => ({
  code: String(330100 + i),
  provinceCode: '330000',
  mountainIsland: i % 3 === 0,
}));
const now = '2026-01-15T00:00:00.000Z';

describe('generateDemoObservations', () => {
  it('is reproducible from its seed and differs between seeds', () => {
    const a = generateDemoObservations(framework, units, DEMO_PERIODS, 1);
    expect(generateDemoObservations(framework, units, DEMO_PERIODS, 1)).toEqual(a);
    const b = generateDemoObservations(framework, units, DEMO_PERIODS, 2);
    expect(b.map((o) => o.value)).not.toEqual(a.map((o) => o.value));
  });
  it('labels every value 模拟数据 and keeps it in a plausible range', () => {
    const rows = generateDemoObservations(framework, units, DEMO_PERIODS, 3);
    const cells = units.length * 18 * DEMO_PERIODS.length;
    // About 3% missing, 40% for four sparse counties.
    expect(rows.length).toBeGreaterThan(cells * 0.85);
    expect(rows.length).toBeLessThan(cells);
    for (const o of rows) {
      expect(o).toMatchObject({ synthetic: true, status: 'approved', source: '模拟数据 synthetic (seed 3)' });
      expect(Number.isFinite(o.value)).toBe(true);
    }
    const of = (code: string) => rows.filter((o) => o.indicatorCode === code).map((o) => o.value);
    for (const v of of('urbanization_rate')) expect(v >= 0 && v <= 100).toBe(true);
    for (const v of of('urban_rural_income_ratio')) expect(v >= 1.4 && v <= 2.1).toBe(true);
    for (const v of of('resident_income_province_ratio')) expect(v >= 60 && v <= 150).toBe(true);
    const periodEnds = new Set(rows.map((o) => `${o.period} ${o.periodEnd}`));
    expect([...periodEnds].sort()).toEqual(['2023 2023-12-31', '2024 2024-12-31', '2025 2025-12-31']);
  });
  it('makes 山区海岛县 poorer on average, so the classification has something to judge', () => {
    const rows = generateDemoObservations(framework, units, ['2025'], 5);
    const mean = (mi: boolean) => {
      const xs = rows
        .filter((o) => o.indicatorCode === 'resident_income_province_ratio')
        .filter((o) => units.find((u) => u.code === o.unitCode)?.mountainIsland === mi)
        .map((o) => o.value);
      return xs.reduce((s, x) => s + x, 0) / xs.length;
    };
    expect(mean(true)).toBeLessThan(mean(false));
  });
});

for (const engine of testEngines()) {
  describe(`demo data on ${engine.name}`, () => {
    let opened: OpenedStore;
    beforeAll(async () => {
      opened = await engine.open();
    });
    afterAll(async () => opened.cleanup());

    it('needs the hierarchy first', async () => {
      const r = await loadDemoData(opened.store, { seed: 1, forceSynthetic: false, dataDir: DATA, now });
      expect(!r.ok && r.error.code).toBe('NO_UNITS');
    });

    it('loads into a database holding only the default dataset, keeps real values, and is idempotent', async () => {
      const { store } = opened;
      await loadDefaultDataset(store, { dataDir: DATA, divisions: 'zhejiang', now });
      const realBefore = await listObservations(store, {});
      const r = await loadDemoData(store, { seed: 1, forceSynthetic: false, dataDir: DATA, now });
      if (!r.ok) throw new Error(r.error.message);
      expect(r.value).toMatchObject({
        seed: 1,
        units: 90,
        indicators: 18,
        periods: ['2023', '2024', '2025'],
      });
      expect(r.value.inserted).toBeGreaterThan(4000);
      expect(r.value.inserted + r.value.kept).toBe(r.value.generated);
      expect(r.value.skippedIndicators).toEqual([]);
      // Real values are untouched.
      const after = await listObservations(store, {});
      const real = after.filter((o) => !o.synthetic);
      expect(real).toEqual(realBefore);
      expect(after.filter((o) => o.synthetic).every((o) => o.source === '模拟数据 synthetic (seed 1)')).toBe(
        true,
      );
      expect((await listDatasetLoads(store)).map((l) => l.name)).toContain('demo:seed=1');
      const again = await loadDemoData(store, { seed: 1, forceSynthetic: false, dataDir: DATA, now });
      expect(again.ok && again.value.inserted).toBe(0);
    });

    it('runs the default framework over it: 90 counties, flagged 模拟数据, rank change from the previous year', async () => {
      const { store } = opened;
      const ctx = { by: 'tester', now, dataDir: DATA };
      const req = { of: '330000', level: 'county' as const, samples: 100, seed: 1 };
      const r2024 = await createIndexRun(store, { ...req, period: '2024' }, ctx);
      const r2025 = await createIndexRun(store, { ...req, period: '2025' }, ctx);
      if (!r2024.ok || !r2025.ok) throw new Error('run failed');
      const run = r2025.value;
      expect(run).toMatchObject({
        framework: { code: 'default', version: 1 },
        synthetic: true,
        syntheticLabel: '模拟数据 synthetic data',
        units: 90,
        rankChangeBasis: { kind: 'run', runId: r2024.value.id },
      });
      expect(run.domains.map((d) => d.nameZh)).toEqual(['强城', '兴村', '融合', '富民']);
      expect(run.notes[0]).toContain('模拟数据');
      expect(run.ranked + run.belowCoverage + run.noData).toBe(90);
      expect(run.ranked).toBeGreaterThan(80);
      const ranks = run.rows.flatMap((x) => (x.rank === null ? [] : [x.rank])).sort((a, b) => a - b);
      expect(ranks[0]).toBe(1);
      expect(run.rows.filter((x) => x.mountainIsland).length).toBe(22);
      expect(run.rows.filter((x) => x.rankChange !== null).length).toBeGreaterThan(70);
      for (const x of run.rows.filter((x) => x.rank !== null)) {
        expect(x.rankInterval!.p5).toBeLessThanOrEqual(x.rank!);
        expect(x.rankInterval!.p95).toBeGreaterThanOrEqual(x.rank!);
      }
    });

    it('classification over demo data proposes, but synthetic evidence cannot change a real group', async () => {
      const { store } = opened;
      const out = await proposeClassifications(
        store,
        { of: '330000', period: '2025', asOf: '2026-01-01' },
        { by: 'tester', now },
      );
      if (!out.ok) throw new Error(out.error.message);
      expect(out.value.created.length).toBeGreaterThan(0);
      expect(out.value.created.every((p) => p.synthetic)).toBe(true);
      const r = await acceptClassification(store, out.value.created[0]!.id, {
        effectiveDate: '2026-02-01',
        note: '',
        by: 'admin',
        now,
      });
      expect(!r.ok && r.error.code).toBe('SYNTHETIC_EVIDENCE');
    });

    it('is refused once the database holds real work, unless forced', async () => {
      const { store } = opened;
      await insertNewObservations(
        store,
        [
          {
            indicatorCode: 'resident_income',
            unitCode: '330824',
            provinceCode: '330000',
            period: '2019',
            periodEnd: '2019-12-31',
            value: 30000,
            source: '开化县统计公报',
            note: '',
            status: 'approved',
            synthetic: false,
          },
        ],
        { by: 'county user', at: now, reason: 'monthly submission' },
      );
      const refused = await loadDemoData(store, { seed: 1, forceSynthetic: false, dataDir: DATA, now });
      expect(!refused.ok && refused.error.code).toBe('DEMO_REFUSED');
      expect(!refused.ok && refused.error.message).toContain('--force-synthetic');
      const forced = await loadDemoData(store, { seed: 1, forceSynthetic: true, dataDir: DATA, now });
      // Forced, it still only fills keys without a value: everything is already there from seed 1.
      expect(forced.ok && forced.value.inserted).toBe(0);
      // Another seed is never mixed in, forced or not.
      const mixed = await loadDemoData(store, { seed: 2, forceSynthetic: true, dataDir: DATA, now });
      expect(!mixed.ok && mixed.error.message).toContain('another seed');
    });
  });
}
