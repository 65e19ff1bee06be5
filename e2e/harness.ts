/**
 * Browser-test harness: the real server on a free loopback port with a temporary SQLite database loaded
 * with the default dataset and one administrator (E2E_ADMIN), and headless Debian Chromium driven by
 * playwright-core.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { buildServer } from '@suocha/server';
import { accessPolicy, createUser, loadDefaultDataset } from '@suocha/services';
import { openStore } from '@suocha/store';

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

export async function startApp(): Promise<RunningApp> {
  const dir = mkdtempSync(join(tmpdir(), 'suocha-e2e-'));
  const store = await openStore({ kind: 'sqlite', file: join(dir, 'e2e.db') });
  const dataDir = join(ROOT, 'data');
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
