/**
 * Runs one SQLite statement per indicator on two threads (issue 4 §7: the machine has 2 cores, and the
 * per-indicator series query is most of the time of judging every target): this thread takes indicators
 * from the front, a worker thread with its own read-only connection from the back, each claiming an
 * indicator through a shared flag, so that they meet wherever the work splits evenly. Results are handed
 * over in indicator order. The worker is plain JavaScript run from a string (it needs only the driver),
 * so it starts in milliseconds whatever loader runs the TypeScript sources.
 */
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type BetterSqlite3 from 'better-sqlite3';

/** What the worker thread runs: claim indicators from the back, answer each with the statement's row. */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.file, { readonly: true, fileMustExist: true });
db.pragma('busy_timeout = 10000');
const stmt = db.prepare(workerData.sql);
const claims = new Int32Array(workerData.claims);
for (let k = workerData.keys.length - 1; k >= 0; k--) {
  if (Atomics.compareExchange(claims, k, 0, 2) !== 0) break;
  parentPort.postMessage({ k, row: stmt.get(...workerData.keys[k], ...workerData.params) });
}
db.close();
parentPort.postMessage({ done: true });
`;

type Row = Record<string, unknown> | undefined;

/** Rows of `perKeyRows`, asked for in key order. */
export interface PerKeyRows {
  /** The row of key `k`; call with increasing k (keys may be skipped). */
  row(k: number): Promise<Row>;
  /** The row of a key that is not in the list, run on this thread. */
  direct(key: readonly (string | number)[]): Row;
  /** Stops the worker if it is still running (call in a `finally`). */
  close(): Promise<void>;
}

/**
 * `sql` run once per entry of `keys` (its parameters: the key's values, then `params`). With `parallel` and
 * a database file this connection has no open transaction on, a worker thread starts at once and shares
 * the work (it reads committed data, which is then all there is); otherwise, or if the worker fails, this
 * thread runs every statement itself.
 */
export function perKeyRows(
  sqlite: BetterSqlite3.Database,
  sql: string,
  keys: readonly (readonly (string | number)[])[],
  params: readonly (string | number)[],
  parallel: boolean,
): PerKeyRows {
  const stmt = sqlite.prepare<unknown[], Record<string, unknown>>(sql);
  const direct = (key: readonly (string | number)[]): Row => stmt.get(...key, ...params);
  const local = (k: number): Row => direct(keys[k] ?? []);
  const file = sqlite.name;
  if (!parallel || keys.length < 2 || sqlite.memory || file === '' || sqlite.inTransaction)
    return { row: (k) => Promise.resolve(local(k)), direct, close: () => Promise.resolve() };

  const claims = new Int32Array(new SharedArrayBuffer(4 * keys.length));
  const arrived = new Map<number, Row>();
  let waiting: { k: number; resolve: (r: { row: Row } | null) => void } | null = null;
  let finished = false;
  const settle = () => {
    finished = true;
    waiting?.resolve(null);
    waiting = null;
  };
  const worker = new Worker(WORKER_SOURCE, {
    eval: true,
    workerData: {
      driver: createRequire(import.meta.url).resolve('better-sqlite3'),
      file,
      sql,
      keys,
      params,
      claims: claims.buffer,
    },
  });
  worker.on('message', (m: { k?: number; row?: Row; done?: boolean }) => {
    if (m.done) return settle();
    if (m.k === undefined) return;
    if (waiting?.k === m.k) {
      waiting.resolve({ row: m.row });
      waiting = null;
    } else arrived.set(m.k, m.row);
  });
  worker.on('error', settle);
  worker.on('exit', settle);
  const take = (k: number): { row: Row } | null => {
    if (!arrived.has(k)) return null;
    const row = arrived.get(k);
    arrived.delete(k);
    return { row };
  };
  return {
    async row(k) {
      if (Atomics.compareExchange(claims, k, 0, 1) === 0) return local(k);
      // The worker claimed it: its answer, or (the worker having failed) our own.
      const got =
        take(k) ??
        (finished
          ? null
          : await new Promise<{ row: Row } | null>((resolve) => {
              waiting = { k, resolve };
            }));
      return (got ?? take(k) ?? { row: local(k) }).row;
    },
    direct,
    async close() {
      await worker.terminate();
    },
  };
}
