/**
 * Random secrets and their digests. Session and API tokens carry 256 random bits, so a fast SHA-256 is
 * enough to store them (no salt or slow hash needed: nothing to brute-force); they are compared by hash.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** 32 random bytes, base64url: 43 characters. */
export function randomSecret(): string {
  return randomBytes(32).toString('base64url');
}

export const SECRET_PATTERN = /^[A-Za-z0-9_-]{43}$/;

export const TOKEN_PREFIX = 'sc_';
export const API_TOKEN_PATTERN = /^sc_[A-Za-z0-9_-]{43}$/;

export function sha256Hex(s: string): string {
  return createHash('sha256').update(s, 'utf8').digest('hex');
}

/** Constant-time string equality (for CSRF tokens). */
export function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a, 'utf8');
  const y = Buffer.from(b, 'utf8');
  return x.length === y.length && timingSafeEqual(x, y);
}
