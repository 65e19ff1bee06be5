/** The `suocha` command end to end: a real process on a temporary SQLite database. */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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
    expect(await json('indicators')).toHaveLength(98);
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
