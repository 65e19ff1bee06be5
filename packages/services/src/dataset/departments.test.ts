/**
 * data/departments.csv: every row checked before anything is written; idempotent; on both engines.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listDepartments } from '@suocha/store';
import { testEngines, type OpenedStore } from '@suocha/store/testing';
import { loadDepartments } from './departments';

const SHIPPED = resolve(import.meta.dirname, '../../../../data/departments.csv');
const dir = mkdtempSync(join(tmpdir(), 'suocha-departments-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

for (const engine of testEngines()) {
  describe(`departments file on ${engine.name}`, () => {
    let opened: OpenedStore;
    beforeAll(async () => {
      opened = await engine.open();
    });
    afterAll(async () => opened.cleanup());

    it('refuses a file with problems, each located, and writes nothing', async () => {
      const bad = join(dir, 'bad.csv');
      writeFileSync(
        bad,
        'code,name_zh,name_en,source\nok,浙江省某厅,Some Department,a report\nBad Code,,x,\nok,重复,dup,r\n',
      );
      const r = await loadDepartments(opened.store, bad, '2026-01-01T00:00:00.000Z');
      expect(r.ok).toBe(false);
      if (r.ok) return;
      expect(r.problems.map((p) => `${p.line}:${p.column}`)).toEqual([
        '3:code',
        '3:name_zh',
        '3:source',
        '4:code',
      ]);
      expect(await listDepartments(opened.store)).toEqual([]);
    });

    it('loads the shipped file once; a second load adds nothing', async () => {
      const first = await loadDepartments(opened.store, SHIPPED, '2026-01-01T00:00:00.000Z');
      expect(first).toEqual({ ok: true, inserted: 8 });
      const names = new Map((await listDepartments(opened.store)).map((d) => [d.code, d.nameZh]));
      expect(names.get('nynct')).toBe('浙江省农业农村厅');
      expect(await loadDepartments(opened.store, SHIPPED, '2026-01-02T00:00:00.000Z')).toEqual({
        ok: true,
        inserted: 0,
      });
    });
  });
}
