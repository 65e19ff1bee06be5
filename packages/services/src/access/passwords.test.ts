import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { generatePassword, hashPassword, passwordProblems, verifyPassword } from './passwords';
import { accessPolicy, DEFAULT_ACCESS_POLICY } from './policy';
import { API_TOKEN_PATTERN, randomSecret, safeEqual, SECRET_PATTERN, sha256Hex } from './secrets';

describe('password rule', () => {
  it('asks for 10 characters, three classes, and no username inside', () => {
    expect(passwordProblems('Abcdefgh1', 'zhang')).toHaveLength(1); // 9 characters
    expect(passwordProblems('abcdefghij1', 'zhang')).toHaveLength(1); // two classes
    expect(passwordProblems('abcdefghij1!', 'zhang')).toEqual([]); // lower, digit, other
    expect(passwordProblems('Zhang2026-spring', 'zhang')).toHaveLength(1);
    expect(passwordProblems('浙江缩差Abc12345', 'zhang')).toEqual([]); // Chinese counts as "other"
    expect(passwordProblems('Aa1'.repeat(43), 'zhang')).toHaveLength(1); // 129 characters
  });

  it('generated passwords always pass the rule and differ', () => {
    const seen = new Set<string>();
    fc.assert(
      fc.property(fc.constant(null), () => {
        const p = generatePassword();
        expect(p).toHaveLength(20);
        expect(passwordProblems(p, 'admin')).toEqual([]);
        expect(p).not.toMatch(/[0O1lI]/);
        seen.add(p);
      }),
      { numRuns: 200 },
    );
    expect(seen.size).toBe(200);
  });

  it('hashes with argon2id and the OWASP parameters by default', async () => {
    const h = await hashPassword('Correct-horse-42', DEFAULT_ACCESS_POLICY);
    expect(h).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(await verifyPassword(h, 'Correct-horse-42')).toBe(true);
    expect(await verifyPassword(h, 'Correct-horse-43')).toBe(false);
    expect(await verifyPassword('not a hash', 'x')).toBe(false);
    const cheap = await hashPassword('x', accessPolicy({ argon2: { memoryCost: 1024, timeCost: 1 } }));
    expect(cheap).toMatch(/^\$argon2id\$v=19\$m=1024,t=1,p=1\$/);
  });
});

describe('secrets', () => {
  it('are 256-bit base64url and hash to SHA-256 hex', () => {
    const s = randomSecret();
    expect(s).toMatch(SECRET_PATTERN);
    expect(Buffer.from(s, 'base64url')).toHaveLength(32);
    expect(API_TOKEN_PATTERN.test(`sc_${s}`)).toBe(true);
    // echo -n abc | sha256sum
    expect(sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(safeEqual(s, s)).toBe(true);
    expect(safeEqual(s, randomSecret())).toBe(false);
    expect(safeEqual(s, '')).toBe(false);
  });
});
