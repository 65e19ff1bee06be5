/**
 * The engines every storage test runs on: SQLite (a temporary file) and PostgreSQL (a fresh database per
 * opened store, dropped afterwards). The PostgreSQL server URL comes from vitest's global setup.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { inject } from 'vitest';
import { openStore, type Engine, type Store } from '../db';

export interface OpenedStore {
  readonly store: Store;
  /** A URL or file path another process can open the same database with. */
  readonly location: string;
  cleanup(): Promise<void>;
}

export interface TestEngine {
  readonly name: Engine;
  open(): Promise<OpenedStore>;
}

let counter = 0;

export function testEngines(): TestEngine[] {
  const pgUrl = inject('pgUrl');
  return [
    {
      name: 'sqlite',
      async open() {
        const dir = mkdtempSync(join(tmpdir(), 'suocha-sqlite-'));
        const file = join(dir, 'test.db');
        const store = await openStore({ kind: 'sqlite', file });
        return {
          store,
          location: file,
          async cleanup() {
            await store.close();
            rmSync(dir, { recursive: true, force: true });
          },
        };
      },
    },
    {
      name: 'postgres',
      async open() {
        const name = `suocha_t_${process.pid}_${Date.now()}_${counter++}`;
        const admin = new pg.Client({ connectionString: pgUrl });
        await admin.connect();
        await admin.query(`create database ${name}`);
        await admin.end();
        const url = new URL(pgUrl);
        url.pathname = `/${name}`;
        const store = await openStore({ kind: 'postgres', url: url.toString() });
        return {
          store,
          location: url.toString(),
          async cleanup() {
            await store.close();
            const a = new pg.Client({ connectionString: pgUrl });
            await a.connect();
            await a.query(`drop database if exists ${name} with (force)`);
            await a.end();
          },
        };
      },
    },
  ];
}
