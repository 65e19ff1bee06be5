/**
 * `suocha progress | warnings | observe | derive | formula` through commander, in-process, on a temporary
 * SQLite file loaded with the real default dataset.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Command } from 'commander';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { loadDefaultDataset } from '@suocha/services';
import { countRows, openStore } from '@suocha/store';
import { UserError } from '../context';
import { progressCommands } from './progress';

const DATA = resolve(import.meta.dirname, '..', '..', '..', '..', 'data');
let dir: string;
let db: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'suocha-cli-progress-'));
  db = join(dir, 'cli.db');
  const store = await openStore({ kind: 'sqlite', file: db });
  await loadDefaultDataset(store, { dataDir: DATA, divisions: 'zhejiang', now: '2026-01-01T00:00:00.000Z' });
  await store.close();
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs one command line; returns what it printed on stdout and stderr. */
async function run(...args: string[]): Promise<{ out: string; err: string }> {
  const program = new Command('suocha').option('--db <path>').option('--data <dir>').exitOverride();
  progressCommands(program);
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
const json = async (...args: string[]) =>
  JSON.parse((await run(...args, '--json')).out) as Record<string, unknown>[];

describe('suocha progress commands', () => {
  it('progress --unit 330000 --as-of 2025-12-31 --json: one object per target', async () => {
    const rows = await json('progress', '--unit', '330000', '--as-of', '2025-12-31');
    expect(rows).toHaveLength(42);
    const ratio = rows.find(
      (r) => r.indicator === 'urban_rural_income_ratio' && r.plan === 'zj-2025-sancha' && r.year === 2027,
    );
    expect(ratio).toMatchObject({
      comparator: '<=',
      target: 1.8,
      latest: 1.73,
      period: '2025Q3-YTD',
      expected: 1.819907,
      status: 'achieved',
      requiredAnnualChange: null,
      current: true,
      annualStatus: 'on_track',
      annualPeriod: '2024',
    });
    const chains = rows.find((r) => r.indicator === 'specialty_chains_over_1b' && r.year === 2027);
    expect(chains).toMatchObject({
      status: 'no_data',
      reason: 'SINGLE_OBSERVATION',
      requiredAnnualChange: 0.05021,
    });
    const table = await run('progress', '--unit', '330000', '--as-of', '2025-12-31');
    expect(table.out).toContain('urban_rural_income_ratio');
    expect(table.err).toContain('achieved 5');
  });

  it('observe records one value with its source; bad input is refused and writes nothing', async () => {
    const store = await openStore({ kind: 'sqlite', file: db });
    const before = await countRows(store);
    await store.close();
    const bad: [string[], RegExp][] = [
      [['observe', 'nope', '330000', '2025', '1', '--source', 's'], /未知指标 \(unknown indicator\) "nope"/],
      [['observe', 'rural_income', '999999', '2025', '1', '--source', 's'], /区划 999999 不存在/],
      [['observe', 'rural_income', '330000', '2025Q5', '1', '--source', 's'], /invalid period/],
      [['observe', 'rural_income', '330000', '2025', '4万', '--source', 's'], /not a number/],
      [['observe', 'rural_income', '330000', '2025', '1', '--source', ' '], /source is required/],
    ];
    for (const [args, message] of bad) {
      const e: unknown = await run(...args).then(
        () => undefined,
        (x: unknown) => x,
      );
      expect(e).toBeInstanceOf(UserError);
      expect((e as Error).message).toMatch(message);
    }
    const after = await openStore({ kind: 'sqlite', file: db });
    expect(await countRows(after)).toEqual(before);
    await after.close();
    const ok = JSON.parse(
      (
        await run(
          'observe',
          'rural_income',
          '330000',
          '2025-Q3-YTD',
          '36383',
          '--source',
          '004 seed article',
          '--json',
        )
      ).out,
    ) as { action: string; observation: { period: string; version: number } };
    // observations.csv already has rural income 1–9月 2025 = 36383 from the same article: a new source, version 2.
    expect(ok).toMatchObject({ action: 'updated', observation: { period: '2025Q3-YTD', version: 2 } });
    const text = await run(
      'observe',
      'urban_income',
      '330800',
      '2024',
      '56789',
      '--source',
      'test: not a real figure',
    );
    expect(text.out).toContain('已记录 recorded: urban_income 330800 2024 = 56789 (version 1');
  });

  it('warnings --as-of 2025-12-31 --json lists the open warnings, new this month', async () => {
    const rows = await json('warnings', '--as-of', '2025-12-31');
    expect(rows.map((r) => [r.rule, r.indicator, r.state, r.new, r.raisedOn])).toEqual([
      ['target_missed', 'sewage_integration_villages_new', 'open', true, '2025-12-31'],
      ['target_missed', 'urbanization_rate', 'open', true, '2025-12-31'],
    ]);
    expect(await json('warnings', '--as-of', '2026-01-31', '--unit', '330824')).toEqual([]);
  });

  it('derive and formula: a formula with an unknown name is refused; a valid one computes values', async () => {
    const e: unknown = await run(
      'formula',
      'income_all_minus_national',
      'resident_income - national_income',
    ).then(
      () => undefined,
      (x: unknown) => x,
    );
    expect((e as Error).message).toMatch(/FORMULA_UNKNOWN_INDICATOR/);
    const defined = await run(
      'formula',
      'income_all_minus_national',
      'resident_income - ref(resident_income, 100000)',
    );
    expect(defined.out).toContain('formula saved');
    // statistics_income.csv has 85 resident_income values in the 7 periods with a national value (the 7
    // national ones give 0); 330000's 2020 difference is published (20208 = 52397 − 32189, no conflict): 84 new.
    expect(defined.out).toContain('+84 new, 0 updated, 0 unchanged');
    const s = JSON.parse((await run('derive', '--json')).out) as {
      inserted: number;
      updated: number;
      unchanged: number;
    };
    expect(s).toMatchObject({ inserted: 0, updated: 0, conflicts: [] });
    expect(s.unchanged).toBeGreaterThanOrEqual(84);
  });
});
