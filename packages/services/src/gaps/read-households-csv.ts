/**
 * Reads a household micro-data CSV (UTF-8, optional BOM, `.gz` compressed by name) into the columnar
 * form, streaming: the text is decoded and tokenised chunk by chunk and every row goes straight into typed
 * arrays, so memory holds the table (~30 bytes a household), never the file.
 */
import { createReadStream, statSync } from 'node:fs';
import { basename } from 'node:path';
import { StringDecoder } from 'node:string_decoder';
import { createGunzip } from 'node:zlib';
import { CsvTokenizer } from '../io/csv-tokenizer';
import {
  HouseholdTableBuilder,
  type HouseholdImportOptions,
  type HouseholdImportResult,
  type HouseholdProgress,
} from './household-table';

const PROGRESS_EVERY = 1 << 16;

export async function readHouseholdsCsv(
  path: string,
  options: HouseholdImportOptions,
  onProgress?: HouseholdProgress,
): Promise<HouseholdImportResult> {
  const builder = new HouseholdTableBuilder(options.displayName ?? basename(path), options);
  let totalBytes: number | undefined;
  try {
    totalBytes = statSync(path).size;
  } catch {
    // Reported below when the stream fails to open.
  }
  let bytesRead = 0;
  const input = createReadStream(path, { highWaterMark: 1 << 20 });
  input.on('data', (chunk) => {
    bytesRead += chunk.length;
  });
  const source = path.endsWith('.gz') ? input.pipe(createGunzip()) : input;
  input.on('error', (e) => source.destroy(e));
  const progress = () =>
    onProgress?.({ rows: builder.rowCount, bytesRead, ...(totalBytes === undefined ? {} : { totalBytes }) });
  const tokenizer = new CsvTokenizer((fields, line) => {
    if (!builder.hasHeader) return builder.setHeader(fields, line);
    builder.addRow(fields, line);
    if (onProgress && builder.rowCount % PROGRESS_EVERY === 0) progress();
    return true;
  });
  const decoder = new StringDecoder('utf8');
  try {
    for await (const chunk of source as AsyncIterable<Buffer>) {
      if (!tokenizer.push(decoder.write(chunk))) break;
    }
    tokenizer.push(decoder.end());
    const unterminated = tokenizer.end();
    if (unterminated) builder.fileProblem('CSV_UNTERMINATED_QUOTE', unterminated);
  } catch (e) {
    builder.fileProblem(
      'UNREADABLE_FILE',
      `无法读取文件 (unreadable file): ${e instanceof Error ? e.message : String(e)}`,
    );
  } finally {
    input.destroy();
  }
  progress();
  return builder.finish();
}
