import type { Store } from '../db';
import { toUserRecord, USER_COLUMNS, type UserRecord } from './users-repo';

export interface SessionRow {
  /** SHA-256 (hex) of the cookie token. */
  readonly id: string;
  readonly userId: number;
  readonly csrfToken: string;
  readonly createdAt: string;
  readonly expiresAt: string;
  readonly lastSeenAt: string;
  readonly ip: string;
  readonly userAgent: string;
}

export async function insertSession(store: Store, s: SessionRow): Promise<void> {
  await store.db
    .insertInto('sessions')
    .values({
      id: s.id,
      user_id: s.userId,
      csrf_token: s.csrfToken,
      created_at: s.createdAt,
      expires_at: s.expiresAt,
      last_seen_at: s.lastSeenAt,
      ip: s.ip,
      user_agent: s.userAgent,
    })
    .execute();
}

/** The session (whatever its expiry) with its user and the user's scope unit, in one query. */
export async function getSessionWithUser(
  store: Store,
  id: string,
): Promise<{ session: SessionRow; user: UserRecord } | undefined> {
  const r = await store.db
    .selectFrom('sessions as x')
    .innerJoin('users as s', 's.id', 'x.user_id')
    .innerJoin('units as u', 'u.code', 's.scope_unit')
    .select([
      'x.id as session_id',
      'x.csrf_token',
      'x.created_at as session_created_at',
      'x.expires_at',
      'x.last_seen_at',
      'x.ip',
      'x.user_agent',
      ...USER_COLUMNS,
    ])
    .where('x.id', '=', id)
    .executeTakeFirst();
  if (!r) return undefined;
  return {
    session: {
      id: r.session_id,
      userId: Number(r.id),
      csrfToken: r.csrf_token,
      createdAt: r.session_created_at,
      expiresAt: r.expires_at,
      lastSeenAt: r.last_seen_at,
      ip: r.ip,
      userAgent: r.user_agent,
    },
    user: toUserRecord(r),
  };
}

export async function touchSession(
  store: Store,
  id: string,
  lastSeenAt: string,
  expiresAt: string,
): Promise<void> {
  await store.db
    .updateTable('sessions')
    .set({ last_seen_at: lastSeenAt, expires_at: expiresAt })
    .where('id', '=', id)
    .execute();
}

export async function deleteSession(store: Store, id: string): Promise<boolean> {
  const r = await store.db.deleteFrom('sessions').where('id', '=', id).executeTakeFirst();
  return Number(r.numDeletedRows) > 0;
}

/** Ends every session of a user, except `keepId` (the one changing its own password). */
export async function deleteUserSessions(store: Store, userId: number, keepId?: string): Promise<number> {
  let q = store.db.deleteFrom('sessions').where('user_id', '=', userId);
  if (keepId !== undefined) q = q.where('id', '<>', keepId);
  const r = await q.executeTakeFirst();
  return Number(r.numDeletedRows);
}

export async function deleteExpiredSessions(store: Store, now: string): Promise<number> {
  const r = await store.db.deleteFrom('sessions').where('expires_at', '<=', now).executeTakeFirst();
  return Number(r.numDeletedRows);
}

export async function countUserSessions(store: Store, userId: number): Promise<number> {
  const r = await store.db
    .selectFrom('sessions')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('user_id', '=', userId)
    .executeTakeFirstOrThrow();
  return Number(r.n);
}
