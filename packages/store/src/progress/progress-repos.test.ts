/** The progress repositories on SQLite and PostgreSQL: value writes with history, lineage, warnings, revisions. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertUnits } from '../hierarchy/units-repo';
import { getHistory } from '../observations/observations-repo';
import { insertCatalogue } from '../targets/catalogue-repo';
import { testEngines, type OpenedStore } from '../testing/engines';
import { bulkInsertObservations, bulkInsertTargets } from './bulk-load';
import { getLineage, listDerivedValues, writeDerivedValues } from './derived-repo';
import {
  findObservationByKey,
  recordObservationValue,
  reviseObservationValue,
  VersionConflictError,
  type NewObservationValue,
} from './observation-writes';
import {
  listProgressTargets,
  listSeriesObservations,
  rootUnitCode,
  scanProgressInputs,
} from './progress-read';
import { dataRevision } from './revision';
import {
  applyWarningChanges,
  listOpenWarningRefs,
  listWarnings,
  warningEvaluationState,
} from './warnings-repo';
import type { FiringWarning } from './warnings-repo';
import { testUnit as unit } from '../testing/units';

const cn = unit('100000', '全国', 'country', null);
const zj = unit('330000', '浙江省', 'province', cn);
const qz = unit('330800', '衢州市', 'city', zj);
const ka = unit('330824', '开化县', 'county', qz);

const indicator = (code: string, polarity: 'up' | 'down', definition = '') => ({
  code,
  nameZh: code,
  nameEn: code,
  unit: 'x',
  polarity,
  domain: 'test',
  definition,
  source: 't',
});
const target = (
  indicatorCode: string,
  unitCode: string,
  year: number,
  comparator: '>=' | '<=',
  value: number,
) => ({
  indicatorCode,
  planCode: 'p',
  unitCode,
  year,
  comparator,
  value,
  baselinePeriod: null,
  baselineValue: null,
  source: 't',
});
const value = (
  indicatorCode: string,
  unitCode: string,
  period: string,
  v: number,
  status: NewObservationValue['status'] = 'approved',
): NewObservationValue => ({
  indicatorCode,
  unitCode,
  provinceCode: '330000',
  period,
  periodEnd: `${period}-12-31`,
  value: v,
  source: `src ${period}`,
  note: '',
  status,
  synthetic: false,
});
const meta = { by: 'test', at: '2026-01-01T00:00:00.000Z', reason: 'test' };

for (const engine of testEngines()) {
  describe(`progress repositories on ${engine.name}`, () => {
    let opened: OpenedStore;
    beforeAll(async () => {
      opened = await engine.open();
      const { store } = opened;
      await insertUnits(store, [cn, zj, qz, ka]);
      await insertCatalogue(store, {
        indicators: [indicator('a', 'up'), indicator('b', 'up'), indicator('r', 'down', 'a / b')],
        plans: [
          {
            code: 'p',
            title: '方案',
            issuer: '省',
            issuedOn: '2025-01-01',
            scopeUnit: '330000',
            source: 't',
          },
        ],
        targets: [
          target('a', '330000', 2027, '>=', 120),
          target('r', '330000', 2027, '<=', 1.5),
          target('a', '330824', 2027, '>=', 10),
        ],
      });
    });
    afterAll(async () => opened.cleanup());

    it('records a value: insert (v1), unchanged, revise (v2 with history), conflict on a stale version', async () => {
      const { store } = opened;
      const first = await recordObservationValue(store, value('a', '330000', '2023', 100), meta);
      expect(first.action).toBe('inserted');
      expect(first.observation).toMatchObject({
        value: 100,
        version: 1,
        derived: false,
        provinceCode: '330000',
      });
      expect((await recordObservationValue(store, value('a', '330000', '2023', 100), meta)).action).toBe(
        'unchanged',
      );
      const second = await recordObservationValue(store, value('a', '330000', '2023', 101), {
        ...meta,
        reason: 'fix',
      });
      expect(second).toMatchObject({ action: 'updated', observation: { value: 101, version: 2 } });
      const h = await getHistory(store, first.observation.id);
      expect(h.map((e) => [e.version, e.oldValue, e.newValue, e.reason])).toEqual([
        [1, null, 100, 'test'],
        [2, 100, 101, 'fix'],
      ]);
      // The version read first (1) is stale now: nothing is written.
      await expect(
        store.db
          .transaction()
          .execute((trx) =>
            reviseObservationValue(trx, first.observation, { ...value('a', '330000', '2023', 5) }, meta),
          ),
      ).rejects.toBeInstanceOf(VersionConflictError);
      expect(
        (await findObservationByKey(store, { indicatorCode: 'a', unitCode: '330000', period: '2023' }))
          ?.value,
      ).toBe(101);
    });

    it('keeps derived values with their lineage; a recorded value replaces a derived one and drops its lineage', async () => {
      const { store } = opened;
      const a = (await recordObservationValue(store, value('a', '330000', '2024', 120), meta)).observation;
      const b = (await recordObservationValue(store, value('b', '330000', '2024', 80), meta)).observation;
      const w = await writeDerivedValues(
        store,
        {
          inserts: [
            {
              ...value('r', '330000', '2024', 1.5),
              source: '推算 derived: a / b',
              formula: 'a / b',
              inputs: [
                { observationId: a.id, version: a.version },
                { observationId: b.id, version: b.version },
              ],
            },
          ],
          updates: [],
        },
        meta,
      );
      expect(w).toEqual({ inserted: 1, updated: 0, skipped: 0 });
      const [d] = await listDerivedValues(store, ['r']);
      expect(d).toMatchObject({
        unitCode: '330000',
        period: '2024',
        value: 1.5,
        version: 1,
        formula: 'a / b',
      });
      let lineage = (await getLineage(store, [d?.observationId ?? -1])).get(d?.observationId ?? -1);
      expect(lineage?.stale).toBe(false);
      expect(
        lineage?.inputs.map((i) => [i.indicatorCode, i.period, i.value, i.source, i.usedVersion]),
      ).toEqual([
        ['a', '2024', 120, 'src 2024', 1],
        ['b', '2024', 80, 'src 2024', 1],
      ]);
      // An input moves on: the lineage says the derived value is stale.
      await recordObservationValue(store, value('b', '330000', '2024', 96), meta);
      lineage = (await getLineage(store, [d?.observationId ?? -1])).get(d?.observationId ?? -1);
      expect(lineage?.stale).toBe(true);
      // Inserting the same key again is skipped; updating moves the version and replaces the lineage.
      const again = await writeDerivedValues(
        store,
        {
          inserts: [{ ...value('r', '330000', '2024', 9), formula: 'a / b', inputs: [] }],
          updates: [
            {
              observationId: d?.observationId ?? -1,
              expectedVersion: 1,
              value: 1.25,
              status: 'approved',
              synthetic: false,
              source: '推算 derived: a / b',
              note: '',
              formula: 'a / b',
              inputs: [
                { observationId: a.id, version: 1 },
                { observationId: b.id, version: 2 },
              ],
              reason: 'recomputed',
            },
          ],
        },
        meta,
      );
      expect(again).toEqual({ inserted: 0, updated: 1, skipped: 1 });
      lineage = (await getLineage(store, [d?.observationId ?? -1])).get(d?.observationId ?? -1);
      expect(lineage?.stale).toBe(false);
      expect(
        (await getHistory(store, d?.observationId ?? -1)).map((e) => [e.version, e.newValue, e.reason]),
      ).toEqual([
        [1, 1.5, 'test'],
        [2, 1.25, 'recomputed'],
      ]);
      // A hand-recorded value for the key takes it over.
      const rec = await recordObservationValue(store, value('r', '330000', '2024', 1.3), meta);
      expect(rec.observation).toMatchObject({ value: 1.3, version: 3, derived: false });
      expect(await listDerivedValues(store, ['r'])).toEqual([]);
      expect((await getLineage(store, [rec.observation.id])).size).toBe(0);
    });

    it('reads targets with their catalogue and counted observations only (approved, locked)', async () => {
      const { store } = opened;
      await recordObservationValue(store, value('a', '330824', '2023', 8), meta);
      await recordObservationValue(store, value('a', '330824', '2024', 9, 'draft'), meta);
      const own = await listProgressTargets(store, { unitCode: '330000' });
      expect(own.map((t) => [t.indicatorCode, t.unitName, t.planIssuedOn, t.polarity, t.definition])).toEqual(
        [
          ['a', '浙江省', '2025-01-01', 'up', ''],
          ['r', '浙江省', '2025-01-01', 'down', 'a / b'],
        ],
      );
      const counties = await listProgressTargets(store, { unitCode: '330000', level: 'county' });
      expect(counties.map((t) => [t.indicatorCode, t.unitCode])).toEqual([['a', '330824']]);
      const obs = await listSeriesObservations(store, { unitCodes: ['330824'], indicatorCodes: ['a'] });
      expect(obs.map((o) => [o.period, o.value])).toEqual([['2023', 8]]);
      const batches: { code: string; targets: number; obs: [string, string, number][] }[] = [];
      await scanProgressInputs(store, { periodEndBy: '2024-06-30' }, (b) => {
        batches.push({
          code: b.indicatorCode,
          targets: b.targets.length,
          obs: b.observations.map((o) => [o.u, o.period, o.value] as [string, string, number]).sort(),
        });
      });
      // Indicator a: 2023 values of the province (101) and the county (8); 2024 values end after the date.
      expect(batches).toEqual([
        {
          code: 'a',
          targets: 2,
          obs: [
            ['330000', '2023', 101],
            ['330824', '2023', 8],
          ],
        },
        { code: 'r', targets: 1, obs: [] },
      ]);
      expect(await rootUnitCode(store)).toBe('100000');
    });

    it('data revision moves with every write to the progress inputs', async () => {
      const { store } = opened;
      const r0 = await dataRevision(store);
      expect(await dataRevision(store)).toBe(r0);
      await recordObservationValue(store, value('b', '330000', '2025', 7), meta);
      const r1 = await dataRevision(store);
      expect(r1).not.toBe(r0);
      await insertCatalogue(store, {
        indicators: [],
        plans: [],
        targets: [target('b', '330000', 2027, '>=', 9)],
      });
      expect(await dataRevision(store)).not.toBe(r1);
    });

    it('bulk loads insert new keys only, each observation with its history entry', async () => {
      const { store } = opened;
      const rows = [value('b', '330824', '2020', 1), value('b', '330824', '2021', 2)];
      expect(await bulkInsertObservations(store, rows, { ...meta, reason: 'bulk' })).toBe(2);
      expect(await bulkInsertObservations(store, [...rows, value('b', '330824', '2022', 3)], meta)).toBe(1);
      const o = await findObservationByKey(store, { indicatorCode: 'b', unitCode: '330824', period: '2021' });
      expect(o).toMatchObject({ value: 2, version: 1, provinceCode: '330000' });
      expect((await getHistory(store, o?.id ?? -1)).map((h) => [h.version, h.newValue, h.reason])).toEqual([
        [1, 2, 'bulk'],
      ]);
      const t = { ...target('b', '330824', 2026, '>=', 5) };
      expect(await bulkInsertTargets(store, [t, { ...t, year: 2027 }])).toBe(2);
      expect(await bulkInsertTargets(store, [t])).toBe(0);
    });

    it('warnings: one open per fingerprint, closed once, listed open / raised / closed for a subtree', async () => {
      const { store } = opened;
      const w = (
        fp: string,
        unitCode: string,
        severity: FiringWarning['severity'] = 'yellow',
      ): FiringWarning => ({
        rule: 'off_track',
        severity,
        fingerprint: fp,
        unitCode,
        provinceCode: '330000',
        indicatorCode: 'a',
        planCode: 'p',
        targetId: null,
        datasetCode: null,
        period: '2024',
        message: `m ${fp}`,
        details: { n: 1 },
      });
      await applyWarningChanges(
        store,
        '2025-01-31',
        { raise: [w('x', '330000'), w('y', '330824', 'red')], refresh: [], seen: [], close: [] },
        { at: meta.at, revision: 'r' },
      );
      // A second open warning with the same fingerprint is refused by the partial unique index.
      await expect(
        applyWarningChanges(
          store,
          '2025-01-31',
          { raise: [w('x', '330000')], refresh: [], seen: [], close: [] },
          { at: meta.at, revision: 'r' },
        ),
      ).rejects.toThrow();
      const open = await listOpenWarningRefs(store);
      const y = open.find((o) => o.fingerprint === 'y');
      await applyWarningChanges(
        store,
        '2025-02-28',
        { raise: [w('x2', '330824')], refresh: [], seen: [], close: [y?.id ?? -1] },
        { at: meta.at, revision: 'r' },
      );
      // Closed: the same fingerprint may open again later.
      await applyWarningChanges(
        store,
        '2025-03-31',
        { raise: [w('y', '330824', 'orange')], refresh: [], seen: [], close: [] },
        { at: meta.at, revision: 'r' },
      );
      const list = async (
        unitCode: string,
        asOf: string,
        view: 'open' | 'raised' | 'closed',
        since?: string,
      ) =>
        (await listWarnings(store, { unitCode, asOf, view, ...(since ? { since } : {}) })).map((x) => [
          x.fingerprint,
          x.raisedOn,
          x.closedOn,
        ]);
      expect(await list('330000', '2025-01-31', 'open')).toEqual([
        ['y', '2025-01-31', '2025-02-28'],
        ['x', '2025-01-31', null],
      ]);
      expect(await list('330000', '2025-02-28', 'open')).toEqual([
        ['x', '2025-01-31', null],
        ['x2', '2025-02-28', null],
      ]);
      expect(await list('330800', '2025-02-28', 'raised', '2025-02-01')).toEqual([
        ['x2', '2025-02-28', null],
      ]);
      expect(await list('330000', '2025-02-28', 'closed', '2025-02-01')).toEqual([
        ['y', '2025-01-31', '2025-02-28'],
      ]);
      expect((await list('330824', '2025-03-31', 'open')).map((x) => x[0])).toEqual(['y', 'x2']);
      const [red] = await listWarnings(store, { unitCode: '330000', asOf: '2025-01-31', view: 'open' });
      expect(red).toMatchObject({ severity: 'red', unitName: '开化县', details: { n: 1 } });
      expect(await warningEvaluationState(store, '2025-02-28')).toMatchObject({
        latestAsOf: '2025-03-31',
        ofDate: { asOf: '2025-02-28', revision: 'r' },
      });
    });
  });
}
