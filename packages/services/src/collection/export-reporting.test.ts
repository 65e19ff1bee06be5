/** Exports that round-trip through the importer, and the reporting-rate view; SQLite and PostgreSQL. */
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '@suocha/store';
import { testEngines, type OpenedStore } from '@suocha/store/testing';
import { actOnForm } from './entry';
import { exportValues } from './export';
import { importValues } from './import';
import { reportingRate } from './reporting';
import { COUNTY_DS, seedWorld } from './test-fixture';

const AT = '2025-12-01T00:00:00.000Z';

for (const engine of testEngines()) {
  describe(`exports and reporting rate on ${engine.name}`, () => {
    let opened: OpenedStore;
    let store: Store;
    const imp = (bytes: Buffer, name = 'x.csv', at = AT) =>
      importValues(store, {
        file: { name, bytes },
        datasetCode: COUNTY_DS.code,
        dryRun: false,
        by: 'imp',
        at,
      });
    beforeAll(async () => {
      opened = await engine.open();
      store = opened.store;
      await seedWorld(store);
      const r = await imp(
        Buffer.from(
          'unit_code,indicator,period,value,comment\n330824,urban_income,2025-11,60000,\n330824,rural_income,2025-11,30000,\n330822,urban_income,2025-11,50000,"-注: 含""奖金"""\n330822,rural_income,2025-11,25000,\n',
        ),
      );
      expect(r.written).toBe(true);
    });
    afterAll(async () => opened.cleanup());

    it('a CSV export imports again unchanged; edited, it updates; stale, it conflicts', async () => {
      const e = await exportValues(store, {
        datasetCode: COUNTY_DS.code,
        period: '2025-11',
        rootUnit: '330800',
        format: 'csv',
      });
      expect(e).toMatchObject({
        rows: 4,
        fileName: 'county_income_2025-11_330800.csv',
        contentType: 'text/csv; charset=utf-8',
      });
      const text = e.bytes.toString('utf8');
      expect(text).toContain(
        `330822,常山县,urban_income,城镇居民人均可支配收入,2025-11,50000,"'-注: 含""奖金""",draft,1,`,
      );
      expect(await imp(e.bytes, e.fileName)).toMatchObject({ ok: true, written: false, unchanged: 4 });
      const edited = Buffer.from(text.replace('2025-11,60000,', '2025-11,60500,'));
      expect(await imp(edited, e.fileName)).toMatchObject({ ok: true, written: true, updated: 1 });
      const stale = await imp(Buffer.from(text.replace('2025-11,60000,', '2025-11,61000,')), e.fileName);
      expect(stale.problems.map((p) => [p.line, p.column, p.code])).toEqual([[5, 'version', 'CONFLICT']]);
      const x = await exportValues(store, { datasetCode: COUNTY_DS.code, period: '2025-11', format: 'xlsx' });
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(new Uint8Array(x.bytes).buffer);
      const ws = wb.worksheets[0] as ExcelJS.Worksheet;
      expect(ws.rowCount).toBe(5);
      expect(ws.getRow(2).getCell(6).value).toBe(25000);
    });

    it('says who reported on time, late, or not at all, by child of the root', async () => {
      const act = (unitCode: string, at: string) =>
        actOnForm(store, {
          datasetCode: COUNTY_DS.code,
          unitCode,
          period: '2025-11',
          action: 'submit',
          by: unitCode,
          at,
        });
      await act('330824', '2025-12-05T15:00:00.000Z'); // 23:00 Beijing time on the due day: on time
      await act('330822', '2025-12-05T16:30:00.000Z'); // 00:30 the next day: late
      const v = await reportingRate(store, {
        datasetCode: COUNTY_DS.code,
        period: '2025-11',
        now: '2025-12-20T00:00:00.000Z',
      });
      expect(v).toMatchObject({ dueDate: '2025-12-05', root: { code: '330000' } });
      expect(v.units.map((u) => [u.code, u.status, u.daysLate])).toEqual([
        ['330102', 'overdue', 15],
        ['330802', 'overdue', 15],
        ['330822', 'late', 1],
        ['330824', 'on_time', 0],
      ]);
      expect(v.totals).toMatchObject({
        expected: 4,
        reported: 2,
        onTime: 1,
        late: 1,
        overdue: 2,
        rate: 0.5,
        onTimeRate: 0.25,
      });
      expect(v.byChild.map((c) => [c.code, c.name, c.totals.expected, c.totals.reported])).toEqual([
        ['330100', '杭州市', 1, 0],
        ['330800', '衢州市', 3, 2],
      ]);
      expect(v.warnings.map((w) => [w.unitCode, w.level])).toEqual([
        ['330102', 'red'],
        ['330802', 'red'],
      ]);
      const city = await reportingRate(store, {
        datasetCode: COUNTY_DS.code,
        period: '2025-11',
        rootUnit: '330800',
        now: '2025-12-04T00:00:00.000Z',
      });
      expect(city.totals).toMatchObject({ expected: 3, reported: 2, pending: 1, overdue: 0 });
      expect(city.byChild).toEqual([]);
    });
  });
}
