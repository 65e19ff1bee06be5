/**
 * A transaction written once for both engines as a generator of SQL steps. The runner drives it
 * synchronously inside one `BEGIN IMMEDIATE` transaction on SQLite — so that nothing else on this
 * process can interleave with it and no connection waits on another while holding the event loop —
 * and step by step on one pooled client inside `BEGIN … COMMIT` on PostgreSQL.
 *
 * Steps use `?` placeholders (turned into `$n` for PostgreSQL); SQL text must not contain a literal `?`.
 * The program decides whether to commit: it returns `{ commit, value }`.
 */
import type BetterSqlite3 from 'better-sqlite3';
import type { Store } from '../db';

export type SqlParam = string | number | null;
export type Row = Readonly<Record<string, unknown>>;
export interface Step {
  readonly sql: string;
  readonly params: readonly SqlParam[];
}
export interface StepResult {
  readonly rows: readonly Row[];
  readonly changes: number;
}
export interface Outcome<T> {
  readonly commit: boolean;
  readonly value: T;
}
export type Program<T> = Generator<Step, Outcome<T>, StepResult>;

export const step = (sql: string, ...params: SqlParam[]): Step => ({ sql, params });

const sqliteCache = new WeakMap<BetterSqlite3.Database, Map<string, BetterSqlite3.Statement>>();

function prepared(db: BetterSqlite3.Database, sqlText: string): BetterSqlite3.Statement {
  let cache = sqliteCache.get(db);
  if (!cache) {
    cache = new Map();
    sqliteCache.set(db, cache);
  }
  let s = cache.get(sqlText);
  if (!s) {
    s = db.prepare(sqlText);
    cache.set(sqlText, s);
  }
  return s;
}

const pgText = new Map<string, string>();
function toPg(sqlText: string): string {
  let t = pgText.get(sqlText);
  if (t === undefined) {
    let n = 0;
    t = sqlText.replace(/\?/g, () => `$${++n}`);
    pgText.set(sqlText, t);
  }
  return t;
}

/**
 * Waits until no transaction is open on the SQLite handle. Code elsewhere may hold an async (Kysely)
 * transaction open across awaits; a synchronous transaction started meanwhile would silently become a
 * savepoint inside it and share its fate. Checking and starting happen in the same tick, so no race.
 */
export async function idle(db: BetterSqlite3.Database): Promise<void> {
  while (db.inTransaction) await new Promise((r) => setTimeout(r, 1));
}

class RollbackSignal {
  constructor(readonly value: unknown) {}
}

/** Runs one step outside any program (reads), on either engine. */
export async function runStep(store: Store, s: Step): Promise<StepResult> {
  if (store.raw.sqlite) return runSqliteStep(store.raw.sqlite, s);
  const pool = store.raw.pg;
  if (!pool) throw new Error('store has no driver');
  const r = await pool.query(toPg(s.sql), [...s.params]);
  return { rows: r.rows as Row[], changes: r.rowCount ?? 0 };
}

function runSqliteStep(db: BetterSqlite3.Database, s: Step): StepResult {
  const stmt = prepared(db, s.sql);
  if (stmt.reader) {
    const rows = stmt.all(...s.params) as Row[];
    return { rows, changes: rows.length };
  }
  return { rows: [], changes: stmt.run(...s.params).changes };
}

/** Runs a program in one transaction; commits when it says so, else rolls back. Errors roll back. */
export async function runProgram<T>(store: Store, program: () => Program<T>): Promise<T> {
  const sqlite = store.raw.sqlite;
  if (sqlite) {
    await idle(sqlite);
    const tx = sqlite.transaction(() => {
      const gen = program();
      let next = gen.next();
      while (!next.done) next = gen.next(runSqliteStep(sqlite, next.value));
      if (!next.value.commit) throw new RollbackSignal(next.value.value);
      return next.value.value;
    });
    try {
      return tx.immediate();
    } catch (e) {
      // The signal carries the program's own value, of type T.
      if (e instanceof RollbackSignal) return e.value as T;
      throw e;
    }
  }
  const pool = store.raw.pg;
  if (!pool) throw new Error('store has no driver');
  const client = await pool.connect();
  let broken: Error | undefined;
  try {
    await client.query('begin');
    const gen = program();
    let next = gen.next();
    while (!next.done) {
      const r = await client.query(toPg(next.value.sql), [...next.value.params]);
      next = gen.next({ rows: r.rows as Row[], changes: r.rowCount ?? 0 });
    }
    await client.query(next.value.commit ? 'commit' : 'rollback');
    return next.value.value;
  } catch (e) {
    await client.query('rollback').catch((r: unknown) => {
      broken = r instanceof Error ? r : new Error(String(r));
    });
    throw e;
  } finally {
    // A client whose rollback failed is discarded rather than returned to the pool.
    client.release(broken);
  }
}

/** Typed readers of a result row (both drivers return numbers for integer and double columns). */
export const col = {
  str(r: Row | undefined, k: string): string {
    const v = r?.[k];
    return typeof v === 'string' ? v : String(v ?? '');
  },
  strOrNull(r: Row | undefined, k: string): string | null {
    const v = r?.[k];
    return v === null || v === undefined ? null : String(v);
  },
  num(r: Row | undefined, k: string): number {
    return Number(r?.[k]);
  },
  numOrNull(r: Row | undefined, k: string): number | null {
    const v = r?.[k];
    return v === null || v === undefined ? null : Number(v);
  },
};
