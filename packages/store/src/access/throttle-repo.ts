import type { Store } from '../db';
import type { LoginOutcome } from './schema';

/** Failure counter of one key (`user:<name>` or `ip:<address>`). */
export interface ThrottleState {
  readonly failures: number;
  readonly windowStart: string | null;
  readonly lockedUntil: string | null;
}

export const NO_FAILURES: ThrottleState = { failures: 0, windowStart: null, lockedUntil: null };

export async function getThrottle(store: Store, key: string): Promise<ThrottleState> {
  const r = await store.db.selectFrom('login_throttle').selectAll().where('key', '=', key).executeTakeFirst();
  return r ? { failures: r.failures, windowStart: r.window_start, lockedUntil: r.locked_until } : NO_FAILURES;
}

export async function getThrottles(
  store: Store,
  keys: readonly string[],
): Promise<Map<string, ThrottleState>> {
  const out = new Map<string, ThrottleState>();
  for (let i = 0; i < keys.length; i += 500) {
    const rows = await store.db
      .selectFrom('login_throttle')
      .selectAll()
      .where('key', 'in', keys.slice(i, i + 500))
      .execute();
    for (const r of rows)
      out.set(r.key, { failures: r.failures, windowStart: r.window_start, lockedUntil: r.locked_until });
  }
  return out;
}

/**
 * Read-modify-write of one counter in a transaction, the row locked on PostgreSQL (`for update`) so that
 * concurrent failures from several server processes are all counted. `next` is the rule (pure).
 */
export async function updateThrottle(
  store: Store,
  key: string,
  next: (current: ThrottleState) => ThrottleState,
): Promise<ThrottleState> {
  return store.db.transaction().execute(async (trx) => {
    await trx
      .insertInto('login_throttle')
      .values({ key, failures: 0, window_start: null, locked_until: null })
      .onConflict((oc) => oc.column('key').doNothing())
      .execute();
    let q = trx.selectFrom('login_throttle').selectAll().where('key', '=', key);
    if (store.engine === 'postgres') q = q.forUpdate();
    const r = await q.executeTakeFirstOrThrow();
    const state = next({ failures: r.failures, windowStart: r.window_start, lockedUntil: r.locked_until });
    await trx
      .updateTable('login_throttle')
      .set({ failures: state.failures, window_start: state.windowStart, locked_until: state.lockedUntil })
      .where('key', '=', key)
      .execute();
    return state;
  });
}

export async function clearThrottle(store: Store, key: string): Promise<void> {
  await store.db.deleteFrom('login_throttle').where('key', '=', key).execute();
}

/** Drops counters that no longer matter: not locked after `now` and counting since before `staleBefore`. */
export async function pruneThrottle(store: Store, now: string, staleBefore: string): Promise<number> {
  const r = await store.db
    .deleteFrom('login_throttle')
    .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<=', now)]))
    .where((eb) => eb.or([eb('window_start', 'is', null), eb('window_start', '<=', staleBefore)]))
    .executeTakeFirst();
  return Number(r.numDeletedRows);
}

export interface LoginAttempt {
  readonly at: string;
  readonly username: string;
  readonly ip: string;
  readonly outcome: LoginOutcome;
}

export async function insertLoginAttempt(store: Store, a: LoginAttempt): Promise<void> {
  await store.db
    .insertInto('login_attempts')
    .values({ at: a.at, username: a.username, ip: a.ip, outcome: a.outcome })
    .execute();
}

/** Most recent first. */
export async function listLoginAttempts(
  store: Store,
  filter: { username?: string; limit?: number } = {},
): Promise<LoginAttempt[]> {
  let q = store.db.selectFrom('login_attempts').select(['at', 'username', 'ip', 'outcome']);
  if (filter.username !== undefined) q = q.where('username', '=', filter.username);
  return q
    .orderBy('at', 'desc')
    .orderBy('id', 'desc')
    .limit(filter.limit ?? 100)
    .execute();
}

export async function pruneLoginAttempts(store: Store, before: string): Promise<number> {
  const r = await store.db.deleteFrom('login_attempts').where('at', '<', before).executeTakeFirst();
  return Number(r.numDeletedRows);
}
