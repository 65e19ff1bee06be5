/** Plain values of workbook cells, whatever ExcelJS hands back. */
import type ExcelJS from 'exceljs';

export type PlainCell = string | number | null;

/**
 * Rich text joined, the cached result of a formula (none: null), hyperlink text; booleans and dates as
 * text so that they are refused as numbers with a readable message.
 */
export function plainCell(v: ExcelJS.CellValue | undefined): PlainCell {
  if (v === null || v === undefined) return null;
  if (typeof v === 'number' || typeof v === 'string') return v;
  if (typeof v === 'boolean') return String(v);
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v !== 'object') return null;
  if ('richText' in v && Array.isArray(v.richText))
    return v.richText.map((t) => (typeof t?.text === 'string' ? t.text : '')).join('');
  if ('result' in v) return plainCell(v.result as ExcelJS.CellValue);
  if ('formula' in v || 'sharedFormula' in v) return null;
  if ('text' in v) return typeof v.text === 'string' ? v.text : null;
  if ('error' in v) return String(v.error);
  return null;
}

export const cellText = (v: PlainCell): string => (v === null ? '' : String(v).trim());
