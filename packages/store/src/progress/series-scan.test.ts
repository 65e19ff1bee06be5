/**
 * The columnar bulk read (`scanProgressSeries`) on SQLite and PostgreSQL: the same series as the per-row
 * read (`scanProgressInputs`), values exact to the last bit, and the per-indicator statement shared with
 * a worker thread giving the same rows as one thread.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { childPath, mulberry32, provinceOf } from '@suocha/core';
import type { UnitRow } from '../hierarchy/units-repo';
import { insertUnits } from '../hierarchy/units-repo';
import { insertCatalogue } from '../targets/catalogue-repo';
import { testEngines, type OpenedStore } from '../testing/engines';
import { bulkInsertObservations } from './bulk-load';
import { scanProgressInputs } from './progress-read';
import { perKeyRows } from './series-reader';
import { PERIOD_SEPARATOR, scanProgressSeries } from './series-scan';

function unit(code: string, level: UnitRow['level'], parent: UnitRow | null): UnitRow {
  const path = childPath(parent?.path ?? null, code);
  return {
    code,
    name: code,
    level,
    parent_code: parent?.code ?? null,
    path,
    depth: ['country', 'province', 'city', 'county'].indexOf(level),
    province_code: provinceOf(path),
    valid_from: null,
    valid_to: null,
    source: 'test',
  };
}
const cn = unit('100000', 'country', null);
const zj = unit('330000', 'province', cn);
const counties = Array.from({ length: 9 }, (_, k) => unit(`33010${k + 1}`, 'county', zj));
const INDICATORS = ['i0', 'i1', 'i2', 'i3', 'i4'];
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Values with all 17 significant digits (seeded), so that a lossy text form would show. */
const rng = mulberry32(7);
const values = new Map<string, number>();
const rows = INDICATORS.flatMap((ind, i) =>
  counties.flatMap((u, c) =>
    // Unit c of indicator i has (i + c) % 4 values: some series are empty.
    ['2021', '2022', '2023', '2024Q3-YTD'].slice(0, (i + c) % 4).map((period) => {
      const value = (rng() - 0.2) * 10 ** Math.floor(rng() * 8);
      values.set(`${ind}|${u.code}|${period}`, value);
      return {
        indicatorCode: ind,
        unitCode: u.code,
        provinceCode: '330000',
        period,
        periodEnd: period.length === 4 ? `${period}-12-31` : '2024-09-30',
        value,
        source: 'test',
        note: '',
        status: 'approved' as const,
        synthetic: c === 2,
      };
    }),
  ),
);

for (const engine of testEngines()) {
  describe(`columnar progress read on ${engine.name}`, () => {
    let opened: OpenedStore;
    beforeAll(async () => {
      opened = await engine.open();
      const { store } = opened;
      await insertUnits(store, [cn, zj, ...counties]);
      await insertCatalogue(store, {
        indicators: INDICATORS.map((code) => ({
          code,
          nameZh: code,
          nameEn: code,
          unit: 'x',
          polarity: 'up' as const,
          domain: 'test',
          definition: '',
          source: 't',
        })),
        plans: [
          { code: 'p', title: 'p', issuer: 't', issuedOn: '2024-01-01', scopeUnit: '330000', source: 't' },
        ],
        targets: INDICATORS.flatMap((ind) =>
          counties.slice(0, 4).map((u) => ({
            indicatorCode: ind,
            planCode: 'p',
            unitCode: u.code,
            year: 2027,
            comparator: '>=' as const,
            value: 1,
            baselinePeriod: null,
            baselineValue: null,
            source: 't',
          })),
        ),
      });
      await bulkInsertObservations(store, rows, { by: 't', at: '2026-01-01', reason: 'test' });
    });
    afterAll(async () => opened.cleanup());

    for (const parallel of [false, true])
      it(`gives the series of the per-row read, values exact${parallel ? ', with a worker thread' : ''}`, async () => {
        const { store } = opened;
        const expected: string[] = [];
        await scanProgressInputs(store, { periodEndBy: '2024-06-30' }, (b) => {
          for (const o of b.observations)
            expected.push(`${b.indicatorCode}|${o.u}|${o.period}|${o.value}|${o.s}`);
        });
        const got: string[] = [];
        const targets: number[] = [];
        await scanProgressSeries(store, { periodEndBy: '2024-06-30', parallel }, (b) => {
          targets.push(b.targets.length);
          expect(b.counts.reduce((x, y) => x + y, 0)).toBe(b.values.length);
          let at = 0;
          b.units.forEach((u, s) => {
            const periods = (b.periods[s] ?? '').split(PERIOD_SEPARATOR);
            expect(periods.length).toBe(b.counts[s]);
            for (const period of periods) {
              const v = b.values[at++] ?? Number.NaN;
              // Bit for bit the double that was written.
              expect(v).toBe(values.get(`${b.indicatorCode}|${u}|${period}`));
              got.push(`${b.indicatorCode}|${u}|${period}|${v}|${b.synthetic[s]}`);
            }
          });
        });
        expect(got.sort()).toEqual(expected.sort());
        // 2024Q3-YTD ends after 2024-06-30; the others count. Every indicator's 4 targets are there.
        expect(got.length).toBe(rows.filter((r) => r.period !== '2024Q3-YTD').length);
        expect(targets).toEqual([4, 4, 4, 4, 4]);
      });

    if (engine.name === 'sqlite')
      it('shares a per-key statement with a worker thread and gives the rows of one thread, in key order', async () => {
        const sqlite = opened.store.raw.sqlite;
        if (!sqlite) throw new Error('sqlite expected');
        const sql =
          'select count(*) as n, sum(value) as s from observations where indicator_code = ? and period <= ?';
        const keys = [...INDICATORS, 'none', ...INDICATORS].map((k) => [k]);
        const one = perKeyRows(sqlite, sql, keys, ['2023'], false);
        const two = perKeyRows(sqlite, sql, keys, ['2023'], true);
        // Give the worker time to claim the keys from the back (else this thread may take them all first).
        await pause(800);
        try {
          for (let k = 0; k < keys.length; k++) expect(await two.row(k)).toEqual(await one.row(k));
          expect(two.direct(['i1'])).toEqual(await one.row(1));
        } finally {
          await two.close();
          await one.close();
        }
        // Inside a transaction this thread reads alone (the worker could not see uncommitted rows).
        sqlite.exec('begin');
        try {
          sqlite.exec(`update observations set value = 0 where indicator_code = 'i1'`);
          const inTx = perKeyRows(sqlite, sql, keys, ['2023'], true);
          await pause(800); // a worker, had one started, would have answered from committed data by now
          const before = (await perKeyRows(sqlite, sql, keys, ['2023'], false).row(1)) as { n: number };
          expect(before.n).toBeGreaterThan(0);
          expect(await inTx.row(1)).toEqual({ n: before.n, s: 0 });
          await inTx.close();
        } finally {
          sqlite.exec('rollback');
        }
      });
  });
}
