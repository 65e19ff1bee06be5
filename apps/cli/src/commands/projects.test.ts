/** `suocha projects demo|status|template|import` on a temporary SQLite database with the default dataset. */
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Command } from 'commander';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ProjectStatusSchema } from '@suocha/contract';
import { loadDefaultDataset } from '@suocha/services';
import { openStore } from '@suocha/store';
import { projectsCommands } from './projects';

const DATA = resolve(import.meta.dirname, '..', '..', '..', '..', 'data');
const NOW = '2025-12-05T08:00:00.000Z';
let dir: string;
let db: string;

async function suocha(args: string[]): Promise<{ out: string; error: Error | null }> {
  let out = '';
  const program = new Command('suocha')
    .option('--db <path|url>')
    .option('--data <dir>')
    .exitOverride()
    .configureOutput({ writeOut: (s) => (out += s), writeErr: (s) => (out += s) });
  projectsCommands(program, { out: (s) => (out += s), now: () => NOW });
  try {
    await program.parseAsync(['node', 'suocha', '--db', db, '--data', DATA, ...args]);
    return { out, error: null };
  } catch (e) {
    return { out, error: e instanceof Error ? e : new Error(String(e)) };
  }
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'suocha-projects-cli-'));
  db = join(dir, 'cli.db');
  const store = await openStore({ kind: 'sqlite', file: db });
  await loadDefaultDataset(store, { dataDir: DATA, divisions: 'zhejiang', now: NOW });
  await store.close();
}, 120_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('suocha projects', () => {
  it('loads demo projects and prints the status as JSON, synthetic flagged', async () => {
    const d = await suocha(['projects', 'demo', '--seed', '2', '--count', '120', '--month', '2025-11']);
    expect(d.error).toBeNull();
    expect(d.out).toContain('模拟数据');
    const s = await suocha(['projects', 'status', '--of', '330000', '--month', '2025-11', '--json']);
    expect(s.error).toBeNull();
    const status = ProjectStatusSchema.parse(JSON.parse(s.out));
    expect(status.total.count).toBe(120);
    expect(status.synthetic).toBe(true);
    expect(status.projects.every((p) => p.synthetic)).toBe(true);
  });

  it('writes a template and refuses a CSV with a negative amount and an unknown code, writing nothing', async () => {
    const out = join(dir, 't.xlsx');
    expect(
      (await suocha(['projects', 'template', '--unit', '330824', '--month', '2025-11', '--out', out])).error,
    ).toBeNull();
    expect(existsSync(out)).toBe(true);
    const csv = join(dir, 'bad.csv');
    writeFileSync(
      csv,
      '项目代码,项目名称,业主单位代码,年度计划投资(万元),本月完成投资(万元),本年累计完成投资(万元),是否开工(是/否),形象进度,存在问题\n' +
        'NOPE,x,330824,1,1,1,是,,\nSIM-2-000001,x,330824,1,-5,1,是,,\n',
    );
    const r = await suocha(['projects', 'import', csv, '--month', '2025-11', '--dry-run', '--json']);
    expect(r.error).not.toBeNull();
    const report = JSON.parse(r.out.slice(0, r.out.lastIndexOf('}') + 1)) as {
      problems: { code: string; row: number; column: string | null }[];
    };
    expect(report.problems.map((p) => [p.code, p.row, p.column])).toEqual(
      expect.arrayContaining([
        ['IMPORT_UNKNOWN_PROJECT', 2, 'A'],
        ['REPORT_NEGATIVE_INVESTMENT', 3, 'E'],
      ]),
    );
  });
});
