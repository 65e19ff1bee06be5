/**
 * `suocha index …` and `suocha demo load` on a temporary SQLite database holding the default dataset.
 * The commands run in-process on a program built here (the lead registers them in program.ts), with
 * their output captured.
 */
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import ExcelJS from 'exceljs';
import { Command } from 'commander';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IndexCompareDto, IndexRunDto, IndexRunSummaryDto, ProposalDto } from '@suocha/contract';
import { loadDefaultDataset } from '@suocha/services';
import { openStore } from '@suocha/store';
import { UserError } from '../context';
import { indexCommands } from './index-runs';

const DATA = resolve(import.meta.dirname, '..', '..', '..', '..', 'data');
let dir: string;
let db: string;

async function suocha(...args: string[]): Promise<{ out: string; err: string; error: Error | null }> {
  let out = '';
  let err = '';
  const program = new Command('suocha')
    .option('--db <path|url>')
    .option('--data <dir>')
    .exitOverride()
    .configureOutput({ writeOut: (s) => (out += s), writeErr: (s) => (err += s) });
  indexCommands(program, { out: (s) => (out += s), err: (s) => (err += s) });
  try {
    await program.parseAsync(['node', 'suocha', '--db', db, '--data', DATA, ...args]);
    return { out, err, error: null };
  } catch (e) {
    return { out, err, error: e instanceof Error ? e : new Error(String(e)) };
  }
}
async function json<T>(...args: string[]): Promise<T> {
  const r = await suocha(...args, '--json');
  if (r.error) throw r.error;
  return JSON.parse(r.out) as T;
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'suocha-cli-index-'));
  db = join(dir, 'cli.db');
  const store = await openStore({ kind: 'sqlite', file: db });
  await loadDefaultDataset(store, { dataDir: DATA, divisions: 'zhejiang', now: '2026-01-01T00:00:00.000Z' });
  await store.close();
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('suocha index / demo', () => {
  it('says clearly when there is no data to rank (real county data is thin)', async () => {
    const r = await suocha('index', 'run', '--of', '330000', '--period', '2025');
    expect(r.error).toBeInstanceOf(UserError);
    expect(r.error?.message).toContain('no approved observation');
    expect(r.error?.message).toContain('suocha demo load');
  });

  it('rejects a bad framework file with each problem and its JSON path', async () => {
    const file = join(dir, 'bad.json');
    writeFileSync(
      file,
      JSON.stringify({
        code: 'bad',
        aggregation: { indicators: 'arithmetic', domains: 'arithmetic' },
        domains: [
          {
            code: 'd',
            weight: -1,
            indicators: [
              {
                code: 'nope',
                direction: 'up',
                weight: 1,
                normalisation: { method: 'goalposts', lo: 9, hi: 3 },
              },
            ],
          },
        ],
      }),
    );
    const r = await suocha('index', 'run', '--framework', file, '--of', '330000', '--period', '2025');
    expect(r.error).toBeInstanceOf(UserError);
    const lines = r.error?.message.split('\n') ?? [];
    expect(lines[0]).toContain('invalid framework');
    expect(lines.slice(1).map((l) => l.trim().split(/\s+/)[0])).toEqual([
      '$.domains[0].weight',
      '$.domains[0].indicators[0].normalisation',
      '$.domains[0].indicators[0].code',
    ]);
    expect(r.error?.message).toContain('NEGATIVE_WEIGHT');
    expect(r.error?.message).toContain('INVERTED_GOALPOSTS');
    expect(r.error?.message).toContain('UNKNOWN_INDICATOR');
  });

  it('demo load writes seeded 模拟数据 once; loading again changes nothing', async () => {
    const first = await json<{ inserted: number; units: number }>('demo', 'load', '--seed', '1');
    expect(first.units).toBe(90);
    expect(first.inserted).toBeGreaterThan(4000);
    const again = await suocha('demo', 'load', '--seed', '1');
    expect(again.out).toContain('0 条写入 written');
    expect(again.out).toContain('模拟数据');
    const other = await suocha('demo', 'load', '--seed', '2');
    expect(other.error?.message).toContain('another seed');
  });

  it('index run --json: per county score, rank, domain scores, rank interval, weakest, coverage', async () => {
    const r2024 = await json<IndexRunDto>(
      'index',
      'run',
      '--of',
      '330000',
      '--level',
      'county',
      '--period',
      '2024',
      '--samples',
      '200',
      '--seed',
      '1',
    );
    const run = await json<IndexRunDto>(
      'index',
      'run',
      '--of',
      '330000',
      '--level',
      'county',
      '--period',
      '2025',
      '--samples',
      '200',
      '--seed',
      '1',
    );
    expect(run).toMatchObject({
      synthetic: true,
      syntheticLabel: '模拟数据 synthetic data',
      units: 90,
      previousRunId: r2024.id,
    });
    const top = run.rows[0]!;
    expect(top).toMatchObject({ rank: 1 });
    expect(Object.keys(top.domainScores)).toHaveLength(4);
    expect(top.rankInterval).toEqual(
      expect.objectContaining({ p5: expect.any(Number), p95: expect.any(Number) }),
    );
    expect(top.weakest.length).toBeGreaterThan(0);
    expect(typeof top.coverage).toBe('number');
    // The same run read back is identical.
    expect(await json<IndexRunDto>('index', 'show', String(run.id))).toEqual(run);
    // Same seed, same rank intervals.
    const again = await json<IndexRunDto>(
      'index',
      'run',
      '--of',
      '330000',
      '--period',
      '2025',
      '--samples',
      '200',
      '--seed',
      '1',
    );
    expect(again.rows.map((x) => x.rankInterval)).toEqual(run.rows.map((x) => x.rankInterval));

    const table = await suocha('index', 'show', String(run.id));
    expect(table.out).toContain('【模拟数据 synthetic data】');
    expect(table.out).toContain('数据指纹 data fingerprint');
    expect(table.out).toMatch(/rank\s+code\s+name/);

    const runs = await json<IndexRunSummaryDto[]>('index', 'runs');
    expect(runs.map((x) => x.id)).toEqual([again.id, run.id, r2024.id]);
    const cmp = await json<IndexCompareDto>('index', 'compare', String(run.id), String(again.id));
    expect(cmp).toMatchObject({ sameData: true, inputs: { changed: 0, added: 0, removed: 0 } });
    const cmp2 = await suocha('index', 'compare', String(r2024.id), String(run.id));
    expect(cmp2.out).toContain('same data: 否 no');
  });

  it('index export writes an xlsx labelled 模拟数据; index health prints the 体检表', async () => {
    const runs = await json<IndexRunSummaryDto[]>('index', 'runs', '--period', '2025');
    const id = String(runs[0]!.id);
    const out = join(dir, 'league.xlsx');
    const r = await suocha('index', 'export', id, '--out', out);
    expect(r.error).toBeNull();
    expect(existsSync(out)).toBe(true);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    expect(String(wb.getWorksheet('排名')?.getCell('A1').value)).toContain('模拟数据');
    const health = await suocha('index', 'health', '330824', '--run', id);
    expect(health.out).toContain('开化县');
    expect(health.out).toContain('强城');
    const h = await json<{ rankHistory: unknown[] }>('index', 'health', '330824');
    expect(h.rankHistory.length).toBe(3);
  });

  it('frameworks: add a changed version from a file, then run with code@version', async () => {
    const list = await json<{ code: string; version: number; framework: Record<string, unknown> }[]>(
      'index',
      'frameworks',
    );
    expect(list.map((f) => `${f.code}@${f.version}`)).toEqual(['default@1']);
    const file = join(dir, 'changed.json');
    writeFileSync(file, JSON.stringify({ ...list[0]!.framework, coverageThreshold: 0.5 }));
    const added = await suocha('index', 'add-framework', file);
    expect(added.out).toContain('default v2');
    expect((await suocha('index', 'add-framework', file)).out).toContain('unchanged');
    const run = await json<IndexRunDto>(
      'index',
      'run',
      '--framework',
      'default@2',
      '--of',
      '330000',
      '--period',
      '2025',
      '--samples',
      '0',
    );
    expect(run.framework.version).toBe(2);
    expect(
      (await suocha('index', 'run', '--framework', 'default@9', '--of', '330000', '--period', '2025')).error
        ?.message,
    ).toContain('no framework default version 9');
  });

  it('propose, list and decide proposals; synthetic evidence cannot be accepted', async () => {
    const out = await json<{ created: ProposalDto[] }>(
      'index',
      'propose',
      '--of',
      '330000',
      '--period',
      '2025',
      '--as-of',
      '2026-01-01',
    );
    expect(out.created.length).toBeGreaterThan(0);
    const listed = await json<ProposalDto[]>('index', 'proposals', '--status', 'proposed');
    expect(listed.map((p) => p.id)).toEqual(out.created.map((p) => p.id));
    const id = String(out.created[0]!.id);
    const refused = await suocha('index', 'accept', id, '--effective', '2026-02-01');
    expect(refused.error?.message).toContain('synthetic');
    const rejected = await suocha('index', 'reject', id, '--note', '模拟数据');
    expect(rejected.out).toContain(`rejected #${id}`);
    const bad = await suocha('index', 'accept', id, '--effective', '2026/02/01');
    expect(bad.error?.message).toContain('YYYY-MM-DD');
  });
});
