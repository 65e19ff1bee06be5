/**
 * Progress use cases on SQLite and PostgreSQL with a small hand-made world (test-fixture.ts). Expected
 * numbers are worked out by hand, decimals confirmed with python3:
 *   cagr = lambda y0, t0, y1, t1: (y1 / y0) ** (1 / (t1 - t0)) - 1
 * Time scale: year Y sits at Y + 1, a target "by T" at T + 1.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  countRows,
  getHistory,
  getIndicator,
  getLineage,
  listObservations,
  listWarnings,
  recordObservationValue,
} from '@suocha/store';
import { testEngines, type OpenedStore } from '@suocha/store/testing';
import { judgeAllTargets } from './all-statuses';
import { checkFormula, defineFormula, recomputeDerivedValues } from './derived';
import { ProgressError } from './errors';
import { recordObservation } from './observe';
import { progressReport, progressReportJson } from './progress-report';
import { indicatorSeries } from './series';
import { loadFixture, NOW } from './test-fixture';
import type { ExpectedSubmission } from './warning-rules';
import { evaluateWarnings, warningsReport } from './warnings';
import { collectionSubmissions } from './submissions';
import { createDataSet } from '@suocha/store';

const expectError = async (p: Promise<unknown>, code: string) => {
  const e: unknown = await p.then(
    () => undefined,
    (x: unknown) => x,
  );
  expect(e).toBeInstanceOf(ProgressError);
  expect((e as ProgressError).code).toBe(code);
  return e as ProgressError;
};

for (const engine of testEngines()) {
  describe(`progress services on ${engine.name}`, () => {
    let opened: OpenedStore;
    beforeAll(async () => {
      opened = await engine.open();
      await loadFixture(opened.store);
    });
    afterAll(async () => opened.cleanup());

    it('derives r = a / b and m = max/min over children, with lineage; a second run changes nothing', async () => {
      const { store } = opened;
      const s = await recomputeDerivedValues(store, { now: NOW, by: 'test' });
      // r: only 2023 has both a and b for the province: 121 / 70. m: at 330000 max(30, 20)/min(30, 20) = 1.5;
      // at 330800 its one child 330824 (10/10 = 1); at 100000 its one child 330000, in 2021 and 2023 (= 1).
      expect(s).toMatchObject({ inserted: 5, updated: 0, failed: [], conflicts: [] });
      const r = await listObservations(store, { indicatorCode: 'r' });
      expect(r.map((o) => [o.unitCode, o.period, o.value, o.source])).toEqual([
        ['330000', '2023', 121 / 70, '推算 derived: a / b'],
      ]);
      const m = await listObservations(store, { indicatorCode: 'm' });
      expect(m.map((o) => [o.unitCode, o.period, o.value])).toEqual([
        ['100000', '2021', 1],
        ['100000', '2023', 1],
        ['330000', '2023', 1.5],
        ['330800', '2023', 1],
      ]);
      const lineage = (await getLineage(store, [r[0]?.id ?? -1])).get(r[0]?.id ?? -1);
      expect(lineage?.inputs.map((i) => [i.indicatorCode, i.unitCode, i.period, i.value, i.source])).toEqual([
        ['a', '330000', '2023', 121, 'test source a 330000 2023'],
        ['b', '330000', '2023', 70, 'test source b 330000 2023'],
      ]);
      const again = await recomputeDerivedValues(store, { now: NOW, by: 'test' });
      expect(again).toMatchObject({ inserted: 0, updated: 0, unchanged: 5 });
    });

    it('recomputes a derived value when an input changes, keeps recorded values and withdraws values that lost inputs', async () => {
      const { store } = opened;
      // b 2023: 70 → 55 through observe: r 2023 becomes 121/55 = 2.2 at version 2, with a history entry.
      const res = await recordObservation(
        store,
        { indicatorCode: 'b', unitCode: '330000', period: '2023', value: '55', source: 'corrected release' },
        { by: 'test', now: NOW },
      );
      expect(res).toMatchObject({ action: 'updated', observation: { value: 55, version: 2 } });
      expect(res.derived).toMatchObject({ inserted: 0, updated: 1 });
      const [r] = await listObservations(store, { indicatorCode: 'r' });
      expect(r).toMatchObject({ value: 2.2, version: 2 });
      expect((await getHistory(store, r?.id ?? -1)).map((h) => [h.oldValue, h.newValue])).toEqual([
        [null, 121 / 70],
        [121 / 70, 2.2],
      ]);
      // A published r for 2021 with a and b both present would be kept; here a recorded value that the
      // formula contradicts is reported: b 2021 = 50 gives a/b = 2, recorded r 2021 = 1.9.
      await recordObservation(
        store,
        { indicatorCode: 'r', unitCode: '330000', period: '2021', value: 1.9, source: 'pub' },
        { by: 't', now: NOW },
      );
      const withB = await recordObservation(
        store,
        { indicatorCode: 'b', unitCode: '330000', period: '2021', value: 50, source: 'pub' },
        { by: 't', now: NOW },
      );
      expect(withB.derived.conflicts).toEqual([
        { indicator: 'r', unit: '330000', period: '2021', recorded: 1.9, computed: 2 },
      ]);
      expect(
        (await listObservations(store, { indicatorCode: 'r' })).find((o) => o.period === '2021')?.value,
      ).toBe(1.9);
      // 330824's a 2023 is reopened (draft): m for 330800 loses its input and is withdrawn to draft.
      await recordObservation(
        store,
        {
          indicatorCode: 'a',
          unitCode: '330824',
          period: '2023',
          value: 10,
          source: 'test source a 330824 2023',
        },
        { by: 't', now: NOW },
      );
      await recordObservationValue(
        store,
        {
          indicatorCode: 'a',
          unitCode: '330824',
          provinceCode: '330000',
          period: '2023',
          periodEnd: '2023-12-31',
          value: 10,
          source: 'test source a 330824 2023',
          note: '',
          status: 'draft',
          synthetic: false,
        },
        { by: 't', at: NOW, reason: 'reopened' },
      );
      const s = await recomputeDerivedValues(store, { now: NOW, by: 'test', inputs: ['a'] });
      expect(s.updated).toBe(1);
      const m330800 = (await listObservations(store, { indicatorCode: 'm', unitCode: '330800' }))[0];
      expect(m330800?.status).toBe('draft');
    });

    it('refuses a formula with an unknown indicator, a division by zero or a cycle, and writes nothing', async () => {
      const { store } = opened;
      const before = await countRows(store);
      const unknown = await expectError(checkFormula(store, 'r', 'a / nope'), 'FORMULA_INVALID');
      expect(unknown.problems.map((p) => p.code)).toEqual(['FORMULA_UNKNOWN_INDICATOR']);
      expect(unknown.message).toContain('nope');
      const zero = await expectError(
        defineFormula(store, 'r', 'a / (2 - 2)', { now: NOW, by: 't' }),
        'FORMULA_INVALID',
      );
      expect(zero.problems.map((p) => p.code)).toEqual(['FORMULA_DIVISION_BY_ZERO']);
      // a := r * 2 closes the cycle a → r → a.
      const cycle = await expectError(
        defineFormula(store, 'a', 'r * 2', { now: NOW, by: 't' }),
        'FORMULA_INVALID',
      );
      expect(cycle.problems.map((p) => p.code)).toEqual(['FORMULA_CYCLE']);
      expect(cycle.message).toMatch(/a → r → a|r → a → r/);
      await expectError(defineFormula(store, 'zzz', 'a', { now: NOW, by: 't' }), 'INDICATOR_NOT_FOUND');
      expect(await countRows(store)).toEqual(before);
      expect((await getIndicator(store, 'r'))?.definition).toBe('a / b');
    });

    it('refuses bad observations with a clear error and writes nothing', async () => {
      const { store } = opened;
      const before = await countRows(store);
      const ok = { indicatorCode: 'a', unitCode: '330000', period: '2024', value: '1', source: 's' };
      const cases: [Partial<typeof ok>, string][] = [
        [{ indicatorCode: 'nope' }, 'INDICATOR_NOT_FOUND'],
        [{ unitCode: '999999' }, 'UNIT_NOT_FOUND'],
        [{ period: '2024Q5' }, 'BAD_PERIOD'],
        [{ period: '2024-13' }, 'BAD_PERIOD'],
        [{ value: '12,3' }, 'BAD_VALUE'],
        [{ value: 'abc' }, 'BAD_VALUE'],
        [{ value: '' }, 'BAD_VALUE'],
        [{ source: '  ' }, 'EMPTY_SOURCE'],
      ];
      for (const [change, code] of cases)
        await expectError(recordObservation(store, { ...ok, ...change }, { by: 't', now: NOW }), code);
      expect(await countRows(store)).toEqual(before);
    });
  });

  describe(`progress report and warnings on ${engine.name}`, () => {
    let opened: OpenedStore;
    beforeAll(async () => {
      opened = await engine.open();
      await loadFixture(opened.store);
    });
    afterAll(async () => opened.cleanup());

    it('judges every target of the province; the later plan governs and both are listed', async () => {
      const { store } = opened;
      const r = await progressReport(store, { unitCode: '330000', asOf: '2024-12-31' });
      expect(
        r.items.map((i) => [i.indicator.code, i.plan.code, i.governing, i.supersededBy, i.current]),
      ).toEqual([
        ['a', 'p1', false, 'p2', false],
        ['a', 'p2', true, null, true],
        ['b', 'p2', true, null, true],
      ]);
      const a = r.items[1];
      // a: 100 (2021, t0 = 2022) → 121 (2023, t = 2024); target ≥ 160 by 2025 (T = 2026).
      // r_obs = (121/100)^(1/2) − 1 = 0.1; r_req = (160/100)^(1/4) − 1 = 0.1246827; R = 0.8020362 → needs
      // acceleration. 序时进度 100 + 60·2/4 = 130, gap −9; projection 121·1.1² = 146.41; from now
      // (160/121)^(1/2) − 1 = 0.1499191.
      expect(a).toMatchObject({
        status: 'needs_acceleration',
        seasonality: 'year',
        targetValue: 160,
        points: 2,
      });
      expect(a?.latest).toMatchObject({ period: '2023', value: 121, source: 'test source a 330000 2023' });
      expect(a?.baseline).toMatchObject({ period: '2021', value: 100, from: 'earliest_observation' });
      expect(a?.ratio).toBeCloseTo(0.8020362070798654, 12);
      expect(a?.expected).toBeCloseTo(130, 12);
      expect(a?.gap).toBeCloseTo(-9, 12);
      expect(a?.projected).toBeCloseTo(146.41, 10);
      expect(a?.requiredAnnualChange).toBeCloseTo(0.1499191491521379, 12);
      expect(a?.evidence).toBe('/api/indicators/a/series?unit=330000');
      // b: 80 (2022) → 70 (2023) against ≥ 90: r_obs = −0.125, r_req = (90/80)^(1/3) − 1 = 0.0400419,
      // R = −3.1217 → moving away; from now (90/70)^(1/2) − 1 = 0.1338934.
      const b = r.items[2];
      expect(b?.status).toBe('moving_away');
      expect(b?.ratio).toBeCloseTo(-3.1217290892565095, 12);
      expect(b?.requiredAnnualChange).toBeCloseTo(0.1338934190276817, 12);
      expect(r.counts).toMatchObject({ needs_acceleration: 1, moving_away: 1, achieved: 0 });
      const counties = await progressReport(store, {
        unitCode: '330000',
        asOf: '2024-12-31',
        level: 'county',
      });
      expect(counties.items.map((i) => [i.unit.code, i.status, i.reason])).toEqual([
        ['330824', 'no_data', 'SINGLE_OBSERVATION'],
      ]);
      await expectError(progressReport(store, { unitCode: '999999', asOf: '2024-12-31' }), 'UNIT_NOT_FOUND');
      await expectError(progressReport(store, { unitCode: '330000', asOf: '2024-02-30' }), 'BAD_DATE');
    });

    it('the bulk path gives the same statuses as the report', async () => {
      const { store } = opened;
      const seen: [number, string][] = [];
      const all = await judgeAllTargets(store, { asOf: '2024-12-31' }, (j) =>
        seen.push([j.targetId, j.result.status]),
      );
      const own = await progressReport(store, { unitCode: '330000', asOf: '2024-12-31' });
      const counties = await progressReport(store, {
        unitCode: '330000',
        asOf: '2024-12-31',
        level: 'county',
      });
      const expected = [...own.items, ...counties.items].map(
        (i) => [i.targetId, i.status] as [number, string],
      );
      expect(seen.sort((x, y) => x[0] - y[0])).toEqual(expected.sort((x, y) => x[0] - y[0]));
      expect(all.targets).toBe(4);
      expect(all.current).toMatchObject({ needs_acceleration: 1, moving_away: 1, no_data: 1 });
    });

    it('raises warnings with the date, refreshes and closes them as data change, and lists a month', async () => {
      const { store } = opened;
      let subs: ExpectedSubmission[] = [
        {
          datasetCode: 'monthly',
          datasetName: '月报',
          unitCode: '330824',
          period: '2024-11',
          dueDate: '2024-12-05',
          state: 'missing',
          indicators: ['a'],
        },
        {
          datasetCode: 'monthly',
          datasetName: '月报',
          unitCode: '330800',
          period: '2024-11',
          dueDate: '2024-12-05',
          state: 'submitted',
          indicators: ['a'],
        },
      ];
      const submissions = async () => subs;
      const dec = await evaluateWarnings(store, { asOf: '2024-12-31', now: NOW, submissions });
      expect(dec).toMatchObject({ evaluated: true, raised: 4, closed: 0 });
      const open = async (asOf: string) =>
        (await listWarnings(store, { unitCode: '330000', asOf, view: 'open' })).map((w) => [
          w.rule,
          w.indicatorCode ?? w.datasetCode,
          w.severity,
          w.raisedOn,
          w.closedOn,
        ]);
      // a: needs acceleration (yellow); b: moving away (red) and 80 → 70 the wrong way (yellow);
      // 330824's November form, due 2024-12-05, 26 days late (orange).
      expect(await open('2024-12-31')).toEqual([
        ['off_track', 'b', 'red', '2024-12-31', null],
        ['missing_submission', 'monthly', 'orange', '2024-12-31', null],
        ['off_track', 'a', 'yellow', '2024-12-31', null],
        ['wrong_direction', 'b', 'yellow', '2024-12-31', null],
      ]);
      const [b] = await listWarnings(store, { unitCode: '330000', asOf: '2024-12-31', view: 'open' });
      expect(b?.message).toContain('背离目标 moving away');
      expect(b?.details).toMatchObject({
        status: 'moving_away',
        comparator: '>=',
        targetValue: 90,
        latest: { period: '2023', value: 70, href: '/api/indicators/b/series?unit=330000' },
        evidence: [
          { indicator: 'b', unit: '330000', period: '2022', value: 80 },
          { indicator: 'b', unit: '330000', period: '2023', value: 70 },
        ],
      });
      // January: a 2024 = 150 puts a on track (R = 1.1607); the form is still missing, now 57 days (red).
      await recordObservation(
        store,
        { indicatorCode: 'a', unitCode: '330000', period: '2024', value: 150, source: 'pub' },
        { by: 't', now: NOW },
      );
      const jan = await warningsReport(store, {
        unitCode: '330000',
        asOf: '2025-01-31',
        now: NOW,
        submissions,
      });
      expect(jan.since).toBe('2025-01-01');
      expect(jan.evaluation).toMatchObject({ evaluated: true, raised: 0, closed: 1, updated: 1 });
      expect(jan.open.map((w) => [w.rule, w.severity, w.raisedOn])).toEqual([
        ['off_track', 'red', '2024-12-31'],
        ['missing_submission', 'red', '2024-12-31'],
        ['wrong_direction', 'yellow', '2024-12-31'],
      ]);
      expect(jan.raised).toEqual([]);
      expect(jan.closed.map((w) => [w.rule, w.indicatorCode, w.raisedOn, w.closedOn])).toEqual([
        ['off_track', 'a', '2024-12-31', '2025-01-31'],
      ]);
      // Asking again on unchanged data does not evaluate again.
      expect(
        (await warningsReport(store, { unitCode: '330000', asOf: '2025-01-31', now: NOW, submissions }))
          .evaluation,
      ).toBeNull();
      // The county sees only its own subtree.
      const county = await warningsReport(store, {
        unitCode: '330824',
        asOf: '2025-01-31',
        now: NOW,
        evaluate: 'never',
      });
      expect(county.open.map((w) => w.rule)).toEqual(['missing_submission']);
      // History is not rewritten: an evaluation as of an earlier date writes nothing.
      subs = [];
      const back = await evaluateWarnings(store, { asOf: '2025-01-15', now: NOW, submissions });
      expect(back).toMatchObject({ evaluated: false, raised: 0, closed: 0 });
      expect(back.skippedReason).toContain('2025-01-31');
      // February: the form came in.
      const feb = await evaluateWarnings(store, { asOf: '2025-02-28', now: NOW, submissions });
      expect(feb).toMatchObject({ closed: 1, raised: 0 });
      expect((await open('2025-02-28')).map((w) => w[0])).toEqual(['off_track', 'wrong_direction']);
      // Without a submission source the submission warnings are left alone (none open now anyway).
      expect(await open('2025-01-31')).toHaveLength(3);
    });

    it('expected submissions come from the collection data sets: forms not sent after their due date', async () => {
      const { store } = opened;
      await createDataSet(
        store,
        {
          code: 'county_monthly',
          nameZh: '县级月报',
          nameEn: 'county monthly',
          periodKind: 'month',
          ytd: false,
          dueDay: 5,
          dueOffsetMonths: 1,
          level: 'county',
          scopeUnit: '330800',
          fields: [
            {
              indicatorCode: 'a',
              valueType: 'number',
              min: null,
              max: null,
              required: true,
              softMin: null,
              softMax: null,
            },
          ],
          rules: [],
          outlier: { method: 'none', threshold: 3, minHistory: 3 },
        },
        { by: 'test', at: '2024-10-01T00:00:00.000Z' },
      );
      // Defined on 2024-10-01: the forms of 2024-09, -10 and -11 fell due on 10-05, 11-05 and 12-05; 开化县
      // (the one county under 330800) has sent none. December's is due 2025-01-05, after the date.
      const subs = await collectionSubmissions(store)('2024-12-31');
      expect(
        subs.map((s) => [s.datasetCode, s.unitCode, s.period, s.dueDate, s.state, s.indicators]),
      ).toEqual([
        ['county_monthly', '330824', '2024-09', '2024-10-05', 'missing', ['a']],
        ['county_monthly', '330824', '2024-10', '2024-11-05', 'missing', ['a']],
        ['county_monthly', '330824', '2024-11', '2024-12-05', 'missing', ['a']],
      ]);
    });

    it('serves the series with sources and lineage, and the cached report follows changes', async () => {
      const { store } = opened;
      const first = JSON.parse(
        await progressReportJson(store, { unitCode: '330000', asOf: '2025-12-31' }),
      ) as {
        items: { indicator: { code: string }; status: string; latest: { value: number } | null }[];
      };
      expect(first.items.find((i) => i.indicator.code === 'b')?.latest?.value).toBe(70);
      await recordObservation(
        store,
        { indicatorCode: 'b', unitCode: '330000', period: '2024', value: 95, source: 'pub' },
        { by: 't', now: NOW },
      );
      const second = JSON.parse(
        await progressReportJson(store, { unitCode: '330000', asOf: '2025-12-31' }),
      ) as typeof first;
      expect(second.items.find((i) => i.indicator.code === 'b')).toMatchObject({
        status: 'achieved',
        latest: { value: 95 },
      });
      const s = await indicatorSeries(store, 'r', '330000');
      // r 2023 = 121/70 (derived when the report was computed), r 2024 = 150/95.
      expect(
        s.items.map((p) => [
          p.period,
          p.value,
          p.derived?.inputs.map((i) => `${i.indicatorCode}:${i.value}`),
        ]),
      ).toEqual([
        ['2023', 121 / 70, ['a:121', 'b:70']],
        ['2024', 150 / 95, ['a:150', 'b:95']],
      ]);
      expect(s.items[0]?.derived).toMatchObject({ formula: 'a / b', stale: false });
      expect(s.targets).toEqual([]);
      await expectError(indicatorSeries(store, 'nope', '330000'), 'INDICATOR_NOT_FOUND');
    });
  });
}
