/**
 * `suocha cases add|search|list` and `suocha pilots list|load` on a temporary SQLite database, run
 * in-process on a program built here, output captured.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Command } from 'commander';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CaseSearchResponseSchema, PilotSchema } from '@suocha/contract';
import { insertUnits, openStore } from '@suocha/store';
import { casesCommands, markRanges } from './cases';
import { testUnit as unit } from '@suocha/store/testing';

const DATA = resolve(import.meta.dirname, '..', '..', '..', '..', 'data');
let dir: string;
let db: string;

async function suocha(args: string[]): Promise<{ out: string; err: string; error: Error | null }> {
  let out = '';
  let err = '';
  const program = new Command('suocha')
    .option('--db <path|url>')
    .option('--data <dir>')
    .exitOverride()
    .configureOutput({ writeOut: (s) => (out += s), writeErr: (s) => (err += s) });
  casesCommands(program, {
    out: (s) => (out += s),
    err: (s) => (err += s),
    now: () => '2026-01-05T00:00:00.000Z',
  });
  try {
    await program.parseAsync(['node', 'suocha', '--db', db, '--data', DATA, ...args]);
    return { out, err, error: null };
  } catch (e) {
    return { out, err, error: e instanceof Error ? e : new Error(String(e)) };
  }
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'suocha-cases-cli-'));
  db = join(dir, 'cli.db');
  const store = await openStore({ kind: 'sqlite', file: db });
  const cn = unit('100000', '全国', 'country', null);
  const zj = unit('330000', '浙江省', 'province', cn);
  const qz = unit('330800', '衢州市', 'city', zj);
  await insertUnits(store, [
    cn,
    zj,
    qz,
    unit('330824', '开化县', 'county', qz),
    unit('330881', '江山市', 'county', qz),
    unit('330822', '常山县', 'county', qz),
  ]);
  await store.close();
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('suocha pilots', () => {
  it('loads data/pilots.csv by default and lists the pilots', async () => {
    const load = await suocha(['pilots', 'load']);
    expect(load.error).toBeNull();
    expect(load.err).toContain('已载入 7 个试点');
    const list = await suocha(['pilots', 'list', '--json']);
    const pilots = PilotSchema.array().parse(JSON.parse(list.out));
    expect(pilots.map((p) => p.code)).toContain('zhengyin-xiandanji');
    const table = await suocha(['pilots', 'list']);
    expect(table.out).toMatch(/常山县宅基地资格权省级试点.*实施中.*常山县/);
  });

  it('refuses a bad file, naming the line and column, and loads nothing', async () => {
    const bad = join(dir, 'bad.csv');
    writeFileSync(
      bad,
      'code,name,kind,theme,start_date,status,unit_codes,units_note,source\nx,X,试验区,,,active,,,s\n',
    );
    const r = await suocha(['pilots', 'load', bad]);
    expect(r.error?.message).toMatch(/nothing loaded[\s\S]*bad\.csv.*2.*kind/);
  });
});

describe('suocha cases', () => {
  it('adds cases, refuses empty text, searches with marked matches and lists newest first', async () => {
    const body = join(dir, 'body.txt');
    writeFileSync(body, '共富工坊引入来料加工，农户在家门口增收。');
    const a = await suocha([
      'cases',
      'add',
      '--title',
      '共富工坊',
      '--unit',
      '330824',
      '--summary',
      '家门口就业',
      '--body-file',
      body,
      '--tags',
      '共富工坊,扩中提低',
      '--json',
    ]);
    expect(a.error).toBeNull();
    expect(JSON.parse(a.out)).toMatchObject({
      id: 1,
      unitName: '开化县',
      createdBy: 'cli',
      tags: ['共富工坊', '扩中提低'],
    });
    const b = await suocha([
      'cases',
      'add',
      '--title',
      '宅基地改革',
      '--unit',
      '330881',
      '--summary',
      '盘活农房',
      '--body',
      '闲置农房变民宿，村集体增收。',
      '--pilot',
      'jiangshan-homestead',
    ]);
    expect(b.error).toBeNull();
    expect(b.err).toContain('added case 2');

    const empty = await suocha([
      'cases',
      'add',
      '--title',
      'x',
      '--unit',
      '330824',
      '--summary',
      's',
      '--body',
      '  ',
    ]);
    expect(empty.error?.message).toMatch(/EMPTY_TEXT: 案例正文不能为空/);
    const both = await suocha(['cases', 'add', '--title', 'x', '--unit', '330824', '--summary', 's']);
    expect(both.error?.message).toContain('--body');

    const s = await suocha(['cases', 'search', '增收', '--json']);
    const r = CaseSearchResponseSchema.parse(JSON.parse(s.out));
    expect(r.items.map((h) => h.id).sort()).toEqual([1, 2]);
    const table = await suocha(['cases', 'search', '共富']);
    expect(table.out).toContain('【共富】工坊引入来料加工');
    expect(table.err).toContain('1 条匹配');
    expect((await suocha(['cases', 'search', '共富', '--unit', '330881', '--json'])).out).toContain(
      '"total":0',
    );

    const list = await suocha(['cases', 'list', '--json']);
    expect((JSON.parse(list.out) as { id: number }[]).map((c) => c.id)).toEqual([2, 1]);
    const byPilot = await suocha(['cases', 'list', '--pilot', 'jiangshan-homestead', '--json']);
    expect((JSON.parse(byPilot.out) as { id: number }[]).map((c) => c.id)).toEqual([2]);
    expect((await suocha(['cases', 'list', '--limit', '0'])).error?.message).toContain('--limit');
  });

  it('marks ranges for a terminal', () => {
    expect(
      markRanges('共富工坊共富', [
        [0, 2],
        [4, 6],
      ]),
    ).toBe('【共富】工坊【共富】');
  });
});
