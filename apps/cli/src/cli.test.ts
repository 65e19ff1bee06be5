/** The `suocha` command end to end: a real process on a temporary SQLite database. */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accessPolicy, authenticateToken, verifyLogin } from '@suocha/services';
import { openStore } from '@suocha/store';
import { displayWidth, formatTable } from './output';

const run = promisify(execFile);
const BIN = resolve(import.meta.dirname, '..', 'bin', 'suocha.js');
let dir: string;
let db: string;

const suocha = async (...args: string[]) => {
  try {
    const r = await run(process.execPath, [BIN, '--db', db, ...args], {
      env: { ...process.env, DATABASE_URL: '' },
    });
    return { code: 0, stdout: r.stdout, stderr: r.stderr };
  } catch (e) {
    const x = e as { code: number; stdout: string; stderr: string };
    return { code: x.code, stdout: x.stdout, stderr: x.stderr };
  }
};
/** Runs the command with `input` piped on stdin (then closed). */
const suochaWithInput = (input: string, ...args: string[]) =>
  new Promise<{ code: number; stdout: string; stderr: string }>((done) => {
    const child = execFile(
      process.execPath,
      [BIN, '--db', db, ...args],
      { env: { ...process.env, DATABASE_URL: '' } },
      (error, stdout, stderr) => {
        const code = error ? ((error as { code?: number }).code ?? 1) : 0;
        done({ code: typeof code === 'number' ? code : 1, stdout, stderr });
      },
    );
    child.stdin?.end(input);
  });

/** Checks a password or a token against the database the commands wrote, through the services. */
async function withDb<T>(fn: (store: Awaited<ReturnType<typeof openStore>>) => Promise<T>): Promise<T> {
  const store = await openStore({ kind: 'sqlite', file: db });
  try {
    return await fn(store);
  } finally {
    await store.close();
  }
}
const canLogIn = (username: string, password: string) =>
  withDb(async (store) => {
    const r = await verifyLogin(
      store,
      { username, password, ip: 'cli-test' },
      new Date().toISOString(),
      accessPolicy(),
    );
    return r.ok;
  });

const json = async (...args: string[]) => {
  const r = await suocha(...args, '--json');
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout) as Record<string, unknown>[];
};

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'suocha-cli-'));
  db = join(dir, 'cli.db');
  const r = await suocha('init');
  expect(r.code).toBe(0);
  expect(r.stdout).toContain('units: 27069');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('suocha CLI', () => {
  it('init is idempotent', async () => {
    const r = await suocha('init', '--json');
    const summary = JSON.parse(r.stdout) as {
      inserted: Record<string, number>;
      totals: Record<string, number>;
    };
    expect(Object.values(summary.inserted).every((n) => n === 0)).toBe(true);
    expect(summary.totals.units).toBe(27069);
    // The 249 key tasks of seed 000 (data/tasks_seed000.csv) come with the default dataset.
    expect(summary.totals.tasks).toBe(249);
  });

  it('units lists children, or a level of the subtree as of a date, as a JSON array', async () => {
    const cities = await json('units', '330000');
    expect(cities.map((c) => c.name)).toContain('衢州市');
    expect(cities).toHaveLength(11);
    expect(await json('units', '330000', '--level', 'county', '--as-of', '2025-06-01')).toHaveLength(90);
    const towns = await json('units', '330824', '--level', 'town');
    expect(towns.length).toBeGreaterThan(0);
    expect(towns.every((t) => t.level === 'town' && t.parentCode === '330824')).toBe(true);
  });

  it('groups gives the membership on a date', async () => {
    expect(await json('groups', 'mountain_island', '--as-of', '2025-01-01')).toHaveLength(25);
    expect(await json('groups', 'mountain_island', '--as-of', '2025-06-01')).toHaveLength(22);
    expect((await json('groups')).map((g) => g.code)).toEqual(['mountain26', 'mountain_island']);
  });

  it('indicators and targets', async () => {
    expect(await json('indicators')).toHaveLength(102);
    const t = await json('targets', '--unit', '330000');
    expect(t).toHaveLength(42);
    expect(t[0]).toHaveProperty('comparator');
  });

  it('prints a table for people and a clear error for an unknown unit', async () => {
    const table = await suocha('units', '330800');
    expect(table.stdout).toMatch(/^code\s+name/);
    expect(table.stdout).toContain('江山市');
    const bad = await suocha('units', '999999');
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('区划 999999 不存在');
    expect(bad.stderr).not.toMatch(/\n\s+at /);
    const badDate = await suocha('groups', 'mountain_island', '--as-of', '2025/06/01');
    expect(badDate.code).toBe(1);
  });
});

