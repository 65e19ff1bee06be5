import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readHouseholdsCsv } from './read-households-csv';
import { readHouseholdsXlsx } from './read-households-xlsx';
import {
  parseHouseholdNumber,
  type HouseholdImportProgress,
  type HouseholdImportResult,
  type HouseholdUnitPlacement,
} from './household-table';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'suocha-households-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// Units: two villages of 西湖区 (杭州), one of 龙泉市 (丽水); codes as in the NBS hierarchy.
const UNITS = new Map<string, HouseholdUnitPlacement>([
  ['330106001001', { city: '330100', county: '330106' }],
  ['330106001002', { city: '330100', county: '330106' }],
  ['331181100201', { city: '331100', county: '331181' }],
]);

const write = (name: string, text: string | Buffer) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};

async function writeXlsx(name: string, sheets: Record<string, (string | number | null)[][]>) {
  const wb = new ExcelJS.Workbook();
  for (const [sheet, rows] of Object.entries(sheets)) wb.addWorksheet(sheet).addRows(rows);
  const path = join(dir, name);
  await wb.xlsx.writeFile(path);
  return path;
}

const GOOD_ROWS: (string | number)[][] = [
  ['id', 'unit_code', 'area', 'household_size', 'per_capita_income', 'weight'],
  ['h1', '330106001001', 'urban', 3, 52000.5, 120],
  ['h2', '330106001002', '农村', 2, 31000, 80.5],
  ['h3', '331181100201', 'rural', 5, 0, 200],
  ['h4', '331181100201', '城镇', 1, -1200, 95],
];

function expectGood(r: HouseholdImportResult) {
  if (!r.ok) throw new Error(JSON.stringify(r.error.problems));
  const { data, households, incomeColumn } = r.value;
  expect(households).toBe(4);
  expect(incomeColumn).toBe('per_capita_income');
  expect(Array.from(data.income)).toEqual([52000.5, 31000, 0, -1200]);
  expect(Array.from(data.size)).toEqual([3, 2, 5, 1]);
  expect(Array.from(data.weight!)).toEqual([120, 80.5, 200, 95]);
  const g = data.groups!;
  expect(Array.from(g.urban_rural!.codes)).toEqual([0, 1, 1, 0]);
  expect(g.urban_rural!.labels).toEqual(['urban', 'rural']);
  expect(g.city!.labels).toEqual(['330100', '331100']);
  expect(Array.from(g.city!.codes)).toEqual([0, 0, 1, 1]);
  expect(g.county!.labels).toEqual(['330106', '331181']);
  expect(Array.from(g.county!.codes)).toEqual([0, 0, 1, 1]);
}

const csv = (rows: (string | number)[][], eol = '\n') => rows.map((r) => r.join(',')).join(eol) + eol;

describe('parseHouseholdNumber', () => {
  it('accepts decimal notation and thousands commas, nothing else', () => {
    expect(['12', ' 12.5 ', '-3', '+4', '.5', '1e3', '1,234,567.8', 52.25].map(parseHouseholdNumber)).toEqual(
      [12, 12.5, -3, 4, 0.5, 1000, 1234567.8, 52.25],
    );
    expect(
      ['', ' ', 'abc', '0x10', '1,23', '12元', 'NaN', 'Infinity', null, undefined, Infinity].map(
        parseHouseholdNumber,
      ),
    ).toEqual(Array(11).fill(null));
  });
});

