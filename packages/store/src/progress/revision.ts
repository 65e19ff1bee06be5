import type BetterSqlite3 from 'better-sqlite3';
import type { Store } from '../db';

const totalChanges = new WeakMap<BetterSqlite3.Database, BetterSqlite3.Statement<[], number>>();

/**
 * A token that changes whenever data that progress, warnings or derived values depend on may have changed,
 * for caches: compare it with the token a cached result was computed under. Read it BEFORE reading the data
 * a result is computed from, so that a change committed in between only makes the cache miss once more.
 *
 * SQLite: `PRAGMA data_version` (moves when another connection commits) with `total_changes()` (rows this
 * connection has changed) — any table, cost nothing per row. PostgreSQL: the `progress_revision` row,
 * bumped by statement-level triggers on observations, targets, indicators, plans, units and group
 * memberships (migration 0005); a write inside an open transaction becomes visible with its data.
 */
export async function dataRevision(store: Store): Promise<string> {
  const sqlite = store.raw.sqlite;
  if (sqlite) {
    let stmt = totalChanges.get(sqlite);
    if (!stmt) {
      stmt = sqlite.prepare<[], number>('select total_changes()').pluck();
      totalChanges.set(sqlite, stmt);
    }
    const version = sqlite.pragma('data_version', { simple: true }) as number;
    return `s${version}:${stmt.get() ?? 0}`;
  }
  const row = await store.db
    .selectFrom('progress_revision')
    .select('n')
    .where('id', '=', 1)
    .executeTakeFirst();
  return `p${row?.n ?? 0}`;
}
