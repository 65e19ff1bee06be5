/**
 * Exports of entered values and of their history (issue 3 §4, §6): CSV (UTF-8 with BOM, CRLF) and .xlsx,
 * text cells neutralised against formula injection, numbers kept numeric. The values export has the
 * import's columns (and the version), so it can be edited and imported again with the optimistic check.
 */
import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import { formatPeriod } from '@suocha/core';
import {
  getReportingUnit,
  getValueHistory,
  listDataSetValues,
  listIndicators,
  listReportingUnits,
  type Store,
  type ValueHistoryEntry,
} from '@suocha/store';
import { datasetPeriod } from './context';
import { requireDataSet } from './datasets';
import { CollectionError } from './errors';
import { csvDocument, xlsxCell } from './neutralise';

export type ExportFormat = 'csv' | 'xlsx';

export interface ExportFile {
  readonly bytes: Buffer;
  readonly fileName: string;
  readonly contentType: string;
  readonly rows: number;
}

export const CONTENT_TYPES: Readonly<Record<ExportFormat, string>> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/** Excel's row limit is 1,048,576; a longer table continues on further sheets. */
const ROWS_PER_SHEET = 1_000_000;

type Cell = string | number | null;

/** A table as an .xlsx: streamed by ExcelJS's writer, bold header, frozen first row, text neutralised. */
export async function xlsxTable(
  sheetName: string,
  header: readonly string[],
  rows: readonly (readonly Cell[])[],
): Promise<Buffer> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: out,
    useSharedStrings: false,
    useStyles: true,
  });
  const sheets = Math.max(1, Math.ceil(rows.length / ROWS_PER_SHEET));
  for (let s = 0; s < sheets; s++) {
    const ws = wb.addWorksheet(sheets === 1 ? sheetName : `${sheetName} ${s + 1}`, {
      views: [{ state: 'frozen', ySplit: 1 }],
    });
    const head = ws.addRow(header.map((h) => xlsxCell(h)));
    head.font = { bold: true };
    head.commit();
    const end = Math.min(rows.length, (s + 1) * ROWS_PER_SHEET);
    for (let i = s * ROWS_PER_SHEET; i < end; i++) ws.addRow((rows[i] ?? []).map(xlsxCell)).commit();
    ws.commit();
  }
  await wb.commit();
  return Buffer.concat(chunks);
}

async function encode(
  format: ExportFormat,
  sheet: string,
  header: readonly string[],
  rows: readonly (readonly Cell[])[],
): Promise<Buffer> {
  return format === 'csv' ? csvDocument(header, rows) : xlsxTable(sheet, header, rows);
}

export const VALUE_EXPORT_HEADER = [
  'unit_code',
  'unit_name',
  'indicator',
  'indicator_name',
  'period',
  'value',
  'comment',
  'status',
  'version',
  'updated_at',
  'updated_by',
] as const;

export interface ValuesExportRequest {
  readonly datasetCode: string;
  readonly period: string;
  /** Only units in this subtree (default: the data set's scope). */
  readonly rootUnit?: string;
  readonly format: ExportFormat;
}

export async function exportValues(store: Store, req: ValuesExportRequest): Promise<ExportFile> {
  const dataset = await requireDataSet(store, req.datasetCode);
  const period = formatPeriod(datasetPeriod(dataset, req.period));
  const rootCode = req.rootUnit ?? dataset.scopeUnit;
  const root = await getReportingUnit(store, rootCode);
  if (!root)
    throw new CollectionError('UNIT_NOT_FOUND', `区划 ${rootCode} 不存在 (no unit with code ${rootCode})`);
  const units = new Map(
    (await listReportingUnits(store, root.path, dataset.level)).map((u) => [u.code, u] as const),
  );
  const names = new Map((await listIndicators(store)).map((i) => [i.code, i.nameZh] as const));
  const values = await listDataSetValues(store, dataset.code, period, new Set(units.keys()));
  const rows = values.map((v): Cell[] => [
    v.unitCode,
    units.get(v.unitCode)?.name ?? '',
    v.indicatorCode,
    names.get(v.indicatorCode) ?? '',
    v.period,
    v.value,
    v.comment,
    v.status,
    v.version,
    v.updatedAt,
    v.updatedBy,
  ]);
  return {
    bytes: await encode(req.format, dataset.code.slice(0, 31), VALUE_EXPORT_HEADER, rows),
    fileName: `${dataset.code}_${period}_${root.code}.${req.format}`,
    contentType: CONTENT_TYPES[req.format],
    rows: rows.length,
  };
}

export const HISTORY_EXPORT_HEADER = [
  'indicator',
  'unit_code',
  'period',
  'version',
  'changed_at',
  'changed_by',
  'old_value',
  'new_value',
  'old_status',
  'new_status',
  'reason',
  'source',
  'comment',
] as const;

export interface HistoryRequest {
  readonly unitCode: string;
  readonly period: string;
  /** One value; all values of the unit and period when absent (optionally of one data set). */
  readonly indicatorCode?: string;
  readonly datasetCode?: string;
}

/** The append-only history of one value, or of a unit × period (a form), oldest first. */
export async function valueHistory(store: Store, req: HistoryRequest): Promise<ValueHistoryEntry[]> {
  const unit = await getReportingUnit(store, req.unitCode);
  if (!unit)
    throw new CollectionError(
      'UNIT_NOT_FOUND',
      `区划 ${req.unitCode} 不存在 (no unit with code ${req.unitCode})`,
    );
  let indicatorCodes: string[] | undefined;
  let period = req.period;
  if (req.datasetCode !== undefined) {
    const ds = await requireDataSet(store, req.datasetCode);
    period = formatPeriod(datasetPeriod(ds, req.period));
    indicatorCodes = ds.fields.map((f) => f.indicatorCode);
  }
  return getValueHistory(store, {
    unitCode: unit.code,
    period,
    ...(req.indicatorCode === undefined ? {} : { indicatorCode: req.indicatorCode }),
    ...(indicatorCodes === undefined ? {} : { indicatorCodes }),
  });
}

export async function exportHistory(
  store: Store,
  req: HistoryRequest & { readonly format: ExportFormat },
): Promise<ExportFile> {
  const entries = await valueHistory(store, req);
  const rows = entries.map((h): Cell[] => [
    h.indicatorCode,
    h.unitCode,
    h.period,
    h.version,
    h.changedAt,
    h.changedBy,
    h.oldValue,
    h.newValue,
    h.oldStatus,
    h.newStatus,
    h.reason,
    h.source,
    h.comment,
  ]);
  const what = req.indicatorCode ? `${req.indicatorCode}_` : '';
  return {
    bytes: await encode(req.format, 'history', HISTORY_EXPORT_HEADER, rows),
    fileName: `history_${what}${req.unitCode}_${req.period}.${req.format}`,
    contentType: CONTENT_TYPES[req.format],
    rows: rows.length,
  };
}
