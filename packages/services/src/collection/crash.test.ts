/**
 * kill -9 in the middle of a 100,000-value import leaves the database with all of it or none, on SQLite
 * and PostgreSQL: a child process imports while reporting its progress from inside the transaction; the
 * parent SIGKILLs it half-way, then opens the database and counts. A second child runs to the end.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore, storeConfigFrom, type Store } from '@suocha/store';
import { testEngines, type OpenedStore } from '@suocha/store/testing';
import { seedWorld, VILLAGE_DS, villageCsv } from './test-fixture';

const ROOT = resolve(import.meta.dirname, '..', '..', '..', '..');
const CHILD = resolve(import.meta.dirname, 'crash-child.ts');
const VILLAGES = 50_000;
const VALUES = 2 * VILLAGES;

interface ChildEnd {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly lines: string[];
  readonly stderr: string;
}

/** Runs the child; `killAt(line)` says whether to SIGKILL it on seeing that line of its output. */
function runChild(args: string[], killAt: (line: string) => boolean): Promise<ChildEnd> {
  return new Promise((done) => {
    // One process (tsx as a loader, not its CLI, which would run the script in a grandchild).
    const child = spawn(process.execPath, ['--import', 'tsx', CHILD, ...args], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const lines: string[] = [];
    let stderr = '';
    let buf = '';
    child.stdout.on('data', (d: Buffer) => {
      buf += d.toString();
      let i: number;
      while ((i = buf.indexOf('\n')) >= 0) {
        const line = buf.slice(0, i);
        buf = buf.slice(i + 1);
        lines.push(line);
        if (killAt(line)) child.kill('SIGKILL');
      }
    });
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('close', (code, signal) => done({ code, signal, lines, stderr }));
  });
}

async function countDataset(location: string): Promise<{ values: number; history: number; forms: number }> {
  const s: Store = await openStore(storeConfigFrom(location));
  try {
    const n = async (t: 'observations' | 'collection_forms') =>
      Number(
        (
          await s.db
            .selectFrom(t)
            .select((e) => e.fn.countAll<number>().as('n'))
            .where('dataset_code', '=', VILLAGE_DS.code)
            .executeTakeFirstOrThrow()
        ).n,
      );
    const h = await s.db
      .selectFrom('observation_history')
      .select((e) => e.fn.countAll<number>().as('n'))
      .where('changed_by', '=', 'crash-child')
      .executeTakeFirstOrThrow();
    if (s.raw.sqlite) expect(s.raw.sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
    return { values: await n('observations'), history: Number(h.n), forms: await n('collection_forms') };
  } finally {
    await s.close();
  }
}

for (const engine of testEngines()) {
  describe(`kill -9 during an import on ${engine.name}`, () => {
    let opened: OpenedStore;
    let dir: string;
    let file: string;
    beforeAll(async () => {
      opened = await engine.open();
      await seedWorld(opened.store, { villages: VILLAGES });
      dir = mkdtempSync(join(tmpdir(), 'suocha-crash-'));
      file = join(dir, 'villages.csv');
      writeFileSync(file, villageCsv(VILLAGES, '2025-11'));
      // The child opens its own connection: let go of ours on SQLite so nothing else holds the file.
      if (engine.name === 'sqlite') await opened.store.close();
    });
    afterAll(async () => {
      if (engine.name === 'sqlite')
        rmSync(opened.location.replace(/test\.db$/, ''), { recursive: true, force: true });
      else await opened.cleanup();
      rmSync(dir, { recursive: true, force: true });
    });

    it(
      'killed half-way: none of the 100,000 values, then run to the end: all of them',
      { timeout: 240_000 },
      async () => {
        const killed = await runChild([opened.location, file, VILLAGE_DS.code, '--slow'], (line) => {
          const m = /^WRITE (\d+) (\d+)$/.exec(line);
          return m !== null && Number(m[1]) >= Number(m[2]) / 2;
        });
        expect(killed.signal, killed.stderr).toBe('SIGKILL');
        expect(killed.lines.some((l) => l.startsWith('DONE'))).toBe(false);
        // It was inside the transaction, with rows written, when it died.
        const progress = killed.lines
          .filter((l) => l.startsWith('WRITE'))
          .map((l) => Number(l.split(' ')[1]));
        expect(Math.max(...progress)).toBeGreaterThanOrEqual(VALUES / 2);
        expect(Math.max(...progress)).toBeLessThan(VALUES);
        expect(await countDataset(opened.location)).toEqual({ values: 0, history: 0, forms: 0 });

        const full = await runChild([opened.location, file, VILLAGE_DS.code], () => false);
        expect(full.code, full.stderr).toBe(0);
        expect(full.lines.at(-1)).toContain('"written":true');
        expect(await countDataset(opened.location)).toEqual({
          values: VALUES,
          history: VALUES,
          forms: VILLAGES,
        });
      },
    );
  });
}
