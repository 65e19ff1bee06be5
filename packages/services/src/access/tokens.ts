/**
 * API tokens for machine clients (issue 3): `sc_` + 256 random bits, shown once and stored as SHA-256;
 * revocable, optionally expiring; a token acts as its user, with the same role and scope, and stops
 * working when the user is disabled.
 */
import { err, ok, type Actor, type Result } from '@suocha/core';
import {
  getApiToken,
  getApiTokenByHash,
  insertApiToken,
  listApiTokens,
  revokeApiToken,
  touchApiToken,
  type ApiToken,
  type Store,
  type UserRecord,
} from '@suocha/store';
import { actorFor } from './actor';
import { invalid, type AccessError, type FieldProblem } from './errors';
import type { AccessPolicy } from './policy';
import { API_TOKEN_PATTERN, randomSecret, sha256Hex, TOKEN_PREFIX } from './secrets';
import { addMinutes, canonicalNow, toMs } from './time';

export type { ApiToken } from '@suocha/store';

export interface NewTokenInput {
  readonly name: string;
  /** Days until the token expires; omitted or null: it does not expire (revoke it instead). */
  readonly expiresInDays?: number | null;
}

export async function createToken(
  store: Store,
  userId: number,
  input: NewTokenInput,
  now: string,
): Promise<Result<{ token: ApiToken; secret: string }, AccessError>> {
  const at = canonicalNow(now);
  const name = input.name.trim();
  const problems: FieldProblem[] = [];
  if (name.length === 0 || name.length > 100)
    problems.push({
      field: 'name',
      code: 'INVALID_NAME',
      message: '名称须为 1–100 个字符 (1–100 characters)',
    });
  const days = input.expiresInDays ?? null;
  if (days !== null && (!Number.isInteger(days) || days < 1 || days > 3650))
    problems.push({
      field: 'expiresInDays',
      code: 'INVALID_EXPIRY',
      message: '有效天数须为 1–3650 的整数 (1–3650 whole days)',
    });
  if (problems.length) return err(invalid(problems));
  const secret = `${TOKEN_PREFIX}${randomSecret()}`;
  const id = await insertApiToken(store, {
    userId,
    name,
    tokenHash: sha256Hex(secret),
    prefix: secret.slice(0, TOKEN_PREFIX.length + 6),
    createdAt: at,
    expiresAt: days === null ? null : addMinutes(at, days * 24 * 60),
  });
  const token = await getApiToken(store, id);
  if (!token) throw new Error(`token ${id} vanished after insert`);
  return ok({ token, secret });
}

/** The actor of a bearer secret, or undefined: malformed, unknown, revoked, expired, user disabled. */
export async function authenticateToken(
  store: Store,
  secret: string,
  now: string,
  policy: AccessPolicy,
): Promise<{ actor: Actor; user: UserRecord; token: ApiToken } | undefined> {
  if (!API_TOKEN_PATTERN.test(secret)) return undefined;
  const at = canonicalNow(now);
  const found = await getApiTokenByHash(store, sha256Hex(secret));
  if (!found) return undefined;
  const { token, user } = found;
  if (token.revokedAt !== null || (token.expiresAt !== null && token.expiresAt <= at) || !user.active)
    return undefined;
  if (token.lastUsedAt === null || toMs(at) - toMs(token.lastUsedAt) >= policy.touchEverySeconds * 1000)
    await touchApiToken(store, token.id, at);
  return { actor: actorFor(user, 'token'), user, token };
}

export function listTokens(store: Store, filter: { userId?: number } = {}): Promise<ApiToken[]> {
  return listApiTokens(store, filter);
}

/** Revokes a token; with `ownerId`, only that user's token (others are "not found"). */
export async function revokeToken(
  store: Store,
  id: number,
  now: string,
  ownerId?: number,
): Promise<Result<ApiToken, AccessError>> {
  const token = await getApiToken(store, id);
  if (!token || (ownerId !== undefined && token.userId !== ownerId))
    return err({ code: 'TOKEN_NOT_FOUND', message: `令牌 ${id} 不存在 (no token ${id})` });
  await revokeApiToken(store, id, canonicalNow(now));
  const after = await getApiToken(store, id);
  return ok(after ?? token);
}
