/**
 * Reads a CSV file (UTF-8, optional BOM, optionally gzip-compressed by its `.gz` name) into rows keyed by
 * header, with the 1-based line of each record, streaming. The header must contain the required columns;
 * anything else is a problem reported with file, line and column, never an exception.
 */
import { createReadStream } from 'node:fs';
import { basename } from 'node:path';
import { createGunzip } from 'node:zlib';
import { StringDecoder } from 'node:string_decoder';
import type { ImportProblem } from '@suocha/core';
import { CsvTokenizer } from './csv-tokenizer';

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
  /** Streaming: each row is handed here instead of being collected (the result's `rows` stays empty). */
  readonly onRow?: (row: CsvRow) => void;
}

export async function readCsvFile(path: string, options: CsvOptions): Promise<CsvResult> {
  const file = options.displayName ?? basename(path);
  const rows: CsvRow[] = [];
  const problems: ImportProblem[] = [];
  let header: string[] | undefined;
  let count = 0;
  const input = createReadStream(path, { highWaterMark: 256 * 1024 });
  const source = path.endsWith('.gz') ? input.pipe(createGunzip()) : input;
  const onRecord = (record: string[], line: number): boolean => {
    if (!header) {
      header = record.map((h) => h.trim());
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
      return missing.length === 0;
    }
    if (record.length !== header.length) {
      problems.push({
        code: 'COLUMN_COUNT',
        file,
        line,
        message: `该行有 ${record.length} 个字段, 表头有 ${header.length} 个 (row has ${record.length} fields, header has ${header.length})`,
      });
      return true;
    }
    const values: Record<string, string> = {};
    for (let i = 0; i < header.length; i++) values[header[i] as string] = record[i] ?? '';
    count++;
    if (options.onRow) options.onRow({ line, values });
    else rows.push({ line, values });
    if (options.onProgress && count % 50_000 === 0) options.onProgress(count);
    return true;
  };
  const tokenizer = new CsvTokenizer(onRecord);
  const decoder = new StringDecoder('utf8');
  try {
    for await (const chunk of source as AsyncIterable<Buffer>) {
      if (!tokenizer.push(decoder.write(chunk))) break;
    }
    tokenizer.push(decoder.end());
    const unterminated = tokenizer.end();
    if (unterminated) problems.push({ code: 'CSV_UNTERMINATED_QUOTE', file, line: 0, message: unterminated });
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    problems.push({
      code: 'CSV_UNREADABLE',
      file,
      line: 0,
      message: `无法读取文件 (unreadable file): ${message}`,
    });
  } finally {
    input.destroy();
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
