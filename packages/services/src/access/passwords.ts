/**
 * Password hashing (argon2id, OWASP parameters by default), the password rule, and generated passwords.
 * The rule follows GB/T 22239-2019 (等保 2.0: 口令应有复杂度要求): at least 10 characters and three of the
 * four classes lower case, upper case, digits, other; and it may not contain the username.
 */
import { randomInt } from 'node:crypto';
import { hash, verify, type Algorithm } from '@node-rs/argon2';
import type { AccessPolicy } from './policy';

// `Algorithm` is an ambient const enum (not usable under isolatedModules); 2 is Argon2id.
const ARGON2ID = 2 as Algorithm;

export const PASSWORD_MIN = 10;
export const PASSWORD_MAX = 128;

export function hashPassword(password: string, policy: AccessPolicy): Promise<string> {
  return hash(password, { algorithm: ARGON2ID, ...policy.argon2 });
}

/** False for a wrong password and for a malformed hash (never throws). */
export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

const dummies = new Map<string, Promise<string>>();

/**
 * A hash of a random password with the policy's parameters, verified against when the username is unknown
 * so that a failed login takes as long whether or not the user exists.
 */
export function dummyHash(policy: AccessPolicy): Promise<string> {
  const key = JSON.stringify(policy.argon2);
  let h = dummies.get(key);
  if (!h) {
    h = hashPassword(generatePassword(), policy);
    dummies.set(key, h);
  }
  return h;
}

/** Problems with a new password (zh + en), empty when it is acceptable. */
export function passwordProblems(password: string, username: string): string[] {
  const out: string[] = [];
  const length = [...password].length;
  if (length < PASSWORD_MIN) out.push(`密码至少 ${PASSWORD_MIN} 位 (at least ${PASSWORD_MIN} characters)`);
  if (length > PASSWORD_MAX) out.push(`密码至多 ${PASSWORD_MAX} 位 (at most ${PASSWORD_MAX} characters)`);
  const classes = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^a-zA-Z0-9]/].filter((r) => r.test(password)).length;
  if (classes < 3)
    out.push(
      '密码须包含小写字母、大写字母、数字、其他字符中的至少三类 (use three of: lower case, upper case, digits, other)',
    );
  if (username.length >= 3 && password.toLowerCase().includes(username.toLowerCase()))
    out.push('密码不得包含用户名 (the password may not contain the username)');
  return out;
}

// No look-alikes (0/O, 1/l/I) so that a printed password can be typed without doubt.
const LOWER = 'abcdefghijkmnopqrstuvwxyz';
const UPPER = 'ABCDEFGHJKLMNPQRSTUVWXYZ';
const DIGITS = '23456789';
const ALL = LOWER + UPPER + DIGITS;

/** A random 20-character password (≈ 114 bits) with every class present, from a CSPRNG. */
export function generatePassword(length = 20): string {
  const pick = (s: string) => s.charAt(randomInt(s.length));
  const chars = [pick(LOWER), pick(UPPER), pick(DIGITS)];
  while (chars.length < length) chars.push(pick(ALL));
  // Fisher–Yates, so the guaranteed classes are not always first.
  for (let i = chars.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [chars[i], chars[j]] = [chars[j] ?? '', chars[i] ?? ''];
  }
  return chars.join('');
}
