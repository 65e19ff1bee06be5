import type { Store } from '../db';
import type { ApiTokensTable } from './schema';
import { toUserRecord, USER_COLUMNS, type UserRecord } from './users-repo';

export interface ApiToken {
  readonly id: number;
  readonly userId: number;
  readonly username: string;
  readonly name: string;
  readonly prefix: string;
  readonly createdAt: string;
  readonly lastUsedAt: string | null;
  readonly revokedAt: string | null;
  readonly expiresAt: string | null;
}

export interface NewApiToken {
  readonly userId: number;
  readonly name: string;
  readonly tokenHash: string;
  readonly prefix: string;
  readonly createdAt: string;
  readonly expiresAt: string | null;
}

type TokenRow = Omit<ApiTokensTable, 'id' | 'token_hash'> & { id: number; username: string };

const toToken = (r: TokenRow): ApiToken => ({
  id: Number(r.id),
  userId: Number(r.user_id),
  username: r.username,
  name: r.name,
  prefix: r.prefix,
  createdAt: r.created_at,
  lastUsedAt: r.last_used_at,
  revokedAt: r.revoked_at,
  expiresAt: r.expires_at,
});

const TOKEN_COLUMNS = [
  't.id',
  't.user_id',
  's.username',
  't.name',
  't.prefix',
  't.created_at',
  't.last_used_at',
  't.revoked_at',
  't.expires_at',
] as const;

export async function insertApiToken(store: Store, t: NewApiToken): Promise<number> {
  const r = await store.db
    .insertInto('api_tokens')
    .values({
      user_id: t.userId,
      name: t.name,
      token_hash: t.tokenHash,
      prefix: t.prefix,
      created_at: t.createdAt,
      last_used_at: null,
      revoked_at: null,
      expires_at: t.expiresAt,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return Number(r.id);
}

export async function listApiTokens(store: Store, filter: { userId?: number } = {}): Promise<ApiToken[]> {
  let q = store.db
    .selectFrom('api_tokens as t')
    .innerJoin('users as s', 's.id', 't.user_id')
    .select(TOKEN_COLUMNS);
  if (filter.userId !== undefined) q = q.where('t.user_id', '=', filter.userId);
  const rows = await q.orderBy('t.id').execute();
  return rows.map(toToken);
}

export async function getApiToken(store: Store, id: number): Promise<ApiToken | undefined> {
  const r = await store.db
    .selectFrom('api_tokens as t')
    .innerJoin('users as s', 's.id', 't.user_id')
    .select(TOKEN_COLUMNS)
    .where('t.id', '=', id)
    .executeTakeFirst();
  return r ? toToken(r) : undefined;
}

/** The token with this hash and its user (with the scope unit), whatever its state. */
export async function getApiTokenByHash(
  store: Store,
  tokenHash: string,
): Promise<{ token: ApiToken; user: UserRecord } | undefined> {
  const r = await store.db
    .selectFrom('api_tokens as t')
    .innerJoin('users as s', 's.id', 't.user_id')
    .innerJoin('units as u', 'u.code', 's.scope_unit')
    .select([
      't.id as token_id',
      't.name',
      't.prefix',
      't.created_at as token_created_at',
      't.last_used_at',
      't.revoked_at',
      't.expires_at',
      ...USER_COLUMNS,
    ])
    .where('t.token_hash', '=', tokenHash)
    .executeTakeFirst();
  if (!r) return undefined;
  return {
    token: {
      id: Number(r.token_id),
      userId: Number(r.id),
      username: r.username,
      name: r.name,
      prefix: r.prefix,
      createdAt: r.token_created_at,
      lastUsedAt: r.last_used_at,
      revokedAt: r.revoked_at,
      expiresAt: r.expires_at,
    },
    user: toUserRecord(r),
  };
}

export async function touchApiToken(store: Store, id: number, at: string): Promise<void> {
  await store.db.updateTable('api_tokens').set({ last_used_at: at }).where('id', '=', id).execute();
}

/** Marks the token revoked; false when there is no such token or it was revoked already. */
export async function revokeApiToken(store: Store, id: number, at: string): Promise<boolean> {
  const r = await store.db
    .updateTable('api_tokens')
    .set({ revoked_at: at })
    .where('id', '=', id)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}
