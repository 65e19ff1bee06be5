/**
 * Checking a username and password (issue 3): argon2id verification that costs the same for an unknown
 * username (a dummy hash is verified), a lock-out per username after repeated failures, and a limit per
 * address. The lock-out is keyed by the name typed, so an unknown name locks exactly like a known one and
 * no answer ever tells whether a username exists.
 */
import { err, ok, type Result } from '@suocha/core';
import {
  clearThrottle,
  getThrottle,
  getUserByUsername,
  insertLoginAttempt,
  updateThrottle,
  updateUser,
  type LoginOutcome,
  type Store,
  type UserRecord,
} from '@suocha/store';
import type { AccessError } from './errors';
import { dummyHash, verifyPassword } from './passwords';
import type { AccessPolicy } from './policy';
import { afterFailure, lockedUntil, retryAfterSeconds } from './throttle';
import { canonicalNow } from './time';
import { normaliseUsername, throttleKeyOfUser } from './users';

export interface LoginInput {
  readonly username: string;
  readonly password: string;
  /** The client's address, for the per-address limit and the audit. */
  readonly ip: string;
}

export const throttleKeyOfIp = (ip: string): string => `ip:${ip}`;

const invalidCredentials: AccessError = {
  code: 'INVALID_CREDENTIALS',
  message: '用户名或密码错误 (wrong username or password)',
};

const locked = (until: string, now: string): AccessError => ({
  code: 'ACCOUNT_LOCKED',
  message: `登录失败次数过多，请于 ${Math.ceil(retryAfterSeconds(until, now) / 60)} 分钟后再试 (too many failed logins; try again later)`,
  retryAfterSeconds: retryAfterSeconds(until, now),
});

const limited = (until: string, now: string): AccessError => ({
  code: 'RATE_LIMITED',
  message: `该地址登录失败次数过多，请于 ${Math.ceil(retryAfterSeconds(until, now) / 60)} 分钟后再试 (too many failed logins from this address; try again later)`,
  retryAfterSeconds: retryAfterSeconds(until, now),
});

/** The user when the password is right and the account active; otherwise why not (never which part). */
export async function verifyLogin(
  store: Store,
  input: LoginInput,
  now: string,
  policy: AccessPolicy,
): Promise<Result<UserRecord, AccessError>> {
  const at = canonicalNow(now);
  const username = normaliseUsername(input.username).slice(0, 64);
  const userKey = throttleKeyOfUser(username);
  const ipKey = throttleKeyOfIp(input.ip);
  const log = (outcome: LoginOutcome) => insertLoginAttempt(store, { at, username, ip: input.ip, outcome });

  const ipLock = lockedUntil(await getThrottle(store, ipKey), at);
  if (ipLock) {
    await log('rate_limited');
    return err(limited(ipLock, at));
  }
  const userLock = lockedUntil(await getThrottle(store, userKey), at);
  if (userLock) {
    await log('locked');
    return err(locked(userLock, at));
  }

  const user = await getUserByUsername(store, username);
  // Always one argon2 verification, against a dummy hash for unknown names: the same cost either way.
  const good = await verifyPassword(user?.passwordHash ?? (await dummyHash(policy)), input.password);
  if (user && good && user.active) {
    await clearThrottle(store, userKey);
    await updateUser(store, user.id, { lastLoginAt: at });
    await log('ok');
    return ok(user);
  }

  const ipState = await updateThrottle(store, ipKey, (s) => afterFailure(s, at, policy.ip));
  const userState = await updateThrottle(store, userKey, (s) => afterFailure(s, at, policy.user));
  await log('bad_credentials');
  const nowLocked = lockedUntil(userState, at);
  if (nowLocked) return err(locked(nowLocked, at));
  const nowLimited = lockedUntil(ipState, at);
  if (nowLimited) return err(limited(nowLimited, at));
  return err(invalidCredentials);
}
