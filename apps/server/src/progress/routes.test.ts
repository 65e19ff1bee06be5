/**
 * GET /api/progress, /api/warnings and /api/indicators/:code/series on the real default dataset (SQLite),
 * on a Fastify instance of their own: a test-only hook sets the actor named by the `x-test-actor` header.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gunzipSync } from 'node:zlib';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '@suocha/core';
import { ProgressReportSchema, WarningsReportSchema, IndicatorSeriesSchema } from '@suocha/contract';
import { loadDefaultDataset, recordObservation } from '@suocha/services';
import { openStore, type Store } from '@suocha/store';
import { installErrorHandling } from '../errors';
import { progressRoutes } from './routes';

const DATA = resolve(import.meta.dirname, '..', '..', '..', '..', 'data');
const NOW = '2026-01-01T00:00:00.000Z';

const ACTORS: Record<string, Actor> = {
  analyst: {
    userId: 1,
    username: 'analyst',
    role: 'province_analyst',
    scopeUnit: '330000',
    scopePath: '/100000/330000/',
    department: null,
    via: 'session',
  },
  kaihua: {
    userId: 2,
    username: 'kaihua',
    role: 'county',
    scopeUnit: '330824',
    scopePath: '/100000/330000/330800/330824/',
    department: null,
    via: 'session',
  },
};

let dir: string;
let store: Store;
let app: FastifyInstance;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'suocha-progress-api-'));
  store = await openStore({ kind: 'sqlite', file: join(dir, 'api.db') });
  await loadDefaultDataset(store, { dataDir: DATA, divisions: 'zhejiang', now: NOW });
  app = Fastify();
  installErrorHandling(app);
  app.decorateRequest('actor', null);
  app.addHook('onRequest', async (req) => {
    const who = req.headers['x-test-actor'];
    req.actor = typeof who === 'string' ? (ACTORS[who] ?? null) : null;
  });
  progressRoutes(app, { store, now: () => NOW });
  await app.ready();
});
afterAll(async () => {
  await app.close();
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

const get = async (url: string, actor: string | null = 'analyst') => {
  const r = await app.inject({ method: 'GET', url, headers: actor ? { 'x-test-actor': actor } : {} });
  return { status: r.statusCode, body: r.json() as Record<string, unknown>, type: r.headers['content-type'] };
};

describe('progress API', () => {
  it('GET /api/progress?unit=330000&asOf=2025-12-31: one row per target, as the contract says', async () => {
    const r = await get('/api/progress?unit=330000&asOf=2025-12-31');
    expect(r.status).toBe(200);
    expect(r.type).toContain('application/json');
    const report = ProgressReportSchema.parse(r.body);
    expect(report.items).toHaveLength(42);
    expect(report.counts).toMatchObject({ achieved: 5, no_data: 28 });
    const ratio = report.items.find(
      (i) =>
        i.indicator.code === 'urban_rural_income_ratio' &&
        i.plan.code === 'zj-2025-sancha' &&
        i.year === 2027,
    );
    // The row the issue lists: indicator, plan, year, comparator, target value, latest value and period,
    // expected value, status, projected value, required annual change — and the annual-series status.
    expect(ratio).toMatchObject({
      comparator: '<=',
      targetValue: 1.8,
      status: 'achieved',
      latest: { period: '2025Q3-YTD', value: 1.73 },
      requiredAnnualChange: null,
      annual: { status: 'on_track', latest: { period: '2024' } },
      evidence: '/api/indicators/urban_rural_income_ratio/series?unit=330000',
    });
    expect(ratio?.expected).toBeCloseTo(1.819906847203726, 12);
    expect(ratio?.annual?.ratio).toBeCloseTo(1.4191155287737984, 12);
    expect(ratio?.annual?.projected).toBeCloseTo(1.7363501663907295, 12);
    // 衢州市's 42 targets, judged for the city's counties: the four county targets of targets.csv.
    const counties = ProgressReportSchema.parse(
      (await get('/api/progress?unit=330800&asOf=2025-12-31&level=county')).body,
    );
    expect(counties.items).toHaveLength(4);
    expect(counties.items.every((i) => i.status === 'no_data' && i.reason === 'NO_OBSERVATIONS')).toBe(true);
    const alt = ProgressReportSchema.parse(
      (await get('/api/progress?unit=330000&asOf=2026-01-01&alternatives=true')).body,
    );
    expect(
      alt.items.find((i) => i.indicator.code === 'urban_rural_income_ratio' && i.year === 2027)?.alternatives,
    ).toMatchObject({
      unsd: { status: 'achieved' },
      weather: { status: 'sun' },
    });
  });

  it('sends the cached report gzip-compressed to a client that accepts it', async () => {
    const plain = await app.inject({
      method: 'GET',
      url: '/api/progress?unit=330000&asOf=2025-12-31',
      headers: { 'x-test-actor': 'analyst' },
    });
    const gz = await app.inject({
      method: 'GET',
      url: '/api/progress?unit=330000&asOf=2025-12-31',
      headers: { 'x-test-actor': 'analyst', 'accept-encoding': 'gzip, deflate' },
    });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(gz.rawPayload.length).toBeLessThan(plain.rawPayload.length / 4);
    expect(JSON.parse(gunzipSync(gz.rawPayload).toString('utf8'))).toEqual(plain.json());
  });

  it('answers 401 without an actor, 403 outside the scope, 404 for an unknown unit, 400 for a bad date', async () => {
    expect((await get('/api/progress?unit=330000&asOf=2025-12-31', null)).status).toBe(401);
    const outside = await get('/api/progress?unit=330000&asOf=2025-12-31', 'kaihua');
    expect(outside.status).toBe(403);
    expect(outside.body).toMatchObject({ error: { code: 'FORBIDDEN' } });
    expect((await get('/api/progress?unit=330824&asOf=2025-12-31', 'kaihua')).status).toBe(200);
    expect((await get('/api/progress?unit=999999&asOf=2025-12-31')).body).toMatchObject({
      error: { code: 'UNIT_NOT_FOUND' },
    });
    const bad = await get('/api/progress?unit=330000&asOf=2025-02-30');
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({ error: { code: 'BAD_REQUEST' } });
    expect((await get('/api/progress?asOf=2025-12-31')).status).toBe(400);
    expect((await get('/api/indicators/nope/series?unit=330000')).body).toMatchObject({
      error: { code: 'INDICATOR_NOT_FOUND' },
    });
  });

  it('GET /api/warnings?asOf=…: raised with their date; a county sees its own subtree', async () => {
    const r = await get('/api/warnings?asOf=2025-12-31');
    expect(r.status).toBe(200);
    const w = WarningsReportSchema.parse(r.body);
    expect(w.unit.code).toBe('330000');
    expect(w.since).toBe('2025-12-01');
    expect(w.open.map((x) => [x.rule, x.indicatorCode, x.planCode, x.raisedOn])).toEqual([
      ['target_missed', 'sewage_integration_villages_new', 'zj-2025-workplan', '2025-12-31'],
      ['target_missed', 'urbanization_rate', 'zj-2025-sancha', '2025-12-31'],
    ]);
    const county = WarningsReportSchema.parse((await get('/api/warnings?asOf=2025-12-31', 'kaihua')).body);
    expect(county.unit.code).toBe('330824');
    expect(county.open).toEqual([]);
    expect((await get('/api/warnings?asOf=2025-12-31&unit=330000', 'kaihua')).status).toBe(403);
  });

  it('GET /api/indicators/:code/series gives sources and lineage; a new value shows up in progress at once', async () => {
    const s = IndicatorSeriesSchema.parse(
      (await get('/api/indicators/urban_rural_income_ratio/series?unit=330000')).body,
    );
    const y2024 = s.items.find((p) => p.period === '2024');
    expect(y2024?.derived?.inputs.map((i) => [i.indicatorCode, i.value])).toEqual([
      ['urban_income', 78251],
      ['rural_income', 42786],
    ]);
    expect(s.targets.map((t) => [t.planCode, t.year, t.value])).toEqual([
      ['zj-2025-sancha', 2025, 1.82],
      ['zj-2023-qianwan', 2027, 1.85],
      ['zj-2025-sancha', 2027, 1.8],
    ]);
    // 2025 annual incomes arrive (test values): the derived 2025 ratio is 80000/45000 = 1.7777778, the latest
    // value is now annual, so the annual series is the one judged — the 2025 target ≤ 1.82 is met on it.
    await recordObservation(
      store,
      { indicatorCode: 'urban_income', unitCode: '330000', period: '2025', value: 80000, source: 'test' },
      { by: 't', now: NOW },
    );
    await recordObservation(
      store,
      { indicatorCode: 'rural_income', unitCode: '330000', period: '2025', value: 45000, source: 'test' },
      { by: 't', now: NOW },
    );
    const after = ProgressReportSchema.parse((await get('/api/progress?unit=330000&asOf=2026-01-01')).body);
    const t2025 = after.items.find((i) => i.indicator.code === 'urban_rural_income_ratio' && i.year === 2025);
    expect(t2025).toMatchObject({ status: 'achieved', seasonality: 'year', annual: null, caveats: [] });
    expect(t2025?.latest?.value).toBeCloseTo(80000 / 45000, 14);
  });
});
