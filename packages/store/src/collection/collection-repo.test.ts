/** The collection repositories on SQLite and PostgreSQL: data sets, form saves with versions, workflow, bulk writes. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { childPath, provinceOf, type DataSetDefinition } from '@suocha/core';
import { openStore, storeConfigFrom, type Store } from '../db';
import { insertUnits, type UnitRow } from '../hierarchy/units-repo';
import { insertCatalogue } from '../targets/catalogue-repo';
import { countRows } from '../observations/observations-repo';
import { testEngines, type OpenedStore } from '../testing/engines';
import { createDataSet, deleteDataSet, getDataSet, listDataSets, updateDataSet } from './datasets-repo';
import { applyFormTransition, getForm, getFormEvents } from './forms-repo';
import {
  getUnitValues,
  getValueHistory,
  saveFormValues,
  scanPeriods,
  type SaveFormInput,
} from './values-repo';
import { writeImport } from './import-writer';
import { listReportingUnits } from './units-lookup';

function unit(code: string, level: UnitRow['level'], parent: UnitRow | null): UnitRow {
  const path = childPath(parent?.path ?? null, code);
  return {
    code,
    name: `单位${code}`,
    level,
    parent_code: parent?.code ?? null,
    path,
    depth: ['country', 'province', 'city', 'county', 'town', 'village'].indexOf(level),
    province_code: provinceOf(path),
    valid_from: null,
    valid_to: null,
    source: 'test',
  };
}
const cn = unit('100000', 'country', null);
const zj = unit('330000', 'province', cn);
const qz = unit('330800', 'city', zj);
const ka = unit('330824', 'county', qz);
const cs = unit('330822', 'county', qz);
const UNITS = [cn, zj, qz, ka, cs];

const indicator = (code: string) => ({
  code,
  nameZh: code,
  nameEn: code,
  unit: 'yuan',
  polarity: 'up' as const,
  domain: 'income',
  definition: '',
  source: 't',
});

const DS: DataSetDefinition = {
  code: 'county_monthly',
  nameZh: '县级月报',
  nameEn: 'County monthly',
  periodKind: 'month',
  ytd: false,
  dueDay: 5,
  dueOffsetMonths: 1,
  level: 'county',
  scopeUnit: '330000',
  fields: [
    {
      indicatorCode: 'urban_income',
      valueType: 'number',
      min: 0,
      max: null,
      required: true,
      softMin: null,
      softMax: null,
    },
    {
      indicatorCode: 'rural_income',
      valueType: 'number',
      min: 0,
      max: null,
      required: true,
      softMin: 1,
      softMax: 2,
    },
  ],
  rules: [
    {
      code: 'u_ge_r',
      expression: 'urban_income >= rural_income',
      messageZh: '城镇≥农村',
      messageEn: '',
      severity: 'error',
      missing: 'skip_if_any_missing',
    },
  ],
  outlier: { method: 'zscore', threshold: 3, minHistory: 3 },
};
const META = { by: 'tester', at: '2025-12-01T02:00:00.000Z' };

const save = (values: SaveFormInput['values'], extra: Partial<SaveFormInput> = {}): SaveFormInput => ({
  datasetCode: DS.code,
  unitCode: '330824',
  provinceCode: '330000',
  period: '2025-11',
  periodEnd: '2025-11-30',
  values,
  by: 'alice',
  at: '2025-12-02T01:00:00.000Z',
  reason: '',
  source: '填报 county_monthly',
  ...extra,
});

for (const engine of testEngines()) {
  describe(`collection store on ${engine.name}`, () => {
    let opened: OpenedStore;
    let store: Store;
    beforeAll(async () => {
      opened = await engine.open();
      store = opened.store;
      await insertUnits(store, UNITS);
      await insertCatalogue(store, {
        indicators: ['urban_income', 'rural_income', 'other'].map(indicator),
        plans: [],
        targets: [],
      });
    });
    afterAll(async () => opened.cleanup());

    it('stores, versions and deletes data set definitions', async () => {
      expect(await createDataSet(store, DS, META)).toBe('created');
      expect(await createDataSet(store, DS, META)).toBe('exists');
      const got = await getDataSet(store, DS.code);
      expect(got).toMatchObject({ ...DS, version: 1, createdBy: 'tester' });
      const changed = { ...DS, nameZh: '县级月报(新)', rules: [] };
      expect(await updateDataSet(store, changed, 2, META)).toEqual({ kind: 'conflict', version: 1 });
      expect(await updateDataSet(store, changed, 1, META)).toEqual({ kind: 'updated', version: 2 });
      expect(await updateDataSet(store, { ...changed, code: 'nope' }, 1, META)).toEqual({
        kind: 'not_found',
      });
      expect(
        (await listDataSets(store)).map((d) => [d.code, d.nameZh, d.rules.length, d.fields.length]),
      ).toEqual([['county_monthly', '县级月报(新)', 0, 2]]);
      await createDataSet(store, { ...DS, code: 'tmp' }, META);
      expect(await deleteDataSet(store, 'tmp')).toBe('deleted');
      expect(await deleteDataSet(store, 'tmp')).toBe('not_found');
      expect((await listReportingUnits(store, zj.path, 'county')).map((u) => u.code)).toEqual([
        '330822',
        '330824',
      ]);
    });

    it('saves values with optimistic versions; a stale writer gets a conflict with both values', async () => {
      const r1 = await saveFormValues(
        store,
        save([
          { indicatorCode: 'urban_income', value: 5000, comment: '', expectedVersion: 0 },
          { indicatorCode: 'rural_income', value: 3000, comment: '', expectedVersion: 0 },
        ]),
      );
      expect(r1).toMatchObject({
        kind: 'ok',
        written: 2,
        unchanged: 0,
        form: { state: 'draft', version: 1 },
      });
      // Same values again: nothing written.
      const r2 = await saveFormValues(
        store,
        save([{ indicatorCode: 'urban_income', value: 5000, comment: '', expectedVersion: 1 }]),
      );
      expect(r2).toMatchObject({ kind: 'ok', written: 0, unchanged: 1 });
      const r3 = await saveFormValues(
        store,
        save([{ indicatorCode: 'urban_income', value: 5100, comment: '修正', expectedVersion: 1 }], {
          by: 'bob',
        }),
      );
      expect(r3).toMatchObject({ kind: 'ok', written: 1 });
      const stale = await saveFormValues(
        store,
        save([
          { indicatorCode: 'rural_income', value: 3100, comment: '', expectedVersion: 1 },
          { indicatorCode: 'urban_income', value: 4900, comment: '', expectedVersion: 1 },
        ]),
      );
      expect(stale).toEqual({
        kind: 'conflict',
        conflicts: [
          {
            indicatorCode: 'urban_income',
            stored: {
              value: 5100,
              version: 2,
              status: 'draft',
              comment: '修正',
              updatedBy: 'bob',
              updatedAt: '2025-12-02T01:00:00.000Z',
            },
            attempted: { value: 4900, version: 1, comment: '' },
            reason: 'version',
          },
        ],
      });
      // All or nothing: the fresh rural value was not written either.
      const vals = await getUnitValues(store, '330824', ['urban_income', 'rural_income'], ['2025-11']);
      expect(vals.map((v) => [v.indicatorCode, v.value, v.version])).toEqual([
        ['rural_income', 3000, 1],
        ['urban_income', 5100, 2],
      ]);
      // A concurrent first entry: the second insert from version 0 is a conflict.
      const dup = await saveFormValues(
        store,
        save([{ indicatorCode: 'rural_income', value: 1, comment: '', expectedVersion: 0 }]),
      );
      expect(dup).toMatchObject({
        kind: 'conflict',
        conflicts: [{ indicatorCode: 'rural_income', stored: { value: 3000, version: 1 } }],
      });
    });

    it('clears a value (history keeps it) and refuses a stale form version', async () => {
      const form = await getForm(store, DS.code, '330824', '2025-11');
      const bad = await saveFormValues(
        store,
        save([{ indicatorCode: 'rural_income', value: null, comment: '', expectedVersion: 1 }], {
          expectedFormVersion: (form?.version ?? 0) - 1,
        }),
      );
      expect(bad.kind).toBe('form_state');
      const r = await saveFormValues(
        store,
        save([{ indicatorCode: 'rural_income', value: null, comment: '', expectedVersion: 1 }], {
          expectedFormVersion: form?.version ?? 0,
        }),
      );
      expect(r).toMatchObject({ kind: 'ok', written: 1 });
      expect(await getUnitValues(store, '330824', ['rural_income'], ['2025-11'])).toEqual([]);
      const again = await saveFormValues(
        store,
        save([{ indicatorCode: 'rural_income', value: 3000, comment: '', expectedVersion: 0 }]),
      );
      expect(again.kind).toBe('ok');
      const h = await getValueHistory(store, {
        unitCode: '330824',
        period: '2025-11',
        indicatorCode: 'rural_income',
      });
      expect(h.map((e) => [e.oldValue, e.newValue, e.version])).toEqual([
        [null, 3000, 1],
        [3000, null, 2],
        [null, 3000, 1],
      ]);
    });

    it('walks the workflow; values follow the form and cannot change until reopened with a reason', async () => {
      const base = {
        datasetCode: DS.code,
        unitCode: '330824',
        provinceCode: '330000',
        period: '2025-11',
        by: 'alice',
        reason: '',
      };
      const sub = await applyFormTransition(store, {
        ...base,
        action: 'submit',
        from: ['draft'],
        to: 'submitted',
        at: '2025-12-04T03:00:00.000Z',
      });
      expect(sub).toMatchObject({
        kind: 'ok',
        values: 2,
        form: { state: 'submitted', submittedBy: 'alice', firstSubmittedAt: '2025-12-04T03:00:00.000Z' },
      });
      // Saving a submitted form: refused.
      const blocked = await saveFormValues(
        store,
        save([{ indicatorCode: 'urban_income', value: 1, comment: '', expectedVersion: 3 }]),
      );
      expect(blocked).toMatchObject({ kind: 'form_state', form: { state: 'submitted' } });
      // A second submit from draft is a conflict (the state moved).
      expect(
        await applyFormTransition(store, {
          ...base,
          action: 'submit',
          from: ['draft'],
          to: 'submitted',
          at: META.at,
        }),
      ).toMatchObject({
        kind: 'conflict',
        form: { state: 'submitted' },
      });
      const ap = await applyFormTransition(store, {
        ...base,
        by: 'city',
        action: 'approve',
        from: ['submitted'],
        to: 'approved',
        at: '2025-12-06T00:00:00.000Z',
      });
      expect(ap).toMatchObject({ kind: 'ok', form: { state: 'approved', approvedBy: 'city' } });
      const lk = await applyFormTransition(store, {
        ...base,
        by: 'city',
        action: 'lock',
        from: ['approved'],
        to: 'locked',
        at: '2025-12-07T00:00:00.000Z',
      });
      expect(lk).toMatchObject({ kind: 'ok', form: { state: 'locked', lockedBy: 'city' } });
      const vals = await getUnitValues(store, '330824', ['urban_income', 'rural_income'], ['2025-11']);
      expect(vals.map((v) => v.status)).toEqual(['locked', 'locked']);
      const re = await applyFormTransition(store, {
        ...base,
        by: 'city',
        action: 'reopen',
        from: ['approved', 'locked'],
        to: 'draft',
        at: '2025-12-08T00:00:00.000Z',
        reason: '数据有误',
      });
      expect(re).toMatchObject({
        kind: 'ok',
        form: {
          state: 'draft',
          lockedAt: null,
          approvedAt: null,
          firstSubmittedAt: '2025-12-04T03:00:00.000Z',
        },
      });
      const events = await getFormEvents(store, re.kind === 'ok' ? re.form.id : -1);
      expect(events.map((e) => [e.action, e.fromState, e.toState, e.reason])).toEqual([
        ['submit', 'draft', 'submitted', ''],
        ['approve', 'submitted', 'approved', ''],
        ['lock', 'approved', 'locked', ''],
        ['reopen', 'locked', 'draft', '数据有误'],
      ]);
      const h = await getValueHistory(store, {
        unitCode: '330824',
        period: '2025-11',
        indicatorCode: 'urban_income',
      });
      expect(h.map((e) => `${e.oldStatus}>${e.newStatus}`).slice(-4)).toEqual([
        'draft>submitted',
        'submitted>approved',
        'approved>locked',
        'locked>draft',
      ]);
      expect(h.at(-1)).toMatchObject({ reason: '数据有误', changedBy: 'city' });
      await expect(store.db.updateTable('collection_events').set({ reason: 'x' }).execute()).rejects.toThrow(
        /append-only/,
      );
      await expect(store.db.deleteFrom('collection_events').execute()).rejects.toThrow(/append-only/);
      expect(await deleteDataSet(store, DS.code)).toBe('in_use');
    });

    it('bulk-writes an import all or nothing and refuses forms that left draft or values that changed', async () => {
      const before = await countRows(store);
      const inserts = ['330822', '330824'].flatMap((u) =>
        ['urban_income', 'rural_income'].map((i, k) => ({
          indicatorCode: i,
          unitCode: u,
          provinceCode: '330000',
          period: '2025-10',
          periodEnd: '2025-10-31',
          value: 100 + k,
          comment: '',
        })),
      );
      const forms = ['330824', '330822'].map((u) => ({
        unitCode: u,
        provinceCode: '330000',
        period: '2025-10',
      }));
      const meta = { datasetCode: DS.code, by: 'imp', at: META.at, reason: 'import', source: 'a.csv' };
      let progress = 0;
      const ok = await writeImport(store, {
        ...meta,
        forms,
        inserts,
        updates: [],
        onProgress: (n) => void (progress = n),
      });
      expect(ok).toEqual({ kind: 'ok', inserted: 4, updated: 0, forms: 2 });
      expect(progress).toBe(4);
      const after = await countRows(store);
      expect((after.observations ?? 0) - (before.observations ?? 0)).toBe(4);
      expect((after.observation_history ?? 0) - (before.observation_history ?? 0)).toBe(4);
      const seen: string[] = [];
      // The unit range leaves out 330802 and everything after 330824.
      await scanPeriods(store, ['2025-10'], { from: '330810', to: '330824' }, (v) =>
        seen.push(`${v.unitCode}:${v.indicatorCode}:${v.value}:${v.version}:${v.datasetCode}`),
      );
      expect(seen.sort()).toEqual([
        '330822:rural_income:101:1:county_monthly',
        '330822:urban_income:100:1:county_monthly',
        '330824:rural_income:101:1:county_monthly',
        '330824:urban_income:100:1:county_monthly',
      ]);

      // One insert that already exists: nothing of the batch is written.
      const again = await writeImport(store, {
        ...meta,
        forms,
        inserts: [{ ...inserts[0]!, period: '2025-09', periodEnd: '2025-09-30' }, inserts[1]!],
        updates: [],
      });
      expect(again).toMatchObject({
        kind: 'conflict',
        conflicts: [{ unitCode: '330822', indicatorCode: 'rural_income' }],
      });
      expect(await countRows(store)).toEqual(after);

      // An update from a stale version: conflict, nothing written.
      const cur = await getUnitValues(store, '330822', ['urban_income'], ['2025-10']);
      const upd = {
        id: cur[0]!.id,
        indicatorCode: 'urban_income',
        unitCode: '330822',
        provinceCode: '330000',
        period: '2025-10',
        oldValue: 100,
        oldStatus: 'draft',
        oldVersion: 7,
        value: 111,
        comment: '',
      };
      expect(
        (await writeImport(store, { ...meta, forms: [forms[1]!], inserts: [], updates: [upd] })).kind,
      ).toBe('conflict');
      const good = await writeImport(store, {
        ...meta,
        forms: [forms[1]!],
        inserts: [],
        updates: [{ ...upd, oldVersion: 1 }],
      });
      expect(good).toMatchObject({ kind: 'ok', updated: 1 });
      expect((await getUnitValues(store, '330822', ['urban_income'], ['2025-10']))[0]).toMatchObject({
        value: 111,
        version: 2,
      });

      // A submitted form refuses the import.
      await applyFormTransition(store, {
        datasetCode: DS.code,
        unitCode: '330822',
        provinceCode: '330000',
        period: '2025-10',
        by: 'x',
        reason: '',
        action: 'submit',
        from: ['draft'],
        to: 'submitted',
        at: META.at,
      });
      const refused = await writeImport(store, {
        ...meta,
        forms: [forms[1]!],
        inserts: [],
        updates: [{ ...upd, oldVersion: 3, value: 5 }],
      });
      expect(refused).toMatchObject({
        kind: 'conflict',
        conflicts: [{ unitCode: '330822', period: '2025-10' }],
      });
    });

    it('50 concurrent writers of one value lose no update: final version = successes + 1, each success in the history', async () => {
      // Several connections to the same database: SQLite files are opened again; PostgreSQL pools 10 clients each.
      const extra = await Promise.all([1, 2, 3].map(() => openStore(storeConfigFrom(opened.location))));
      const stores = [store, ...extra];
      const key = { unitCode: '330822', period: '2025-12' };
      const first = await saveFormValues(
        store,
        save([{ indicatorCode: 'urban_income', value: 0, comment: '', expectedVersion: 0 }], {
          ...key,
          periodEnd: '2025-12-31',
        }),
      );
      expect(first.kind).toBe('ok');
      let conflicts = 0;
      const writer = async (w: number): Promise<boolean> => {
        const s = stores[w % stores.length] as Store;
        for (let attempt = 0; attempt < 500; attempt++) {
          const [cur] = await getUnitValues(s, key.unitCode, ['urban_income'], [key.period]);
          const r = await saveFormValues(
            s,
            save(
              [
                {
                  indicatorCode: 'urban_income',
                  value: 1000 + w,
                  comment: `w${w}`,
                  expectedVersion: cur?.version ?? 0,
                },
              ],
              {
                ...key,
                periodEnd: '2025-12-31',
                by: `writer${w}`,
              },
            ),
          );
          if (r.kind === 'ok') return true;
          expect(r.kind).toBe('conflict');
          conflicts++;
        }
        return false;
      };
      const results = await Promise.all(Array.from({ length: 50 }, (_, w) => writer(w)));
      await Promise.all(extra.map((s) => s.close()));
      const successes = results.filter(Boolean).length;
      expect(successes).toBe(50);
      const [final] = await getUnitValues(store, key.unitCode, ['urban_income'], [key.period]);
      expect(final?.version).toBe(successes + 1);
      const h = await getValueHistory(store, { ...key, indicatorCode: 'urban_income' });
      expect(h).toHaveLength(successes + 1);
      expect(h.map((e) => e.version)).toEqual(Array.from({ length: successes + 1 }, (_, i) => i + 1));
      expect(new Set(h.slice(1).map((e) => e.changedBy)).size).toBe(50);
      // Each entry starts from the value the previous one wrote: no write was lost in between.
      for (let i = 1; i < h.length; i++) expect(h[i]?.oldValue).toBe(h[i - 1]?.newValue);
      // Contention really happened (PostgreSQL runs writers in parallel; SQLite interleaves them between read and write).
      expect(conflicts).toBeGreaterThan(0);
    });
  });
}
