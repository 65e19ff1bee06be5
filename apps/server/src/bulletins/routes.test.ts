/**
 * /api/bulletins on the real default dataset (SQLite), on a Fastify instance of its own: a test-only hook
 * sets the actor named by the `x-test-actor` header.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '@suocha/core';
import { BulletinListSchema, BulletinPreviewSchema } from '@suocha/contract';
import { loadDefaultDataset } from '@suocha/services';
import { openStore, type Store } from '@suocha/store';
import type { AppDeps } from '../app';
import { installErrorHandling } from '../errors';
import { bulletinsRoutes } from './routes';

const DATA = resolve(import.meta.dirname, '..', '..', '..', '..', 'data');
const NOW = '2026-01-10T00:00:00.000Z';

const actor = (
  userId: number,
  username: string,
  role: Actor['role'],
  scope: string,
  path: string,
): Actor => ({
  userId,
  username,
  role,
  scopeUnit: scope,
  scopePath: path,
  department: null,
  via: 'session',
});
const ACTORS: Record<string, Actor> = {
  admin: actor(1, 'admin', 'province_admin', '330000', '/100000/330000/'),
  analyst: actor(2, 'analyst', 'province_analyst', '330000', '/100000/330000/'),
  kaihua: actor(3, 'kaihua', 'county', '330824', '/100000/330000/330800/330824/'),
};

let dir: string;
let store: Store;
let app: FastifyInstance;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'suocha-bulletins-api-'));
  store = await openStore({ kind: 'sqlite', file: join(dir, 'api.db') });
  await loadDefaultDataset(store, { dataDir: DATA, divisions: 'zhejiang', now: NOW });
  app = Fastify();
  installErrorHandling(app);
  app.decorateRequest('actor', null);
  app.addHook('onRequest', async (req) => {
    const who = req.headers['x-test-actor'];
    req.actor = typeof who === 'string' ? (ACTORS[who] ?? null) : null;
  });
  const deps: AppDeps = { store, dataDir: DATA, version: 'test', now: () => NOW };
  bulletinsRoutes(app, deps);
  await app.ready();
}, 120_000);
afterAll(async () => {
  await app.close();
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

const request = (method: 'GET' | 'POST', url: string, who: string | null = 'analyst') =>
  app.inject({ method, url, headers: who ? { 'x-test-actor': who } : {} });

describe('/api/bulletins', () => {
  it('previews a month as JSON, not yet published', async () => {
    const r = await request('GET', '/api/bulletins/2025-11');
    expect(r.statusCode).toBe(200);
    const body = BulletinPreviewSchema.parse(r.json());
    expect(body.published).toBeNull();
    expect(body.content.sections[0]?.label).toBe('一、');
    expect(body.content.issuer).toBe('浙江省缩小三大差距工作专班办公室');
  });

  it('downloads the .docx, .xlsx and printable .html', async () => {
    const docx = await request('GET', '/api/bulletins/2025-11/docx');
    expect(docx.statusCode).toBe(200);
    expect(docx.headers['content-type']).toContain('wordprocessingml');
    expect(docx.headers['content-disposition']).toContain(
      "filename*=UTF-8''%E6%9C%88%E5%BA%A6%E9%80%9A%E6%8A%A5-2025-11.docx",
    );
    expect(docx.rawPayload.subarray(0, 2).toString()).toBe('PK');
    const xlsx = await request('GET', '/api/bulletins/2025-11/xlsx');
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
    const html = await request('GET', '/api/bulletins/2025-11/html');
    expect(html.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(html.body).toContain('<h2>一、三大差距主要指标</h2>');
    expect(html.headers['x-content-hash']).toMatch(/^[0-9a-f]{64}$/);
  });

  it('refuses bad months, months not ended, months without data and unknown formats', async () => {
    const bad = await request('GET', '/api/bulletins/2025-13');
    expect(bad.statusCode).toBe(400);
    const future = await request('GET', '/api/bulletins/2026-01');
    expect(future.statusCode).toBe(400);
    expect(future.json()).toMatchObject({ error: { problems: [{ code: 'MONTH_NOT_ENDED' }] } });
    const empty = await request('GET', '/api/bulletins/1990-01');
    expect(empty.statusCode).toBe(404);
    expect(empty.json()).toMatchObject({
      error: { code: 'NOT_FOUND', problems: [{ code: 'NO_DATA' }] },
    });
    expect(empty.json<{ error: { message: string } }>().error.message).toContain('1990年1月没有可通报的数据');
    expect((await request('GET', '/api/bulletins/2025-11/pdf')).statusCode).toBe(400);
  });

  it('is for provincial users; only administrators publish', async () => {
    expect((await request('GET', '/api/bulletins/2025-11', null)).statusCode).toBe(401);
    expect((await request('GET', '/api/bulletins/2025-11', 'kaihua')).statusCode).toBe(403);
    expect((await request('POST', '/api/bulletins/2025-11/publish', 'analyst')).statusCode).toBe(403);
    expect(BulletinListSchema.parse((await request('GET', '/api/bulletins')).json()).items).toEqual([]);
  });

  it('publishes once; afterwards the month answers its snapshot with the same bytes', async () => {
    const before = await request('GET', '/api/bulletins/2025-11/docx');
    const pub = await request('POST', '/api/bulletins/2025-11/publish', 'admin');
    expect(pub.statusCode).toBe(201);
    const published = BulletinPreviewSchema.parse(pub.json());
    expect(published.published).toMatchObject({ publishedBy: 'admin', publishedAt: NOW });
    const again = await request('POST', '/api/bulletins/2025-11/publish', 'admin');
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({
      error: { code: 'CONFLICT', problems: [{ code: 'ALREADY_PUBLISHED' }] },
    });
    const view = BulletinPreviewSchema.parse((await request('GET', '/api/bulletins/2025-11')).json());
    expect(view.contentHash).toBe(published.contentHash);
    const after = await request('GET', '/api/bulletins/2025-11/docx');
    expect(after.headers['x-content-hash']).toBe(published.contentHash);
    // Published on the day the preview was made: the same content, so the same file.
    expect(after.rawPayload.equals(before.rawPayload)).toBe(true);
    const list = BulletinListSchema.parse((await request('GET', '/api/bulletins')).json());
    expect(list.items.map((b) => b.month)).toEqual(['2025-11']);
  });
});