describe('readHouseholdsCsv', () => {
  it('reads a valid file into the columnar form (BOM, CRLF, Chinese area names, zero and negative incomes)', async () => {
    const path = write('good.csv', '\ufeff' + csv(GOOD_ROWS, '\r\n'));
    const progress: HouseholdImportProgress[] = [];
    const r = await readHouseholdsCsv(path, { units: UNITS }, (p) => progress.push(p));
    expectGood(r);
    expect(progress.at(-1)).toMatchObject({ rows: 4, totalBytes: expect.any(Number) });
  });

  it('reads gzip-compressed files, a unit lookup function, quoted thousands and a default weight of 1', async () => {
    const text =
      'household_id,区划代码,城乡,户规模,家庭可支配收入\n' +
      'a,330106001001,城镇,4,"120,000.00"\n' +
      'b,331181100201,农村,2,50000\n';
    const path = write('income.csv.gz', gzipSync(text));
    const r = await readHouseholdsCsv(path, { units: (code) => UNITS.get(code) });
    if (!r.ok) throw new Error(JSON.stringify(r.error.problems));
    expect(r.value.incomeColumn).toBe('household_income');
    // Household income ÷ size.
    expect(Array.from(r.value.data.income)).toEqual([30000, 25000]);
    expect(Array.from(r.value.data.weight!)).toEqual([1, 1]);
  });

  it('rejects a file with a missing column, naming the column', async () => {
    const path = write(
      'missing.csv',
      'id,unit_code,household_size,per_capita_income\nh1,330106001001,3,100\n',
    );
    const r = await readHouseholdsCsv(path, { units: UNITS });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.problemCount).toBe(1);
    expect(r.error.problems[0]).toMatchObject({
      code: 'MISSING_COLUMN',
      file: 'missing.csv',
      line: 1,
      column: 'area',
    });
  });

  it('locates each bad value by file, line and column and stores nothing', async () => {
    const text = csv([
      ['id', 'unit_code', 'area', 'household_size', 'per_capita_income', 'weight'],
      ['h1', '330106001001', 'urban', 3, 52000, 1],
      ['h2', '330106001001', 'urban', 3, 'abc', 1],
      ['h3', '999999999999', 'rural', 2, 100, 1],
      ['h4', '330106001002', 'rural', 2, 100, -2],
      ['h5', '330106001002', 'suburb', 2.5, 100, 'x'],
      ['', '', 'rural', 2, '', 1],
    ]);
    const r = await readHouseholdsCsv(write('bad.csv', text), { units: UNITS });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const at = r.error.problems.map((p) => [p.line, p.column, p.code]);
    expect(at).toEqual([
      [3, 'per_capita_income', 'NOT_A_NUMBER'],
      [4, 'unit_code', 'UNKNOWN_UNIT'],
      [5, 'weight', 'NEGATIVE_WEIGHT'],
      [6, 'area', 'BAD_AREA'],
      [6, 'household_size', 'BAD_SIZE'],
      [6, 'weight', 'NOT_A_NUMBER'],
      [7, 'id', 'EMPTY_VALUE'],
      [7, 'unit_code', 'EMPTY_VALUE'],
      [7, 'per_capita_income', 'EMPTY_VALUE'],
    ]);
    expect(r.error.problems.every((p) => p.file === 'bad.csv')).toBe(true);
    expect(r.error.problemCount).toBe(9);
    expect(r).not.toHaveProperty('value');
  });

  it('lists the first 100 problems and counts them all', async () => {
    const rows = [
      GOOD_ROWS[0]!,
      ...Array.from({ length: 250 }, (_, i) => [`h${i}`, '330106001001', 'urban', 2, 'n/a', 1]),
    ];
    const r = await readHouseholdsCsv(write('many.csv', csv(rows)), { units: UNITS });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.problems).toHaveLength(100);
    expect(r.error.problemCount).toBe(250);
    expect(r.error.problems[99]).toMatchObject({ line: 101, column: 'per_capita_income' });
  });

  it('reports an unterminated quote, an empty file and a missing file as problems', async () => {
    const quote = await readHouseholdsCsv(
      write('quote.csv', csv(GOOD_ROWS) + 'h9,"330106001001,urban,1,5,1\n'),
      {
        units: UNITS,
      },
    );
    expect(!quote.ok && quote.error.problems[0]!.code).toBe('CSV_UNTERMINATED_QUOTE');
    const empty = await readHouseholdsCsv(write('empty.csv', ''), { units: UNITS });
    expect(!empty.ok && empty.error.problems[0]!.code).toBe('EMPTY_FILE');
    const headerOnly = await readHouseholdsCsv(write('header.csv', csv([GOOD_ROWS[0]!])), { units: UNITS });
    expect(!headerOnly.ok && headerOnly.error.problems[0]!.code).toBe('NO_ROWS');
    const missing = await readHouseholdsCsv(join(dir, 'nope.csv'), { units: UNITS });
    expect(!missing.ok && missing.error.problems[0]!.code).toBe('UNREADABLE_FILE');
  });
});

describe('readHouseholdsXlsx', () => {
  it('reads the first worksheet of a valid workbook (numbers and text cells)', async () => {
    const path = await writeXlsx('good.xlsx', { 住户: GOOD_ROWS, 说明: [['note'], ['ignored']] });
    expectGood(await readHouseholdsXlsx(path, { units: UNITS }));
  });

  it('locates bad cells by row and column and stores nothing', async () => {
    const path = await writeXlsx('bad.xlsx', {
      data: [
        GOOD_ROWS[0]!,
        ['h1', '330106001001', 'urban', 3, 'unknown', 1],
        ['h2', '123', 'rural', 2, 100, 1],
        ['h3', '330106001002', 'rural', 2, 100, -0.5],
      ],
    });
    const r = await readHouseholdsXlsx(path, { units: UNITS });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.problems.map((p) => [p.file, p.line, p.column, p.code])).toEqual([
      ['bad.xlsx', 2, 'per_capita_income', 'NOT_A_NUMBER'],
      ['bad.xlsx', 3, 'unit_code', 'UNKNOWN_UNIT'],
      ['bad.xlsx', 4, 'weight', 'NEGATIVE_WEIGHT'],
    ]);
  });

  it('rejects a workbook without an income column and a file that is not a workbook', async () => {
    const path = await writeXlsx('noincome.xlsx', {
      s: [
        ['id', 'unit_code', 'area', 'household_size'],
        ['h', '330106001001', 'urban', 1],
      ],
    });
    const r = await readHouseholdsXlsx(path, { units: UNITS });
    expect(!r.ok && r.error.problems[0]).toMatchObject({
      code: 'MISSING_COLUMN',
      line: 1,
      column: 'per_capita_income | household_income',
    });
    const junk = await readHouseholdsXlsx(write('junk.xlsx', 'not a zip'), { units: UNITS });
    expect(!junk.ok && junk.error.problems[0]!.code).toBe('UNREADABLE_FILE');
  });
});
