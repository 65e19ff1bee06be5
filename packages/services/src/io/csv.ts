/**
 * Reads a CSV file (UTF-8, optional BOM, optionally gzip-compressed by its `.gz` name) into rows keyed by
 * header, with the 1-based line of each record, streaming. The header must contain the required columns;
 * anything else is a problem reported with file, line and column, never an exception.
 */
import { createReadStream } from 'node:fs';
import { basename } from 'node:path';
import { createGunzip } from 'node:zlib';
import { parse } from 'csv-parse';
import type { ImportProblem } from '@suocha/core';

export interface CsvRow {
  readonly line: number;
  readonly values: Readonly<Record<string, string>>;
}

export interface CsvResult {
  readonly rows: CsvRow[];
  readonly problems: ImportProblem[];
}

export interface CsvOptions {
  readonly required: readonly string[];
  /** Name used in problems (defaults to the file's base name). */
  readonly displayName?: string;
  readonly onProgress?: (rowsRead: number) => void;
}

export async function readCsvFile(path: string, options: CsvOptions): Promise<CsvResult> {
  const file = options.displayName ?? basename(path);
  const rows: CsvRow[] = [];
  const problems: ImportProblem[] = [];
  let header: string[] | undefined;
  const parser = parse({ bom: true, relax_column_count: true, skip_empty_lines: true, info: true });
  const input = createReadStream(path);
  const source = path.endsWith('.gz') ? input.pipe(createGunzip()) : input;
  input.on('error', (e) => parser.destroy(e));
  source.pipe(parser);
  try {
    for await (const rec of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
      const line = rec.info.lines;
      if (!header) {
        header = rec.record.map((h) => h.trim());
        const missing = options.required.filter((c) => !header?.includes(c));
        for (const c of missing) {
          problems.push({
            code: 'MISSING_COLUMN',
            file,
            line,
            column: c,
            message: `缺少列 missing column "${c}" (header: ${header.join(',')})`,
          });
        }
        const seen = new Set<string>();
        for (const h of header) {
          if (seen.has(h))
            problems.push({
              code: 'DUPLICATE_COLUMN',
              file,
              line,
              column: h,
              message: `重复的列 duplicate column "${h}"`,
            });
          seen.add(h);
        }
        if (missing.length) break;
        continue;
      }
      if (rec.record.length !== header.length) {
        problems.push({
          code: 'COLUMN_COUNT',
          file,
          line,
          message: `该行有 ${rec.record.length} 个字段, 表头有 ${header.length} 个 (row has ${rec.record.length} fields, header has ${header.length})`,
        });
        continue;
      }
      const values: Record<string, string> = {};
      header.forEach((h, i) => {
        values[h] = rec.record[i] ?? '';
      });
      rows.push({ line, values });
      if (options.onProgress && rows.length % 50_000 === 0) options.onProgress(rows.length);
    }
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    problems.push({
      code: 'CSV_UNREADABLE',
      file,
      line: 0,
      message: `无法读取 CSV (unreadable CSV): ${message}`,
    });
  }
  if (!header && problems.length === 0)
    problems.push({ code: 'EMPTY_FILE', file, line: 1, message: '文件为空 (empty file)' });
  return { rows, problems };
}

/** Field accessors that record a located problem instead of throwing. */
export class RowReader {
  constructor(
    private readonly file: string,
    private readonly problems: ImportProblem[],
  ) {}

  text(row: CsvRow, column: string, opts: { required?: boolean } = {}): string {
    const v = (row.values[column] ?? '').trim();
    if (opts.required && v === '')
      this.problem(row, column, 'EMPTY_VALUE', `"${column}" 不能为空 (must not be empty)`);
    return v;
  }

  number(row: CsvRow, column: string, opts: { required?: boolean } = { required: true }): number | null {
    const raw = (row.values[column] ?? '').trim();
    if (raw === '') {
      if (opts.required !== false)
        this.problem(row, column, 'EMPTY_VALUE', `"${column}" 不能为空 (must not be empty)`);
      return null;
    }
    const v = Number(raw.replace(/,/g, ''));
    if (!Number.isFinite(v)) {
      this.problem(row, column, 'NOT_A_NUMBER', `"${raw}" 不是数字 (not a number)`);
      return null;
    }
    return v;
  }

  problem(row: CsvRow, column: string | undefined, code: string, message: string): void {
    this.problems.push(
      column === undefined
        ? { code, file: this.file, line: row.line, message }
        : { code, file: this.file, line: row.line, column, message },
    );
  }
}
