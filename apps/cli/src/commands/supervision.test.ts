/**
 * `suocha tasks list | load-default` and `suocha supervise issue | respond | close | list | demo` through
 * commander, in-process, on a temporary SQLite file with a small hierarchy and two users.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Command } from 'commander';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { insertUnits, insertUser, openStore } from '@suocha/store';
import { UserError } from '../context';
import { supervisionCommands } from './supervision';
import { tasksCommands } from './tasks';
import { testUnit as unit } from '@suocha/store/testing';

const DATA = resolve(import.meta.dirname, '..', '..', '..', '..', 'data');
let dir: string;
let db: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'suocha-cli-supervision-'));
  db = join(dir, 'cli.db');
  const store = await openStore({ kind: 'sqlite', file: db });
  const zj = unit('330000', '浙江省', 'province', null);
  const qz = unit('330800', '衢州市', 'city', zj);
  await insertUnits(store, [
    zj,
    qz,
    unit('330824', '开化县', 'county', qz),
    unit('330881', '江山市', 'county', qz),
    unit('330802', '柯城区', 'county', qz),
  ]);
  const base = {
    displayName: 'x',
    departmentCode: null,
    passwordHash: 'unused',
    createdAt: '2025-01-01T00:00:00Z',
  };
  await insertUser(store, { ...base, username: 'admin', role: 'province_admin', scopeUnit: '330000' });
  await insertUser(store, { ...base, username: 'kaihua', role: 'county', scopeUnit: '330824' });
  await store.close();
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function run(...args: string[]): Promise<{ out: string; err: string }> {
  const program = new Command('suocha').option('--db <path>').option('--data <dir>').exitOverride();
  tasksCommands(program);
  supervisionCommands(program);
  let out = '';
  let err = '';
  const o = vi.spyOn(process.stdout, 'write').mockImplementation((s: string | Uint8Array) => {
    out += String(s);
    return true;
  });
  const e = vi.spyOn(process.stderr, 'write').mockImplementation((s: string | Uint8Array) => {
    err += String(s);
    return true;
  });
  try {
    await program.parseAsync(['node', 'suocha', '--db', db, '--data', DATA, ...args]);
  } finally {
    o.mockRestore();
    e.mockRestore();
  }
  return { out, err };
}

describe('suocha tasks', () => {
  it('loads the default list once and lists it as JSON', async () => {
    expect(JSON.parse((await run('tasks', 'load-default', '--json')).out)).toEqual([
      { inserted: 249, existing: 0, file: 'tasks_seed000.csv' },
    ]);
    expect(JSON.parse((await run('tasks', 'load-default', '--json')).out)[0].existing).toBe(249);
    const all = JSON.parse((await run('tasks', 'list', '--as-of', '2025-06-01', '--json')).out) as unknown[];
    expect(all).toHaveLength(249);
    // the seeds give no due dates: nothing is overdue until someone configures them
    expect(
      JSON.parse((await run('tasks', 'list', '--overdue', '--as-of', '2025-06-01', '--json')).out),
    ).toEqual([]);
    await expect(run('tasks', 'list', '--as-of', '2025/06/01')).rejects.toThrow(UserError);
  });
});

describe('suocha supervise', () => {
  it('issues, lets only the addressee respond and only the issuer close', async () => {
    await expect(
      run(
        'supervise',
        'issue',
        '--as',
        'admin',
        '--title',
        '督办',
        '--text',
        '请整改',
        '--due',
        '2099-12-31',
      ),
    ).rejects.toThrow(/NO_ADDRESSEE/);
    await expect(
      run('supervise', 'issue', '--as', 'admin', '--title', '督办', '--text', '请整改', '--to', '330824'),
    ).rejects.toThrow(/NO_DEADLINE/);
    const o = JSON.parse(
      (
        await run(
          'supervise',
          'issue',
          '--as',
          'admin',
          '--title',
          '督办',
          '--text',
          '请整改',
          '--to',
          '330824',
          '--due',
          '2099-12-31',
          '--json',
        )
      ).out,
    ) as { id: string; state: string };
    expect(o.state).toBe('issued');
    await expect(run('supervise', 'respond', o.id, '--as', 'admin')).rejects.toThrow(/NOT_ADDRESSEE/);
    expect(JSON.parse((await run('supervise', 'respond', o.id, '--as', 'kaihua', '--json')).out).state).toBe(
      'acknowledged',
    );
    await expect(run('supervise', 'close', o.id, '--as', 'kaihua', '--text', 'x')).rejects.toThrow(
      /ILLEGAL_TRANSITION/,
    );
    const listed = JSON.parse((await run('supervise', 'list', '--open', '--json')).out) as {
      id: string;
      state: string;
    }[];
    expect(listed.map((x) => [x.id, x.state])).toEqual([[o.id, 'acknowledged']]);
  });

  it('adds labelled demo orders once', async () => {
    expect((await run('supervise', 'demo')).err).toMatch(/模拟数据: 3 tasks, orders \d+, \d+, \d+/);
    expect((await run('supervise', 'demo')).err).toContain('already loaded');
    const overdue = JSON.parse((await run('supervise', 'list', '--overdue', '--json')).out) as {
      title: string;
      synthetic: boolean;
    }[];
    expect(overdue).toHaveLength(1);
    expect(overdue[0]?.synthetic).toBe(true);
    expect(overdue[0]?.title).toContain('模拟数据');
  });
});
