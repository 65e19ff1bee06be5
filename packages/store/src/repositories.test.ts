/** The repository suite, run identically on SQLite and PostgreSQL. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore, storeConfigFrom } from './db';
import {
  countUnitsByLevel,
  getAncestors,
  getChildren,
  getSubtree,
  getSubtreeCodes,
  getUnit,
  insertUnits,
} from './hierarchy/units-repo';
import { getGroupMembers, insertGroups } from './hierarchy/groups-repo';
import { insertCatalogue, listIndicators, listTargets } from './targets/catalogue-repo';
import {
  countRows,
  getHistory,
  insertNewObservations,
  listObservations,
} from './observations/observations-repo';
import { testEngines, type OpenedStore } from './testing/engines';
import { testUnit as unit } from './testing/units';

const cn = unit('100000', '全国', 'country', null);
const zj = unit('330000', '浙江省', 'province', cn);
const js = unit('320000', '江苏省', 'province', cn);
const hz = unit('330100', '杭州市', 'city', zj);
const qz = unit('330800', '衢州市', 'city', zj);
const sc = unit('330102', '上城区', 'county', hz);
const ka = unit('330824', '开化县', 'county', qz);
const town = unit('330824100', '华埠镇', 'town', ka);
const vil = unit('330824100001', '某村', 'village', town);
// A code that is a string prefix of another but not its ancestor must not leak into the subtree.
const hz2 = unit('3301', '伪', 'city', zj);
const ALL = [cn, zj, js, hz, qz, sc, ka, town, vil, hz2];

for (const engine of testEngines()) {
  describe(`store on ${engine.name}`, () => {
    let opened: OpenedStore;
    beforeAll(async () => {
      opened = await engine.open();
      await insertUnits(opened.store, ALL);
    });
    afterAll(async () => opened.cleanup());

    it('migrations are idempotent: reopening the same database changes nothing', async () => {
      const again = await openStore(storeConfigFrom(opened.location));
      expect(await countRows(again)).toEqual(await countRows(opened.store));
      await again.close();
    });

    it('answers children, subtree (with level filter), ancestors', async () => {
      const { store } = opened;
      expect((await getChildren(store, '330000')).map((u) => u.code)).toEqual(['3301', '330100', '330800']);
      expect((await getSubtree(store, '330000', 'county'))?.map((u) => u.code)).toEqual(['330102', '330824']);
      expect((await getSubtree(store, '330800'))?.map((u) => u.code)).toEqual([
        '330824',
        '330824100',
        '330824100001',
      ]);
      expect((await getSubtree(store, '3301'))?.map((u) => u.code)).toEqual([]);
      expect(await getSubtree(store, '999999')).toBeUndefined();
      expect((await getAncestors(store, '330824100001'))?.map((u) => u.code)).toEqual([
        '100000',
        '330000',
        '330800',
        '330824',
        '330824100',
      ]);
      expect((await getSubtreeCodes(store, '330824')).sort()).toEqual([
        '330824',
        '330824100',
        '330824100001',
      ]);
      expect(await getUnit(store, '330824')).toEqual({
        code: '330824',
        name: '开化县',
        level: 'county',
        parentCode: '330800',
        validFrom: null,
        validTo: null,
      });
      expect(await countUnitsByLevel(store)).toEqual({
        country: 1,
        province: 2,
        city: 3,
        county: 2,
        town: 1,
        village: 1,
      });
    });

    it('inserting units again changes nothing', async () => {
      expect(await insertUnits(opened.store, ALL)).toBe(0);
      expect((await countRows(opened.store)).units).toBe(ALL.length);
    });

    it('answers group membership as of a date (from inclusive, to exclusive)', async () => {
      const { store } = opened;
      await insertGroups(
        store,
        [{ code: 'g', nameZh: '组', nameEn: 'group', description: '', source: 't' }],
        [
          { groupCode: 'g', unitCode: '330824', validFrom: null, validTo: null, source: 't' },
          { groupCode: 'g', unitCode: '330102', validFrom: '2024-08-01', validTo: '2025-05-28', source: 't' },
        ],
      );
      const on = async (d: string) => (await getGroupMembers(store, 'g', d)).map((m) => m.code);
      expect(await on('2024-07-31')).toEqual(['330824']);
      expect(await on('2024-08-01')).toEqual(['330102', '330824']);
      expect(await on('2025-05-28')).toEqual(['330824']);
      expect((await getGroupMembers(store, 'g')).length).toBe(2);
    });

    it('stores the catalogue once and observations with an append-only history', async () => {
      const { store } = opened;
      const cat = {
        indicators: [
          {
            code: 'rural_income',
            nameZh: '农村居民人均可支配收入',
            nameEn: 'Rural income',
            unit: 'yuan',
            polarity: 'up' as const,
            domain: 'income',
            definition: '',
            source: 't',
          },
        ],
        plans: [
          {
            code: 'p',
            title: '方案',
            issuer: '省委',
            issuedOn: '2025-01-01',
            scopeUnit: '330000',
            source: 't',
          },
        ],
        targets: [
          {
            indicatorCode: 'rural_income',
            planCode: 'p',
            unitCode: '330000',
            year: 2027,
            comparator: '>=' as const,
            value: 48000,
            baselinePeriod: null,
            baselineValue: null,
            source: 't',
          },
        ],
      };
      expect(await insertCatalogue(store, cat)).toEqual({ indicators: 1, plans: 1, targets: 1 });
      expect(await insertCatalogue(store, cat)).toEqual({ indicators: 0, plans: 0, targets: 0 });
      expect((await listIndicators(store))[0]?.nameZh).toBe('农村居民人均可支配收入');
      expect((await listTargets(store, { unitCode: '330000' }))[0]?.value).toBe(48000);

      const obs = {
        indicatorCode: 'rural_income',
        unitCode: '330000',
        provinceCode: '330000',
        period: '2024',
        periodEnd: '2024-12-31',
        value: 43347,
        source: 'src',
        note: '',
        status: 'approved' as const,
        synthetic: false,
      };
      const meta = { by: 'test', at: '2026-01-01T00:00:00.000Z', reason: 'test' };
      expect(await insertNewObservations(store, [obs], meta)).toBe(1);
      expect(await insertNewObservations(store, [obs], meta)).toBe(0);
      const [o] = await listObservations(store, { indicatorCode: 'rural_income' });
      expect(o?.value).toBe(43347);
      const h = await getHistory(store, o?.id ?? -1);
      expect(h).toHaveLength(1);
      expect(h[0]).toMatchObject({
        version: 1,
        oldValue: null,
        newValue: 43347,
        newStatus: 'approved',
        changedBy: 'test',
      });
      await expect(
        store.db.updateTable('observation_history').set({ reason: 'tampered' }).execute(),
      ).rejects.toThrow(/append-only/);
      await expect(store.db.deleteFrom('observation_history').execute()).rejects.toThrow(/append-only/);
    });

    it('writes a batch all or nothing', async () => {
      const { store } = opened;
      const before = await countRows(store);
      const good = {
        indicatorCode: 'rural_income',
        unitCode: '330800',
        provinceCode: '330000',
        period: '2024',
        periodEnd: '2024-12-31',
        value: 1,
        source: 's',
        note: '',
        status: 'approved' as const,
        synthetic: false,
      };
      const bad = { ...good, unitCode: '330824', indicatorCode: 'no_such_indicator' };
      await expect(
        insertNewObservations(store, [good, bad], { by: 't', at: '2026-01-01T00:00:00Z', reason: 't' }),
      ).rejects.toThrow();
      expect(await countRows(store)).toEqual(before);
    });
  });
}
