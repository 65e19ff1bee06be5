/**
 * Authentication and scoped access over HTTP: login, lock-out, rate limit, CSRF, tokens, revocation, a
 * 401 from every protected route (from the live route table, so a new unguarded route fails here) and the
 * access matrix of the administration endpoints.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance, InjectOptions } from 'fastify';
import type { MeDto, UserChangeDto, UserDto } from '@suocha/contract';
import { accessPolicy, createDepartment, createUser } from '@suocha/services';
import { insertUnits, openStore, type Store } from '@suocha/store';
import { buildServer } from '../app';
import { CSRF_HEADER, listRoutes, SESSION_COOKIE } from './plugin';
import { loginAs, sessionCookieOf, type TestSession } from './test-support';
import { testUnit as unit } from '@suocha/store/testing';

const cn = unit('100000', '全国', 'country', null);
const zj = unit('330000', '浙江省', 'province', cn);
const qz = unit('330800', '衢州市', 'city', zj);
const ka = unit('330824', '开化县', 'county', qz);
const hz = unit('330100', '杭州市', 'city', zj);
const sc = unit('330102', '上城区', 'county', hz);

const PW = 'Sanda-chaju-2026';
const T0 = Date.parse('2026-03-02T01:00:00.000Z');
let minutes = 0;
const advance = (m: number) => (minutes += m);
const ACCESS = { argon2: { memoryCost: 1024, timeCost: 1 } };

let dir: string;
let store: Store;
let app: FastifyInstance;
const sessions: Record<string, TestSession> = {};

const USERS = [
  ['admin', 'province_admin', '330000', null],
  ['analyst', 'province_analyst', '330000', null],
  ['agri', 'department', '330000', 'agri'],
  ['quzhou', 'city', '330800', null],
  ['kaihua', 'county', '330824', null],
] as const;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'suocha-access-'));
  store = await openStore({ kind: 'sqlite', file: join(dir, 'access.db') });
  await insertUnits(store, [cn, zj, qz, ka, hz, sc]);
  const now = new Date(T0).toISOString();
  await createDepartment(store, { code: 'agri', nameZh: '省农业农村厅', nameEn: 'Agriculture' }, now);
  for (const [username, role, scopeUnit, department] of USERS) {
    const r = await createUser(
      store,
      { username, displayName: username, role, scopeUnit, department, password: PW },
      now,
      accessPolicy(ACCESS),
    );
    if (!r.ok) throw new Error(JSON.stringify(r.error));
  }
  app = await buildServer({
    store,
    dataDir: dir,
    version: 'test',
    access: ACCESS,
    now: () => new Date(T0 + minutes * 60_000).toISOString(),
  });
  for (const [username] of USERS) sessions[username] = await loginAs(app, username, PW);
});
afterAll(async () => {
  await app.close();
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

const session = (name: string): TestSession => {
  const s = sessions[name];
  if (!s) throw new Error(`no session ${name}`);
  return s;
};
const inject = (o: InjectOptions) => app.inject(o);
const login = (username: string, password: string, remoteAddress = '127.0.0.1') =>
  inject({ method: 'POST', url: '/api/auth/login', payload: { username, password }, remoteAddress });
const errorCode = (r: { json: () => unknown }) => (r.json() as { error: { code: string } }).error.code;

describe('login', () => {
  it('sets an HttpOnly, SameSite=Strict session cookie and answers the user and a CSRF token', async () => {
    const r = await login('QuZhou', PW);
    expect(r.statusCode).toBe(200);
    const cookie = r.cookies.find((c) => c.name === SESSION_COOKIE);
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/' });
    expect(cookie?.secure).toBeUndefined();
    expect(cookie?.value).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const me = r.json<MeDto>();
    expect(me.user).toMatchObject({
      username: 'quzhou',
      role: 'city',
      roleName: { zh: '设区市用户' },
      scopeUnit: { code: '330800', name: '衢州市', level: 'city' },
    });
    expect(me.csrfToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(me.via).toBe('session');
    expect(JSON.stringify(me)).not.toMatch(/argon2|password_hash|passwordHash/);
  });

  it('marks the cookie Secure behind https (cookieSecure auto, trusted proxy)', async () => {
    const https = await buildServer({
      store,
      dataDir: dir,
      version: 't',
      access: ACCESS,
      trustProxy: true,
      now: () => new Date(T0 + minutes * 60_000).toISOString(),
    });
    try {
      const r = await https.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username: 'quzhou', password: PW },
        headers: { 'x-forwarded-proto': 'https' },
      });
      expect(r.cookies.find((c) => c.name === SESSION_COOKIE)?.secure).toBe(true);
      expect(r.headers['strict-transport-security']).toBe('max-age=31536000');
    } finally {
      await https.close();
    }
  });

  it('answers a wrong password and an unknown username identically', async () => {
    const wrong = await login('quzhou', 'nope', '10.9.0.1');
    const unknown = await login('nobody', 'nope', '10.9.0.1');
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.body).toBe(unknown.body);
    expect(errorCode(wrong)).toBe('INVALID_CREDENTIALS');
    expect(sessionCookieOf(wrong)).toBeUndefined();
    const bad = await inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'x' } });
    expect(bad.statusCode).toBe(400);
  });

  it('locks a username for 15 minutes after 5 failures, with retry-after, then lets it in', async () => {
    const codes: number[] = [];
    for (let i = 0; i < 5; i++) codes.push((await login('kaihua', 'wrong', '10.9.0.2')).statusCode);
    expect(codes).toEqual([401, 401, 401, 401, 429]);
    const locked = await login('kaihua', PW, '10.9.0.3');
    expect(locked.statusCode).toBe(429);
    expect(errorCode(locked)).toBe('ACCOUNT_LOCKED');
    expect(locked.headers['retry-after']).toBe('900');
    // An unknown name is locked in the same way: the lock-out does not reveal which names exist.
    for (let i = 0; i < 5; i++) await login('ghost', 'wrong', '10.9.0.2');
    expect((await login('ghost', PW, '10.9.0.3')).body).toBe(locked.body);
    advance(15);
    expect((await login('kaihua', PW, '10.9.0.3')).statusCode).toBe(200);
  });

  it('rate-limits an address after 30 failures in 15 minutes', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 30; i++) statuses.push((await login(`n${i}`, 'x', '203.0.113.9')).statusCode);
    expect(statuses.filter((s) => s === 401)).toHaveLength(29);
    const r = await login('quzhou', PW, '203.0.113.9');
    expect(r.statusCode).toBe(429);
    expect(errorCode(r)).toBe('RATE_LIMITED');
    expect(Number(r.headers['retry-after'])).toBeGreaterThan(0);
    expect((await login('quzhou', PW, '203.0.113.10')).statusCode).toBe(200);
    advance(15);
    expect((await login('quzhou', PW, '203.0.113.9')).statusCode).toBe(200);
  });

  it('replaces the session the browser came with (no session fixation)', async () => {
    const old = await loginAs(app, 'analyst', PW);
    const r = await inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'analyst', password: PW },
      headers: { cookie: old.cookie },
    });
    expect(r.statusCode).toBe(200);
    expect(sessionCookieOf(r)).not.toBe(old.cookie.split('=')[1]);
    expect((await inject({ method: 'GET', url: '/api/auth/me', headers: old.headers() })).statusCode).toBe(
      401,
    );
  });
});

describe('sessions', () => {
  it('GET /api/auth/me answers the actor and its CSRF token; 401 and a cleared cookie otherwise', async () => {
    const s = session('agri');
    const r = await inject({ method: 'GET', url: '/api/auth/me', headers: s.headers() });
    expect(r.statusCode).toBe(200);
    const me = r.json<MeDto>();
    expect(me.user.department).toEqual({ code: 'agri', nameZh: '省农业农村厅', nameEn: 'Agriculture' });
    expect(me.csrfToken).toBe(s.csrf);
    expect((await inject({ method: 'GET', url: '/api/auth/me' })).statusCode).toBe(401);
    const stale = await inject({
      method: 'GET',
      url: '/api/auth/me',
      headers: { cookie: `${SESSION_COOKIE}=${'A'.repeat(43)}` },
    });
    expect(stale.statusCode).toBe(401);
    expect(stale.cookies.find((c) => c.name === SESSION_COOKIE)?.value).toBe('');
  });

  it('refuses a state-changing request without the right CSRF token, and accepts it with', async () => {
    const s = await loginAs(app, 'quzhou', PW);
    const logout = (headers: Record<string, string>) =>
      inject({ method: 'POST', url: '/api/auth/logout', headers });
    const none = await logout(s.headers({ csrf: false }));
    expect(none.statusCode).toBe(403);
    expect(errorCode(none)).toBe('CSRF_REJECTED');
    const wrong = await logout({ ...s.headers(), [CSRF_HEADER]: session('admin').csrf });
    expect(wrong.statusCode).toBe(403);
    // The refused requests changed nothing: the session is still live.
    expect((await inject({ method: 'GET', url: '/api/auth/me', headers: s.headers() })).statusCode).toBe(200);
    const ok = await logout(s.headers());
    expect(ok.statusCode).toBe(204);
    expect(ok.cookies.find((c) => c.name === SESSION_COOKIE)?.value).toBe('');
    expect((await inject({ method: 'GET', url: '/api/auth/me', headers: s.headers() })).statusCode).toBe(401);
    // Logging out again: 401, and the stale cookie is cleared.
    const again = await logout(s.headers());
    expect(again.statusCode).toBe(401);
    expect(again.cookies.find((c) => c.name === SESSION_COOKIE)?.value).toBe('');
  });

  it('changes the password: the current one is checked, other sessions end', async () => {
    const a = await loginAs(app, 'kaihua', PW);
    const b = await loginAs(app, 'kaihua', PW);
    const change = (s: TestSession, currentPassword: string, newPassword: string) =>
      inject({
        method: 'POST',
        url: '/api/auth/password',
        headers: s.headers(),
        payload: { currentPassword, newPassword },
      });
    const wrong = await change(a, 'nope', 'Spring-next-2026');
    expect([wrong.statusCode, errorCode(wrong)]).toEqual([400, 'INVALID_CREDENTIALS']);
    const weak = await change(a, PW, 'short');
    expect([weak.statusCode, errorCode(weak)]).toEqual([400, 'VALIDATION_FAILED']);
    expect((await change(a, PW, 'Spring-next-2026')).statusCode).toBe(204);
    expect((await inject({ method: 'GET', url: '/api/auth/me', headers: a.headers() })).statusCode).toBe(200);
    expect((await inject({ method: 'GET', url: '/api/auth/me', headers: b.headers() })).statusCode).toBe(401);
    expect((await login('kaihua', 'Spring-next-2026')).statusCode).toBe(200);
    expect((await change(a, 'Spring-next-2026', PW)).statusCode).toBe(204);
    // The beforeAll session of kaihua ended with the change; later tests use the surviving one.
    sessions.kaihua = a;
  });
});

describe('API tokens', () => {
  it('authenticate machine clients as their user, without CSRF, until revoked', async () => {
    const s = session('quzhou');
    const made = await inject({
      method: 'POST',
      url: '/api/tokens',
      headers: s.headers(),
      payload: { name: 'ETL 衢州', expiresInDays: 90 },
    });
    expect(made.statusCode).toBe(201);
    const { secret, token } = made.json<{ secret: string; token: { id: number; prefix: string } }>();
    expect(secret).toMatch(/^sc_[A-Za-z0-9_-]{43}$/);
    expect(secret.startsWith(token.prefix)).toBe(true);
    const bearer = { authorization: `Bearer ${secret}` };
    const me = await inject({ method: 'GET', url: '/api/auth/me', headers: bearer });
    expect(me.json<MeDto>()).toMatchObject({ via: 'token', csrfToken: null, user: { username: 'quzhou' } });
    // The list shows the token but never its secret.
    const list = await inject({ method: 'GET', url: '/api/tokens', headers: bearer });
    expect(list.body).toContain(token.prefix);
    expect(list.body).not.toContain(secret);
    // Tokens cannot mint tokens or change passwords (a person must).
    expect(
      (await inject({ method: 'POST', url: '/api/tokens', headers: bearer, payload: { name: 'x' } }))
        .statusCode,
    ).toBe(403);
    expect(
      (
        await inject({
          method: 'POST',
          url: '/api/auth/password',
          headers: bearer,
          payload: { currentPassword: PW, newPassword: 'Another-pass-2026' },
        })
      ).statusCode,
    ).toBe(403);
    // Someone else cannot revoke it; its own client can, without a CSRF token.
    const foreign = await inject({
      method: 'DELETE',
      url: `/api/tokens/${token.id}`,
      headers: session('kaihua').headers(),
    });
    expect(foreign.statusCode).toBe(404);
    expect(
      (await inject({ method: 'DELETE', url: `/api/tokens/${token.id}`, headers: bearer })).statusCode,
    ).toBe(204);
    const after = await inject({ method: 'GET', url: '/api/auth/me', headers: bearer });
    expect(after.statusCode).toBe(401);
    expect(errorCode(after)).toBe('UNAUTHENTICATED');
    // A malformed or unknown bearer is a 401 even where a cookie would have worked.
    const mixed = await inject({
      method: 'GET',
      url: '/api/auth/me',
      headers: { ...s.headers(), authorization: 'Bearer sc_nope' },
    });
    expect(mixed.statusCode).toBe(401);
  });

  it('stop working when the administrator disables the user, with its sessions', async () => {
    const admin = session('admin');
    const created = await inject({
      method: 'POST',
      url: '/api/users',
      headers: admin.headers(),
      payload: { username: 'etl', displayName: '数据接口', role: 'city', scopeUnit: '330800', password: PW },
    });
    expect(created.statusCode).toBe(201);
    const id = created.json<UserChangeDto>().user.id;
    const s = await loginAs(app, 'etl', PW);
    const secret = (
      await inject({ method: 'POST', url: '/api/tokens', headers: s.headers(), payload: { name: 'nightly' } })
    ).json<{ secret: string }>().secret;
    const bearer = { authorization: `Bearer ${secret}` };
    expect((await inject({ method: 'GET', url: '/api/units/330800', headers: bearer })).statusCode).toBe(200);
    const off = await inject({
      method: 'PATCH',
      url: `/api/users/${id}`,
      headers: admin.headers(),
      payload: { active: false },
    });
    expect(off.json<UserChangeDto>().user.active).toBe(false);
    expect((await inject({ method: 'GET', url: '/api/auth/me', headers: bearer })).statusCode).toBe(401);
    expect((await inject({ method: 'GET', url: '/api/auth/me', headers: s.headers() })).statusCode).toBe(401);
    expect((await login('etl', PW)).statusCode).toBe(401);
  });
});

/** A concrete URL for a route pattern (parameters replaced by plausible values). */
function concrete(url: string): string {
  return url
    .replace(':code', '330800')
    .replace(':group', 'mountain_island')
    .replace(':id', '1')
    .replace(/:[A-Za-z]+/g, 'x')
    .replace('*', 'x');
}

