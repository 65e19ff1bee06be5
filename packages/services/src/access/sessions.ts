/**
 * Sessions of people using the web app: a random 256-bit token in an HttpOnly cookie, stored only as its
 * SHA-256; a per-session CSRF token; sliding expiry (idle timeout) under a maximum lifetime.
 */
import { err, ok, type Actor, type Result } from '@suocha/core';
import {
  deleteExpiredSessions,
  deleteSession,
  getSessionWithUser,
  insertSession,
  pruneLoginAttempts,
  pruneThrottle,
  touchSession,
  type Store,
  type UserRecord,
} from '@suocha/store';
import { actorFor } from './actor';
import type { AccessError } from './errors';
import { verifyLogin, type LoginInput } from './login';
import type { AccessPolicy } from './policy';
import { randomSecret, SECRET_PATTERN, sha256Hex } from './secrets';
import { addMinutes, canonicalNow, toMs } from './time';

export interface NewSession {
  /** Goes into the cookie; never stored. */
  readonly token: string;
  readonly csrfToken: string;
  readonly expiresAt: string;
}

export interface SessionContext {
  readonly actor: Actor;
  readonly user: UserRecord;
  /** The stored id (hash of the token). */
  readonly sessionId: string;
  readonly csrfToken: string;
  readonly expiresAt: string;
}

export interface ClientInfo {
  readonly ip: string;
  readonly userAgent: string;
}

function expiry(createdAt: string, now: string, policy: AccessPolicy): string {
  const idle = addMinutes(now, policy.sessionIdleMinutes);
  const max = addMinutes(createdAt, policy.sessionMaxHours * 60);
  return idle < max ? idle : max;
}

export async function createSession(
  store: Store,
  userId: number,
  client: ClientInfo,
  now: string,
  policy: AccessPolicy,
): Promise<NewSession> {
  const at = canonicalNow(now);
  const token = randomSecret();
  const csrfToken = randomSecret();
  const expiresAt = expiry(at, at, policy);
  await insertSession(store, {
    id: sha256Hex(token),
    userId,
    csrfToken,
    createdAt: at,
    expiresAt,
    lastSeenAt: at,
    ip: client.ip,
    userAgent: client.userAgent.slice(0, 500),
  });
  return { token, csrfToken, expiresAt };
}

/** The live session of a cookie token (sliding its expiry), or undefined: unknown, expired, user disabled. */
export async function getSession(
  store: Store,
  token: string,
  now: string,
  policy: AccessPolicy,
): Promise<SessionContext | undefined> {
  if (!SECRET_PATTERN.test(token)) return undefined;
  const at = canonicalNow(now);
  const id = sha256Hex(token);
  const found = await getSessionWithUser(store, id);
  if (!found) return undefined;
  const { session, user } = found;
  if (session.expiresAt <= at || !user.active) {
    await deleteSession(store, id);
    return undefined;
  }
  let expiresAt = session.expiresAt;
  if (toMs(at) - toMs(session.lastSeenAt) >= policy.touchEverySeconds * 1000) {
    expiresAt = expiry(session.createdAt, at, policy);
    await touchSession(store, id, at, expiresAt);
  }
  return { actor: actorFor(user, 'session'), user, sessionId: id, csrfToken: session.csrfToken, expiresAt };
}

export async function revokeSession(store: Store, token: string): Promise<boolean> {
  if (!SECRET_PATTERN.test(token)) return false;
  return deleteSession(store, sha256Hex(token));
}

/**
 * Verifies the credentials and opens a session; also drops expired sessions, stale throttle counters and
 * login records older than the audit period (logins are rare enough to carry this housekeeping).
 */
export async function login(
  store: Store,
  input: LoginInput & { readonly userAgent: string },
  now: string,
  policy: AccessPolicy,
): Promise<Result<{ session: NewSession; context: SessionContext }, AccessError>> {
  const at = canonicalNow(now);
  const verified = await verifyLogin(store, input, at, policy);
  if (!verified.ok) return verified;
  await deleteExpiredSessions(store, at);
  const longest = Math.max(policy.user.windowMinutes, policy.ip.windowMinutes);
  await pruneThrottle(store, at, addMinutes(at, -longest));
  await pruneLoginAttempts(store, addMinutes(at, -policy.keepAttemptsDays * 24 * 60));
  const session = await createSession(store, verified.value.id, input, at, policy);
  const context = await getSession(store, session.token, at, policy);
  if (!context) return err({ code: 'INVALID_CREDENTIALS', message: '会话创建失败 (session not created)' });
  return ok({ session, context });
}
