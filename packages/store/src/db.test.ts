/**
 * A PostgreSQL backend that goes away (server restart, an administrator's pg_terminate_backend, a dropped
 * database) must not take the process with it: the pool reports the idle client's error and the next query
 * gets a new connection.
 */
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { openStore, storeConfigFrom } from './db';
import { testEngines } from './testing/engines';

const postgres = testEngines().find((e) => e.name === 'postgres');

describe('PostgreSQL connections lost while idle', () => {
  it('are reported to onIdleError and replaced; queries go on', async () => {
    if (!postgres) throw new Error('the PostgreSQL test engine is missing');
    const opened = await postgres.open();
    const lost: string[] = [];
    const store = await openStore(storeConfigFrom(opened.location), {
      migrate: false,
      onIdleError: (e) => lost.push(e.message),
    });
    try {
      // Two idle clients in the pool.
      await Promise.all([1, 2].map(() => store.db.selectFrom('units').select('code').execute()));
      const dbName = new URL(opened.location).pathname.slice(1);
      const admin = new pg.Client({ connectionString: opened.location });
      await admin.connect();
      const killed = await admin.query(
        'select pg_terminate_backend(pid) as ok from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()',
        [dbName],
      );
      await admin.end();
      expect(killed.rowCount).toBeGreaterThanOrEqual(2);
      // The FATAL notice reaches the idle sockets asynchronously.
      for (let i = 0; i < 100 && lost.length === 0; i++) await new Promise((r) => setTimeout(r, 20));
      expect(lost.length).toBeGreaterThan(0);
      expect(lost[0]).toMatch(/terminating connection/);
      const rows = await store.db.selectFrom('units').select('code').execute();
      expect(rows).toEqual([]);
    } finally {
      await store.close();
      await opened.cleanup();
    }
  });
});
