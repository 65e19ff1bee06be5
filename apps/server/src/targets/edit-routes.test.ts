/**
 * PUT /api/targets/:id over HTTP with real sessions: only provincial administrators, with the CSRF token;
 * comparator against the indicator's direction, numeric value, sane year, the plan's unique key; the
 * answer carries the old and new values, and progress sees the new target at once.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { ProgressReportSchema, TargetEditResultSchema, type TargetDto } from '@suocha/contract';
import { accessPolicy, createUser } from '@suocha/services';
import { insertCatalogue, insertUnits, listTargets, openStore, type Store } from '@suocha/store';
import { buildServer } from '../app';
import { loginAs, type TestSession } from '../access/test-support';
import { targetEditRoutes } from './edit-routes';
import { testUnit as unit } from '@suocha/store/testing';

const cn = unit('100000', '全国', 'country', null);
const zj = unit('330000', '浙江省', 'province', cn);
const qz = unit('330800', '衢州市', 'city', zj);

const PW = 'Sanda-chaju-2026';
const NOW = '2026-03-02T01:00:00.000Z';
const ACCESS = { argon2: { memoryCost: 1024, timeCost: 1 } };
const USERS = [
  ['admin', 'province_admin', '330000'],
  ['analyst', 'province_analyst', '330000'],
  ['quzhou', 'city', '330800'],
] as const;

const indicator = (code: string, polarity: 'up' | 'down') => ({
  code,
  nameZh: code,
  nameEn: code,
  unit: 'ratio',
  polarity,
  domain: 'test',
  definition: '',
  source: 'seed',
});
const target = (indicatorCode: string, year: number, comparator: '<=' | '>=', value: number) => ({
  indicatorCode,
  planCode: 'p',
  unitCode: '330000',
  year,
  comparator,
  value,
  baselinePeriod: null,
  baselineValue: null,
  source: 'seed §1',
});

let dir: string;
let store: Store;
let app: FastifyInstance;
const sessions: Record<string, TestSession> = {};
let ratio2027: TargetDto;
let ratio2025: TargetDto;
let income2027: TargetDto;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'suocha-target-edit-'));
  store = await openStore({ kind: 'sqlite', file: join(dir, 'edit.db') });
  await insertUnits(store, [cn, zj, qz]);
  await insertCatalogue(store, {
    indicators: [indicator('urban_rural_income_ratio', 'down'), indicator('rural_income', 'up')],
    plans: [
      { code: 'p', title: '方案', issuer: '省', issuedOn: '2025-01-01', scopeUnit: '330000', source: 's' },
    ],
    targets: [
      target('urban_rural_income_ratio', 2025, '<=', 1.82),
      target('urban_rural_income_ratio', 2027, '<=', 1.8),
      target('rural_income', 2027, '>=', 48000),
    ],
  });
  const all = await listTargets(store);
  const find = (code: string, year: number) => {
    const t = all.find((x) => x.indicatorCode === code && x.year === year);
    if (!t) throw new Error(`no target ${code} ${year}`);
    return t;
  };
  ratio2025 = find('urban_rural_income_ratio', 2025);
  ratio2027 = find('urban_rural_income_ratio', 2027);
  income2027 = find('rural_income', 2027);
  for (const [username, role, scopeUnit] of USERS) {
    const r = await createUser(
      store,
      { username, displayName: username, role, scopeUnit, password: PW },
      NOW,
      accessPolicy(ACCESS),
    );
    if (!r.ok) throw new Error(JSON.stringify(r.error));
  }
  const deps = { store, dataDir: dir, version: 'test', access: ACCESS, now: () => NOW };
  app = await buildServer(deps);
  // Until app.ts registers the route, the test registers it on the same server.
  if (!app.hasRoute({ method: 'PUT', url: '/api/targets/:id' })) targetEditRoutes(app, deps);
  for (const [username] of USERS) sessions[username] = await loginAs(app, username, PW);
});
afterAll(async () => {
  await app.close();
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

const put = async (id: number | string, payload: unknown, as: string | null = 'admin', csrf = true) => {
  const headers = as === null ? {} : (sessions[as]?.headers({ csrf }) ?? {});
  const r = await app.inject({
    method: 'PUT',
    url: `/api/targets/${id}`,
    payload: payload as object,
    headers,
  });
  return { status: r.statusCode, body: r.json<Record<string, unknown>>() };
};
const errorCode = (body: Record<string, unknown>) => (body.error as { code?: string } | undefined)?.code;

describe('PUT /api/targets/:id', () => {
  it('lets a provincial administrator change value and comparator, answering old and new values', async () => {
    const r = await put(ratio2027.id, { comparator: '<', value: 1.78, year: 2027 });
    expect(r.status).toBe(200);
    const body = TargetEditResultSchema.parse(r.body);
    expect(body.previous).toEqual(ratio2027);
    expect(body.target).toEqual({ ...ratio2027, comparator: '<', value: 1.78 });
    expect(body.change).toEqual({ by: 'admin', at: NOW, fields: ['comparator', 'value'] });
    const listed = await app.inject({
      method: 'GET',
      url: '/api/targets?unit=330000&indicator=urban_rural_income_ratio',
      headers: sessions.analyst?.headers() ?? {},
    });
    const items = listed.json<{ items: TargetDto[] }>().items;
    expect(items.find((t) => t.id === ratio2027.id)).toEqual(body.target);
  });

  it('is seen by the progress report at once (no stale cache)', async () => {
    const url = '/api/progress?unit=330000&asOf=2026-03-01';
    const headers = sessions.analyst?.headers() ?? {};
    const before = ProgressReportSchema.parse((await app.inject({ method: 'GET', url, headers })).json());
    expect(before.items.find((i) => i.targetId === income2027.id)?.targetValue).toBe(48000);
    expect((await put(income2027.id, { comparator: '>=', value: 50000, year: 2028 })).status).toBe(200);
    const after = ProgressReportSchema.parse((await app.inject({ method: 'GET', url, headers })).json());
    const row = after.items.find((i) => i.targetId === income2027.id);
    expect(row).toMatchObject({ targetValue: 50000, year: 2028, comparator: '>=' });
  });

  it('refuses analysts, city users, anonymous callers and a request without the CSRF token', async () => {
    const body = { comparator: '<=', value: 1.7, year: 2027 };
    expect((await put(ratio2027.id, body, 'analyst')).status).toBe(403);
    expect((await put(ratio2027.id, body, 'quzhou')).status).toBe(403);
    expect((await put(ratio2027.id, body, null)).status).toBe(401);
    const noCsrf = await put(ratio2027.id, body, 'admin', false);
    expect(noCsrf.status).toBe(403);
    expect(errorCode(noCsrf.body)).toBe('CSRF_REJECTED');
    expect((await listTargets(store)).find((t) => t.id === ratio2027.id)?.value).toBe(1.78);
  });

  it('checks the comparator against the indicator direction, the value and the year', async () => {
    const wrongWay = await put(ratio2027.id, { comparator: '>=', value: 1.7, year: 2027 });
    expect(wrongWay.status).toBe(400);
    expect(errorCode(wrongWay.body)).toBe('VALIDATION_FAILED');
    const wrongWayUp = await put(income2027.id, { comparator: '<=', value: 1, year: 2027 });
    expect(errorCode(wrongWayUp.body)).toBe('VALIDATION_FAILED');
    const text = await put(ratio2027.id, { comparator: '<=', value: '1.7', year: 2027 });
    expect(text.status).toBe(400);
    expect(errorCode(text.body)).toBe('BAD_REQUEST');
    expect((await put(ratio2027.id, { comparator: '<=', value: 1.7, year: 2027.5 })).status).toBe(400);
    expect((await put(ratio2027.id, { comparator: '<=', value: 1.7, year: 2101 })).status).toBe(400);
    expect((await put(ratio2027.id, { comparator: '<=', value: 1.7 })).status).toBe(400);
    const beforePlan = await put(ratio2027.id, { comparator: '<=', value: 1.7, year: 2024 });
    expect(beforePlan.status).toBe(400);
    expect(errorCode(beforePlan.body)).toBe('VALIDATION_FAILED');
    expect((await listTargets(store)).find((t) => t.id === ratio2027.id)?.year).toBe(2027);
  });

  it('answers 404 for an unknown target, 400 for a malformed id and 409 for a year the plan already sets', async () => {
    const unknown = await put(999_999, { comparator: '<=', value: 1.7, year: 2027 });
    expect(unknown.status).toBe(404);
    expect(errorCode(unknown.body)).toBe('NOT_FOUND');
    expect((await put('abc', { comparator: '<=', value: 1.7, year: 2027 })).status).toBe(400);
    const clash = await put(ratio2027.id, { comparator: '<=', value: 1.7, year: ratio2025.year });
    expect(clash.status).toBe(409);
    expect(errorCode(clash.body)).toBe('CONFLICT');
  });
});