describe('accounts', () => {
  it('init --admin creates the administrator with a generated password printed once', async () => {
    const r = await suochaWithInput('', 'init', '--admin', 'Root');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('已创建省级管理员 created provincial administrator root (scope 330000)');
    const password = /\n\n {4}(\S+)\n\n/.exec(r.stdout)?.[1] ?? '';
    expect(password).toMatch(/^[A-Za-z2-9]{20}$/);
    expect(await canLogIn('root', password)).toBe(true);
    const again = await suochaWithInput('', 'init', '--admin', 'root');
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('已被使用');
    const users = await json('users', 'list');
    expect(users).toEqual([
      expect.objectContaining({
        username: 'root',
        role: 'province_admin',
        scopeUnit: '330000',
        active: true,
      }),
    ]);
  });

  it('init --admin takes a piped password, and refuses a weak one', async () => {
    const r = await suochaWithInput('Piped-secret-2026\n', 'init', '--admin', 'second', '--json');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ admin: { username: 'second', password: null } });
    expect(await canLogIn('second', 'Piped-secret-2026')).toBe(true);
    const weak = await suochaWithInput('short\n', 'init', '--admin', 'third');
    expect(weak.code).toBe(1);
    expect(weak.stderr).toContain('password: 密码至少 10 位');
  });

  it('users add and departments add check roles against scopes', async () => {
    const add = await suochaWithInput(
      '',
      'users',
      'add',
      'kaihua',
      '--role',
      'county',
      '--scope',
      '330824',
      '--name',
      '开化县',
    );
    expect(add.code).toBe(0);
    expect(add.stdout).toContain('created kaihua (县(市、区)用户, 开化县)');
    const mismatch = await suochaWithInput('', 'users', 'add', 'x1', '--role', 'county', '--scope', '330800');
    expect(mismatch.code).toBe(1);
    expect(mismatch.stderr).toContain('scopeUnit:');
    expect(
      (await suocha('departments', 'add', 'agri', '--zh', '省农业农村厅', '--en', 'Agriculture')).code,
    ).toBe(0);
    const dept = await suochaWithInput(
      'Agri-culture-2026\n',
      'users',
      'add',
      'agri1',
      '--role',
      'department',
      '--scope',
      '330000',
      '--department',
      'agri',
      '--json',
    );
    expect(JSON.parse(dept.stdout)).toMatchObject({ user: { department: { code: 'agri' } }, password: null });
  });

  it('users disable / enable / passwd', async () => {
    expect((await suocha('users', 'disable', 'kaihua')).stdout).toContain('disabled');
    expect((await json('users', 'list')).find((u) => u.username === 'kaihua')?.active).toBe(false);
    expect((await suocha('users', 'enable', 'kaihua')).stdout).toContain('active');
    expect((await suochaWithInput('Kaiyuan-reset-2026\n', 'users', 'passwd', 'kaihua')).code).toBe(0);
    expect(await canLogIn('kaihua', 'Kaiyuan-reset-2026')).toBe(true);
    expect((await suocha('users', 'disable', 'nobody')).stderr).toContain('用户 nobody 不存在');
  });

  it('tokens add prints the secret once; list never shows it; revoke ends it', async () => {
    const made = await suocha(
      'tokens',
      'add',
      'kaihua',
      '--name',
      '开化 ETL',
      '--expires-in-days',
      '30',
      '--json',
    );
    expect(made.code).toBe(0);
    const { secret, token } = JSON.parse(made.stdout) as { secret: string; token: { id: number } };
    expect(secret).toMatch(/^sc_[A-Za-z0-9_-]{43}$/);
    const auth = () =>
      withDb((store) => authenticateToken(store, secret, new Date().toISOString(), accessPolicy()));
    expect((await auth())?.actor).toMatchObject({ username: 'kaihua', role: 'county', via: 'token' });
    const list = await suocha('tokens', 'list', '--user', 'kaihua');
    expect(list.stdout).toContain(secret.slice(0, 9));
    expect(list.stdout).not.toContain(secret);
    expect((await suocha('tokens', 'revoke', String(token.id))).stdout).toContain('revoked');
    expect(await auth()).toBeUndefined();
  });
});

describe('table output', () => {
  it('aligns CJK text by display width', () => {
    expect(displayWidth('衢州市')).toBe(6);
    expect(displayWidth('abc')).toBe(3);
    const t = formatTable([
      { name: '衢州市', code: '1' },
      { name: 'ab', code: '2' },
    ]).split('\n');
    expect(t).toEqual(['name    code', '------  ----', '衢州市  1', 'ab      2']);
  });
});
