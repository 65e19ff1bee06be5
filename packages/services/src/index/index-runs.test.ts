/**
 * The frozen-run cycle on SQLite and PostgreSQL, against values computed by hand (and checked with
 * NumPy: min-max/goalposts, equal weights renormalised over what each county has): run 2024 and 2025,
 * correct a value, read the old run back unchanged, re-run, compare; framework validation and versions;
 * the county health check; the xlsx export; classification proposals and their dated acceptance.
 */
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IndexRunDto } from '@suocha/contract';
import { getGroupMembers, insertNewObservations, listFrameworks } from '@suocha/store';
import { testEngines, type OpenedStore } from '@suocha/store/testing';
import {
  acceptClassification,
  compareIndexRuns,
  countyHealth,
  createIndexRun,
  getIndexRunDto,
  leagueTableWorkbook,
  listIndexRunSummaries,
  proposeClassifications,
  registerFramework,
  rejectClassification,
  safeText,
  type IndexRunRequest,
} from './index';
import { A, B, C, correctObservation, D, E, E_NAME, loadFixture, obs, TEST_FRAMEWORK } from './test-fixture';

const ctx = { by: 'tester', now: '2026-01-10T00:00:00.000Z', dataDir: '/nonexistent' };
const request = (over: Partial<IndexRunRequest> = {}): IndexRunRequest => ({
  framework: 'test',
  of: '330000',
  level: 'county',
  period: '2025',
  samples: 0,
  seed: 1,
  ...over,
});
const must = <T>(r: { ok: true; value: T } | { ok: false; error: { message: string } }): T => {
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
};
const byUnit = (run: IndexRunDto) => new Map(run.rows.map((r) => [r.unitCode, r]));
const close = (x: number | null | undefined, y: number) => {
  expect(x).not.toBeNull();
  expect(x).toBeCloseTo(y, 9);
};

