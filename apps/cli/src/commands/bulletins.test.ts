/** `suocha bulletin` through commander, in-process, on a temporary SQLite file with the default dataset. */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Command } from 'commander';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { loadDefaultDataset } from '@suocha/services';
import { openStore } from '@suocha/store';
import { UserError } from '../context';
import { bulletinsCommands } from './bulletins';

const DATA = resolve(import.meta.dirname, '..', '..', '..', '..', 'data');
let dir: string;
let db: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'suocha-cli-bulletin-'));
  db = join(dir, 'cli.db');
  const store = await openStore({ kind: 'sqlite', file: db });
  await loadDefaultDataset(store, { dataDir: DATA, divisions: 'zhejiang', now: '2026-01-01T00:00:00.000Z' });
  await store.close();
}, 120_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function run(...args: string[]): Promise<string> {
  const program = new Command('suocha').option('--db <path>').option('--data <dir>').exitOverride();
  bulletinsCommands(program);
  let err = '';
  const e = vi.spyOn(process.stderr, 'write').mockImplementation((s: string | Uint8Array) => {
    err += String(s);
    return true;
  });
  try {
    await program.parseAsync(['node', 'suocha', '--db', db, '--data', DATA, ...args]);
  } finally {
    e.mockRestore();
  }
  return err;
}

describe('suocha bulletin', () => {
  it('writes the Word document, the workbook and the printable page of a month', async () => {
    const out = join(dir, 'b.docx');
    const xlsx = join(dir, 'b.xlsx');
    const html = join(dir, 'b.html');
    const said = await run('bulletin', '--month', '2025-11', '--out', out, '--xlsx', xlsx, '--html', html);
    expect(said).toContain('预览 preview');
    expect(readFileSync(out).subarray(0, 2).toString()).toBe('PK');
    expect(readFileSync(xlsx).subarray(0, 2).toString()).toBe('PK');
    expect(readFileSync(html, 'utf8')).toContain('一、三大差距主要指标');
  });

  it('publishes, then writes the same bytes again from the snapshot', async () => {
    const a = join(dir, 'a.docx');
    const b = join(dir, 'b2.docx');
    expect(await run('bulletin', '--month', '2025-10', '--out', a, '--publish', '--by', 'tester')).toContain(
      '已发布',
    );
    await run('bulletin', '--month', '2025-10', '--out', b);
    expect(readFileSync(b).equals(readFileSync(a))).toBe(true);
    await expect(run('bulletin', '--month', '2025-10', '--out', b, '--publish')).rejects.toThrow(/已发布/);
  });

  it('refuses a month without data with a clear message', async () => {
    await expect(run('bulletin', '--month', '1990-01', '--out', join(dir, 'x.docx'))).rejects.toThrow(
      UserError,
    );
    await expect(run('bulletin', '--month', '1990-01', '--out', join(dir, 'x.docx'))).rejects.toThrow(
      /没有可通报的数据/,
    );
  });
});
