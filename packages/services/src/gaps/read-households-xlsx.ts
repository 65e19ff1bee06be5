/**
 * Reads a household micro-data workbook (.xlsx, first worksheet, header in its first row) into the
 * columnar form with ExcelJS's streaming WorkbookReader: rows are validated and stored as they are
 * parsed, so the workbook is never held in memory as a whole.
 */
import { statSync } from 'node:fs';
import { basename } from 'node:path';
import ExcelJS from 'exceljs';
import {
  HouseholdTableBuilder,
  type HouseholdCell,
  type HouseholdImportOptions,
  type HouseholdImportResult,
  type HouseholdProgress,
} from './household-table';

const PROGRESS_EVERY = 1 << 14;

/** Plain value of an ExcelJS cell: rich text joined, formula results, hyperlink text, dates as ISO. */
export function excelHouseholdCell(v: ExcelJS.CellValue): HouseholdCell {
  if (v === null || v === undefined) return null;
  if (typeof v === 'number' || typeof v === 'string') return v;
  if (typeof v === 'boolean') return String(v);
  if (v instanceof Date) return v.toISOString();
  if ('richText' in v) return v.richText.map((t) => t.text).join('');
  if ('result' in v) return excelHouseholdCell(v.result as ExcelJS.CellValue);
  if ('formula' in v || 'sharedFormula' in v) return null;
  if ('text' in v) return typeof v.text === 'string' ? v.text : null;
  if ('error' in v) return String(v.error);
  return null;
}

export async function readHouseholdsXlsx(
  path: string,
  options: HouseholdImportOptions,
  onProgress?: HouseholdProgress,
): Promise<HouseholdImportResult> {
  const builder = new HouseholdTableBuilder(options.displayName ?? basename(path), options);
  let totalBytes: number | undefined;
  try {
    totalBytes = statSync(path).size;
  } catch (e) {
    builder.fileProblem(
      'UNREADABLE_FILE',
      `无法读取文件 (unreadable file): ${e instanceof Error ? e.message : String(e)}`,
    );
    return builder.finish();
  }
  const progress = () =>
    onProgress?.({ rows: builder.rowCount, ...(totalBytes === undefined ? {} : { totalBytes }) });
  try {
    const reader = new ExcelJS.stream.xlsx.WorkbookReader(path, {
      worksheets: 'emit',
      sharedStrings: 'cache',
      hyperlinks: 'ignore',
      styles: 'ignore',
      entries: 'ignore',
    });
    let first = true;
    for await (const sheet of reader) {
      if (!first) continue; // only the first worksheet holds data; drain the others
      first = false;
      for await (const row of sheet) {
        // row.values is 1-based (index 0 is empty), with holes for blank cells.
        const raw = row.values as ExcelJS.CellValue[];
        const cells: HouseholdCell[] = [];
        for (let c = 1; c < raw.length; c++) cells.push(excelHouseholdCell(raw[c]));
        if (!builder.hasHeader) {
          if (!builder.setHeader(cells, row.number)) break;
          continue;
        }
        builder.addRow(cells, row.number);
        if (onProgress && builder.rowCount % PROGRESS_EVERY === 0) progress();
      }
    }
  } catch (e) {
    builder.fileProblem(
      'UNREADABLE_FILE',
      `无法读取工作簿 (unreadable workbook): ${e instanceof Error ? e.message : String(e)}`,
    );
  }
  progress();
  return builder.finish();
}