for (const engine of testEngines()) {
  describe(`index runs on ${engine.name}`, () => {
    let opened: OpenedStore;
    let run2024: IndexRunDto;
    let run2025: IndexRunDto;
    let rerun: IndexRunDto;
    beforeAll(async () => {
      opened = await engine.open();
      await loadFixture(opened.store);
    });
    afterAll(async () => opened.cleanup());

    it('rejects bad frameworks with located, clear messages and versions good ones', async () => {
      const { store } = opened;
      const meta = { by: 'tester', now: ctx.now };
      const bad = structuredClone(TEST_FRAMEWORK) as unknown as {
        domains: { indicators: { code: string; weight: number; normalisation: object }[] }[];
      };
      bad.domains[0]!.indicators[0]!.weight = -1;
      bad.domains[0]!.indicators[1]!.code = 'no_such_indicator';
      bad.domains[1]!.indicators[0]!.normalisation = { method: 'goalposts', lo: 150, hi: 50 };
      const r = await registerFramework(store, bad, meta);
      expect(r.ok).toBe(false);
      if (r.ok) return;
      expect(r.error.code).toBe('FRAMEWORK_INVALID');
      expect(r.error.issues?.map((i) => `${i.code} ${i.path}`)).toEqual([
        'NEGATIVE_WEIGHT $.domains[0].indicators[0].weight',
        'INVERTED_GOALPOSTS $.domains[1].indicators[0].normalisation',
        'UNKNOWN_INDICATOR $.domains[0].indicators[1].code',
      ]);
      expect(r.error.message).toContain('权重不能为负');
      expect(r.error.message).toContain('no_such_indicator');
      expect(await listFrameworks(store)).toEqual([]);

      const first = must(await registerFramework(store, TEST_FRAMEWORK, meta));
      expect(first).toMatchObject({ created: true, stored: { code: 'test', version: 1 } });
      // The same content (keys in another order, a stale version field) is the same version.
      const { domains, ...rest } = TEST_FRAMEWORK;
      const reordered = { domains, ...rest, version: 7 };
      expect(must(await registerFramework(store, reordered, meta))).toMatchObject({
        created: false,
        stored: { id: first.stored.id, version: 1 },
      });
      const changed = { ...TEST_FRAMEWORK, coverageThreshold: 0.4 };
      expect(must(await registerFramework(store, changed, meta)).stored.version).toBe(2);
      // Back to the first content: recognised as version 1, not a third version.
      expect(must(await registerFramework(store, TEST_FRAMEWORK, meta)).stored.version).toBe(1);
      expect(JSON.parse(first.stored.json)).toMatchObject({ version: 1, code: 'test' });
    });

    it('refuses bad requests clearly', async () => {
      const { store } = opened;
      const code = async (over: Partial<IndexRunRequest>) => {
        const r = await createIndexRun(store, request(over), ctx);
        return r.ok ? 'ok' : r.error.code;
      };
      expect(await code({ of: '999999' })).toBe('UNIT_NOT_FOUND');
      expect(await code({ period: '2025Q5' })).toBe('INVALID_INPUT');
      expect(await code({ asOf: '2025-02-30' })).toBe('INVALID_INPUT');
      expect(await code({ period: '2019' })).toBe('NO_DATA');
      expect(await code({ level: 'village' })).toBe('NO_UNITS');
      expect(await code({ framework: 'nope' })).toBe('FRAMEWORK_NOT_FOUND');
      expect(await code({ frameworkVersion: 9 })).toBe('FRAMEWORK_NOT_FOUND');
      expect(await code({ framework: undefined, frameworkJson: { code: 'x', domains: [] } })).toBe(
        'FRAMEWORK_INVALID',
      );
      expect(await code({ samples: 3_000_000 })).toBe('INVALID_INPUT');
    });

    it('runs 2024: every current county, ranked, no rank change basis yet', async () => {
      run2024 = must(
        await createIndexRun(opened.store, request({ period: '2024', frameworkVersion: 1 }), ctx),
      );
      expect(run2024.rows.map((r) => [r.unitCode, r.rank])).toEqual([
        [A, 1],
        [B, 2],
        [E, 3],
        [C, 4],
        [D, 5],
      ]);
      close(byUnit(run2024).get(E)?.score, 49.72222222222222);
      expect(run2024.rankChangeBasis).toMatchObject({ kind: 'none', runId: null, period: '2023' });
      expect(run2024.asOf).toBe('2024-12-31');
    });

    it('runs 2025 with hand-computed scores, group/city ranks, imputation, derived ratio, coverage', async () => {
      run2025 = must(await createIndexRun(opened.store, request({ frameworkVersion: 1 }), ctx));
      const rows = byUnit(run2025);
      // The abolished county is not there; the draft value of E is not used.
      expect([...rows.keys()].sort()).toEqual([A, B, C, D, E]);
      close(rows.get(A)?.score, 100);
      close(rows.get(B)?.score, 60.95238095238095);
      close(rows.get(C)?.score, 27.976190476190474);
      close(rows.get(D)?.score, 7.5);
      close(rows.get(E)?.score, 85.71428571428571);
      expect(run2025.rows.map((r) => [r.unitCode, r.rank, r.groupRank, r.parentRank])).toEqual([
        [A, 1, 1, 1],
        [B, 2, 2, 2],
        [C, 3, 1, 1],
        [D, 4, 2, 2],
        // E scores high on the little it has, but covers 25% < 50%: scored, not ranked.
        [E, null, null, null],
      ]);
      expect(rows.get(E)).toMatchObject({ belowCoverage: true, coverage: 0.25, available: 1 });
      expect(rows.get(C)).toMatchObject({ mountainIsland: true, parentName: '衢州市' });
      close(rows.get(B)?.domainScores.d1, 61.904761904761905);
      close(rows.get(B)?.domainScores.d2, 60);
      // D's b is missing in 2025 and imputed from 2024 (2.2); the ratio is 100 × 39000 / 60000 = 65.
      expect(rows.get(D)?.values.b).toMatchObject({ raw: null, value: 2.2, imputed: true, normalised: 0 });
      close(rows.get(D)?.values.resident_income_province_ratio?.raw, 65);
      expect(run2025.indicators.find((i) => i.code === 'resident_income_province_ratio')).toMatchObject({
        derived: '100 × resident_income / resident_income(province)',
        observed: 4,
        missing: 1,
      });
      expect(run2025.indicators.find((i) => i.code === 'b')).toMatchObject({
        observed: 4,
        imputed: 1,
        missing: 0,
      });
      // B's shortfall: ratio ½·40 = 20, b ¼·42.86 = 10.71, a ¼·33.33 = 8.33.
      expect(rows.get(B)?.weakest.map((w) => w.indicator)).toEqual([
        'resident_income_province_ratio',
        'b',
        'a',
      ]);
      close(rows.get(B)?.weakest[0]?.contribution, 20);
      // Rank change against the frozen 2024 run: C 4 → 3 and D 5 → 4 moved up; E is unranked now.
      expect(run2025.rankChangeBasis).toMatchObject({ kind: 'run', runId: run2024.id, period: '2024' });
      expect(run2025.previousRunId).toBe(run2024.id);
      expect(run2025.rows.map((r) => [r.unitCode, r.previousRank, r.rankChange])).toEqual([
        [A, 1, 0],
        [B, 2, 0],
        [C, 4, 1],
        [D, 5, 1],
        [E, 3, null],
      ]);
      // Data version: the 14 observation versions used, fingerprinted (SHA-256 computed with Python's hashlib
      // over the sorted "indicator\tunit\tperiod\tversion\tvalue" lines).
      expect(run2025.dataFingerprint).toBe(
        '5c0450ee84db27d03df3a8053e76a2bcd5125dfaddb5514fedcadf55019e84ca',
      );
      expect(run2025).toMatchObject({
        synthetic: false,
        syntheticLabel: null,
        units: 5,
        ranked: 4,
        belowCoverage: 1,
      });
      expect(run2025.notes.some((n) => n.includes('指标a a: 4/5'))).toBe(true);
      expect(run2025.notes.some((n) => n.includes('coverage threshold'))).toBe(true);
      expect(run2025.uncertainty).toBeNull();
      expect(run2025.rows.every((r) => r.rankInterval === null)).toBe(true);
    });

    it('freezes: a corrected value leaves the old run identical; a re-run shows the changed input and rank moves', async () => {
      const { store } = opened;
      const before = must(await getIndexRunDto(store, run2025.id));
      expect(before).toEqual(run2025);
      await correctObservation(
        store,
        { indicator: 'a', unit: D, period: '2025' },
        70,
        '2026-01-11T00:00:00.000Z',
      );
      expect(must(await getIndexRunDto(store, run2025.id))).toEqual(run2025);

      rerun = must(
        await createIndexRun(store, request({ frameworkVersion: 1 }), {
          ...ctx,
          now: '2026-01-12T00:00:00.000Z',
        }),
      );
      expect(rerun.id).not.toBe(run2025.id);
      expect(rerun.dataFingerprint).toBe('31ceac6322cea1c7e511a6be7f1759adb47d4366a2bdc79b72c19575291df3a0');
      const rows = byUnit(rerun);
      close(rows.get(D)?.score, 26.25);
      close(rows.get(C)?.score, 19.642857142857142);
      close(rows.get(B)?.score, 56.785714285714285);
      expect(rerun.rows.map((r) => [r.unitCode, r.rank])).toEqual([
        [A, 1],
        [B, 2],
        [D, 3],
        [C, 4],
        [E, null],
      ]);

      const cmp = must(await compareIndexRuns(store, run2025.id, rerun.id));
      expect(cmp).toMatchObject({ sameFramework: true, sameData: false, synthetic: false });
      expect(cmp.inputs).toMatchObject({ changed: 1, added: 0, removed: 0, unchanged: 13 });
      expect(cmp.inputs.items).toEqual([
        {
          indicator: 'a',
          unitCode: D,
          unitName: 'D县',
          period: '2025',
          role: 'value',
          usedFor: 'a',
          change: 'changed',
          a: expect.objectContaining({ version: 1, value: 20 }),
          b: expect.objectContaining({ version: 2, value: 70 }),
        },
      ]);
      expect(cmp.units.slice(0, 2).map((u) => [u.unitCode, u.rankA, u.rankB, u.rankMove])).toEqual([
        [D, 4, 3, 1],
        [C, 3, 4, -1],
      ]);
      close(cmp.units.find((u) => u.unitCode === D)?.scoreChange, 26.25 - 7.5);
      const same = must(await compareIndexRuns(store, run2025.id, run2025.id));
      expect(same).toMatchObject({
        sameData: true,
        inputs: { changed: 0, added: 0, removed: 0, unchanged: 14 },
      });
      expect((await compareIndexRuns(store, run2025.id, 99999)).ok).toBe(false);
    });

    it('lists runs newest first with summaries', async () => {
      const list = await listIndexRunSummaries(opened.store, { frameworkCode: 'test' });
      expect(list.map((r) => r.id)).toEqual([rerun.id, run2025.id, run2024.id]);
      expect(list[1]).toEqual({
        id: run2025.id,
        framework: run2025.framework,
        scopeUnit: { code: '330000', name: '浙江省' },
        level: 'county',
        period: '2025',
        asOf: '2025-12-31',
        createdAt: ctx.now,
        createdBy: 'tester',
        samples: 0,
        seed: 1,
        dataFingerprint: run2025.dataFingerprint,
        synthetic: false,
        syntheticLabel: null,
        previousRunId: run2024.id,
        units: 5,
        ranked: 4,
        belowCoverage: 1,
        noData: 0,
      });
    });

    it('Monte Carlo rank intervals are seeded and bracket the rank; A dominates, C is always last ranked', async () => {
      const { store } = opened;
      const x = must(
        await createIndexRun(store, request({ frameworkVersion: 1, samples: 300, seed: 7 }), ctx),
      );
      const y = must(
        await createIndexRun(store, request({ frameworkVersion: 1, samples: 300, seed: 7 }), ctx),
      );
      expect(y.rows.map((r) => r.rankInterval)).toEqual(x.rows.map((r) => r.rankInterval));
      const rows = byUnit(x);
      expect(rows.get(A)?.rankInterval).toEqual({ p5: 1, median: 1, p95: 1 });
      // After the correction D beats C on every weight draw within ±25% (d1: D ≥ 75·0.375, C ≤ 28.6·0.625).
      expect(rows.get(D)?.rankInterval).toEqual({ p5: 3, median: 3, p95: 3 });
      expect(rows.get(C)?.rankInterval).toEqual({ p5: 4, median: 4, p95: 4 });
      expect(rows.get(E)?.rankInterval).toBeNull();
      for (const r of x.rows.filter((r) => r.rankInterval))
        expect(
          r.rankInterval!.p5 <= r.rankInterval!.median && r.rankInterval!.median <= r.rankInterval!.p95,
        ).toBe(true);
      expect(x.uncertainty).toMatchObject({ samples: 300, seed: 7 });
      expect(x.uncertainty?.factors.length).toBe(1 + 3);
    });

    it('county health check: domains and indicators beside the medians, weakest, rank history', async () => {
      const h = must(await countyHealth(opened.store, D, run2025.id));
      expect(h.unit).toEqual({
        code: D,
        name: 'D县',
        parentCode: '330800',
        parentName: '衢州市',
        mountainIsland: true,
      });
      const d1 = h.domains.find((d) => d.code === 'd1')!;
      close(d1.score, 0);
      // Median of d1 over A 100, B 61.90, C 30.95, D 0, E 85.71; over 山区海岛县 {C, D}: (30.95 + 0)/2.
      close(d1.runMedian, 61.904761904761905);
      close(d1.groupMedian, 15.476190476190476);
      const a = h.indicators.find((i) => i.code === 'a')!;
      expect(a).toMatchObject({ raw: 20, runMedian: 50, missing: false, imputed: false });
      expect(h.indicators.find((i) => i.code === 'b')).toMatchObject({
        raw: null,
        value: 2.2,
        imputed: true,
      });
      expect(h.rankHistory.filter((x) => x.runId <= rerun.id).map((x) => [x.period, x.rank])).toEqual([
        ['2024', 5],
        ['2025', 4],
        ['2025', 3],
      ]);
      const latest = must(await countyHealth(opened.store, D));
      expect(latest.run.id).toBeGreaterThan(rerun.id);
      expect((await countyHealth(opened.store, '330103')).ok).toBe(false);
    });

    it('exports the league table to xlsx with title rows, Chinese headers and neutralised formulas', async () => {
      const buf = await leagueTableWorkbook(run2025);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(buf as unknown as ArrayBuffer);
      expect(wb.worksheets.map((w) => w.name)).toEqual(['排名', '指标值', '标准化得分', '说明']);
      const ws = wb.getWorksheet('排名')!;
      expect(String(ws.getCell('A1').value)).toContain('测试框架');
      expect(String(ws.getCell('A1').value)).not.toContain('模拟数据');
      for (const s of ['test v1', '2025', '截至 2025-12-31', run2025.dataFingerprint.slice(0, 12)])
        expect(String(ws.getCell('A1').value)).toContain(s);
      const meta = `${String(ws.getCell('A2').value)} ${String(ws.getCell('A3').value)}`;
      for (const s of ['test', 'v1', '2025', '2025-12-31', run2025.dataFingerprint, `#${run2025.id}`])
        expect(meta).toContain(s);
      expect(ws.getRow(5).values).toEqual(
        expect.arrayContaining(['排名', '区划代码', '名称', '总得分', '领域一得分', '短板1']),
      );
      expect(ws.getCell('B6').value).toBe(A);
      expect(ws.getCell('A6').value).toBe(1);
      const eRow = 6 + run2025.rows.findIndex((r) => r.unitCode === E);
      const eName = ws.getCell(eRow, 3);
      expect(eName.value).toBe(`'${E_NAME}`);
      expect(eName.formula).toBeUndefined();
      expect(safeText('+1')).toBe("'+1");
      expect(safeText('-x')).toBe("'-x");
      expect(safeText('@SUM(A1)')).toBe("'@SUM(A1)");
      expect(safeText('正常 =1')).toBe('正常 =1');
      const values = wb.getWorksheet('指标值')!;
      const dRow = 6 + run2025.rows.findIndex((r) => r.unitCode === D);
      const bCol = 3 + run2025.indicators.findIndex((i) => i.code === 'b');
      expect(values.getCell(dRow, bCol).value).toBe(2.2);
      expect(String(values.getCell(dRow, bCol).note)).toContain('imputed');
    });

    it('classification: rules propose with evidence; acceptance is dated; synthetic evidence is refused', async () => {
      const { store } = opened;
      const meta = { by: 'admin', now: '2026-01-20T00:00:00.000Z' };
      // The default rules judge nobody here (ratios 65–150), and say that E lacks 2025 data.
      const none = must(await proposeClassifications(store, { of: '330000', period: '2025' }, meta));
      expect(none.created).toEqual([]);
      expect(none.notes.join(' ')).toContain('1 of 3 units lack resident_income_province_ratio');
      const rules = [
        {
          kind: 'indicator_threshold' as const,
          code: 'leave_at_70',
          group: 'mountain_island',
          direction: 'leave' as const,
          level: 'county' as const,
          indicator: 'resident_income_province_ratio',
          comparator: '>=' as const,
          threshold: 70,
          consecutive: 2,
          basis: 'test',
        },
        {
          kind: 'indicator_threshold' as const,
          code: 'enter_below_120',
          group: 'mountain_island',
          direction: 'enter' as const,
          level: 'county' as const,
          indicator: 'resident_income_province_ratio',
          comparator: '<' as const,
          threshold: 120,
          consecutive: 2,
          basis: 'test',
        },
      ];
      const out = must(await proposeClassifications(store, { of: '330000', period: '2025', rules }, meta));
      expect(out.created.map((p) => [p.unitCode, p.direction, p.rule])).toEqual([
        [C, 'leave', 'leave_at_70'],
        [B, 'enter', 'enter_below_120'],
      ]);
      const leave = out.created[0]!;
      expect(leave.evidence.periods?.map((p) => [p.period, p.value, p.met])).toEqual([
        ['2025', 75, true],
        ['2024', 75, true],
      ]);
      expect(leave.evidence.periods?.[0]?.inputs.map((i) => [i.indicator, i.unitCode, i.value])).toEqual([
        ['resident_income', C, 45000],
        ['resident_income', '330000', 60000],
      ]);
      expect(leave).toMatchObject({
        status: 'proposed',
        groupName: '山区海岛县',
        unitName: 'C区',
        synthetic: false,
      });
      // Proposing again adds nothing.
      const again = must(await proposeClassifications(store, { of: '330000', period: '2025', rules }, meta));
      expect(again.created).toEqual([]);
      expect(again.existing.map((p) => p.id)).toEqual(out.created.map((p) => p.id));

      const accepted = must(
        await acceptClassification(store, leave.id, { effectiveDate: '2026-02-01', note: '同意', ...meta }),
      );
      expect(accepted).toMatchObject({ status: 'accepted', effectiveDate: '2026-02-01', decidedBy: 'admin' });
      expect((await getGroupMembers(store, 'mountain_island', '2026-01-31')).map((m) => m.code)).toEqual([
        C,
        D,
      ]);
      expect((await getGroupMembers(store, 'mountain_island', '2026-02-01')).map((m) => m.code)).toEqual([D]);
      const rejected = must(
        await rejectClassification(store, out.created[1]!.id, { note: '不同意', ...meta }),
      );
      expect(rejected.status).toBe('rejected');
      const twice = await acceptClassification(store, out.created[1]!.id, {
        effectiveDate: '2026-02-01',
        note: '',
        ...meta,
      });
      expect(!twice.ok && twice.error.code).toBe('PROPOSAL_DECIDED');

      // A run as of after the change ranks C among the other counties.
      const later = must(
        await createIndexRun(store, request({ frameworkVersion: 1, asOf: '2026-02-01' }), ctx),
      );
      expect(byUnit(later).get(C)).toMatchObject({ mountainIsland: false });

      // Index rules over a run: test_group = {A, D}; others B 60.95, C 27.98 (median 44.46); members' median 53.75.
      const idx = must(
        await proposeClassifications(
          store,
          {
            of: '330000',
            period: '2025',
            runId: run2025.id,
            rules: [
              { kind: 'index_score', code: 'idx_leave', group: 'test_group', direction: 'leave', basis: 't' },
              { kind: 'index_score', code: 'idx_enter', group: 'test_group', direction: 'enter', basis: 't' },
            ],
          },
          meta,
        ),
      );
      expect(idx.created.map((p) => [p.unitCode, p.direction])).toEqual([
        [A, 'leave'],
        [C, 'enter'],
      ]);
      close(idx.created[0]?.evidence.index?.reference, 44.464285714285715);
      close(idx.created[1]?.evidence.index?.reference, 53.75);

      // Synthetic evidence: E's 2025 income is synthetic (ratio 100 × 48000 / 60000 = 80); such a proposal
      // cannot change a real group.
      await insertNewObservations(
        store,
        [
          obs('resident_income', E, '2025', 48000, {
            synthetic: true,
            source: '模拟数据 synthetic (seed 1)',
          }),
        ],
        { by: 'demo', at: meta.now, reason: 'demo' },
      );
      const synth = must(
        await proposeClassifications(
          store,
          { of: '330000', period: '2025', rules: [{ ...rules[1]!, code: 'enter_synthetic' }] },
          meta,
        ),
      );
      const e = synth.created.find((p) => p.unitCode === E)!;
      expect(e).toMatchObject({ synthetic: true, syntheticLabel: '模拟数据 synthetic data' });
      const refused = await acceptClassification(store, e.id, {
        effectiveDate: '2026-03-01',
        note: '',
        ...meta,
      });
      expect(!refused.ok && refused.error.code).toBe('SYNTHETIC_EVIDENCE');
    });

    it('a run over synthetic inputs is flagged and does not take its rank change from a real run', async () => {
      const { store } = opened;
      const s = must(await createIndexRun(store, request({ frameworkVersion: 1 }), ctx));
      expect(s).toMatchObject({ synthetic: true, syntheticLabel: '模拟数据 synthetic data' });
      expect(s.notes[0]).toContain('模拟数据');
      expect(byUnit(s).get(E)?.synthetic).toBe(true);
      expect(byUnit(s).get(A)?.synthetic).toBe(false);
      expect(s.rankChangeBasis.kind).toBe('none');
      const buf = await leagueTableWorkbook(s);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(buf as unknown as ArrayBuffer);
      for (const ws of wb.worksheets) expect(String(ws.getCell('A1').value)).toContain('模拟数据');
    });
  });
}
