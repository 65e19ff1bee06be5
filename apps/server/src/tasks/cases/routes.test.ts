/**
 * /api/pilots and /api/cases over HTTP with real sessions: reading for every logged-in user, writing for
 * the province and the case's own unit subtree (with the CSRF token), empty text refused with nothing
 * written, search with highlights, version conflicts.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import {
  ApiErrorSchema,
  CaseSchema,
  CaseSearchResponseSchema,
  PilotDetailSchema,
  PilotsResponseSchema,
} from '@suocha/contract';
import { accessPolicy, createUser } from '@suocha/services';
import { insertUnits, openStore, type Store } from '@suocha/store';
import { buildServer } from '../../app';
import { loginAs, type TestSession } from '../../access/test-support';
import { testUnit as unit } from '@suocha/store/testing';

const DATA = resolve(import.meta.dirname, '..', '..', '..', '..', '..', 'data');

const cn = unit('100000', '全国', 'country', null);
const zj = unit('330000', '浙江省', 'province', cn);
const qz = unit('330800', '衢州市', 'city', zj);
const hz = unit('330100', '杭州市', 'city', zj);
const UNITS = [
  cn,
  zj,
  qz,
  hz,
  unit('330824', '开化县', 'county', qz),
  unit('330881', '江山市', 'county', qz),
  unit('330822', '常山县', 'county', qz),
];

const PW = 'Sanda-chaju-2026';
const NOW = '2026-03-02T01:00:00.000Z';
const ACCESS = { argon2: { memoryCost: 1024, timeCost: 1 } };
const USERS = [
  ['admin', 'province_admin', '330000'],
  ['analyst', 'province_analyst', '330000'],
  ['quzhou', 'city', '330800'],
  ['kaihua', 'county', '330824'],
  ['hangzhou', 'city', '330100'],
] as const;

let dir: string;
let store: Store;
let app: FastifyInstance;
const s: Record<string, TestSession> = {};

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'suocha-cases-api-'));
  store = await openStore({ kind: 'sqlite', file: join(dir, 'cases.db') });
  await insertUnits(store, UNITS);
  for (const [username, role, scopeUnit] of USERS) {
    const r = await createUser(
      store,
      { username, displayName: username, role, scopeUnit, password: PW },
      NOW,
      accessPolicy(ACCESS),
    );
    if (!r.ok) throw new Error(JSON.stringify(r.error));
  }
  app = await buildServer({
    store,
    dataDir: DATA,
    version: 'test',
    access: ACCESS,
    now: () => NOW,
  });
  for (const [username] of USERS) s[username] = await loginAs(app, username, PW);
});
afterAll(async () => {
  await app.close();
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

const who = (name: string): TestSession => {
  const session = s[name];
  if (!session) throw new Error(`no session ${name}`);
  return session;
};
const get = (url: string, user = 'analyst') =>
  app.inject({ method: 'GET', url, headers: who(user).headers() });
const send = (method: 'POST' | 'PUT', url: string, payload: object, user: string, csrf = true) =>
  app.inject({ method, url, payload, headers: who(user).headers({ csrf }) });

const CASE = {
  title: '开化县共富工坊带动农户增收',
  unitCode: '330824',
  tags: ['共富工坊', '扩中提低'],
  summary: '家门口就业，按件计酬。',
  body: '共富工坊引入来料加工，5G直播带货，农户月增收。',
  source: '测试文本 (test text)',
};

describe('cases API', () => {
  it('loads data/pilots.csv for a provincial administrator only', async () => {
    expect((await send('POST', '/api/pilots/load', {}, 'quzhou')).statusCode).toBe(403);
    expect((await get('/api/pilots')).json()).toEqual({ items: [] });
    const r = await send('POST', '/api/pilots/load', {}, 'admin');
    expect(r.statusCode).toBe(200);
    expect(r.json()).toEqual({ loaded: 7 });
  });

  it('lists the pilots and answers 401 without a session', async () => {
    const r = await get('/api/pilots');
    expect(r.statusCode).toBe(200);
    const body = PilotsResponseSchema.parse(r.json());
    expect(body.items.map((p) => p.code)).toContain('childcare-education');
    expect((await app.inject({ method: 'GET', url: '/api/pilots' })).statusCode).toBe(401);
    expect((await app.inject({ method: 'GET', url: '/api/cases?q=共富' })).statusCode).toBe(401);
    expect((await get('/api/pilots/nope')).statusCode).toBe(404);
  });

  it('lets a county write in its own subtree, and refuses other units, analysts and missing CSRF tokens', async () => {
    const created = await send('POST', '/api/cases', { ...CASE, pilotCode: 'childcare-education' }, 'kaihua');
    expect(created.statusCode).toBe(201);
    const c = CaseSchema.parse(created.json());
    expect(c).toMatchObject({ unitName: '开化县', createdBy: 'kaihua', version: 1, createdAt: NOW });

    expect((await send('POST', '/api/cases', { ...CASE, unitCode: '330881' }, 'kaihua')).statusCode).toBe(
      403,
    );
    expect((await send('POST', '/api/cases', CASE, 'hangzhou')).statusCode).toBe(403);
    expect((await send('POST', '/api/cases', CASE, 'analyst')).statusCode).toBe(403);
    expect((await send('POST', '/api/cases', CASE, 'kaihua', false)).statusCode).toBe(403);
    expect((await send('POST', '/api/cases', { ...CASE, unitCode: '330881' }, 'quzhou')).statusCode).toBe(
      201,
    );
    expect((await send('POST', '/api/cases', { ...CASE, unitCode: '330100' }, 'admin')).statusCode).toBe(201);

    // Everyone logged in reads, whatever their scope.
    const read = await get(`/api/cases/${c.id}`, 'hangzhou');
    expect(CaseSchema.parse(read.json()).body).toBe(CASE.body);
    const detail = PilotDetailSchema.parse((await get('/api/pilots/childcare-education', 'hangzhou')).json());
    expect(detail.cases.map((x) => x.id)).toEqual([c.id]);
    expect(detail.pilot.caseCount).toBe(1);
  });

  it('refuses an empty text with a clear message and writes nothing', async () => {
    const before = CaseSearchResponseSchema.parse((await get('/api/cases')).json()).total;
    const r = await send('POST', '/api/cases', { ...CASE, body: '  ' }, 'admin');
    expect(r.statusCode).toBe(422);
    const e = ApiErrorSchema.parse(r.json());
    expect(e.error.code).toBe('VALIDATION_FAILED');
    expect(e.error.message).toMatch(/正文不能为空.*full text must not be empty/);
    expect(CaseSearchResponseSchema.parse((await get('/api/cases')).json()).total).toBe(before);
    expect((await send('POST', '/api/cases', { ...CASE, title: 3 }, 'admin')).statusCode).toBe(400);
    expect((await send('POST', '/api/cases', { ...CASE, unitCode: '339999' }, 'admin')).statusCode).toBe(404);
  });

  it('searches with highlights, 2-character terms and filters', async () => {
    const r = CaseSearchResponseSchema.parse(
      (await get(`/api/cases?q=${encodeURIComponent('共富 5g')}&unit=330800`)).json(),
    );
    expect(r.terms).toEqual(['共富', '5g']);
    expect(r.total).toBe(2);
    expect(r.items[0]?.highlights.title).toEqual([[3, 5]]);
    expect(r.items[0]?.highlights.snippet).toEqual([
      [0, 2],
      [11, 13],
    ]);
    const none = CaseSearchResponseSchema.parse(
      (await get(`/api/cases?q=${encodeURIComponent('不存在')}`)).json(),
    );
    expect(none).toMatchObject({ total: 0, items: [] });
    const tagged = CaseSearchResponseSchema.parse(
      (await get(`/api/cases?tag=${encodeURIComponent('扩中提低')}&limit=1`)).json(),
    );
    expect(tagged).toMatchObject({ total: 3, limit: 1 });
    expect(tagged.items).toHaveLength(1);
    expect((await get('/api/cases?limit=0')).statusCode).toBe(400);
  });

  it('updates with the version it read: scope checked on old and new unit, stale versions refused', async () => {
    const list = CaseSearchResponseSchema.parse((await get('/api/cases?unit=330824')).json());
    const id = list.items[0]?.id ?? 0;
    const edit = { ...CASE, body: '新的正文：村集体增收。', version: 1 };
    expect((await send('PUT', `/api/cases/${id}`, edit, 'hangzhou')).statusCode).toBe(403);
    expect(
      (await send('PUT', `/api/cases/${id}`, { ...edit, unitCode: '330100' }, 'kaihua')).statusCode,
    ).toBe(403);
    const ok = await send('PUT', `/api/cases/${id}`, edit, 'quzhou');
    expect(ok.statusCode).toBe(200);
    expect(CaseSchema.parse(ok.json())).toMatchObject({ version: 2, updatedBy: 'quzhou', pilotCode: null });
    expect((await send('PUT', `/api/cases/${id}`, edit, 'kaihua')).statusCode).toBe(409);
    expect((await send('PUT', '/api/cases/99999', edit, 'admin')).statusCode).toBe(404);
    const found = CaseSearchResponseSchema.parse(
      (await get(`/api/cases?q=${encodeURIComponent('集体增收')}`)).json(),
    );
    expect(found.items.map((x) => x.id)).toEqual([id]);
  });
});
