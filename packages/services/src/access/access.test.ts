/** Users, login with lock-out, sessions and tokens, on SQLite and PostgreSQL. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getThrottle, insertUnits, listLoginAttempts, updateThrottle, type Store } from '@suocha/store';
import { testEngines, type OpenedStore } from '@suocha/store/testing';
import { changePassword } from './change-password';
import { verifyLogin } from './login';
import { accessPolicy } from './policy';
import { createSession, getSession, login, revokeSession } from './sessions';
import { authenticateToken, createToken, listTokens, revokeToken } from './tokens';
import { createDepartment, createUser, listUserViews, updateUser, type NewUserInput } from './users';
import { testUnit as unit } from '@suocha/store/testing';

const cn = unit('100000', '全国', 'country', null);
const zj = unit('330000', '浙江省', 'province', cn);
const qz = unit('330800', '衢州市', 'city', zj);
const ka = unit('330824', '开化县', 'county', qz);
const hz = unit('330100', '杭州市', 'city', zj);
const sc = unit('330102', '上城区', 'county', hz);

// Cheap argon2 parameters keep the suite fast; the default parameters are tested in passwords.test.ts.
const policy = accessPolicy({ argon2: { memoryCost: 1024, timeCost: 1 } });
const T0 = '2026-03-02T01:00:00.000Z';
const at = (minutes: number) => new Date(Date.parse(T0) + minutes * 60_000).toISOString();
const PW = 'Sanda-chaju-2026';

async function mustCreate(store: Store, input: NewUserInput) {
  const r = await createUser(store, input, T0, policy);
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.value.user;
}

for (const engine of testEngines()) {
  describe(`access on ${engine.name}`, () => {
    let opened: OpenedStore;
    let store: Store;
    beforeAll(async () => {
      opened = await engine.open();
      store = opened.store;
      await insertUnits(store, [cn, zj, qz, ka, hz, sc]);
      expect(
        await createDepartment(store, { code: 'agri', nameZh: '农业农村厅', nameEn: 'Agriculture' }, T0),
      ).toMatchObject({ ok: true });
      const again = await createDepartment(store, { code: 'agri', nameZh: '重复', nameEn: 'Again' }, T0);
      expect(!again.ok && again.error.code).toBe('DEPARTMENT_EXISTS');
      const bad = await createDepartment(store, { code: 'Agri Dept', nameZh: '', nameEn: 'x' }, T0);
      expect(!bad.ok && bad.error.problems?.map((p) => p.field)).toEqual(['code', 'nameZh']);
    });
    afterAll(async () => opened.cleanup());

    it('creates users whose role fits the level of the scope unit', async () => {
      const admin = await mustCreate(store, {
        username: ' Admin ',
        displayName: '省管理员',
        role: 'province_admin',
        scopeUnit: '330000',
        password: PW,
      });
      expect(admin).toMatchObject({
        username: 'admin',
        role: 'province_admin',
        roleName: { zh: '省级管理员' },
        scopeUnit: { code: '330000', name: '浙江省', level: 'province' },
        department: null,
        active: true,
        lockedUntil: null,
      });
      const county = await createUser(
        store,
        { username: 'kaihua', displayName: '开化县填报员', role: 'county', scopeUnit: '330824' },
        T0,
        policy,
      );
      expect(county.ok && county.value.generatedPassword).toMatch(/^[A-Za-z2-9]{20}$/);
      const dept = await mustCreate(store, {
        username: 'agri1',
        displayName: '农业农村厅',
        role: 'department',
        scopeUnit: '330000',
        department: 'agri',
        password: PW,
      });
      expect(dept.department).toEqual({ code: 'agri', nameZh: '农业农村厅', nameEn: 'Agriculture' });
      await mustCreate(store, {
        username: 'quzhou',
        displayName: '衢州市',
        role: 'city',
        scopeUnit: '330800',
        password: PW,
      });
      await mustCreate(store, {
        username: 'hangzhou',
        displayName: '杭州市',
        role: 'city',
        scopeUnit: '330100',
        password: PW,
      });
    });

    it('refuses inconsistent or weak users, naming each field', async () => {
      const codes = async (input: NewUserInput) => {
        const r = await createUser(store, input, T0, policy);
        if (r.ok) throw new Error('accepted');
        return r.error.problems?.map((p) => `${p.field}:${p.code}`) ?? [r.error.code];
      };
      const base = { username: 'x1', displayName: 'x', password: PW } as const;
      expect(await codes({ ...base, role: 'county', scopeUnit: '330800' })).toEqual([
        'scopeUnit:ROLE_SCOPE_MISMATCH',
      ]);
      expect(await codes({ ...base, role: 'city', scopeUnit: '330000' })).toEqual([
        'scopeUnit:ROLE_SCOPE_MISMATCH',
      ]);
      expect(await codes({ ...base, role: 'province_analyst', scopeUnit: '330824' })).toEqual([
        'scopeUnit:ROLE_SCOPE_MISMATCH',
      ]);
      expect(await codes({ ...base, role: 'department', scopeUnit: '330000' })).toEqual([
        'department:DEPARTMENT_REQUIRED',
      ]);
      expect(await codes({ ...base, role: 'department', scopeUnit: '330000', department: 'nope' })).toEqual([
        'department:UNKNOWN_DEPARTMENT',
      ]);
      expect(await codes({ ...base, role: 'city', scopeUnit: '330800', department: 'agri' })).toEqual([
        'department:DEPARTMENT_NOT_ALLOWED',
      ]);
      expect(await codes({ ...base, role: 'mayor', scopeUnit: '999999' })).toEqual([
        'role:UNKNOWN_ROLE',
        'scopeUnit:UNKNOWN_UNIT',
      ]);
      expect(
        await codes({
          ...base,
          username: 'A',
          displayName: ' ',
          role: 'city',
          scopeUnit: '330800',
          password: 'short',
        }),
      ).toEqual([
        'username:INVALID_USERNAME',
        'displayName:INVALID_DISPLAY_NAME',
        'password:WEAK_PASSWORD',
        'password:WEAK_PASSWORD',
      ]);
      expect(await codes({ ...base, username: 'ADMIN', role: 'city', scopeUnit: '330800' })).toEqual([
        'USERNAME_TAKEN',
      ]);
    });

    it('lets an administrator act only inside its scope and only as province_admin', async () => {
      const [admin] = (await listUserViews(store, T0)).filter((u) => u.username === 'admin');
      const actor = {
        userId: admin?.id ?? 0,
        username: 'admin',
        role: 'province_admin' as const,
        scopeUnit: '330000',
        scopePath: '/100000/330000/',
        department: null,
        via: 'session' as const,
      };
      const cityActor = {
        ...actor,
        role: 'city' as const,
        scopeUnit: '330800',
        scopePath: '/100000/330000/330800/',
      };
      const input = { username: 'kh2', displayName: 'k', role: 'county', scopeUnit: '330824', password: PW };
      expect((await createUser(store, input, T0, policy, cityActor)).ok).toBe(false);
      expect((await createUser(store, input, T0, policy, actor)).ok).toBe(true);
      // A (hypothetical) administrator of 衢州市 sees only the users inside 衢州市.
      const quzhouAdmin = { ...actor, scopeUnit: '330800', scopePath: '/100000/330000/330800/' };
      expect((await listUserViews(store, T0, quzhouAdmin)).map((u) => u.username)).toEqual([
        'kaihua',
        'kh2',
        'quzhou',
      ]);
      const hangzhou = (await listUserViews(store, T0)).find((u) => u.username === 'hangzhou');
      const r = await updateUser(store, hangzhou?.id ?? 0, { displayName: 'x' }, T0, policy, quzhouAdmin);
      expect(r.ok ? 'ok' : r.error.code).toBe('USER_NOT_FOUND');
      const moved = await createUser(
        store,
        { ...input, username: 'kh3', scopeUnit: '330102' },
        T0,
        policy,
        quzhouAdmin,
      );
      expect(moved.ok ? 'ok' : moved.error.code).toBe('OUT_OF_SCOPE');
    });

    it('logs in with the right password and answers the same for a wrong password and an unknown user', async () => {
      const good = await verifyLogin(
        store,
        { username: 'QUZHOU', password: PW, ip: '10.0.0.1' },
        at(0),
        policy,
      );
      expect(good.ok && good.value.username).toBe('quzhou');
      const wrong = await verifyLogin(
        store,
        { username: 'quzhou', password: 'x', ip: '10.0.0.1' },
        at(0),
        policy,
      );
      const unknown = await verifyLogin(
        store,
        { username: 'nobody', password: 'x', ip: '10.0.0.1' },
        at(0),
        policy,
      );
      expect(wrong.ok).toBe(false);
      expect(!wrong.ok && wrong.error).toEqual(!unknown.ok && unknown.error);
      expect(!wrong.ok && wrong.error.code).toBe('INVALID_CREDENTIALS');
      const log = await listLoginAttempts(store, { limit: 3 });
      expect(log.map((a) => [a.username, a.outcome])).toEqual([
        ['nobody', 'bad_credentials'],
        ['quzhou', 'bad_credentials'],
        ['quzhou', 'ok'],
      ]);
    });

    it('locks a username after 5 failures for 15 minutes, known or not, then lets it in again', async () => {
      const attempt = (username: string, password: string, minute: number, ip = '10.0.0.2') =>
        verifyLogin(store, { username, password, ip }, at(minute), policy).then((r) =>
          r.ok ? 'ok' : r.error.code,
        );
      for (const name of ['hangzhou', 'ghost']) {
        const codes = [];
        for (let i = 0; i < 5; i++) codes.push(await attempt(name, 'wrong', 10 + i));
        expect(codes).toEqual([
          'INVALID_CREDENTIALS',
          'INVALID_CREDENTIALS',
          'INVALID_CREDENTIALS',
          'INVALID_CREDENTIALS',
          'ACCOUNT_LOCKED',
        ]);
        // Locked: even the right password is refused, without being checked.
        expect(await attempt(name, PW, 20)).toBe('ACCOUNT_LOCKED');
      }
      const locked = await verifyLogin(
        store,
        { username: 'hangzhou', password: PW, ip: 'x' },
        at(20),
        policy,
      );
      expect(!locked.ok && locked.error.retryAfterSeconds).toBe(9 * 60);
      expect((await listUserViews(store, at(20))).find((u) => u.username === 'hangzhou')?.lockedUntil).toBe(
        at(29),
      );
      expect(await attempt('hangzhou', PW, 29)).toBe('ok');
      expect(await getThrottle(store, 'user:hangzhou')).toEqual({
        failures: 0,
        windowStart: null,
        lockedUntil: null,
      });
    });

    it('limits failures per address (30 in 15 minutes) across usernames', async () => {
      const ip = '192.0.2.7';
      const codes: string[] = [];
      for (let i = 0; i < 31; i++) {
        const r = await verifyLogin(store, { username: `u${i}`, password: 'x', ip }, at(100), policy);
        codes.push(r.ok ? 'ok' : r.error.code);
      }
      expect(codes.slice(0, 29).every((c) => c === 'INVALID_CREDENTIALS')).toBe(true);
      expect(codes.slice(29)).toEqual(['RATE_LIMITED', 'RATE_LIMITED']);
      const blocked = await verifyLogin(store, { username: 'quzhou', password: PW, ip }, at(101), policy);
      expect(!blocked.ok && blocked.error.code).toBe('RATE_LIMITED');
      const other = await verifyLogin(
        store,
        { username: 'quzhou', password: PW, ip: '192.0.2.8' },
        at(101),
        policy,
      );
      expect(other.ok).toBe(true);
    });

    it('counts concurrent failures without losing any (row lock on PostgreSQL)', async () => {
      await Promise.all(
        Array.from({ length: 12 }, () =>
          updateThrottle(store, 'ip:concurrent', (s) => ({ ...s, failures: s.failures + 1 })),
        ),
      );
      expect((await getThrottle(store, 'ip:concurrent')).failures).toBe(12);
    });

    it('keeps a session alive while used (2 idle hours) but never beyond 12 hours', async () => {
      const r = await login(
        store,
        { username: 'quzhou', password: PW, ip: '10.0.0.3', userAgent: 'ua' },
        at(200),
        policy,
      );
      if (!r.ok) throw new Error(r.error.code);
      const { token, csrfToken, expiresAt } = r.value.session;
      expect(expiresAt).toBe(at(320));
      expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
      const s = await getSession(store, token, at(300), policy);
      expect(s?.actor).toEqual({
        userId: s?.user.id,
        username: 'quzhou',
        role: 'city',
        scopeUnit: '330800',
        scopePath: '/100000/330000/330800/',
        department: null,
        via: 'session',
      });
      expect(s?.csrfToken).toBe(csrfToken);
      expect(s?.expiresAt).toBe(at(420));
      // Used every 100 minutes it lives on, until 12 hours after login.
      for (let m = 400; m <= 900; m += 100)
        expect(await getSession(store, token, at(m), policy)).toBeDefined();
      expect((await getSession(store, token, at(919), policy))?.expiresAt).toBe(at(920));
      expect(await getSession(store, token, at(920), policy)).toBeUndefined();

      const idle = await createSession(store, s?.user.id ?? 0, { ip: '', userAgent: '' }, at(0), policy);
      expect(await getSession(store, idle.token, at(119), policy)).toBeDefined();
      expect(await getSession(store, idle.token, at(240), policy)).toBeUndefined();
      expect(await getSession(store, 'not-a-token', at(0), policy)).toBeUndefined();
    });

    it('stores sessions and tokens only as hashes', async () => {
      const quzhou = (await listUserViews(store, T0)).find((u) => u.username === 'quzhou');
      const session = await createSession(store, quzhou?.id ?? 0, { ip: '', userAgent: '' }, at(0), policy);
      const t = await createToken(store, quzhou?.id ?? 0, { name: 'etl' }, at(0));
      if (!t.ok) throw new Error(t.error.code);
      const rows = JSON.stringify([
        await store.db.selectFrom('sessions').selectAll().execute(),
        await store.db.selectFrom('api_tokens').selectAll().execute(),
      ]);
      expect(rows).not.toContain(session.token);
      expect(rows).not.toContain(t.value.secret.slice(3));
      expect(rows).toContain(t.value.secret.slice(0, 9));
    });

    it('ends a session on logout, on disabling the user, and others on a password change', async () => {
      const open = async () => {
        const r = await login(
          store,
          { username: 'kh2', password: PW, ip: '10.0.0.4', userAgent: '' },
          at(0),
          policy,
        );
        if (!r.ok) throw new Error(r.error.code);
        return r.value;
      };
      const a = await open();
      expect(await revokeSession(store, a.session.token)).toBe(true);
      expect(await getSession(store, a.session.token, at(1), policy)).toBeUndefined();

      const b = await open();
      const c = await open();
      const NEW = 'Kaihua-new-pass-9';
      const wrong = await changePassword(
        store,
        b.context.user.id,
        { currentPassword: 'no', newPassword: NEW },
        at(1),
        policy,
      );
      expect(!wrong.ok && wrong.error.code).toBe('INVALID_CREDENTIALS');
      const weak = await changePassword(
        store,
        b.context.user.id,
        { currentPassword: PW, newPassword: 'weak' },
        at(1),
        policy,
      );
      expect(!weak.ok && weak.error.code).toBe('INVALID_INPUT');
      const done = await changePassword(
        store,
        b.context.user.id,
        { currentPassword: PW, newPassword: NEW },
        at(1),
        policy,
        b.context.sessionId,
      );
      expect(done).toEqual({ ok: true, value: { endedSessions: 1 } });
      expect(await getSession(store, b.session.token, at(2), policy)).toBeDefined();
      expect(await getSession(store, c.session.token, at(2), policy)).toBeUndefined();
      const old = await verifyLogin(store, { username: 'kh2', password: PW, ip: '10.0.0.5' }, at(2), policy);
      expect(old.ok).toBe(false);

      const off = await updateUser(store, b.context.user.id, { active: false }, at(3), policy);
      expect(off.ok && off.value.user.active).toBe(false);
      expect(await getSession(store, b.session.token, at(3), policy)).toBeUndefined();
      const disabled = await verifyLogin(
        store,
        { username: 'kh2', password: NEW, ip: '10.0.0.5' },
        at(3),
        policy,
      );
      expect(!disabled.ok && disabled.error.code).toBe('INVALID_CREDENTIALS');
    });

    it('authenticates API tokens as their user until revoked, expired or the user is disabled', async () => {
      const kaihua = (await listUserViews(store, T0)).find((u) => u.username === 'kaihua');
      const id = kaihua?.id ?? 0;
      const made = await createToken(store, id, { name: '开化 ETL', expiresInDays: 30 }, at(0));
      if (!made.ok) throw new Error(made.error.code);
      const { secret, token } = made.value;
      expect(secret).toMatch(/^sc_[A-Za-z0-9_-]{43}$/);
      expect(token).toMatchObject({
        name: '开化 ETL',
        prefix: secret.slice(0, 9),
        expiresAt: at(30 * 24 * 60),
      });
      const auth = await authenticateToken(store, secret, at(1), policy);
      expect(auth?.actor).toMatchObject({
        username: 'kaihua',
        role: 'county',
        scopePath: '/100000/330000/330800/330824/',
        via: 'token',
      });
      expect((await listTokens(store, { userId: id }))[0]?.lastUsedAt).toBe(at(1));
      expect(await authenticateToken(store, secret, at(30 * 24 * 60), policy)).toBeUndefined();
      // A different last character (never the same one, or the "tampered" secret would be the real one).
      const tampered = `${secret.slice(0, -1)}${secret.endsWith('A') ? 'B' : 'A'}`;
      expect(await authenticateToken(store, tampered, at(1), policy)).toBeUndefined();
      expect(await authenticateToken(store, 'Bearer x', at(1), policy)).toBeUndefined();

      const forever = await createToken(store, id, { name: 'x' }, at(0));
      if (!forever.ok) throw new Error(forever.error.code);
      expect(forever.value.token.expiresAt).toBeNull();
      const quzhou = (await listUserViews(store, T0)).find((u) => u.username === 'quzhou');
      const foreign = await revokeToken(store, forever.value.token.id, at(2), quzhou?.id);
      expect(!foreign.ok && foreign.error.code).toBe('TOKEN_NOT_FOUND');
      expect(await authenticateToken(store, forever.value.secret, at(2), policy)).toBeDefined();
      const revoked = await revokeToken(store, forever.value.token.id, at(2), id);
      expect(revoked.ok && revoked.value.revokedAt).toBe(at(2));
      expect(await authenticateToken(store, forever.value.secret, at(3), policy)).toBeUndefined();

      const third = await createToken(store, id, { name: 'y' }, at(0));
      if (!third.ok) throw new Error(third.error.code);
      await updateUser(store, id, { active: false }, at(4), policy);
      expect(await authenticateToken(store, third.value.secret, at(5), policy)).toBeUndefined();
      await updateUser(store, id, { active: true }, at(6), policy);
      expect(await authenticateToken(store, third.value.secret, at(7), policy)).toBeDefined();
      const bad = await createToken(store, id, { name: ' ', expiresInDays: 0 }, at(0));
      expect(!bad.ok && bad.error.problems?.map((p) => p.field)).toEqual(['name', 'expiresInDays']);
    });

    it('keeps at least one active provincial administrator, unlocks, resets passwords, moves users', async () => {
      const users = await listUserViews(store, T0);
      const admin = users.find((u) => u.username === 'admin');
      const id = admin?.id ?? 0;
      const off = await updateUser(store, id, { active: false }, T0, policy);
      expect(!off.ok && off.error.code).toBe('LAST_ADMIN');
      const demote = await updateUser(store, id, { role: 'province_analyst' }, T0, policy);
      expect(!demote.ok && demote.error.code).toBe('LAST_ADMIN');
      await mustCreate(store, {
        username: 'admin2',
        displayName: '管理员二',
        role: 'province_admin',
        scopeUnit: '330000',
        password: PW,
      });
      const ok = await updateUser(store, id, { role: 'province_analyst' }, T0, policy);
      expect(ok.ok && ok.value.user.roleName.zh).toBe('省级分析员(只读)');

      // Moving a county user to a city needs the city role too.
      const kaihua = users.find((u) => u.username === 'kaihua');
      const half = await updateUser(store, kaihua?.id ?? 0, { scopeUnit: '330800' }, T0, policy);
      expect(!half.ok && half.error.problems?.[0]?.code).toBe('ROLE_SCOPE_MISMATCH');
      const moved = await updateUser(
        store,
        kaihua?.id ?? 0,
        { scopeUnit: '330800', role: 'city' },
        T0,
        policy,
      );
      expect(moved.ok && moved.value.user.scopeUnit.name).toBe('衢州市');
      // A department user turned into a city user loses its department.
      const agri = users.find((u) => u.username === 'agri1');
      const city = await updateUser(store, agri?.id ?? 0, { role: 'city', scopeUnit: '330100' }, T0, policy);
      expect(city.ok && city.value.user.department).toBeNull();

      for (let i = 0; i < 5; i++)
        await verifyLogin(
          store,
          { username: 'quzhou', password: 'no', ip: '10.1.1.1' },
          at(1000 + i),
          policy,
        );
      const quzhou = users.find((u) => u.username === 'quzhou');
      expect((await listUserViews(store, at(1005))).find((u) => u.username === 'quzhou')?.lockedUntil).toBe(
        at(1019),
      );
      const unlocked = await updateUser(store, quzhou?.id ?? 0, { unlock: true }, at(1005), policy);
      expect(unlocked.ok && unlocked.value.user.lockedUntil).toBeNull();
      const reset = await updateUser(store, quzhou?.id ?? 0, { resetPassword: true }, at(1006), policy);
      const generated = reset.ok ? reset.value.generatedPassword : null;
      expect(generated).toMatch(/^[A-Za-z2-9]{20}$/);
      const r = await verifyLogin(
        store,
        { username: 'quzhou', password: generated ?? '', ip: '10.1.1.2' },
        at(1007),
        policy,
      );
      expect(r.ok).toBe(true);
    });

    it('the database itself refuses a department user without a department and unknown roles', async () => {
      const row = {
        username: 'raw',
        display_name: 'raw',
        scope_unit: '330000',
        password_hash: 'x',
        active: 1,
        created_at: T0,
        password_changed_at: T0,
        last_login_at: null,
      };
      await expect(
        store.db
          .insertInto('users')
          .values({ ...row, role: 'department', department_code: null })
          .execute(),
      ).rejects.toThrow();
      await expect(
        store.db
          .insertInto('users')
          .values({ ...row, role: 'city', department_code: 'agri' })
          .execute(),
      ).rejects.toThrow();
      await expect(
        store.db
          .insertInto('users')
          .values({ ...row, role: 'mayor' as 'city', department_code: null })
          .execute(),
      ).rejects.toThrow();
      await expect(
        store.db
          .insertInto('users')
          .values({ ...row, role: 'city', scope_unit: '999999', department_code: null })
          .execute(),
      ).rejects.toThrow();
    });
  });
}

describe('timing', () => {
  it('a failed login costs about the same whether or not the username exists', async () => {
    const opened = await testEngines()[0]?.open();
    if (!opened) throw new Error('no engine');
    try {
      const { store } = opened;
      await insertUnits(store, [cn, zj]);
      const real = accessPolicy({ user: { maxFailures: 100 } });
      const made = await createUser(
        store,
        { username: 'timing', displayName: 't', role: 'province_admin', scopeUnit: '330000', password: PW },
        T0,
        real,
      );
      expect(made.ok).toBe(true);
      const time = async (username: string) => {
        const samples: number[] = [];
        for (let i = 0; i < 5; i++) {
          const start = performance.now();
          await verifyLogin(store, { username, password: 'wrong', ip: `t${i}` }, T0, real);
          samples.push(performance.now() - start);
        }
        return samples.sort((a, b) => a - b)[2] ?? 0;
      };
      await time('warmup');
      const known = await time('timing');
      const unknown = await time('unknown-user');
      // Without the dummy verification an unknown user would answer ~100× faster than argon2id (≈20 ms).
      expect(unknown / known).toBeGreaterThan(0.33);
      expect(unknown / known).toBeLessThan(3);
    } finally {
      await opened.cleanup();
    }
  });
});
