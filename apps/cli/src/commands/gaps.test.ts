/**
 * `suocha gaps households|regional` on a temporary SQLite database holding the default dataset, run
 * in-process on a program built here (the lead registers the commands in program.ts), output captured.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Command } from 'commander';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HouseholdFileMeasuresSchema, RegionalGapsSchema } from '@suocha/contract';
import { loadDefaultDataset } from '@suocha/services';
import { openStore } from '@suocha/store';
import { UserError } from '../context';
import { gapsCommands, householdProgress, type GapsCliIo } from './gaps';

const DATA = resolve(import.meta.dirname, '..', '..', '..', '..', 'data');
let dir: string;
let db: string;

async function suocha(
  args: string[],
  options: { tty?: boolean } = {},
): Promise<{ out: string; err: string; error: Error | null }> {
  let out = '';
  let err = '';
  let clock = 0;
  const io: GapsCliIo = {
    out: (s) => (out += s),
    err: (s) => (err += s),
    errIsTTY: options.tty ?? false,
    now: () => (clock += 10_000),
  };
  const program = new Command('suocha')
    .option('--db <path|url>')
    .option('--data <dir>')
    .exitOverride()
    .configureOutput({ writeOut: (s) => (out += s), writeErr: (s) => (err += s) });
  gapsCommands(program, io);
  try {
    await program.parseAsync(['node', 'suocha', '--db', db, '--data', DATA, ...args]);
    return { out, err, error: null };
  } catch (e) {
    return { out, err, error: e instanceof Error ? e : new Error(String(e)) };
  }
}

const HEADER = 'id,unit_code,area,household_size,per_capita_income,weight';
const GOOD = [
  HEADER,
  'h1,330824106200,农村,3,21000,100',
  'h2,330824106200,城镇,2,52000,80',
  'h3,330822001001,农村,4,18500,120',
  'h4,330106002051,城镇,3,88000,60',
  'h5,330106002052,城镇,1,135000,40',
  'h6,331181001001,农村,5,26000,90',
].join('\n');

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'suocha-cli-gaps-'));
  db = join(dir, 'cli.db');
  const store = await openStore({ kind: 'sqlite', file: db });
  await loadDefaultDataset(store, { dataDir: DATA, divisions: 'zhejiang', now: '2026-01-01T00:00:00.000Z' });
  await store.close();
  writeFileSync(join(dir, 'survey.csv'), GOOD);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('suocha gaps regional', () => {
  it('--json prints one object: the 11 cities’ max/min 48735/28778', async () => {
    const r = await suocha([
      'gaps',
      'regional',
      '--indicator',
      'resident_income',
      '--of',
      '330000',
      '--json',
    ]);
    if (r.error) throw r.error;
    const g = RegionalGapsSchema.parse(JSON.parse(r.out));
    expect(g.period).toBe('2020Q3-YTD');
    expect(g.measures.maxMin?.ratio).toBeCloseTo(48735 / 28778, 12);
    expect(r.out.trim().split('\n')).toHaveLength(1);
  });

  it('prints a readable summary with every county listed, those without data marked', async () => {
    const r = await suocha([
      'gaps',
      'regional',
      '--indicator',
      'resident_income',
      '--of',
      '330000',
      '--level',
      'county',
      '--group',
      'mountain_island',
      '--as-of',
      '2024-12-31',
    ]);
    if (r.error) throw r.error;
    expect(r.out).toContain('max/min 1.8575');
    expect(r.out).toContain('义乌市');
    expect(r.out).toContain('有数据 with data: 8/90');
    expect(r.out.split('\n').filter((l) => l.includes('无数据 no data'))).toHaveLength(82);
    expect(r.out).toContain('82 of 90 units have no approved value for 2024');
  });

  it('reports bad flags and unknown codes as user errors', async () => {
    const level = await suocha([
      'gaps',
      'regional',
      '--indicator',
      'resident_income',
      '--of',
      '330000',
      '--level',
      'shire',
    ]);
    expect(level.error).toBeInstanceOf(UserError);
    const ind = await suocha(['gaps', 'regional', '--indicator', 'nope', '--of', '330000']);
    expect(ind.error).toBeInstanceOf(UserError);
    expect(ind.error?.message).toContain('INDICATOR_NOT_FOUND');
    const line = await suocha([
      'gaps',
      'regional',
      '--indicator',
      'resident_income',
      '--of',
      '330000',
      '--line',
      'x',
    ]);
    expect(line.error?.message).toContain('--line');
  });
});

describe('suocha gaps households', () => {
  it('--json prints one object with every measure; progress goes to stderr', async () => {
    const r = await suocha([
      'gaps',
      'households',
      join(dir, 'survey.csv'),
      '--by',
      'urban_rural,county',
      '--middle',
      '60000-200000',
      '--low-line',
      '25000',
      '--json',
    ]);
    if (r.error) throw r.error;
    const m = HouseholdFileMeasuresSchema.parse(JSON.parse(r.out));
    expect(m.households).toBe(6);
    // Golden values: numpy over the six rows (see apps/server/src/gaps/routes.test.ts).
    expect(m.measures.gini).toBeCloseTo(0.33791505077672773, 12);
    expect(m.measures.lowIncome?.share).toBeCloseTo(0.484472049689441, 12);
    expect(m.measures.middleIncome).toMatchObject({ lower: 60000, upper: 200000 });
    expect(Object.keys(m.measures.theil!.decompositions)).toEqual(['urban_rural', 'county']);
    expect(r.err).toContain('读取 reading: 100%, 6 行 rows\n');
    expect(r.err).toContain('计算中 measuring 6 户 households…\n');
    expect(r.err).not.toContain('\r');
  });

  it('without --json prints the measures and each decomposition as a table', async () => {
    const r = await suocha(['gaps', 'households', join(dir, 'survey.csv')], { tty: true });
    if (r.error) throw r.error;
    expect(r.out).toContain('基尼系数 Gini 0.3379');
    expect(r.out).toContain('按 urban_rural 分解');
    expect(r.err).toContain('\r');
    expect(r.err.endsWith('\n')).toBe(true);
  });

  it('a bad file: each problem with file, line and column; exit with an error', async () => {
    const bad = join(dir, 'bad.csv');
    writeFileSync(
      bad,
      [HEADER, 'h1,330824106200,农村,3,abc,100', 'h2,999999999999,城镇,2,52000,-1'].join('\n'),
    );
    const r = await suocha(['gaps', 'households', bad, '--json']);
    expect(r.error).toBeInstanceOf(UserError);
    expect(r.out).toBe('');
    const lines = r.error!.message.split('\n');
    expect(lines[0]).toContain('3 problem(s)');
    expect(lines.slice(1).map((l) => l.split(': ')[0])).toEqual([
      'bad.csv:2:per_capita_income',
      'bad.csv:3:unit_code',
      'bad.csv:3:weight',
    ]);
    const scoped = await suocha(['gaps', 'households', join(dir, 'survey.csv'), '--scope', '330824']);
    expect(scoped.error?.message).toContain('4 problem(s)');
    expect(scoped.error?.message).toContain('survey.csv:4:unit_code: 区划不在您的范围内');
  });

  it('rejects bad options', async () => {
    const f = join(dir, 'survey.csv');
    for (const args of [
      ['--by', 'town'],
      ['--middle', '500000-100000'],
      ['--middle', 'abc'],
      ['--low-line', 'x'],
    ]) {
      const r = await suocha(['gaps', 'households', f, ...args]);
      expect(r.error).toBeInstanceOf(UserError);
    }
    const missing = await suocha(['gaps', 'households', join(dir, 'nope.csv')]);
    expect(missing.error).toBeInstanceOf(UserError);
    expect(missing.error?.message).toContain('nope.csv:0: 无法读取文件 (unreadable file)');
  });
});

describe('householdProgress', () => {
  const capture = (tty: boolean, step: number) => {
    let err = '';
    let t = 0;
    const p = householdProgress({
      out: () => undefined,
      err: (s) => (err += s),
      errIsTTY: tty,
      now: () => (t += step),
    });
    return { p, text: () => err };
  };

  it('draws a bar in place on a terminal, at most every 100 ms', () => {
    const { p, text } = capture(true, 50);
    p.update({ rows: 65_536, bytesRead: 250, totalBytes: 1000 });
    p.update({ rows: 131_072, bytesRead: 500, totalBytes: 1000 }); // 50 ms later: skipped
    p.update({ rows: 196_608, bytesRead: 750, totalBytes: 1000 });
    p.update({ rows: 200_000, stage: 'measuring' });
    p.done();
    const frames = text().split('\r\x1b[2K').filter(Boolean);
    expect(frames).toEqual([
      `读取 reading: [${'█'.repeat(8)}${'░'.repeat(22)}] 25%, 65,536 行 rows`,
      `读取 reading: [${'█'.repeat(23)}${'░'.repeat(7)}] 75%, 196,608 行 rows`,
      '计算中 measuring 200,000 户 households…\n',
    ]);
  });

  it('writes plain lines at most every five seconds elsewhere, rows only when the size is unknown', () => {
    const { p, text } = capture(false, 2_000);
    p.update({ rows: 16_384 });
    p.update({ rows: 32_768 }); // 2 s later: skipped
    p.update({ rows: 49_152 }); // 4 s: skipped
    p.update({ rows: 65_536 }); // 6 s: written
    p.done();
    expect(text()).toBe('读取 reading: 16,384 行 rows\n读取 reading: 65,536 行 rows\n');
  });
});
