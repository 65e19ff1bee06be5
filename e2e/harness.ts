/**
 * Browser-test harness: the real server on a free loopback port with a temporary SQLite database loaded
 * with the default dataset and one administrator (E2E_ADMIN), and headless Debian Chromium driven by
 * playwright-core. With `demo`, the database is a demo database built by the demo generator
 * (scripts/demo/make-demo-db.ts: seeded 模拟数据 county values and frozen index runs 2023–2025), in its
 * own temporary file like every e2e database, never mixed with real data.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { buildServer } from '@suocha/server';
import { accessPolicy, createUser, loadDefaultDataset } from '@suocha/services';
import { openStore } from '@suocha/store';
import { makeDemoDb } from '../scripts/demo/make-demo-db';

const ROOT = resolve(import.meta.dirname, '..');

/** The administrator every browser test logs in as (created by the harness; test-only password). */
export const E2E_ADMIN = {
  username: 'e2e-admin',
  password: 'E2e-Sanda-chaju-2026',
  displayName: '省专班测试管理员',
} as const;

export interface RunningApp {
  readonly url: string;
  close(): Promise<void>;
}

export interface StartOptions {
  /**
   * Build the database with the demo generator first: synthetic county values of this seed and frozen
   * runs for 2023–2025 with this many Monte Carlo samples each (keep it small: setup time).
   */
  readonly demo?: { readonly seed: number; readonly samples: number };
}

/** When the demo database is built: fixed, so that run dates in screenshots do not change. */
export const DEMO_BUILT_AT = '2026-01-15T02:00:00.000Z';

export async function startApp(options: StartOptions = {}): Promise<RunningApp> {
  const dir = mkdtempSync(join(tmpdir(), 'suocha-e2e-'));
  const file = join(dir, 'e2e.db');
  const dataDir = join(ROOT, 'data');
  if (options.demo !== undefined)
    await makeDemoDb({ db: file, dataDir, now: DEMO_BUILT_AT, ...options.demo });
  const store = await openStore({ kind: 'sqlite', file });
  // The demo generator loaded the default dataset already (loading it again would change nothing).
  if (options.demo === undefined)
    await loadDefaultDataset(store, { dataDir, divisions: 'zhejiang', now: '2026-01-01T00:00:00.000Z' });
  const admin = await createUser(
    store,
    {
      username: E2E_ADMIN.username,
      displayName: E2E_ADMIN.displayName,
      role: 'province_admin',
      scopeUnit: '330000',
      password: E2E_ADMIN.password,
    },
    new Date().toISOString(),
    accessPolicy(),
  );
  if (!admin.ok) throw new Error(`e2e admin: ${admin.error.message}`);
  const app = await buildServer({
    store,
    dataDir,
    version: 'e2e',
    webDir: join(ROOT, 'apps', 'web', 'dist'),
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const addr = app.server.address();
  const port = typeof addr === 'object' && addr ? addr.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    async close() {
      await app.close();
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export const CHROMIUM_PATH = '/usr/bin/chromium';

export async function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

export const SCREENSHOT_DIR = join(ROOT, 'test-results');
