/** The default dataset on both engines: real counts, dated group membership, idempotent loading. */
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  listDepartments,
  countRows,
  countUnitsByLevel,
  getGroupMembers,
  getSubtree,
  listObservations,
  listTargets,
} from '@suocha/store';
import { testEngines, type OpenedStore } from '@suocha/store/testing';
import { loadDefaultDataset } from './default-dataset';

const DATA = resolve(import.meta.dirname, '..', '..', '..', '..', 'data');

for (const engine of testEngines()) {
  describe(`default dataset on ${engine.name}`, () => {
    let opened: OpenedStore;
    let first: Awaited<ReturnType<typeof loadDefaultDataset>>;
    beforeAll(async () => {
      opened = await engine.open();
      first = await loadDefaultDataset(opened.store, {
        dataDir: DATA,
        divisions: 'zhejiang',
        now: '2026-01-01T00:00:00.000Z',
      });
    });
    afterAll(async () => opened.cleanup());

    it('loads Zhejiang down to villages, with the national root and reference provinces', async () => {
      expect(await countUnitsByLevel(opened.store)).toEqual({
        country: 1,
        province: 31,
        city: 11,
        county: 92,
        town: 1387,
        village: 25547,
      });
      // 90 current counties + 2 Hangzhou districts abolished in 2021 (kept for the 2020 census).
      const counties = (await getSubtree(opened.store, '330000', 'county')) ?? [];
      expect(counties).toHaveLength(92);
      expect(counties.filter((u) => u.validTo === null)).toHaveLength(90);
    });

    it('loads the catalogue and observations from the seeds and statistics', async () => {
      const totals = await countRows(opened.store);
      expect(totals).toMatchObject({
        indicators: 102,
        plans: 4,
        targets: 88,
        unit_groups: 2,
        unit_group_members: 51,
      });
      // 30 seed values + 291 income statistics + 306 census values (3 census rows without a code are skipped).
      expect(totals.observations).toBe(627);
      expect(totals.observation_history).toBe(627);
      expect(totals.tasks).toBe(249);
      // A few provincial departments named by public reports (data/departments.csv), each with its source.
      expect((await listDepartments(opened.store)).map((x) => x.code)).toContain('fgw');
      expect(first.skipped.map((s) => s.line)).toEqual([110, 111, 112]);
      const ratio = await listObservations(opened.store, {
        indicatorCode: 'urban_rural_income_ratio',
        unitCode: '330000',
      });
      expect(ratio.find((o) => o.period === '2025Q3-YTD')?.value).toBe(1.73);
      // 万人 converted to persons, with the published figure kept in the note.
      const pop = await listObservations(opened.store, { indicatorCode: 'population', unitCode: '330000' });
      expect(pop.find((o) => o.period === '2023')?.value).toBe(66_270_000);
      expect(pop.find((o) => o.period === '2023')?.note).toContain('6627');
      expect(pop.find((o) => o.period === '2020')?.value).toBe(64_567_588);
      const t = await listTargets(opened.store, {
        unitCode: '330000',
        indicatorCode: 'urban_rural_income_ratio',
      });
      expect(t.map((x) => [x.planCode, x.year, x.comparator, x.value])).toEqual([
        ['zj-2025-sancha', 2025, '<=', 1.82],
        ['zj-2023-qianwan', 2027, '<=', 1.85],
        ['zj-2025-sancha', 2027, '<=', 1.8],
      ]);
    });

    it('knows 山区海岛县 as of a date: 25 on 2025-01-01, 22 on 2025-06-01; 山区26县 before 2024-08', async () => {
      const on = async (g: string, d: string) =>
        (await getGroupMembers(opened.store, g, d)).map((m) => m.code);
      expect(await on('mountain_island', '2025-01-01')).toHaveLength(25);
      const june = await on('mountain_island', '2025-06-01');
      expect(june).toHaveLength(22);
      for (const left of ['330324', '330327', '330881']) expect(june).not.toContain(left);
      expect(await on('mountain26', '2024-07-31')).toHaveLength(26);
      expect(await on('mountain26', '2024-08-01')).toHaveLength(0);
    });

    it('loading twice changes nothing', async () => {
      const before = await countRows(opened.store);
      const again = await loadDefaultDataset(opened.store, {
        dataDir: DATA,
        divisions: 'zhejiang',
        now: '2026-02-01T00:00:00.000Z',
      });
      expect(Object.values(again.inserted).every((n) => n === 0)).toBe(true);
      expect(await countRows(opened.store)).toEqual(before);
    });
  });
}
