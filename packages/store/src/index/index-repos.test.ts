/** The index repositories on SQLite and PostgreSQL: frameworks, frozen runs, inputs, proposals. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { childPath, provinceOf } from '@suocha/core';
import { insertUnits, type UnitRow } from '../hierarchy/units-repo';
import { getGroupMembers, insertGroups } from '../hierarchy/groups-repo';
import { insertCatalogue } from '../targets/catalogue-repo';
import { insertNewObservations } from '../observations/observations-repo';
import { testEngines, type OpenedStore } from '../testing/engines';
import {
  acceptProposal,
  countObservationOrigins,
  countRunUnits,
  findFrameworkByContent,
  findLatestRun,
  getFramework,
  getFrameworkById,
  getIndexRun,
  getProposal,
  getRankHistory,
  getRunInputs,
  getRunUnits,
  getUnitsByCodes,
  insertFrameworkVersion,
  insertIndexRun,
  insertProposals,
  latestRunWithUnit,
  listFrameworks,
  listIndexObservations,
  listIndexRuns,
  listProposals,
  listUnitsAtLevel,
  rejectProposal,
  type NewIndexRun,
} from './index';

function unit(code: string, level: UnitRow['level'], parent: UnitRow | null, validTo: string | null = null) {
  const path = childPath(parent?.path ?? null, code);
  const depth = ['country', 'province', 'city', 'county', 'town', 'village'].indexOf(level);
  const row: UnitRow = {
    code,
    name: `u${code}`,
    level,
    parent_code: parent?.code ?? null,
    path,
    depth,
    province_code: provinceOf(path),
    valid_from: null,
    valid_to: validTo,
    source: 'test',
  };
  return row;
}
const cn = unit('100000', 'country', null);
const zj = unit('330000', 'province', cn);
const hz = unit('330100', 'city', zj);
const qz = unit('330800', 'city', zj);
const a = unit('330102', 'county', hz);
const b = unit('330103', 'county', hz, '2021-04-09');
const c = unit('330824', 'county', qz);
const UNITS = [cn, zj, hz, qz, a, b, c];

const baseRun = (over: Partial<NewIndexRun> = {}): NewIndexRun => ({
  frameworkId: 1,
  frameworkCode: 'f',
  frameworkVersion: 1,
  scopeUnit: '330000',
  level: 'county',
  period: '2025',
  asOf: '2025-12-31',
  createdAt: '2026-01-05T00:00:00.000Z',
  createdBy: 'tester',
  params: '{"samples":10,"seed":1}',
  dataFingerprint: 'abc',
  synthetic: false,
  previousRunId: null,
  // Numbers that do not survive a float32 or decimal round trip: the text must come back byte for byte.
  results: JSON.stringify({ score: 0.1 + 0.2, tiny: 5e-324, big: 1.7976931348623157e308, zh: '模拟数据' }),
  units: [
    { unitCode: '330102', score: 0.1 + 0.2, rank: 1, coverage: 1, belowCoverage: false },
    { unitCode: '330824', score: null, rank: 0, coverage: 0.25, belowCoverage: true },
  ],
  inputs: [
    {
      observationId: 7,
      indicatorCode: 'x',
      unitCode: '330102',
      period: '2025',
      version: 2,
      value: 1 / 3,
      synthetic: false,
      role: 'value',
      usedFor: 'x',
    },
    {
      observationId: 3,
      indicatorCode: 'x',
      unitCode: '330824',
      period: '2024',
      version: 1,
      value: 12.5,
      synthetic: true,
      role: 'last_period',
      usedFor: 'x',
    },
  ],
  ...over,
});

for (const engine of testEngines()) {
  describe(`index repositories on ${engine.name}`, () => {
    let opened: OpenedStore;
    beforeAll(async () => {
      opened = await engine.open();
      const { store } = opened;
      await insertUnits(store, UNITS);
      await insertGroups(
        store,
        [{ code: 'mountain_island', nameZh: '山区海岛县', nameEn: 'MI', description: '', source: 't' }],
        [
          {
            groupCode: 'mountain_island',
            unitCode: '330824',
            validFrom: '2024-08-01',
            validTo: null,
            source: 't',
          },
        ],
      );
      await insertCatalogue(store, {
        indicators: [
          {
            code: 'x',
            nameZh: 'x',
            nameEn: 'x',
            unit: '%',
            polarity: 'up',
            domain: 'd',
            definition: '',
            source: 't',
          },
        ],
        plans: [],
        targets: [],
      });
    });
    afterAll(async () => opened.cleanup());

    it('stores framework versions, finds them by code, version, id and content, and freezes them', async () => {
      const { store } = opened;
      const meta = {
        code: 'f',
        nameZh: '框架',
        nameEn: 'F',
        createdAt: '2026-01-01T00:00:00.000Z',
        createdBy: 't',
      };
      const v1 = await insertFrameworkVersion(store, {
        ...meta,
        contentHash: 'h1',
        render: (v) => JSON.stringify({ code: 'f', version: v }),
      });
      const v2 = await insertFrameworkVersion(store, {
        ...meta,
        contentHash: 'h2',
        render: (v) => JSON.stringify({ code: 'f', version: v }),
      });
      expect([v1.version, v2.version]).toEqual([1, 2]);
      expect(v2.json).toBe('{"code":"f","version":2}');
      expect((await getFramework(store, 'f'))?.version).toBe(2);
      expect((await getFramework(store, 'f', 1))?.contentHash).toBe('h1');
      expect(await getFramework(store, 'f', 3)).toBeUndefined();
      expect((await getFrameworkById(store, v1.id))?.version).toBe(1);
      expect((await findFrameworkByContent(store, 'f', 'h1'))?.id).toBe(v1.id);
      expect(await findFrameworkByContent(store, 'g', 'h1')).toBeUndefined();
      expect((await listFrameworks(store)).map((f) => `${f.code}@${f.version}`)).toEqual(['f@1', 'f@2']);
      await expect(
        store.db.updateTable('index_frameworks').set({ json: '{}' }).where('id', '=', v1.id).execute(),
      ).rejects.toThrow(/frozen/);
      await expect(store.db.deleteFrom('index_frameworks').where('id', '=', v1.id).execute()).rejects.toThrow(
        /frozen/,
      );
    });

    it('writes a run with its units and inputs and reads it back exactly; runs are frozen', async () => {
      const { store } = opened;
      const run = baseRun();
      const id = await insertIndexRun(store, run);
      const back = await getIndexRun(store, id);
      expect(back?.results).toBe(run.results);
      expect(back).toMatchObject({
        id,
        frameworkCode: 'f',
        frameworkVersion: 1,
        scopeUnit: '330000',
        level: 'county',
        period: '2025',
        asOf: '2025-12-31',
        synthetic: false,
        previousRunId: null,
        dataFingerprint: 'abc',
      });
      expect(await getRunUnits(store, id)).toEqual(run.units);
      expect(await getRunInputs(store, id)).toEqual(run.inputs);
      for (const t of ['index_runs', 'index_run_units', 'index_run_inputs'] as const) {
        await expect(store.db.deleteFrom(t).execute()).rejects.toThrow(/frozen/);
      }
      await expect(
        store.db.updateTable('index_runs').set({ results: '{}' }).where('id', '=', id).execute(),
      ).rejects.toThrow(/frozen/);
      expect((await getIndexRun(store, id))?.results).toBe(run.results);
      expect(await getIndexRun(store, id + 1000)).toBeUndefined();
    });

    it('lists runs newest first, finds the latest of a key and a unit’s rank history', async () => {
      const { store } = opened;
      const r2024 = await insertIndexRun(store, baseRun({ period: '2024' }));
      const r2025b = await insertIndexRun(
        store,
        baseRun({
          previousRunId: r2024,
          units: [{ unitCode: '330102', score: 50, rank: 2, coverage: 1, belowCoverage: false }],
          inputs: [],
        }),
      );
      const synth = await insertIndexRun(store, baseRun({ synthetic: true, inputs: [] }));
      const all = await listIndexRuns(store);
      expect(all[0]?.id).toBe(synth);
      expect(all.map((r) => r.id)).toEqual([...all.map((r) => r.id)].sort((x, y) => y - x));
      expect((await listIndexRuns(store, { period: '2024' })).map((r) => r.id)).toEqual([r2024]);
      expect(await listIndexRuns(store, { scopeUnits: [] })).toEqual([]);
      expect((await listIndexRuns(store, { scopeUnits: ['330100'] })).length).toBe(0);
      expect((await listIndexRuns(store, { limit: 1 })).length).toBe(1);
      const key = { frameworkId: 1, scopeUnit: '330000', level: 'county' as const, period: '2025' };
      expect((await findLatestRun(store, { ...key, synthetic: false }))?.id).toBe(r2025b);
      expect((await findLatestRun(store, { ...key, synthetic: true }))?.id).toBe(synth);
      expect((await getIndexRun(store, r2025b))?.previousRunId).toBe(r2024);
      const history = await getRankHistory(store, {
        unitCode: '330102',
        frameworkCode: 'f',
        scopeUnit: '330000',
        level: 'county',
      });
      expect(history.map((h) => [h.period, h.rank, h.score])).toEqual([
        ['2024', 1, 0.1 + 0.2],
        ['2025', 1, 0.1 + 0.2],
        ['2025', 2, 50],
        ['2025', 1, 0.1 + 0.2],
      ]);
      expect(history.at(-1)?.synthetic).toBe(true);
      expect(await latestRunWithUnit(store, '330102')).toBe(synth);
      expect(await latestRunWithUnit(store, '330103')).toBeUndefined();
      const counts = await countRunUnits(store, [r2024, r2025b, 424242]);
      expect(counts.get(r2024)).toEqual({ units: 2, ranked: 1, belowCoverage: 1, noScore: 1 });
      expect(counts.get(r2025b)).toEqual({ units: 1, ranked: 1, belowCoverage: 0, noScore: 0 });
      expect(counts.has(424242)).toBe(false);
      expect((await countRunUnits(store, [])).size).toBe(0);
    });

    it('lists units at a level with their province, and units by code', async () => {
      const { store } = opened;
      const units = await listUnitsAtLevel(store, '330000', 'county');
      expect(units?.map((u) => [u.code, u.provinceCode, u.validTo])).toEqual([
        ['330102', '330000', null],
        ['330103', '330000', '2021-04-09'],
        ['330824', '330000', null],
      ]);
      expect(await listUnitsAtLevel(store, '999999', 'county')).toBeUndefined();
      expect(
        (await getUnitsByCodes(store, ['330800', '330100', 'nope', '330100'])).map((u) => u.code),
      ).toEqual(['330100', '330800']);
    });

    it('reads observations for a run by indicator, unit, period end and status; counts their origins', async () => {
      const { store } = opened;
      const obs = (
        unitCode: string,
        period: string,
        value: number,
        synthetic = false,
        status = 'approved' as const,
      ) => ({
        indicatorCode: 'x',
        unitCode,
        provinceCode: '330000',
        period,
        periodEnd: `${period}-12-31`,
        value,
        source: 't',
        note: '',
        status,
        synthetic,
      });
      await insertNewObservations(store, [obs('330102', '2024', 1), obs('330102', '2025', 2)], {
        by: 'init',
        at: '2026-01-01T00:00:00.000Z',
        reason: 'default dataset (data/)',
      });
      expect(await countObservationOrigins(store, 'default dataset (data/)')).toEqual({
        real: 2,
        realOutsideLoad: 0,
        synthetic: 0,
        syntheticOtherSource: 0,
      });
      await insertNewObservations(store, [obs('330824', '2025', 3, true), obs('330824', '2024', 4)], {
        by: 'demo',
        at: '2026-01-01T00:00:00.000Z',
        reason: 'other',
      });
      await insertNewObservations(store, [{ ...obs('330824', '2023', 9), status: 'draft' }], {
        by: 'x',
        at: '2026-01-01T00:00:00.000Z',
        reason: 'default dataset (data/)',
      });
      // 330824/2024 came from another load; the draft came from the default load.
      expect(await countObservationOrigins(store, 'default dataset (data/)', 't')).toEqual({
        real: 4,
        realOutsideLoad: 1,
        synthetic: 1,
        syntheticOtherSource: 0,
      });
      expect(
        (await countObservationOrigins(store, 'default dataset (data/)', 'other')).syntheticOtherSource,
      ).toBe(1);
      const rows = await listIndexObservations(store, {
        indicators: ['x'],
        unitCodes: ['330102', '330824'],
        periodEndBy: '2025-12-31',
        statuses: ['approved', 'locked'],
      });
      expect(rows.map((r) => [r.unitCode, r.period, r.value, r.version, r.synthetic])).toEqual([
        ['330102', '2024', 1, 1, false],
        ['330102', '2025', 2, 1, false],
        ['330824', '2024', 4, 1, false],
        ['330824', '2025', 3, 1, true],
      ]);
      const early = await listIndexObservations(store, {
        indicators: ['x'],
        unitCodes: ['330102'],
        periodEndBy: '2024-12-31',
        statuses: ['approved'],
      });
      expect(early.map((r) => r.period)).toEqual(['2024']);
      expect(
        await listIndexObservations(store, {
          indicators: [],
          unitCodes: ['330102'],
          periodEndBy: '2025-12-31',
          statuses: ['approved'],
        }),
      ).toEqual([]);
    });

    it('proposals: open ones are not duplicated; accepting enter/leave changes dated memberships', async () => {
      const { store } = opened;
      const base = {
        groupCode: 'mountain_island',
        rule: 'r',
        evidence: '{"v":1}',
        period: '2025',
        runId: null,
        synthetic: false,
        proposedAt: '2026-01-02T00:00:00.000Z',
        proposedBy: 'rules',
      };
      const [leave, enter] = await insertProposals(store, [
        { ...base, unitCode: '330824', direction: 'leave' },
        { ...base, unitCode: '330102', direction: 'enter' },
      ]);
      expect(leave?.created && enter?.created).toBe(true);
      const again = await insertProposals(store, [{ ...base, unitCode: '330824', direction: 'leave' }]);
      expect(again[0]).toMatchObject({ created: false, proposal: { id: leave?.proposal.id } });
      expect((await listProposals(store, { status: 'proposed' })).length).toBe(2);
      expect((await listProposals(store, { unitCodes: ['330102'] })).map((p) => p.unitCode)).toEqual([
        '330102',
      ]);

      const decided = { decidedBy: 'admin', decidedAt: '2026-02-01T08:00:00.000Z', note: 'ok' };
      // Leaving on the day the membership started is refused; the proposal stays open.
      const same = await acceptProposal(store, {
        ...decided,
        id: leave!.proposal.id,
        effectiveDate: '2024-08-01',
      });
      expect(same).toMatchObject({ ok: false, code: 'MEMBERSHIP_CONFLICT' });
      const out = await acceptProposal(store, {
        ...decided,
        id: leave!.proposal.id,
        effectiveDate: '2026-03-01',
      });
      expect(out.ok && out.proposal).toMatchObject({
        status: 'accepted',
        effectiveDate: '2026-03-01',
        decidedBy: 'admin',
        decisionNote: 'ok',
      });
      expect((await getGroupMembers(store, 'mountain_island', '2026-02-28')).map((m) => m.code)).toEqual([
        '330824',
      ]);
      expect(await getGroupMembers(store, 'mountain_island', '2026-03-01')).toEqual([]);
      const twice = await acceptProposal(store, {
        ...decided,
        id: leave!.proposal.id,
        effectiveDate: '2026-03-01',
      });
      expect(twice).toMatchObject({ ok: false, code: 'PROPOSAL_DECIDED' });

      const inn = await acceptProposal(store, {
        ...decided,
        id: enter!.proposal.id,
        effectiveDate: '2026-03-01',
      });
      expect(inn.ok).toBe(true);
      const members = await getGroupMembers(store, 'mountain_island', '2026-03-01');
      expect(members.map((m) => [m.code, m.memberFrom, m.memberTo])).toEqual([
        ['330102', '2026-03-01', null],
      ]);
      expect(members[0]?.source).toContain(`#${enter!.proposal.id}`);
      expect((await getProposal(store, enter!.proposal.id))?.membershipId).not.toBeNull();

      // Entering again while a member is refused.
      const [dup] = await insertProposals(store, [
        { ...base, unitCode: '330102', direction: 'enter', rule: 'r2' },
      ]);
      const conflict = await acceptProposal(store, {
        ...decided,
        id: dup!.proposal.id,
        effectiveDate: '2026-06-01',
      });
      expect(conflict).toMatchObject({ ok: false, code: 'MEMBERSHIP_CONFLICT' });
      const rej = await rejectProposal(store, { ...decided, id: dup!.proposal.id, note: 'no' });
      expect(rej.ok && rej.proposal.status).toBe('rejected');
      expect(await rejectProposal(store, { ...decided, id: 9999, note: '' })).toMatchObject({
        ok: false,
        code: 'PROPOSAL_NOT_FOUND',
      });
    });

    it('accepting into a group that does not exist yet creates it', async () => {
      const { store } = opened;
      const [p] = await insertProposals(store, [
        {
          groupCode: 'weak_village',
          unitCode: '330824',
          direction: 'enter',
          rule: 'r',
          evidence: '{}',
          period: '2025',
          runId: null,
          synthetic: false,
          proposedAt: '2026-01-02T00:00:00.000Z',
          proposedBy: 'rules',
        },
      ]);
      const r = await acceptProposal(store, {
        id: p!.proposal.id,
        decidedBy: 'admin',
        decidedAt: '2026-02-01T00:00:00.000Z',
        effectiveDate: '2026-02-01',
        note: '',
        group: { code: 'weak_village', nameZh: '相对薄弱村', nameEn: 'weak', description: '', source: 'x' },
      });
      expect(r.ok).toBe(true);
      expect((await getGroupMembers(store, 'weak_village', '2026-02-01')).map((m) => m.code)).toEqual([
        '330824',
      ]);
    });
  });
}
