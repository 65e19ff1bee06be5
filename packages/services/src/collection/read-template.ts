/**
 * Reads filled-in entry templates (.xlsx, template-layout.ts) with ExcelJS's streaming reader, after the
 * archive passed the zip guard (bounded uncompressed size, intact entries). Rows, sheets and cell
 * lengths are bounded while reading; anything unexpected is a located problem, never an exception.
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

export async function readTemplateXlsx(
  bytes: Buffer,
  file: string,
  limits: ImportLimits = DEFAULT_IMPORT_LIMITS,
  zipLimits: ZipLimits = DEFAULT_ZIP_LIMITS,
): Promise<ReadResult> {
  const problems: ImportProblem[] = [];
  const records: ImportRecord[] = [];
  const columns = TEMPLATE_RECORD_COLUMNS;
  const zip = await checkZip(bytes, zipLimits);
  if (!zip.ok)
    return { records, problems: [{ code: zip.code, file, line: 0, message: zip.message }], columns };
  if (!zip.entries.some((e) => /^xl\/worksheets\/sheet\d+\.xml$/.test(e.name)))
    return {
      records,
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
  const problem = (sheet: string, line: number, code: string, message: string, column?: string) =>
    problems.push({ code, file, sheet, line, ...(column === undefined ? {} : { column }), message });
  let sheets = 0;
  let templates = 0;
  try {
    const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([bytes]), {
      worksheets: 'emit',
      sharedStrings: 'cache',
      hyperlinks: 'ignore',
      styles: 'ignore',
      entries: 'ignore',
    });
    outer: for await (const ws of reader) {
      if (++sheets > limits.maxSheets) {
        problems.push({
          code: 'TOO_MANY_SHEETS',
          file,
          line: 0,
          message: `工作表超过 ${limits.maxSheets} 个 (too many sheets)`,
        });
        break;
      }
      // The reader sets the sheet's name when the workbook part came first; its typings omit it.
      const named = (ws as { name?: unknown }).name;
      const sheet = typeof named === 'string' ? named : `sheet${sheets}`;
      let meta: SheetMeta | 'skip' | undefined;
      for await (const row of ws) {
        if (meta === 'skip') continue;
        // row.values is 1-based with holes for empty cells.
        const vals = row.values as ExcelJS.CellValue[];
        const at = (c: number) => plainCell(vals[c]);
        if (meta === undefined) {
          const mark = row.number === 1 ? cellText(at(1)) : '';
          if (mark === INSTRUCTIONS_MARK) {
            meta = 'skip';
            continue;
          }
          if (mark !== TEMPLATE_MARK) {
            problem(
              sheet,
              row.number,
              'NOT_A_TEMPLATE',
              '该工作表不是本系统生成的填报模板 (not a suocha entry template sheet: the hidden header row is missing)',
              'A1',
            );
            meta = 'skip';
            continue;
          }
          if (Number(at(2)) !== TEMPLATE_FORMAT) {
            problem(
              sheet,
              1,
              'TEMPLATE_FORMAT',
              `模板版本 ${cellText(at(2))} 已过期, 请重新下载模板 (template format ${cellText(at(2))}; expected ${TEMPLATE_FORMAT})`,
              'B1',
            );
            meta = 'skip';
            continue;
          }
          meta = { dataset: cellText(at(3)), unit: cellText(at(5)), period: cellText(at(6)) };
          templates++;
          continue;
        }
        if (row.number < TEMPLATE_FIRST_ROW) continue;
        const code = at(C.code);
        const value = at(C.value);
        const comment = at(C.comment);
        const version = at(C.version);
        if (cellText(code) === '' && value === null && cellText(comment) === '') continue;
        const long = [code, value, comment, version].find(
          (v) => typeof v === 'string' && v.length > limits.maxCellLength,
        );
        if (long !== undefined) {
          problem(
            sheet,
            row.number,
            'CELL_TOO_LONG',
            `单元格过长 (${String(long).length} characters; at most ${limits.maxCellLength})`,
          );
          continue;
        }
        let v: number | null = null;
        if (version !== null && cellText(version) !== '') {
          v = Number(version);
          if (!Number.isInteger(v) || v < 0) {
            problem(
              sheet,
              row.number,
              'BAD_VERSION',
              `版本应为非负整数 (version must be a whole number)`,
              'I',
            );
            continue;
          }
        }
        if (records.length >= limits.maxRows) {
          problems.push({
            code: 'TOO_MANY_ROWS',
            file,
            line: 0,
            message: `行数超过上限 ${limits.maxRows} (too many rows)`,
          });
          break outer;
        }
        records.push({
          sheet,
          line: row.number,
          unitCode: meta.unit,
          indicatorCode: cellText(code),
          period: meta.period,
          raw: typeof value === 'string' ? value.trim() : value,
          comment: unneutralise(cellText(comment)),
          version: v,
          datasetCode: meta.dataset,
        });
      }
    }
  } catch (e) {
    problems.push({
      code: 'XLSX_UNREADABLE',
      file,
      line: 0,
      message: `无法读取工作簿 (unreadable workbook): ${e instanceof Error ? e.message.slice(0, 200) : 'unknown error'}`,
    });
  }
  if (sheets > 0 && templates === 0 && !problems.some((p) => p.code === 'TEMPLATE_FORMAT'))
    problems.push({
      code: 'NOT_A_TEMPLATE',
      file,
      line: 0,
      message:
        '文件中没有填报模板工作表, 请使用系统下载的模板 (no template sheet: download the template first)',
    });
  return { records, problems, columns };
}
