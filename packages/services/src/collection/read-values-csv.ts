/**
 * Reads the long CSV format of values: `unit_code,indicator,period,value[,comment][,version]` (Chinese
 * headers 区划代码, 指标代码, 期间, 数值, 说明, 版本 are accepted too; other columns are ignored, so an
 * export can be edited and imported again). UTF-8 with or without BOM; a file that is not valid UTF-8
 * is read as GB18030, which is what Excel and WPS on a Chinese system save as "CSV".
 */
import type { ImportProblem } from '@suocha/core';
import { CsvTokenizer } from '../io/csv-tokenizer';
import { unneutralise } from './neutralise';
import {
  DEFAULT_IMPORT_LIMITS,
  type ImportLimits,
  type ImportRecord,
  type ReadResult,
  type RecordColumns,
} from './import-record';

const ALIASES: Readonly<Record<keyof RecordColumns, readonly string[]>> = {
  unit: ['unit_code', '区划代码', '单位代码'],
  indicator: ['indicator', 'indicator_code', '指标代码'],
  period: ['period', '期间', '报告期'],
  value: ['value', '数值', '本期值'],
  comment: ['comment', '说明', '备注'],
  version: ['version', '版本'],
};
const REQUIRED: readonly (keyof RecordColumns)[] = ['unit', 'indicator', 'period', 'value'];

export function decodeText(bytes: Buffer): { text: string; encoding: 'utf-8' | 'gb18030' } {
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    return { text: new TextDecoder('gb18030').decode(bytes), encoding: 'gb18030' };
  }
}

/** A trimmed field by position ('' when the column is absent); not a closure, as it runs per cell. */
function field(fields: readonly string[], i: number | undefined): string {
  return i === undefined ? '' : (fields[i] ?? '').trim();
}

export function readValuesCsv(
  bytes: Buffer,
  file: string,
  limits: ImportLimits = DEFAULT_IMPORT_LIMITS,
): ReadResult {
  const problems: ImportProblem[] = [];
  const records: ImportRecord[] = [];
  const columns: Record<keyof RecordColumns, string> = {
    unit: 'unit_code',
    indicator: 'indicator',
    period: 'period',
    value: 'value',
    comment: 'comment',
    version: 'version',
  };
  const index: Partial<Record<keyof RecordColumns, number>> = {};
  let header: string[] | undefined;
  let tooMany = false;
  const problem = (line: number, code: string, message: string, column?: string) =>
    problems.push(
      column === undefined ? { code, file, line, message } : { code, file, line, column, message },
    );
  const tokenizer = new CsvTokenizer((fields, line) => {
    if (!header) {
      header = fields.map((h) => h.trim().replace(/^\ufeff/, ''));
      for (const key of Object.keys(ALIASES) as (keyof RecordColumns)[]) {
        const i = header.findIndex((h) => ALIASES[key].includes(h.toLowerCase()) || ALIASES[key].includes(h));
        if (i >= 0) {
          index[key] = i;
          columns[key] = header[i] as string;
        }
      }
      const missing = REQUIRED.filter((k) => index[k] === undefined);
      for (const k of missing)
        problem(
          line,
          'MISSING_COLUMN',
          `缺少列 missing column "${ALIASES[k][0]}" (header: ${header.join(',').slice(0, 200)})`,
          ALIASES[k][0],
        );
      return missing.length === 0;
    }
    if (fields.length === 1 && (fields[0] ?? '').trim() === '') return true;
    if (records.length >= limits.maxRows) {
      tooMany = true;
      return false;
    }
    for (let i = 0; i < fields.length; i++)
      if ((fields[i] as string).length > limits.maxCellLength) {
        problem(
          line,
          'CELL_TOO_LONG',
          `单元格过长 (${(fields[i] as string).length} characters; at most ${limits.maxCellLength})`,
          header[i] ?? `#${i + 1}`,
        );
        return true;
      }
    const versionText = field(fields, index.version);
    let version: number | null = null;
    if (versionText !== '') {
      version = Number(versionText);
      if (!Number.isInteger(version) || version < 0) {
        problem(
          line,
          'BAD_VERSION',
          `版本应为非负整数 (version must be a whole number): "${versionText.slice(0, 40)}"`,
          columns.version,
        );
        return true;
      }
    }
    records.push({
      line,
      unitCode: field(fields, index.unit),
      indicatorCode: field(fields, index.indicator),
      period: field(fields, index.period),
      raw: field(fields, index.value),
      comment: unneutralise(field(fields, index.comment)),
      version,
    });
    return true;
  });
  const { text } = decodeText(bytes);
  const CHUNK = 1 << 20;
  for (let i = 0; i < text.length; i += CHUNK) if (!tokenizer.push(text.slice(i, i + CHUNK))) break;
  const unterminated = tokenizer.end();
  if (unterminated) problem(0, 'CSV_UNTERMINATED_QUOTE', unterminated);
  if (tooMany) problem(0, 'TOO_MANY_ROWS', `行数超过上限 ${limits.maxRows} (too many rows)`);
  if (!header) problem(1, 'EMPTY_FILE', '文件为空 (empty file)');
  return { records, problems, columns };
}
