/**
 * Reads filled-in entry templates (.xlsx, template-layout.ts) after the archive passed the zip guard
 * (bounded uncompressed size, intact entries). A workbook whose parts inflate to at most
 * `limits.inMemoryXlsxBytes` is loaded whole by ExcelJS (deterministic, and what a per-unit template is); a bigger
 * one is read row by row with ExcelJS's streaming reader, so it is never held in memory as a whole.
 * Rows, sheets and cell lengths are bounded while reading; anything unexpected is a located problem,
 * never an exception.
 */
import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { ImportProblem } from '@suocha/core';
import { cellText, plainCell } from './cells';
import { unneutralise } from './neutralise';
import {
  DEFAULT_IMPORT_LIMITS,
  type ImportLimits,
  type ImportRecord,
  type ReadResult,
  type RecordColumns,
} from './import-record';
import {
  INSTRUCTIONS_MARK,
  TEMPLATE_COLUMNS as C,
  TEMPLATE_FIRST_ROW,
  TEMPLATE_FORMAT,
  TEMPLATE_MARK,
} from './template-layout';
import { checkZip, DEFAULT_ZIP_LIMITS, type ZipLimits } from './zip-guard';

export const TEMPLATE_RECORD_COLUMNS: RecordColumns = {
  unit: 'E1',
  indicator: 'A',
  period: 'F1',
  value: 'G',
  comment: 'H',
  version: 'I',
};

interface SheetMeta {
  readonly dataset: string;
  readonly unit: string;
  readonly period: string;
}

/** What to do after a row: go on, skip the rest of the sheet, or stop reading the file. */
type Next = 'row' | 'sheet' | 'stop';

/** The template's rules, fed one sheet and one row at a time by either reader. */
class TemplateRows {
  readonly problems: ImportProblem[] = [];
  readonly records: ImportRecord[] = [];
  sheets = 0;
  templates = 0;
  private sheet = '';
  private meta: SheetMeta | undefined;

  constructor(
    private readonly file: string,
    private readonly limits: ImportLimits,
  ) {}

  private problem(line: number, code: string, message: string, column?: string): void {
    this.problems.push({
      code,
      file: this.file,
      sheet: this.sheet,
      line,
      ...(column === undefined ? {} : { column }),
      message,
    });
  }

  startSheet(name: string): Next {
    if (++this.sheets > this.limits.maxSheets) {
      this.problems.push({
        code: 'TOO_MANY_SHEETS',
        file: this.file,
        line: 0,
        message: `工作表超过 ${this.limits.maxSheets} 个 (too many sheets)`,
      });
      return 'stop';
    }
    this.sheet = name;
    this.meta = undefined;
    return 'row';
  }

  /** `values` is ExcelJS's row.values: 1-based, with holes for empty cells. */
  row(number: number, values: readonly ExcelJS.CellValue[]): Next {
    const at = (c: number) => plainCell(values[c]);
    if (this.meta === undefined) {
      const mark = number === 1 ? cellText(at(1)) : '';
      if (mark === INSTRUCTIONS_MARK) return 'sheet';
      if (mark !== TEMPLATE_MARK) {
        this.problem(
          number,
          'NOT_A_TEMPLATE',
          '该工作表不是本系统生成的填报模板 (not a suocha entry template sheet: the hidden header row is missing)',
          'A1',
        );
        return 'sheet';
      }
      if (Number(at(2)) !== TEMPLATE_FORMAT) {
        this.problem(
          1,
          'TEMPLATE_FORMAT',
          `模板版本 ${cellText(at(2))} 已过期, 请重新下载模板 (template format ${cellText(at(2))}; expected ${TEMPLATE_FORMAT})`,
          'B1',
        );
        return 'sheet';
      }
      this.meta = { dataset: cellText(at(3)), unit: cellText(at(5)), period: cellText(at(6)) };
      this.templates++;
      return 'row';
    }
    if (number < TEMPLATE_FIRST_ROW) return 'row';
    const code = at(C.code);
    const value = at(C.value);
    const comment = at(C.comment);
    const version = at(C.version);
    if (cellText(code) === '' && value === null && cellText(comment) === '') return 'row';
    const long = [code, value, comment, version].find(
      (v) => typeof v === 'string' && v.length > this.limits.maxCellLength,
    );
    if (long !== undefined) {
      this.problem(
        number,
        'CELL_TOO_LONG',
        `单元格过长 (${String(long).length} characters; at most ${this.limits.maxCellLength})`,
      );
      return 'row';
    }
    let v: number | null = null;
    if (version !== null && cellText(version) !== '') {
      v = Number(version);
      if (!Number.isInteger(v) || v < 0) {
        this.problem(number, 'BAD_VERSION', '版本应为非负整数 (version must be a whole number)', 'I');
        return 'row';
      }
    }
    if (this.records.length >= this.limits.maxRows) {
      this.problems.push({
        code: 'TOO_MANY_ROWS',
        file: this.file,
        line: 0,
        message: `行数超过上限 ${this.limits.maxRows} (too many rows)`,
      });
      return 'stop';
    }
    this.records.push({
      sheet: this.sheet,
      line: number,
      unitCode: this.meta.unit,
      indicatorCode: cellText(code),
      period: this.meta.period,
      raw: typeof value === 'string' ? value.trim() : value,
      comment: unneutralise(cellText(comment)),
      version: v,
      datasetCode: this.meta.dataset,
    });
    return 'row';
  }
}