describe('every protected route', () => {
  const api = () => listRoutes(app).filter((r) => r.url.startsWith('/api/') && r.method !== 'HEAD');

  it('the public routes are exactly health and login', async () => {
    expect(
      api()
        .filter((r) => r.public)
        .map((r) => `${r.method} ${r.url}`)
        .sort(),
    ).toEqual(['GET /api/health', 'POST /api/auth/login']);
    // Unknown /api paths are refused too before they can answer 404, and so is any other spelling of a route.
    expect((await inject({ method: 'GET', url: '/api/no-such-route' })).statusCode).toBe(401);
    for (const url of [
      '/%61pi/units/330800',
      '/api/units/330800/',
      '/api//units/330800',
      '/api/units/330800?x=1',
    ])
      expect([url, (await inject({ method: 'GET', url })).statusCode]).not.toContainEqual(200);
    // The table is the live one: it holds the routes of every module.
    const all = api().map((r) => `${r.method} ${r.url}`);
    for (const r of [
      'GET /api/units/:code',
      'GET /api/targets',
      'PATCH /api/users/:id',
      'DELETE /api/tokens/:id',
    ])
      expect(all).toContain(r);
  });

  it('answers 401 UNAUTHENTICATED without credentials, with a bad token, and after logout', async () => {
    const gone = await loginAs(app, 'analyst', PW);
    await inject({ method: 'POST', url: '/api/auth/logout', headers: gone.headers() });
    for (const r of api().filter((x) => !x.public)) {
      for (const headers of [{}, { authorization: 'Bearer sc_invalid' }, gone.headers()]) {
        const res = await inject({
          method: r.method,
          url: concrete(r.url),
          headers,
          ...(r.method === 'GET' || r.method === 'DELETE' ? {} : { payload: {} }),
        });
        expect([r.method, r.url, res.statusCode, errorCode(res)]).toEqual([
          r.method,
          r.url,
          401,
          'UNAUTHENTICATED',
        ]);
      }
    }
  });

  it('answers 403 CSRF_REJECTED to a state-changing request with the cookie but no CSRF token', async () => {
    const s = session('admin');
    const writes = api().filter(
      (r) => !['GET', 'HEAD', 'OPTIONS'].includes(r.method) && r.url !== '/api/auth/login',
    );
    expect(writes.length).toBeGreaterThanOrEqual(6);
    for (const r of writes) {
      const res = await inject({
        method: r.method,
        url: concrete(r.url),
        headers: s.headers({ csrf: false }),
        payload: {},
      });
      expect([r.method, r.url, res.statusCode, errorCode(res)]).toEqual([
        r.method,
        r.url,
        403,
        'CSRF_REJECTED',
      ]);
    }
  });
});

