/** Imports (CSV long format, .xlsx templates): located problems, dry runs, all-or-nothing writes; SQLite and PostgreSQL. */
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countRows, type Store } from '@suocha/store';
import { testEngines, type OpenedStore } from '@suocha/store/testing';
import { actOnForm, saveForm } from './entry';
import { loadForm } from './form';
import { importValues, type ImportRequest } from './import';
import { buildTemplate } from './template';
import { COUNTY_DS, seedWorld } from './test-fixture';

const AT = '2025-12-03T01:00:00.000Z';
const csv = (lines: string[]) => Buffer.from(`${lines.join('\n')}\n`, 'utf8');

for (const engine of testEngines()) {
  describe(`collection import on ${engine.name}`, () => {
    let opened: OpenedStore;
    let store: Store;
    const run = (bytes: Buffer, extra: Partial<ImportRequest> = {}) =>
      importValues(store, {
        file: { name: 'values.csv', bytes },
        datasetCode: COUNTY_DS.code,
        dryRun: false,
        by: 'importer',
        at: AT,
        ...extra,
      });

    beforeAll(async () => {
      opened = await engine.open();
      store = opened.store;
      await seedWorld(store);
      // History for the outlier check: four months for Changshan.
      const rows = ['unit_code,indicator,period,value'];
      for (const [i, m] of ['2025-07', '2025-08', '2025-09', '2025-10'].entries())
        rows.push(
          `330822,urban_income,${m},${50000 + 100 * i}`,
          `330822,rural_income,${m},${25000 + 100 * i}`,
        );
      const r = await run(csv(rows));
      expect(r).toMatchObject({ ok: true, written: true, inserted: 8 });
    });
    afterAll(async () => opened.cleanup());

    it('a dry run lists every problem with line and column, and writes nothing', async () => {
      const before = await countRows(store);
      const file = csv([
        'unit_code,indicator,period,value,comment',
        '330824,urban_income,2025-11,60000,', // 2: fine
        '999999,urban_income,2025-11,1,', // 3: unknown unit
        '330824,nope,2025-11,1,', // 4: not a field
        '330824,rural_income,2025Q4,1,', // 5: wrong kind of period
        '330824,rural_income,2025-11,abc,', // 6: not a number
        '330824,urban_income,2025-11,60001,', // 7: duplicate of line 2
        '330800,urban_income,2025-11,1,', // 8: a city, not a county
        '330103,urban_income,2025-11,1,', // 9: abolished in 2021
        '330822,urban_income,2025-11,90000,', // 10: outlier without a comment
        '330822,rural_income,2025-11,25400,', // 11: fine
        '330802,urban_income,2025-11,100,', // 12: rule: urban < rural
        '330802,rural_income,2025-11,200,', // 13
        '330802,households,2025-11,3.5,', // 14: not an integer
        '"330102",urban_income,2025-11,"1,234",', // 15: fine (quoted, grouped thousands)
      ]);
      const r = await run(file, { dryRun: true });
      expect(r.ok).toBe(false);
      expect(r.written).toBe(false);
      expect(r.problems.map((p) => [p.line, p.column, p.code])).toEqual([
        [3, 'unit_code', 'UNKNOWN_UNIT'],
        [4, 'indicator', 'UNKNOWN_INDICATOR'],
        [5, 'period', 'BAD_PERIOD'],
        [6, 'value', 'NOT_A_NUMBER'],
        [7, 'indicator', 'DUPLICATE_VALUE'],
        [8, 'unit_code', 'UNKNOWN_UNIT'],
        [9, 'unit_code', 'UNIT_NOT_REPORTING'],
        [10, 'comment', 'OUTLIER_NEEDS_COMMENT'],
        [12, 'value', 'RULE_FAILED'],
        [14, 'value', 'NOT_AN_INTEGER'],
      ]);
      expect(r.problems.every((p) => p.file === 'values.csv')).toBe(true);
      expect(r.problemCount).toBe(10);
      // The same file for real: refused as a whole.
      const real = await run(file);
      expect(real).toMatchObject({ ok: false, written: false });
      expect(await countRows(store)).toEqual(before);
    });

    it('a clean import writes drafts once; the same file again changes nothing; a confirmed outlier passes', async () => {
      const file = csv([
        '\ufeff区划代码,指标代码,期间,数值,说明',
        '330824,urban_income,2025-11,60000,',
        '330824,rural_income,2025-11,30000,',
        '330822,urban_income,2025-11,90000,新园区投产',
        '330822,rural_income,2025-11,25400,',
        '330802,households,2025-11,,',
      ]);
      const dry = await run(file, { dryRun: true });
      expect(dry).toMatchObject({ ok: true, written: false, inserted: 4, updated: 0, forms: 2, empty: 1 });
      const before = await countRows(store);
      const r = await run(file);
      expect(r).toMatchObject({ ok: true, written: true, inserted: 4, updated: 0, unchanged: 0 });
      const after = await countRows(store);
      expect((after.observations ?? 0) - (before.observations ?? 0)).toBe(4);
      expect((after.observation_history ?? 0) - (before.observation_history ?? 0)).toBe(4);
      expect(await run(file)).toMatchObject({
        ok: true,
        written: false,
        inserted: 0,
        updated: 0,
        unchanged: 4,
      });
      const form = await loadForm(store, COUNTY_DS.code, '330822', '2025-11');
      expect(form.fields[0]?.current).toMatchObject({
        value: 90000,
        comment: '新园区投产',
        status: 'draft',
        version: 1,
      });
      const changed = await run(
        csv(['unit_code,indicator,period,value', '330824,urban_income,2025-11,61000']),
      );
      expect(changed).toMatchObject({ ok: true, written: true, updated: 1 });
    });

    it('refuses values of forms that left draft, stale versions, and units the actor may not write', async () => {
      await actOnForm(store, {
        datasetCode: COUNTY_DS.code,
        unitCode: '330824',
        period: '2025-11',
        action: 'submit',
        by: 'kaihua',
        at: AT,
      });
      const r = await run(
        csv([
          'unit_code,indicator,period,value,version',
          '330824,urban_income,2025-11,62000,',
          '330822,urban_income,2025-11,90500,0',
        ]),
      );
      expect(r.problems.map((p) => [p.line, p.column, p.code])).toEqual([
        [2, 'unit_code', 'FORM_NOT_DRAFT'],
        [3, 'version', 'CONFLICT'],
      ]);
      expect(r.problems[1]?.message).toContain('现存 90000 (第 1 版)');
      const forbidden = await run(
        csv([
          'unit_code,indicator,period,value',
          '330822,rural_income,2025-12,25500',
          '330102,rural_income,2025-12,25500',
        ]),
        {
          authorize: (path) => path.includes('/330800/'),
        },
      );
      expect(forbidden.problems.map((p) => [p.line, p.code])).toEqual([[3, 'FORBIDDEN']]);
    });

    it('reads CSV saved by Excel/WPS in GB18030, and reports missing columns and unterminated quotes', async () => {
      // "区划代码,指标代码,期间,数值" and a row with a misspelt indicator, encoded by python3 '…'.encode('gb18030').
      const gbk = Buffer.concat([
        Buffer.from('c7f8bbaeb4fac2eb2cd6b8b1eab4fac2eb2cc6dabce42ccafdd6b50a', 'hex'),
        Buffer.from('3333303830322c75726261655f696e636f6d652c323032352d31322c353030300a', 'hex'),
      ]);
      const r = await run(gbk, { dryRun: true });
      expect(r.problems.map((p) => p.code)).toEqual(['UNKNOWN_INDICATOR']);
      expect(r.problems[0]?.message).toContain('urbae_income');
      const missing = await run(csv(['unit,indicator,period', '1,2,3']), { dryRun: true });
      expect(missing.problems.map((p) => [p.code, p.column])).toEqual([
        ['MISSING_COLUMN', 'unit_code'],
        ['MISSING_COLUMN', 'value'],
      ]);
      const quote = await run(csv(['unit_code,indicator,period,value', '330802,urban_income,2025-12,"5']), {
        dryRun: true,
      });
      expect(quote.problems.map((p) => p.code)).toEqual(['CSV_UNTERMINATED_QUOTE']);
      expect(
        (await run(csv(['unit_code,indicator,period,value']), { datasetCode: 'nope', dryRun: true }))
          .problems[0]?.code,
      ).toBe('UNKNOWN_DATASET');
      const noDataset = await importValues(store, {
        file: { name: 'x.csv', bytes: csv(['unit_code,indicator,period,value']) },
        dryRun: true,
        by: 'x',
        at: AT,
      });
      expect(noDataset.problems.map((p) => p.code)).toEqual(['DATASET_REQUIRED']);
    });

    it('round-trips the .xlsx template: fill it in, import it, and refuse an outdated copy', async () => {
      const t = await buildTemplate(store, {
        datasetCode: COUNTY_DS.code,
        period: '2025-12',
        unitCodes: ['330802', '330822'],
      });
      expect(t.sheets).toBe(2);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(new Uint8Array(t.bytes).buffer);
      expect(wb.worksheets.map((w) => w.name)).toEqual(['填报说明', '330802 柯城区', '330822 常山县']);
      const ws = wb.getWorksheet('330822 常山县') as ExcelJS.Worksheet;
      expect(ws.getRow(1).hidden).toBe(true);
      expect(ws.getRow(1).values).toEqual([
        undefined,
        'suocha-template',
        1,
        'county_income',
        1,
        '330822',
        '2025-12',
      ]);
      expect(ws.getRow(3).getCell(7).value).toBe('本期值');
      expect(ws.getRow(4).getCell(1).value).toBe('urban_income');
      expect(ws.getRow(4).getCell(4).value).toBe(90000); // previous period beside the field
      expect(ws.getRow(4).getCell(7).dataValidation).toMatchObject({
        type: 'decimal',
        formulae: [0, 1_000_000],
      });
      expect(ws.getRow(6).getCell(7).dataValidation).toMatchObject({ type: 'whole' });
      expect(ws.getRow(4).getCell(7).protection).toMatchObject({ locked: false });
      expect(ws.getRow(4).getCell(1).protection?.locked).not.toBe(false);
      expect((ws as { sheetProtection?: unknown }).sheetProtection).toMatchObject({ sheet: true });
      ws.getRow(4).getCell(7).value = 50500;
      ws.getRow(5).getCell(7).value = 25500;
      ws.getRow(6).getCell(7).value = 1200;
      const ke = wb.getWorksheet('330802 柯城区') as ExcelJS.Worksheet;
      ke.getRow(4).getCell(7).value = 'x';
      const bad = await importValues(store, {
        file: { name: 't.xlsx', bytes: Buffer.from(await wb.xlsx.writeBuffer()) },
        dryRun: true,
        by: 'x',
        at: AT,
      });
      expect(bad.problems.map((p) => [p.sheet, p.line, p.column, p.code])).toEqual([
        ['330802 柯城区', 4, 'G', 'NOT_A_NUMBER'],
      ]);
      ke.getRow(4).getCell(7).value = null;
      const filled = Buffer.from(await wb.xlsx.writeBuffer());
      // The streaming reader (for big workbooks) reads it the same way as loading it whole.
      const streamed = await importValues(store, {
        file: { name: 't.xlsx', bytes: filled },
        dryRun: true,
        by: 'x',
        at: AT,
        limits: { inMemoryXlsxBytes: 0 },
      });
      expect(streamed).toMatchObject({ ok: true, inserted: 3, rows: 6, empty: 3, forms: 1 });
      const good = await importValues(store, {
        file: { name: 't.xlsx', bytes: filled },
        dryRun: false,
        by: 'x',
        at: AT,
      });
      expect(good).toMatchObject({
        ok: true,
        written: true,
        datasetCode: 'county_income',
        inserted: 3,
        rows: 6,
        empty: 3,
        format: 'xlsx',
      });
      // Someone edits a value; the old copy of the template (made at version 0) now conflicts.
      await saveForm(store, {
        datasetCode: COUNTY_DS.code,
        unitCode: '330822',
        period: '2025-12',
        by: 'web',
        at: AT,
        values: [{ indicatorCode: 'households', value: 1250, version: 1 }],
      });
      ws.getRow(6).getCell(7).value = 1300;
      const stale = await importValues(store, {
        file: { name: 't.xlsx', bytes: Buffer.from(await wb.xlsx.writeBuffer()) },
        dryRun: false,
        by: 'x',
        at: AT,
      });
      expect(stale.problems.map((p) => [p.sheet, p.line, p.column, p.code])).toContainEqual([
        '330822 常山县',
        6,
        'I',
        'CONFLICT',
      ]);
      expect((await loadForm(store, COUNTY_DS.code, '330822', '2025-12')).fields[2]?.current?.value).toBe(
        1250,
      );
      // A template for another data set than the one asked for.
      const other = await importValues(store, {
        file: { name: 't.xlsx', bytes: t.bytes },
        datasetCode: 'village_monthly',
        dryRun: true,
        by: 'x',
        at: AT,
      });
      expect(other.problems.map((p) => p.code)).toContain('DATASET_MISMATCH');
    });
  });
}