/** The whole workbook in memory (JSZip underneath): for templates of ordinary size. */
async function readWhole(bytes: Buffer, rows: TemplateRows): Promise<void> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(new Uint8Array(bytes).buffer);
  for (const ws of wb.worksheets) {
    let next = rows.startSheet(ws.name);
    if (next === 'stop') return;
    for (let n = 1; n <= ws.rowCount && next === 'row'; n++) {
      const r = ws.findRow(n);
      if (r) next = rows.row(n, r.values as ExcelJS.CellValue[]);
    }
    if (next === 'stop') return;
  }
}

/** Row by row with the streaming reader: for big workbooks. */
async function readStreaming(bytes: Buffer, rows: TemplateRows): Promise<void> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([bytes]), {
    worksheets: 'emit',
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    styles: 'ignore',
    entries: 'ignore',
  });
  for await (const ws of reader) {
    // The reader sets the sheet's name when the workbook part came first; its typings omit it.
    const named = (ws as { name?: unknown }).name;
    let next = rows.startSheet(typeof named === 'string' ? named : `sheet${rows.sheets + 1}`);
    if (next === 'stop') return;
    // Rows after a 'sheet' are drained unread: the reader needs each sheet consumed.
    for await (const row of ws)
      if (next === 'row') next = rows.row(row.number, row.values as ExcelJS.CellValue[]);
    if (next === 'stop') return;
  }
}

export async function readTemplateXlsx(
  bytes: Buffer,
  file: string,
  limits: ImportLimits = DEFAULT_IMPORT_LIMITS,
  zipLimits: ZipLimits = DEFAULT_ZIP_LIMITS,
): Promise<ReadResult> {
  const columns = TEMPLATE_RECORD_COLUMNS;
  const zip = await checkZip(bytes, zipLimits);
  if (!zip.ok)
    return { records: [], problems: [{ code: zip.code, file, line: 0, message: zip.message }], columns };
  if (!zip.entries.some((e) => /^xl\/worksheets\/sheet\d+\.xml$/.test(e.name)))
    return {
      records: [],
      problems: [
        {
          code: 'NOT_A_WORKBOOK',
          file,
          line: 0,
          message: '压缩包中没有工作表 (no worksheet: not an .xlsx workbook)',
        },
      ],
      columns,
    };
  const rows = new TemplateRows(file, limits);
  try {
    await (zip.totalBytes <= limits.inMemoryXlsxBytes ? readWhole(bytes, rows) : readStreaming(bytes, rows));
  } catch (e) {
    rows.problems.push({
      code: 'XLSX_UNREADABLE',
      file,
      line: 0,
      message: `无法读取工作簿 (unreadable workbook): ${e instanceof Error ? e.message.slice(0, 200) : 'unknown error'}`,
    });
  }
  if (rows.sheets > 0 && rows.templates === 0 && !rows.problems.some((p) => p.code === 'TEMPLATE_FORMAT'))
    rows.problems.push({
      code: 'NOT_A_TEMPLATE',
      file,
      line: 0,
      message:
        '文件中没有填报模板工作表, 请使用系统下载的模板 (no template sheet: download the template first)',
    });
  return { records: rows.records, problems: rows.problems, columns };
}
