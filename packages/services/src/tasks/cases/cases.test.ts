/**
 * The case and pilot use cases on SQLite and PostgreSQL: validation before any write, references checked,
 * optimistic versions, search hits with highlights, and loading the shipped data/pilots.csv.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertUnits, listPilots, queryCases } from '@suocha/store';
import { testEngines, type OpenedStore } from '@suocha/store/testing';
import { createCase, editCase, searchCases } from './cases';
import { loadPilotsFile, pilotDetail } from './pilots';
import { testUnit as unit } from '@suocha/store/testing';

const PILOTS_CSV = resolve(import.meta.dirname, '..', '..', '..', '..', '..', 'data', 'pilots.csv');

const cn = unit('100000', '全国', 'country', null);
const zj = unit('330000', '浙江省', 'province', cn);
const qz = unit('330800', '衢州市', 'city', zj);
const UNITS = [
  cn,
  zj,
  qz,
  unit('330822', '常山县', 'county', qz),
  unit('330881', '江山市', 'county', qz),
  unit('330824', '开化县', 'county', qz),
];
const STAMP = { at: '2025-06-01T00:00:00.000Z', by: 'tester' };

for (const engine of testEngines()) {
  describe(`case and pilot services on ${engine.name}`, () => {
    let opened: OpenedStore;
    let dir: string;
    beforeAll(async () => {
      opened = await engine.open();
      dir = mkdtempSync(join(tmpdir(), 'suocha-pilots-'));
      await insertUnits(opened.store, UNITS);
    });
    afterAll(async () => {
      await opened.cleanup();
      rmSync(dir, { recursive: true, force: true });
    });

    it('loads the shipped pilots with their named units, twice without duplicates', async () => {
      expect(await loadPilotsFile(opened.store, PILOTS_CSV)).toEqual({ ok: true, value: { pilots: 7 } });
      expect(await loadPilotsFile(opened.store, PILOTS_CSV)).toEqual({ ok: true, value: { pilots: 7 } });
      const pilots = await listPilots(opened.store);
      expect(pilots).toHaveLength(7);
      expect(pilots.map((p) => p.code)).toEqual([
        'sancha-comprehensive',
        'basic-education-resources',
        'changshan-homestead-qualification',
        'childcare-education',
        'jiangshan-homestead',
        'medical-talent-integration',
        'zhengyin-xiandanji',
      ]);
      expect(pilots.filter((p) => p.kind === '全域综合试点').map((p) => p.unitsNote)).toEqual([
        expect.stringContaining('3个市、14个县'),
      ]);
      expect(pilots.find((p) => p.code === 'jiangshan-homestead')?.units).toEqual([
        { code: '330881', name: '江山市' },
      ]);
    });

    it('refuses a pilots file with any bad row and stores none of it', async () => {
      const bad = join(dir, 'bad.csv');
      writeFileSync(
        bad,
        [
          'code,name,kind,theme,start_date,status,unit_codes,units_note,source',
          'new-one,新试点,专项试点,,2025-01-01,active,,,x',
          'broken,坏试点,示范区,,2025-13,done,999999,,x',
        ].join('\n'),
      );
      const r = await loadPilotsFile(opened.store, bad);
      expect(r.ok).toBe(false);
      if (!r.ok)
        expect(r.error.problems.map((p) => [p.line, p.column])).toEqual([
          [3, 'kind'],
          [3, 'status'],
          [3, 'start_date'],
          [3, 'unit_codes'],
        ]);
      expect(await listPilots(opened.store, 'new-one')).toEqual([]);
    });

    it('refuses empty text, unknown units and pilots without writing anything', async () => {
      const base = { title: '案例', unitCode: '330824', summary: '摘要', body: '正文' };
      expect(await createCase(opened.store, { ...base, body: '  ' }, STAMP)).toMatchObject({
        ok: false,
        error: { code: 'EMPTY_TEXT', field: 'body' },
      });
      expect(await createCase(opened.store, { ...base, unitCode: '999999' }, STAMP)).toMatchObject({
        ok: false,
        error: { code: 'UNIT_NOT_FOUND' },
      });
      expect(await createCase(opened.store, { ...base, pilotCode: 'nope' }, STAMP)).toMatchObject({
        ok: false,
        error: { code: 'PILOT_NOT_FOUND' },
      });
      expect((await queryCases(opened.store, { terms: [], limit: 10, offset: 0 })).total).toBe(0);
    });

    it('creates, edits and searches cases with highlighted matches; a pilot lists its lessons', async () => {
      const created = await createCase(
        opened.store,
        {
          title: '江山市盘活闲置农房',
          unitCode: '330881',
          tags: ['宅基地', '共富'],
          summary: '宅基地制度改革让农房“活”起来。',
          body: '通过改革，闲置农房变成共富工坊和民宿。',
          pilotCode: 'jiangshan-homestead',
          source: '测试文本',
        },
        STAMP,
      );
      expect(created.ok).toBe(true);
      if (!created.ok) return;
      expect(created.value).toMatchObject({
        version: 1,
        unitName: '江山市',
        pilotName: '江山市宅基地制度改革全国试点',
      });
      const found = await searchCases(opened.store, { q: '宅基地 共富' });
      expect(found.terms).toEqual(['宅基地', '共富']);
      expect(found.total).toBe(1);
      expect(found.items[0]).toMatchObject({
        title: '江山市盘活闲置农房',
        snippet: '通过改革，闲置农房变成共富工坊和民宿。',
        highlights: { title: [], summary: [[0, 3]], snippet: [[11, 13]] },
      });
      expect(await searchCases(opened.store, { q: '宅基地', unitCode: '330822' })).toMatchObject({
        total: 0,
      });
      expect(await searchCases(opened.store, { q: '宅基地', unitCode: '999999' })).toMatchObject({
        total: 0,
      });
      expect(await searchCases(opened.store, { q: '宅基地', unitCode: '330800' })).toMatchObject({
        total: 1,
      });

      const edited = await editCase(
        opened.store,
        created.value.id,
        1,
        { ...created.value, body: '新的正文：村集体增收。' },
        { at: '2025-06-02T00:00:00.000Z', by: 'editor' },
      );
      expect(edited).toMatchObject({ ok: true, value: { version: 2, updatedBy: 'editor' } });
      expect(await editCase(opened.store, created.value.id, 1, created.value, STAMP)).toMatchObject({
        ok: false,
        error: { code: 'VERSION_CONFLICT' },
      });
      expect(await editCase(opened.store, 424242, 1, created.value, STAMP)).toMatchObject({
        ok: false,
        error: { code: 'NOT_FOUND' },
      });
      expect(
        await editCase(opened.store, created.value.id, 2, { ...created.value, summary: '' }, STAMP),
      ).toMatchObject({ ok: false, error: { code: 'EMPTY_TEXT' } });
      expect((await searchCases(opened.store, { q: '集体增收' })).total).toBe(1);

      const detail = await pilotDetail(opened.store, 'jiangshan-homestead');
      expect(detail?.pilot.caseCount).toBe(1);
      expect(detail?.cases.map((c) => c.title)).toEqual(['江山市盘活闲置农房']);
      expect(await pilotDetail(opened.store, 'nope')).toBeUndefined();
    });
  });
}
