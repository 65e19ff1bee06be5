/**
 * The index API over the default dataset plus seeded demo data (模拟数据), SQLite. The actor is set by a
 * test-only hook from the `x-test-actor` header (`role:scopeUnit`); the real access plugin is tested apart.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import ExcelJS from 'exceljs';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isRole } from '@suocha/core';
import type {
  CountyHealthDto,
  IndexCompareDto,
  IndexRunDto,
  IndexRunSummaryDto,
  ProposalDto,
} from '@suocha/contract';
import { loadDefaultDataset, loadDemoData } from '@suocha/services';
import { getUnitPath, openStore, type Store } from '@suocha/store';
import { installErrorHandling } from '../errors';
import { indexRoutes } from './routes';

const DATA = resolve(import.meta.dirname, '..', '..', '..', '..', 'data');
const NOW = '2026-01-15T00:00:00.000Z';
let dir: string;
let store: Store;
let app: FastifyInstance;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'suocha-index-api-'));
  store = await openStore({ kind: 'sqlite', file: join(dir, 'api.db') });
  await loadDefaultDataset(store, { dataDir: DATA, divisions: 'zhejiang', now: NOW });
  const demo = await loadDemoData(store, { seed: 1, forceSynthetic: false, dataDir: DATA, now: NOW });
  if (!demo.ok) throw new Error(demo.error.message);
  app = Fastify();
  installErrorHandling(app);
  app.decorateRequest('actor', null);
  app.addHook('onRequest', async (req) => {
    const header = req.headers['x-test-actor'];
    if (typeof header !== 'string') return;
    const [role = '', scopeUnit = ''] = header.split(':');
    if (!isRole(role)) throw new Error(`bad test role ${role}`);
    req.actor = {
      userId: 1,
      username: `${role}@${scopeUnit}`,
      role,
      scopeUnit,
      scopePath: (await getUnitPath(store, scopeUnit)) ?? '/',
      department: null,
      via: 'session',
    };
  });
  indexRoutes(app, { store, dataDir: DATA, version: 'test', now: () => NOW });
  await app.ready();
});
afterAll(async () => {
  await app.close();
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

const ADMIN = 'province_admin:330000';
const ANALYST = 'province_analyst:330000';
const KAIHUA = 'county:330824';

async function call(method: 'GET' | 'POST', url: string, actor: string | null, body?: unknown) {
  const r = await app.inject({
    method,
    url,
    headers: actor ? { 'x-test-actor': actor } : {},
    ...(body !== undefined ? { payload: body as object } : {}),
  });
  const json = String(r.headers['content-type'] ?? '').startsWith('application/json');
  return { status: r.statusCode, body: json ? (r.json() as unknown) : null, raw: r };
}
const errorCode = (b: unknown) => (b as { error: { code: string } }).error.code;

let run2024: IndexRunDto;
let run2025: IndexRunDto;

describe('index API', () => {
  it('requires a logged-in actor and administer rights to run', async () => {
    const body = { of: '330000', period: '2025', samples: 50 };
    expect((await call('POST', '/api/index/runs', null, body)).status).toBe(401);
    const analyst = await call('POST', '/api/index/runs', ANALYST, body);
    expect(analyst.status).toBe(403);
    expect(errorCode(analyst.body)).toBe('FORBIDDEN');
    expect((await call('POST', '/api/index/runs', KAIHUA, body)).status).toBe(403);
  });

  it('validates the request and the framework, with JSON paths for framework problems', async () => {
    const bad = await call('POST', '/api/index/runs', ADMIN, { of: '330000', period: '25', samples: -1 });
    expect(bad.status).toBe(400);
    expect(errorCode(bad.body)).toBe('BAD_REQUEST');
    const unknownUnit = await call('POST', '/api/index/runs', ADMIN, { of: '999999', period: '2025' });
    expect(unknownUnit.status).toBe(404);
    const framework = {
      code: 'bad',
      aggregation: { indicators: 'arithmetic', domains: 'arithmetic' },
      domains: [
        {
          code: 'd',
          weight: 1,
          indicators: [
            { code: 'gdp_per_capita', direction: 'up', weight: -2, normalisation: { method: 'minmax' } },
            {
              code: 'made_up',
              direction: 'up',
              weight: 1,
              normalisation: { method: 'goalposts', lo: 5, hi: 1 },
            },
          ],
        },
      ],
    };
    const r = await call('POST', '/api/index/frameworks', ADMIN, framework);
    expect(r.status).toBe(400);
    const e = (
      r.body as { error: { code: string; message: string; problems: { code: string; column: string }[] } }
    ).error;
    expect(e.code).toBe('VALIDATION_FAILED');
    expect(e.problems.map((p) => `${p.code} ${p.column}`)).toEqual([
      'NEGATIVE_WEIGHT $.domains[0].indicators[0].weight',
      'INVERTED_GOALPOSTS $.domains[0].indicators[1].normalisation',
      'UNKNOWN_INDICATOR $.domains[0].indicators[1].code',
    ]);
    const inline = await call('POST', '/api/index/runs', ADMIN, {
      of: '330000',
      period: '2025',
      frameworkJson: framework,
    });
    expect(inline.status).toBe(400);
    expect(errorCode(inline.body)).toBe('VALIDATION_FAILED');
    const noData = await call('POST', '/api/index/runs', ADMIN, { of: '330000', period: '2019', samples: 0 });
    expect(noData.status).toBe(409);
    expect((noData.body as { error: { message: string } }).error.message).toContain(
      'no approved observation',
    );
  });

  it('POST /api/index/runs freezes a league table; GET reads it back identically', async () => {
    const a = await call('POST', '/api/index/runs', ADMIN, {
      of: '330000',
      period: '2024',
      samples: 100,
      seed: 1,
    });
    expect(a.status).toBe(201);
    run2024 = a.body as IndexRunDto;
    const b = await call('POST', '/api/index/runs', ADMIN, {
      of: '330000',
      period: '2025',
      samples: 100,
      seed: 1,
    });
    expect(b.status).toBe(201);
    run2025 = b.body as IndexRunDto;
    expect(run2025).toMatchObject({
      framework: { code: 'default', version: 1 },
      level: 'county',
      asOf: '2025-12-31',
      synthetic: true,
      syntheticLabel: '模拟数据 synthetic data',
      units: 90,
      previousRunId: run2024.id,
      createdBy: 'province_admin@330000',
      createdAt: NOW,
    });
    const row = run2025.rows[0]!;
    expect(row.rank).toBe(1);
    expect(Object.keys(row.domainScores)).toEqual(['qiangcheng', 'xingcun', 'ronghe', 'fumin']);
    expect(row.rankInterval).not.toBeNull();
    expect(row.weakest.length).toBeGreaterThan(0);
    expect(row).toHaveProperty('coverage');
    expect(row).toHaveProperty('groupRank');
    expect(row).toHaveProperty('parentRank');
    const again = await call('GET', `/api/index/runs/${run2025.id}`, ANALYST);
    expect(again.status).toBe(200);
    expect(again.body).toEqual(run2025);
    // A county user may not read the provincial table, but may read its own health check.
    expect((await call('GET', `/api/index/runs/${run2025.id}`, KAIHUA)).status).toBe(403);
    expect((await call('GET', '/api/index/runs/99999', ADMIN)).status).toBe(404);
  });

  it('GET /api/index/runs lists the runs an actor may read', async () => {
    const list = await call('GET', '/api/index/runs', ANALYST);
    const items = (list.body as { items: IndexRunSummaryDto[] }).items;
    expect(items.map((r) => r.id)).toEqual([run2025.id, run2024.id]);
    expect(items[0]).toMatchObject({ synthetic: true, units: 90, period: '2025' });
    const county = await call('GET', '/api/index/runs', KAIHUA);
    expect((county.body as { items: unknown[] }).items).toEqual([]);
    const filtered = await call('GET', '/api/index/runs?period=2024', ANALYST);
    expect((filtered.body as { items: IndexRunSummaryDto[] }).items.map((r) => r.id)).toEqual([run2024.id]);
  });

  it('compares two runs', async () => {
    const r = await call('GET', `/api/index/runs/${run2024.id}/compare/${run2025.id}`, ANALYST);
    expect(r.status).toBe(200);
    const cmp = r.body as IndexCompareDto;
    expect(cmp).toMatchObject({ sameFramework: true, sameData: false, synthetic: true });
    expect(cmp.units).toHaveLength(90);
    expect(cmp.inputs.added + cmp.inputs.removed).toBeGreaterThan(0);
  });

  it('exports the league table as xlsx, labelled 模拟数据', async () => {
    const r = await call('GET', `/api/index/runs/${run2025.id}/export.xlsx`, ANALYST);
    expect(r.status).toBe(200);
    expect(r.raw.headers['content-type']).toContain('spreadsheetml');
    expect(String(r.raw.headers['content-disposition'])).toContain("filename*=UTF-8''");
    expect(decodeURIComponent(String(r.raw.headers['content-disposition']))).toContain('模拟数据');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(r.raw.rawPayload as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('排名')!;
    expect(String(ws.getCell('A1').value)).toContain('模拟数据');
    expect(String(ws.getCell('A3').value)).toContain(run2025.dataFingerprint);
    expect(ws.rowCount).toBe(5 + 90);
  });

  it('county health: the county may read its own, with domains beside the medians and rank history', async () => {
    const r = await call('GET', `/api/index/counties/330824/health?run=${run2025.id}`, KAIHUA);
    expect(r.status).toBe(200);
    const h = r.body as CountyHealthDto;
    expect(h.unit).toMatchObject({
      code: '330824',
      name: '开化县',
      parentName: '衢州市',
      mountainIsland: true,
    });
    expect(h.domains.map((d) => d.nameZh)).toEqual(['强城', '兴村', '融合', '富民']);
    expect(h.indicators).toHaveLength(18);
    expect(h.rankHistory.map((x) => x.period)).toEqual(['2024', '2025']);
    expect(h.run.syntheticLabel).toBe('模拟数据 synthetic data');
    expect((await call('GET', '/api/index/counties/330102/health', KAIHUA)).status).toBe(403);
    const latest = await call('GET', '/api/index/counties/330102/health', ADMIN);
    expect((latest.body as CountyHealthDto).run.id).toBe(run2025.id);
  });

  it('frameworks: list, and a new version on change', async () => {
    const list = await call('GET', '/api/index/frameworks', KAIHUA);
    const items = (list.body as { items: { code: string; version: number }[] }).items;
    expect(items.map((f) => `${f.code}@${f.version}`)).toEqual(['default@1']);
    const changed = { ...(items[0] as unknown as { framework: object }).framework, coverageThreshold: 0.5 };
    expect((await call('POST', '/api/index/frameworks', KAIHUA, changed)).status).toBe(403);
    const created = await call('POST', '/api/index/frameworks', ADMIN, changed);
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ created: true, framework: { code: 'default', version: 2 } });
    const same = await call('POST', '/api/index/frameworks', ADMIN, changed);
    expect(same.status).toBe(200);
    expect(same.body).toMatchObject({ created: false, framework: { version: 2 } });
    const run = await call('POST', '/api/index/runs', ADMIN, {
      of: '330000',
      period: '2025',
      framework: 'default',
      frameworkVersion: 2,
      samples: 0,
    });
    expect(run.body).toMatchObject({ framework: { version: 2 }, coverageThreshold: 0.5 });
  });

  it('classification: propose, list, and refuse to accept synthetic evidence; reject is recorded', async () => {
    const rules = await call('GET', '/api/index/classification/rules', ANALYST);
    expect((rules.body as { items: { code: string }[] }).items.map((r) => r.code)).toEqual([
      'mi_leave_income_at_province',
      'mi_enter_income_below_target',
      'mi_leave_index_above_others',
      'mi_enter_index_below_members',
    ]);
    const r = await call('POST', '/api/index/classification/proposals', ADMIN, {
      of: '330000',
      period: '2025',
      asOf: '2026-01-01',
      runId: run2025.id,
    });
    expect(r.status).toBe(200);
    const created = (r.body as { created: ProposalDto[] }).created;
    expect(created.length).toBeGreaterThan(0);
    expect(created.every((p) => p.synthetic && p.syntheticLabel === '模拟数据 synthetic data')).toBe(true);
    expect(new Set(created.map((p) => p.rule)).size).toBeGreaterThan(1);
    const list = await call('GET', '/api/index/classification/proposals?status=proposed', ANALYST);
    expect((list.body as { items: ProposalDto[] }).items.length).toBe(created.length);
    const first = created[0]!;
    expect(
      (
        await call('POST', `/api/index/classification/proposals/${first.id}/accept`, ANALYST, {
          effectiveDate: '2026-02-01',
        })
      ).status,
    ).toBe(403);
    const refused = await call('POST', `/api/index/classification/proposals/${first.id}/accept`, ADMIN, {
      effectiveDate: '2026-02-01',
    });
    expect(refused.status).toBe(409);
    const noDate = await call('POST', `/api/index/classification/proposals/${first.id}/accept`, ADMIN, {});
    expect(noDate.status).toBe(400);
    const rejected = await call('POST', `/api/index/classification/proposals/${first.id}/reject`, ADMIN, {
      note: '模拟数据,不采纳',
    });
    expect(rejected.status).toBe(200);
    expect(rejected.body).toMatchObject({
      status: 'rejected',
      decidedBy: 'province_admin@330000',
      decidedAt: NOW,
    });
    expect((await call('POST', '/api/index/classification/proposals/99999/reject', ADMIN, {})).status).toBe(
      404,
    );
  });
});