describe('administration endpoints', () => {
  // role → expected status of: list users, create user, change user, create department, list departments
  const matrix: [string, number, number, number, number, number][] = [
    ['admin', 200, 201, 200, 201, 200],
    ['analyst', 403, 403, 403, 403, 200],
    ['agri', 403, 403, 403, 403, 200],
    ['quzhou', 403, 403, 403, 403, 200],
    ['kaihua', 403, 403, 403, 403, 200],
  ];
  it.each(matrix)(
    '%s: users %i/%i/%i, departments %i/%i',
    async (name, list, create, change, dept, depts) => {
      const h = session(name).headers();
      const target = (await inject({ method: 'GET', url: '/api/users', headers: session('admin').headers() }))
        .json<{ items: UserDto[] }>()
        .items.find((u) => u.username === 'quzhou');
      const got = [
        (await inject({ method: 'GET', url: '/api/users', headers: h })).statusCode,
        (
          await inject({
            method: 'POST',
            url: '/api/users',
            headers: h,
            payload: { username: `new-${name}`, displayName: 'n', role: 'county', scopeUnit: '330102' },
          })
        ).statusCode,
        (
          await inject({
            method: 'PATCH',
            url: `/api/users/${target?.id}`,
            headers: h,
            payload: { displayName: '衢州市用户' },
          })
        ).statusCode,
        (
          await inject({
            method: 'POST',
            url: '/api/departments',
            headers: h,
            payload: { code: `d_${name}`, nameZh: '部门', nameEn: 'Dept' },
          })
        ).statusCode,
        (await inject({ method: 'GET', url: '/api/departments', headers: h })).statusCode,
      ];
      expect(got).toEqual([list, create, change, dept, depts]);
    },
  );

  it('creates users with a password shown once, validates, and keeps the last administrator', async () => {
    const h = session('admin').headers();
    const r = await inject({
      method: 'POST',
      url: '/api/users',
      headers: h,
      payload: { username: 'Shangcheng', displayName: '上城区', role: 'county', scopeUnit: '330102' },
    });
    expect(r.statusCode).toBe(201);
    const { user, password } = r.json<UserChangeDto>();
    expect(user).toMatchObject({ username: 'shangcheng', scopeUnit: { name: '上城区' }, active: true });
    expect(password).toMatch(/^[A-Za-z2-9]{20}$/);
    expect((await login('shangcheng', password ?? '')).statusCode).toBe(200);
    const list = await inject({ method: 'GET', url: '/api/users', headers: h });
    expect(list.body).not.toContain(password ?? '-');
    expect(list.body).not.toContain('argon2');

    const dup = await inject({
      method: 'POST',
      url: '/api/users',
      headers: h,
      payload: { username: 'admin', displayName: 'x', role: 'city', scopeUnit: '330800' },
    });
    expect([dup.statusCode, errorCode(dup)]).toEqual([409, 'CONFLICT']);
    const bad = await inject({
      method: 'POST',
      url: '/api/users',
      headers: h,
      payload: { username: 'c1', displayName: 'x', role: 'county', scopeUnit: '330800' },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({
      error: { code: 'VALIDATION_FAILED', problems: [{ code: 'ROLE_SCOPE_MISMATCH', column: 'scopeUnit' }] },
    });
    const unknownField = await inject({
      method: 'PATCH',
      url: `/api/users/${user.id}`,
      headers: h,
      payload: { passwordHash: 'x' },
    });
    expect(unknownField.statusCode).toBe(400);

    const adminId = session('admin').me.user.id;
    const last = await inject({
      method: 'PATCH',
      url: `/api/users/${adminId}`,
      headers: h,
      payload: { active: false },
    });
    expect([last.statusCode, errorCode(last)]).toEqual([409, 'CONFLICT']);
    const reset = await inject({
      method: 'PATCH',
      url: `/api/users/${user.id}`,
      headers: h,
      payload: { resetPassword: true },
    });
    const again = reset.json<UserChangeDto>().password;
    expect(again).toMatch(/^[A-Za-z2-9]{20}$/);
    expect(again).not.toBe(password);
    expect(
      (await inject({ method: 'PATCH', url: '/api/users/99999', headers: h, payload: {} })).statusCode,
    ).toBe(404);
  });
});

describe('headers', () => {
  it('sends security headers and keeps API answers out of caches', async () => {
    const r = await inject({ method: 'GET', url: '/api/auth/me', headers: session('admin').headers() });
    expect(r.headers).toMatchObject({
      'x-content-type-options': 'nosniff',
      'x-frame-options': 'DENY',
      'cache-control': 'no-store',
      'cross-origin-opener-policy': 'same-origin',
    });
    expect(r.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(r.headers['content-security-policy']).toContain("script-src 'self'");
    const health = await inject({ method: 'GET', url: '/api/health' });
    expect(health.statusCode).toBe(200);
  });
});
