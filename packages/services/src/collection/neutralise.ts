/**
 * Spreadsheet formula injection (CSV injection, OWASP "CSV Injection"): text that starts with `=`, `+`,
 * `-`, `@`, a tab or a carriage return may be run as a formula when the file is opened in Excel or WPS.
 * Such text is prefixed with `'`, which both show as text. Only text: numbers stay numbers, so a real
 * −5 is still −5 in a workbook and in a CSV.
 */
const DANGEROUS = /^[=+\-@\t\r]/;

export function neutralise(text: string): string {
  return DANGEROUS.test(text) ? `'${text}` : text;
}

/**
 * The inverse, for text read back from an export: a `'` before a character that `neutralise` guards is
 * dropped, so that an exported comment imports as what was stored.
 */
export function unneutralise(text: string): string {
  return text.length > 1 && text[0] === "'" && DANGEROUS.test(text.slice(1)) ? text.slice(1) : text;
}

/** A CSV field: text neutralised and quoted when needed (RFC 4180); numbers as plain numbers. */
export function csvField(v: string | number | null | undefined): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : '';
  const s = neutralise(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** A CSV document: UTF-8 with a BOM (so Excel and WPS read Chinese correctly) and CRLF line ends. */
export function csvDocument(
  header: readonly string[],
  rows: Iterable<readonly (string | number | null | undefined)[]>,
): Buffer {
  const parts: string[] = ['\ufeff', header.map(csvField).join(','), '\r\n'];
  for (const r of rows) {
    parts.push(r.map(csvField).join(','), '\r\n');
  }
  return Buffer.from(parts.join(''), 'utf8');
}

/** A workbook cell value: text neutralised, numbers untouched. */
export function xlsxCell(v: string | number | null | undefined): string | number | null {
  if (v === null || v === undefined) return null;
  return typeof v === 'number' ? (Number.isFinite(v) ? v : null) : neutralise(v);
}
