// The demo database script end to end on a temporary SQLite file: three synthetic runs, then a refusal
// to load into a database that holds real work.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { getIndexRunDto } from '@suocha/services';
import { insertNewObservations, openStore } from '@suocha/store';
import { makeDemoDb } from './make-demo-db';

const dir = mkdtempSync(join(tmpdir(), 'suocha-demo-db-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('make-demo-db', () => {
  it('builds runs for 2023–2025 over 模拟数据, rank change from 2024 on; refuses a database with real work', async () => {
    const db = join(dir, 'demo.db');
    const now = '2026-01-15T00:00:00.000Z';
    const out = await makeDemoDb({ db, seed: 3, samples: 50, now });
    expect(out.runs).toHaveLength(3);
    expect(out.proposals).toBeGreaterThan(0);
    const store = await openStore({ kind: 'sqlite', file: db });
    try {
      const runs = await Promise.all(out.runs.map((id) => getIndexRunDto(store, id)));
      expect(
        runs.map((r) => r.ok && [r.value.period, r.value.synthetic, r.value.rankChangeBasis.kind]),
      ).toEqual([
        ['2023', true, 'none'],
        ['2024', true, 'run'],
        ['2025', true, 'run'],
      ]);
      await insertNewObservations(
        store,
        [
          {
            indicatorCode: 'gdp',
            unitCode: '330100',
            provinceCode: '330000',
            period: '2019',
            periodEnd: '2019-12-31',
            value: 1,
            source: 'a real submission',
            note: '',
            status: 'approved',
            synthetic: false,
          },
        ],
        { by: 'city user', at: now, reason: 'submission' },
      );
    } finally {
      await store.close();
    }
    await expect(makeDemoDb({ db, seed: 3, samples: 0, now })).rejects.toThrow(/demo data refused/);
  });
});
