/**
 * Opens the database: embedded SQLite (better-sqlite3) by default, PostgreSQL when given a postgres:// URL.
 * Migrations run on open, so a new file or an empty database is ready to use.
 */
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import type { Database } from './schema';
import { migrateToLatest } from './migrate';

export type StoreConfig =
  { readonly kind: 'sqlite'; readonly file: string } | { readonly kind: 'postgres'; readonly url: string };

export type Engine = 'sqlite' | 'postgres';

export interface Store {
  readonly engine: Engine;
  readonly db: Kysely<Database>;
  /** Raw driver handles for bulk paths that a query builder would slow down; used only inside store. */
  readonly raw: { readonly sqlite?: BetterSqlite3.Database; readonly pg?: pg.Pool };
  close(): Promise<void>;
}

/** `postgres://…` or `postgresql://…` selects PostgreSQL; anything else is a SQLite file path. */
export function storeConfigFrom(dbOrUrl: string): StoreConfig {
  return /^postgres(ql)?:\/\//.test(dbOrUrl)
    ? { kind: 'postgres', url: dbOrUrl }
    : { kind: 'sqlite', file: dbOrUrl };
}

// PostgreSQL returns bigint (int8, e.g. count(*)) as strings by default; our counts fit in a double.
pg.types.setTypeParser(20, (v) => Number(v));
// Keep DATE columns as ISO strings, as SQLite does.
pg.types.setTypeParser(1082, (v) => v);

export interface OpenOptions {
  readonly migrate?: boolean;
  /** Told about errors of idle PostgreSQL connections (server restart, terminated backend); default: ignored. */
  readonly onIdleError?: (error: Error) => void;
}

export async function openStore(config: StoreConfig, options: OpenOptions = {}): Promise<Store> {
  let store: Store;
  if (config.kind === 'sqlite') {
    const sqlite = new BetterSqlite3(config.file);
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('synchronous = NORMAL');
    sqlite.pragma('foreign_keys = ON');
    sqlite.pragma('busy_timeout = 10000');
    const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
    store = { engine: 'sqlite', db, raw: { sqlite }, close: () => db.destroy() };
  } else {
    const pool = new pg.Pool({ connectionString: config.url, max: 10 });
    // pg reports an idle or closing client's connection error on the pool and discards that client; the next
    // query opens a new one. Without a listener Node treats the event as uncaught and the process dies.
    const onIdleError = options.onIdleError ?? (() => undefined);
    pool.on('error', (e) => onIdleError(e));
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    store = { engine: 'postgres', db, raw: { pg: pool }, close: () => db.destroy() };
  }
  if (options.migrate !== false) {
    try {
      await migrateToLatest(store);
    } catch (e) {
      await store.close();
      throw e;
    }
  }
  return store;
}
