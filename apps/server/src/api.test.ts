/** The foundation API against the real default dataset (SQLite; storage itself is tested on both engines). */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { accessPolicy, createUser, loadDefaultDataset } from '@suocha/services';
import { openStore, type Store } from '@suocha/store';
import { loginAs, type TestSession } from './access/test-support';
import { buildServer } from './app';

const DATA = resolve(import.meta.dirname, '..', '..', '..', 'data');
let dir: string;
let store: Store;
let app: FastifyInstance;
let session: TestSession;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'suocha-api-'));
  store = await openStore({ kind: 'sqlite', file: join(dir, 'api.db') });
  await loadDefaultDataset(store, { dataDir: DATA, divisions: 'zhejiang', now: '2026-01-01T00:00:00.000Z' });
  // Reference data is readable by any logged-in user: the least privileged role, a county user, reads it.
  const access = { argon2: { memoryCost: 1024, timeCost: 1 } };
  const user = await createUser(
    store,
    {
      username: 'kaihua',
      displayName: '开化县',
      role: 'county',
      scopeUnit: '330824',
      password: 'Sanda-chaju-2026',
    },
    new Date().toISOString(),
    accessPolicy(access),
  );
  expect(user.ok).toBe(true);
  app = await buildServer({ store, dataDir: DATA, version: 'test', webDir: join(dir, 'no-web'), access });
  session = await loginAs(app, 'kaihua', 'Sanda-chaju-2026');
});
afterAll(async () => {
  await app.close();
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

const get = async (url: string) => {
  const r = await app.inject({ method: 'GET', url, headers: session.headers() });
  const body = r.json() as Record<string, unknown> & { items?: unknown[] };
  return { status: r.statusCode, body, items: body.items, headers: r.headers };
};

describe('foundation API', () => {
  it('GET /api/health', async () => {
    const r = await get('/api/health');
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ status: 'ok', engine: 'sqlite', units: 27069, synthetic: false });
  });

  it('GET /api/units/:code gives the unit with parent, children and ancestors', async () => {
    const r = await get('/api/units/330800');
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ code: '330800', name: '衢州市', level: 'city', parentCode: '330000' });
    expect((r.body.parent as { name: string }).name).toBe('浙江省');
    expect((r.body.children as { code: string }[]).map((c) => c.code)).toEqual([
      '330802',
      '330803',
      '330822',
      '330824',
      '330825',
      '330881',
    ]);
    expect((r.body.ancestors as { code: string }[]).map((c) => c.code)).toEqual(['100000', '330000']);
  });

  it('GET /api/units/:code/subtree?level=county lists the 90 current counties (and 2 abolished ones, dated)', async () => {
    const r = await get('/api/units/330000/subtree?level=county');
    expect(r.items).toHaveLength(92);
    const now = await get('/api/units/330000/subtree?level=county&asOf=2025-06-01');
    expect(now.items).toHaveLength(90);
    const towns = await get('/api/units/330824/subtree?level=town');
    expect((towns.items as { parentCode: string }[]).every((t) => t.parentCode === '330824')).toBe(true);
  });

  it('GET /api/groups/:group/members?asOf= follows the dated membership', async () => {
    const jan = await get('/api/groups/mountain_island/members?asOf=2025-01-01');
    const jun = await get('/api/groups/mountain_island/members?asOf=2025-06-01');
    expect(jan.items).toHaveLength(25);
    expect(jun.items).toHaveLength(22);
    expect((await get('/api/groups')).items).toHaveLength(2);
  });

  it('GET /api/indicators, /api/plans, /api/targets?unit=330000', async () => {
    expect((await get('/api/indicators')).items).toHaveLength(102);
    expect((await get('/api/plans')).items).toHaveLength(4);
    const t = await get('/api/targets?unit=330000');
    // targets.csv: 88 targets — 42 for the province, 42 for 衢州市 and one each for four of its counties.
    expect(t.items).toHaveLength(42);
    expect((await get('/api/targets?unit=330800')).items).toHaveLength(42);
    expect((await get('/api/targets?unit=330881')).items).toHaveLength(1);
  });

  it('answers 401 to a request without a session, except /api/health', async () => {
    for (const url of ['/api/units/330800', '/api/indicators', '/api/geo/counties', '/api/groups']) {
      const r = await app.inject({ method: 'GET', url });
      expect(r.statusCode).toBe(401);
      expect(r.json()).toEqual({ error: { code: 'UNAUTHENTICATED', message: expect.any(String) } });
    }
    expect((await app.inject({ method: 'GET', url: '/api/health' })).statusCode).toBe(200);
  });

  it('serves county boundaries as GeoJSON', async () => {
    const r = await app.inject({ method: 'GET', url: '/api/geo/counties', headers: session.headers() });
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-type']).toContain('geo+json');
    expect((r.json() as { features: unknown[] }).features).toHaveLength(90);
  });

  it('errors are JSON with a stable code and never a stack trace', async () => {
    const missing = await get('/api/units/999999');
    expect(missing.status).toBe(404);
    expect(missing.body).toEqual({
      error: { code: 'UNIT_NOT_FOUND', message: expect.stringContaining('999999') },
    });
    const bad = await get('/api/units/abc');
    expect(bad.status).toBe(400);
    expect((bad.body.error as { code: string }).code).toBe('BAD_REQUEST');
    const badDate = await get('/api/groups/mountain_island/members?asOf=2025-02-30');
    expect(badDate.status).toBe(400);
    expect((await get('/api/groups/nope/members')).status).toBe(404);
    expect((await get('/api/targets?unit=999999')).status).toBe(404);
    const route = await get('/api/nothing-here');
    expect(route.status).toBe(404);
    expect(route.body).toMatchObject({ error: { code: 'NOT_FOUND' } });
    for (const r of [missing, bad, badDate, route])
      expect(JSON.stringify(r.body)).not.toMatch(/at .*\.ts:\d+/);
  });
});
