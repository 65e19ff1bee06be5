/**
 * Child process of crash.test.ts: imports a file into the given database and reports its progress on
 * stdout while the write transaction is open; with `--slow` it pauses after half the rows so that the
 * parent's SIGKILL lands in the middle of the transaction.
 *   node --import tsx crash-child.ts <db location> <file> <dataset> [--slow]
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { openStore, storeConfigFrom } from '@suocha/store';
import { importValues } from './import';

const [location, file, dataset, slow] = process.argv.slice(2);
if (!location || !file || !dataset) throw new Error('usage: crash-child <db> <file> <dataset> [--slow]');
const pause = new Int32Array(new SharedArrayBuffer(4));
const store = await openStore(storeConfigFrom(location));
const report = await importValues(store, {
  file: { name: basename(file), bytes: readFileSync(file) },
  datasetCode: dataset,
  dryRun: false,
  by: 'crash-child',
  at: new Date().toISOString(),
  synthetic: true,
  onProgress: (stage, done, total) => {
    if (stage !== 'write') return;
    // Synchronous on purpose: on SQLite this runs inside the transaction, between two rows.
    process.stdout.write(`WRITE ${done} ${total}\n`);
    if (slow === '--slow' && done >= total / 2) Atomics.wait(pause, 0, 0, 200);
  },
});
process.stdout.write(
  `DONE ${JSON.stringify({ ok: report.ok, written: report.written, inserted: report.inserted, problems: report.problems.slice(0, 3) })}\n`,
);
await store.close();
