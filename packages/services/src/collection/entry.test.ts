/** Entry forms, validation, optimistic conflicts and the approval workflow, on SQLite and PostgreSQL. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore, storeConfigFrom, type Store } from '@suocha/store';
import { testEngines, type OpenedStore } from '@suocha/store/testing';
import { actOnForm, saveForm, type SaveFormRequest } from './entry';
import { changeDataSet } from './datasets';
import { CollectionError } from './errors';
import { loadForm } from './form';
import { valueHistory } from './export';
import { COUNTY_DS, seedWorld } from './test-fixture';

const at = (d: string) => `${d}T02:00:00.000Z`;

async function fails(p: Promise<unknown>): Promise<CollectionError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof CollectionError) return e;
    throw e;
  }
  throw new Error('expected a CollectionError');
}

for (const engine of testEngines()) {
  describe(`collection entry on ${engine.name}`, () => {
    let opened: OpenedStore;
    let store: Store;
    const base = { datasetCode: COUNTY_DS.code, unitCode: '330824', by: 'kaihua', source: 'test' };
    const save = (period: string, values: SaveFormRequest['values'], extra: Partial<SaveFormRequest> = {}) =>
      saveForm(store, { ...base, period, values, at: at('2025-12-02'), ...extra });

    beforeAll(async () => {
      opened = await engine.open();
      store = opened.store;
      await seedWorld(store);
      // Four months of history for the outlier check.
      const months = ['2025-07', '2025-08', '2025-09', '2025-10'];
      for (const [i, m] of months.entries())
        await save(m, [
          { indicatorCode: 'urban_income', value: 60000 + 500 * i, version: 0 },
          { indicatorCode: 'rural_income', value: 30000 + 500 * i, version: 0 },
        ]);
    });
    afterAll(async () => opened.cleanup());

    it('shows each field with previous value, last year, target and the outlier band', async () => {
      const form = await loadForm(store, COUNTY_DS.code, '330824', '2025-11');
      expect(form).toMatchObject({
        state: 'draft',
        formVersion: 0,
        dueDate: '2025-12-05',
        period: '2025-11',
        timeliness: null,
      });
      expect(form.actions).toEqual(['save', 'submit']);
      const rural = form.fields.find((f) => f.indicatorCode === 'rural_income');
      expect(rural).toMatchObject({
        nameZh: '农村居民人均可支配收入',
        current: null,
        previous: { period: '2025-10', value: 31500 },
        lastYear: null,
        target: { year: 2027, comparator: '>=', value: 40000 },
        required: true,
      });
      // History 30000, 30500, 31000, 31500: mean 30750, sd 645.497 → band 30750 ± 3·645.497.
      expect(rural?.band?.low).toBeCloseTo(28813.508, 2);
      expect(rural?.band?.high).toBeCloseTo(32686.492, 2);
      expect(form.fields.find((f) => f.indicatorCode === 'households')?.band).toBeNull();
      expect((await fails(loadForm(store, COUNTY_DS.code, '330800', '2025-11'))).code).toBe('BAD_REQUEST');
      expect((await fails(loadForm(store, COUNTY_DS.code, '330824', '2025Q4'))).code).toBe('BAD_REQUEST');
      expect((await fails(loadForm(store, COUNTY_DS.code, '330103', '2025-11'))).message).toContain('不存在');
      expect((await fails(loadForm(store, 'nope', '330824', '2025-11'))).code).toBe('NOT_FOUND');
      expect((await fails(loadForm(store, COUNTY_DS.code, '999999', '2025-11'))).code).toBe('UNIT_NOT_FOUND');
    });

    it('validates before storing: type, range, rules and outliers (a comment confirms one)', async () => {
      const bad = await fails(
        save('2025-11', [
          { indicatorCode: 'urban_income', value: 'abc', version: 0 },
          { indicatorCode: 'households', value: 12.5, version: 0 },
          { indicatorCode: 'nope', value: 1, version: 0 },
        ]),
      );
      expect(bad.code).toBe('VALIDATION_FAILED');
      expect(bad.details.problems?.map((p) => [p.code, p.column])).toEqual([
        ['NOT_A_NUMBER', 'urban_income'],
        ['UNKNOWN_INDICATOR', 'nope'],
      ]);
      const typed = await fails(
        save('2025-11', [
          { indicatorCode: 'households', value: 12.5, version: 0 },
          { indicatorCode: 'rural_income', value: -1, version: 0 },
        ]),
      );
      expect(typed.details.problems?.map((p) => p.code)).toEqual(['BELOW_MIN', 'NOT_AN_INTEGER']);
      const rule = await fails(
        save('2025-11', [
          { indicatorCode: 'urban_income', value: 30000, version: 0 },
          { indicatorCode: 'rural_income', value: 32000, version: 0 },
        ]),
      );
      // Every problem at once: urban 30000 is also far below its own history (about 60000).
      expect(rule.details.problems).toEqual([
        expect.objectContaining({ code: 'OUTLIER_NEEDS_COMMENT', column: 'urban_income' }),
        expect.objectContaining({
          code: 'RULE_FAILED',
          column: 'urban_income',
          message: expect.stringContaining('[urban_ge_rural]'),
        }),
      ]);
      const outlier = await fails(
        save('2025-11', [{ indicatorCode: 'rural_income', value: 45000, version: 0 }]),
      );
      expect(outlier.details.problems?.map((p) => [p.code, p.column])).toEqual([
        ['OUTLIER_NEEDS_COMMENT', 'rural_income'],
      ]);
      // Nothing was stored by any of these.
      expect(
        (await loadForm(store, COUNTY_DS.code, '330824', '2025-11')).fields.every((f) => f.current === null),
      ).toBe(true);
      const ok = await save('2025-11', [
        { indicatorCode: 'urban_income', value: '62,000', version: 0 },
        { indicatorCode: 'rural_income', value: 45000, version: 0, comment: '年终奖金集中发放' },
      ]);
      expect(ok).toMatchObject({ written: 2, unchanged: 0, warnings: [] });
      expect(ok.form.fields.find((f) => f.indicatorCode === 'rural_income')?.current).toMatchObject({
        value: 45000,
        version: 1,
        comment: '年终奖金集中发放',
        status: 'draft',
      });
      expect(ok.form.formVersion).toBe(1);
    });

    it('a stale writer gets CONFLICT with the stored and the attempted value; nothing is lost', async () => {
      await save('2025-11', [{ indicatorCode: 'urban_income', value: 62500, version: 1 }], { by: 'alice' });
      const c = await fails(
        save('2025-11', [{ indicatorCode: 'urban_income', value: 61000, version: 1 }], { by: 'bob' }),
      );
      expect(c.code).toBe('CONFLICT');
      expect(c.details.conflicts).toEqual([
        expect.objectContaining({
          indicatorCode: 'urban_income',
          stored: expect.objectContaining({ value: 62500, version: 2, updatedBy: 'alice' }),
          attempted: { value: 61000, version: 1, comment: '' },
        }),
      ]);
      const h = await valueHistory(store, {
        unitCode: '330824',
        period: '2025-11',
        indicatorCode: 'urban_income',
      });
      expect(h.map((e) => [e.newValue, e.changedBy])).toEqual([
        [62000, 'kaihua'],
        [62500, 'alice'],
      ]);
    });

    it('submit needs every required field and a consistent form; then approve, lock, reopen with a reason', async () => {
      const form = '2025-12';
      await save(form, [{ indicatorCode: 'urban_income', value: 62000, version: 0 }]);
      const act = (
        action: 'submit' | 'approve' | 'return' | 'lock' | 'reopen',
        extra: { reason?: string; by?: string; at?: string; formVersion?: number } = {},
      ) =>
        actOnForm(store, {
          datasetCode: COUNTY_DS.code,
          unitCode: '330824',
          period: form,
          action,
          by: extra.by ?? 'kaihua',
          at: extra.at ?? at('2026-01-04'),
          ...extra,
        });
      const missing = await fails(act('submit'));
      expect(missing.code).toBe('VALIDATION_FAILED');
      expect(missing.details.problems?.map((p) => [p.code, p.column])).toEqual([
        ['REQUIRED', 'rural_income'],
      ]);
      await save(form, [{ indicatorCode: 'rural_income', value: 31800, version: 0 }]);
      const stale = await fails(act('submit', { formVersion: 1 }));
      expect(stale.code).toBe('CONFLICT');
      const sub = await act('submit', { formVersion: 2, at: '2026-01-05T15:30:00.000Z' });
      expect(sub.form).toMatchObject({
        state: 'submitted',
        timeliness: 'on_time',
        submittedBy: 'kaihua',
        actions: ['approve', 'return'],
      });
      expect(sub.form.fields.map((f) => f.current?.status ?? null)).toEqual(['submitted', 'submitted', null]);
      expect((await fails(save(form, [{ indicatorCode: 'urban_income', value: 1, version: 2 }]))).code).toBe(
        'CONFLICT',
      );
      expect((await fails(act('return', { by: 'quzhou' }))).code).toBe('VALIDATION_FAILED');
      const ret = await act('return', { by: 'quzhou', reason: '农村收入偏低, 请核实' });
      expect(ret.form.state).toBe('draft');
      await act('submit', { at: '2026-01-08T01:00:00.000Z' });
      const ap = await act('approve', { by: 'quzhou' });
      expect(ap.form).toMatchObject({
        state: 'approved',
        approvedBy: 'quzhou',
        timeliness: 'on_time',
        firstSubmittedAt: '2026-01-05T15:30:00.000Z',
      });
      const lk = await act('lock', { by: 'quzhou' });
      expect(lk.form.state).toBe('locked');
      const locked = await fails(save(form, [{ indicatorCode: 'urban_income', value: 1, version: 4 }]));
      expect(locked.code).toBe('CONFLICT');
      expect((await fails(act('approve', { by: 'quzhou' }))).code).toBe('CONFLICT');
      const noReason = await fails(act('reopen', { by: 'quzhou', reason: ' ' }));
      expect(noReason.details.problems?.[0]?.code).toBe('REASON_REQUIRED');
      const re = await act('reopen', { by: 'quzhou', reason: '统计口径调整' });
      expect(re.form.state).toBe('draft');
      expect(re.form.events.map((e) => [e.action, e.actor, e.reason])).toEqual([
        ['submit', 'kaihua', ''],
        ['return', 'quzhou', '农村收入偏低, 请核实'],
        ['submit', 'kaihua', ''],
        ['approve', 'quzhou', ''],
        ['lock', 'quzhou', ''],
        ['reopen', 'quzhou', '统计口径调整'],
      ]);
      const cur = re.form.fields.find((f) => f.indicatorCode === 'urban_income')?.current;
      const changed = await save(
        form,
        [{ indicatorCode: 'urban_income', value: 62100, version: cur?.version ?? -1 }],
        { reason: '更正' },
      );
      expect(changed.written).toBe(1);
      const h = await valueHistory(store, {
        unitCode: '330824',
        period: form,
        indicatorCode: 'urban_income',
      });
      expect(h.map((e) => `${e.oldStatus ?? '-'}>${e.newStatus}:${e.newValue}`)).toEqual([
        '->draft:62000',
        'draft>submitted:62000',
        'submitted>draft:62000',
        'draft>submitted:62000',
        'submitted>approved:62000',
        'approved>locked:62000',
        'locked>draft:62000',
        'draft>draft:62100',
      ]);
      expect(h.at(-2)).toMatchObject({ reason: '统计口径调整', changedBy: 'quzhou' });
      expect(h.at(-1)).toMatchObject({ reason: '更正', oldValue: 62000 });
    });

    it('a data set with entered data keeps its period kind, level and scope', async () => {
      const e = await fails(
        changeDataSet(store, { ...COUNTY_DS, periodKind: 'quarter' }, 1, {
          by: 'admin',
          at: at('2026-01-01'),
        }),
      );
      expect(e.code).toBe('CONFLICT');
      expect(e.message).toContain('periodKind');
      const ok = await changeDataSet(store, { ...COUNTY_DS, nameZh: '县级收入月报(修订)' }, 1, {
        by: 'admin',
        at: at('2026-01-01'),
      });
      expect(ok).toMatchObject({ version: 2, nameZh: '县级收入月报(修订)' });
    });

    it('50 concurrent submissions on one unit and period: no update is lost', async () => {
      // Several connections to the same database: SQLite files opened again; PostgreSQL pools.
      const extra = await Promise.all([1, 2, 3, 4].map(() => openStore(storeConfigFrom(opened.location))));
      const stores = [store, ...extra];
      const period = '2025-06';
      let conflicts = 0;
      const writer = async (w: number) => {
        const s = stores[w % stores.length] as Store;
        for (let attempt = 0; attempt < 500; attempt++) {
          const form = await loadForm(s, COUNTY_DS.code, '330824', period);
          const f = form.fields.find((x) => x.indicatorCode === 'households');
          try {
            await saveForm(s, {
              ...base,
              period,
              by: `w${w}`,
              at: at('2025-07-01'),
              values: [{ indicatorCode: 'households', value: 1000 + w, version: f?.current?.version ?? 0 }],
            });
            return true;
          } catch (e) {
            if (!(e instanceof CollectionError) || e.code !== 'CONFLICT') throw e;
            conflicts++;
          }
        }
        return false;
      };
      const ok = await Promise.all(Array.from({ length: 50 }, (_, w) => writer(w)));
      const successes = ok.filter(Boolean).length;
      expect(successes).toBe(50);
      const final = (await loadForm(store, COUNTY_DS.code, '330824', period)).fields.find(
        (x) => x.indicatorCode === 'households',
      )?.current;
      // The first success inserts version 1; each later success adds one.
      expect(final?.version).toBe(successes);
      const h = await valueHistory(store, { unitCode: '330824', period, indicatorCode: 'households' });
      expect(h).toHaveLength(successes);
      expect(new Set(h.map((e) => e.changedBy)).size).toBe(50);
      for (let i = 1; i < h.length; i++) expect(h[i]?.oldValue).toBe(h[i - 1]?.newValue);
      expect(conflicts).toBeGreaterThan(0);

      // Then 50 concurrent submits of the same form: exactly one wins, the others see a conflict.
      await saveForm(store, {
        ...base,
        period,
        at: at('2025-07-01'),
        values: [
          { indicatorCode: 'urban_income', value: 60000, version: 0 },
          { indicatorCode: 'rural_income', value: 30000, version: 0 },
        ],
      });
      const version = (await loadForm(store, COUNTY_DS.code, '330824', period)).formVersion;
      const submits = await Promise.allSettled(
        Array.from({ length: 50 }, (_, w) =>
          actOnForm(stores[w % stores.length] as Store, {
            datasetCode: COUNTY_DS.code,
            unitCode: '330824',
            period,
            action: 'submit',
            formVersion: version,
            by: `w${w}`,
            at: at('2025-07-02'),
          }),
        ),
      );
      await Promise.all(extra.map((s) => s.close()));
      expect(submits.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
      for (const r of submits)
        if (r.status === 'rejected') expect(r.reason).toMatchObject({ code: 'CONFLICT' });
      const events = (await loadForm(store, COUNTY_DS.code, '330824', period)).events;
      expect(events.filter((e) => e.action === 'submit')).toHaveLength(1);
    });
  });
}
