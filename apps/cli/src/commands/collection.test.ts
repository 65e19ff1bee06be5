/** `suocha collect …` in-process on a temporary SQLite database (the program is built here with only these commands). */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { openStore } from '@suocha/store';
// The services' synthetic test world (模拟数据); test-only, so not part of the services' public surface.
import { COUNTY_DS, seedWorld } from '../../../../packages/services/src/collection/test-fixture';
import { collectionCommands } from './collection';

let dir: string;
let db: string;

async function suocha(...args: string[]): Promise<{ out: string; err: string; exitCode: number }> {
  const program = new Command('suocha').option('--db <path|url>').option('--data <dir>').exitOverride();
  collectionCommands(program);
  let out = '';
  let err = '';
  const o = vi.spyOn(process.stdout, 'write').mockImplementation((s) => ((out += String(s)), true));
  const e = vi.spyOn(process.stderr, 'write').mockImplementation((s) => ((err += String(s)), true));
  process.exitCode = 0;
  try {
    await program.parseAsync(['node', 'suocha', '--db', db, ...args]);
  } finally {
    o.mockRestore();
    e.mockRestore();
  }
  const exitCode = Number(process.exitCode ?? 0);
  process.exitCode = 0;
  return { out, err, exitCode };
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'suocha-cli-collect-'));
  db = join(dir, 'c.db');
  const store = await openStore({ kind: 'sqlite', file: db });
  await seedWorld(store);
  await store.close();
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('suocha collect', () => {
  it('lists and defines data sets', async () => {
    const list = JSON.parse((await suocha('collect', 'datasets', '--json')).out) as {
      code: string;
      fields: number;
    }[];
    expect(list.map((d) => [d.code, d.fields])).toEqual([
      ['county_income', 3],
      ['village_monthly', 2],
    ]);
    const file = join(dir, 'ds.json');
    writeFileSync(file, JSON.stringify({ ...COUNTY_DS, code: 'county_q', periodKind: 'quarter', rules: [] }));
    expect((await suocha('collect', 'define', file, '--as', 'tester')).out).toContain(
      'created county_q (version 1)',
    );
    expect((await suocha('collect', 'define', file)).out).toContain('updated county_q (version 2)');
    writeFileSync(file, '{"code": "Bad"}');
    await expect(suocha('collect', 'define', file)).rejects.toThrow(/code/);
  });

  it('checks a CSV (dry run), refuses it with located problems, imports it, exports and shows history and rate', async () => {
    const csv = join(dir, 'v.csv');
    writeFileSync(
      csv,
      'unit_code,indicator,period,value\n330824,urban_income,2025-11,60000\n330824,rural_income,2025-11,x\n',
    );
    const bad = await suocha('collect', 'import', csv, '--dataset', 'county_income');
    expect(bad.exitCode).toBe(1);
    expect(bad.out).toContain('v.csv:3:value: "x" 不是数字');
    writeFileSync(
      csv,
      'unit_code,indicator,period,value\n330824,urban_income,2025-11,60000\n330824,rural_income,2025-11,30000\n',
    );
    const dry = await suocha('collect', 'import', csv, '--dataset', 'county_income', '--dry-run');
    expect(dry.out).toContain('checked, nothing written: 2 rows, 1 forms: 2 new');
    const ok = await suocha(
      'collect',
      'import',
      csv,
      '--dataset',
      'county_income',
      '--as',
      'kaihua',
      '--json',
    );
    expect(JSON.parse(ok.out)).toMatchObject({ ok: true, written: true, inserted: 2 });
    const out = join(dir, 'e.csv');
    await suocha('collect', 'export', '--dataset', 'county_income', '--period', '2025-11', '--out', out);
    expect(readFileSync(out, 'utf8')).toContain(
      '330824,开化县,rural_income,农村居民人均可支配收入,2025-11,30000,,draft,1',
    );
    const h = JSON.parse(
      (await suocha('collect', 'history', '--unit', '330824', '--period', '2025-11', '--json')).out,
    ) as { changedBy: string }[];
    expect(h.map((x) => x.changedBy)).toEqual(['kaihua', 'kaihua']);
    const rate = await suocha(
      'collect',
      'rate',
      '--dataset',
      'county_income',
      '--period',
      '2025-11',
      '--unit',
      '330800',
    );
    expect(rate.out).toContain('应报 expected 3, 已报 reported 0');
    const tpl = join(dir, 't.xlsx');
    await suocha(
      'collect',
      'template',
      '--dataset',
      'county_income',
      '--period',
      '2025-12',
      '--under',
      '330800',
      '--out',
      tpl,
    );
    expect(readFileSync(tpl).subarray(0, 2).toString()).toBe('PK');
  });
});
