/**
 * /api/projects on the real default dataset (SQLite) with seeded synthetic projects, on a Fastify
 * instance of its own: a test-only hook sets the actor named by the `x-test-actor` header.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gunzipSync } from 'node:zlib';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor, Role } from '@suocha/core';
import {
  DispatchBoardSchema,
  ProjectImportReportSchema,
  ProjectListResponse,
  ProjectPageSchema,
  ProjectStatusSchema,
} from '@suocha/contract';
import { loadDefaultDataset, templateWorkbook } from '@suocha/services';
import { openStore, type Store } from '@suocha/store';
import { installErrorHandling } from '../errors';
import { projectsRoutes } from './routes';

const DATA = resolve(import.meta.dirname, '..', '..', '..', '..', 'data');
const NOW = '2025-12-05T08:00:00.000Z';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const actor = (username: string, role: Role, scopePath: string, department: string | null = null): Actor => ({
  userId: 1,
  username,
  role,
  scopeUnit: scopePath.split('/').filter(Boolean).at(-1) ?? '',
  scopePath,
  department,
  via: 'session',
});
const ACTORS: Record<string, Actor> = {
  admin: actor('admin', 'province_admin', '/100000/330000/'),
  analyst: actor('analyst', 'province_analyst', '/100000/330000/'),
  kaihua: actor('kaihua', 'county', '/100000/330000/330800/330824/'),
  jst: actor('jst', 'department', '/100000/330000/', 'jst'),
};

let dir: string;
let store: Store;
let app: FastifyInstance;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'suocha-projects-api-'));
  store = await openStore({ kind: 'sqlite', file: join(dir, 'api.db') });
  await loadDefaultDataset(store, { dataDir: DATA, divisions: 'zhejiang', now: NOW });
  app = Fastify();
  installErrorHandling(app);
  app.decorateRequest('actor', null);
  app.addHook('onRequest', async (req) => {
    const who = req.headers['x-test-actor'];
    req.actor = typeof who === 'string' ? (ACTORS[who] ?? null) : null;
  });
  projectsRoutes(app, { store, dataDir: DATA, version: 'test', now: () => NOW });
  await app.ready();
}, 120_000);
afterAll(async () => {
  await app.close();
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

const call = async (
  method: 'GET' | 'POST' | 'PUT',
  url: string,
  who: string | null,
  payload?: unknown,
  type?: string,
) => {
  const r = await app.inject({
    method,
    url,
    headers: { ...(who ? { 'x-test-actor': who } : {}), ...(type ? { 'content-type': type } : {}) },
    ...(payload === undefined ? {} : { payload: payload as string }),
  });
  return {
    status: r.statusCode,
    body: String(r.headers['content-type'] ?? '').includes('json')
      ? (r.json() as Record<string, unknown>)
      : {},
    raw: r.rawPayload,
    type: r.headers['content-type'],
  };
};

describe('projects API', () => {
  it('loads demo projects (administrators only) and shows them on the board, labelled synthetic', async () => {
    expect((await call('POST', '/api/projects/demo', 'analyst', { seed: 1, count: 10 })).status).toBe(403);
    const r = await call('POST', '/api/projects/demo', 'admin', { seed: 1, count: 300, month: '2025-11' });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ projects: 300, synthetic: true });

    const b = await call('GET', '/api/projects/board?month=2025-11', 'analyst');
    expect(b.status).toBe(200);
    const board = DispatchBoardSchema.parse(b.body);
    expect(board.total.count).toBe(300);
    expect(board.total.syntheticCount).toBe(300);
    expect(board.synthetic).toBe(true);
    expect(board.byUnit.reduce((s, u) => s + u.count, 0)).toBe(300);
    expect(board.red.every((p) => p.metrics.light === 'red')).toBe(true);
    expect(board.redTotal + board.yellowTotal).toBeGreaterThan(0);
    // The province's reported figure beside the registry's.
    const completion = board.reported.find((f) => f.indicatorCode === 'major_project_investment_completion');
    expect(completion?.value).toBe(59.1);
    expect(completion?.registryValue).toBeCloseTo((board.total.completionRate ?? 0) * 100, 9);
    expect(board.reported.find((f) => f.indicatorCode === 'gap_major_projects_count')?.value).toBe(1833);

    // A browser (Accept-Encoding: gzip) gets the same answer gzipped; the repeat is the memoised body.
    const gz = await app.inject({
      method: 'GET',
      url: '/api/projects/board?month=2025-11',
      headers: { 'x-test-actor': 'analyst', 'accept-encoding': 'gzip, deflate, br' },
    });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gz.headers.vary).toMatch(/accept-encoding/i);
    expect(gunzipSync(gz.rawPayload).equals(b.raw)).toBe(true);
    expect((await call('GET', '/api/projects/board?month=2025-11', 'analyst')).raw.equals(b.raw)).toBe(true);
  });

  it('scopes lists and boards to the county, and refuses other subtrees', async () => {
    const l = ProjectListResponse.parse(
      (await call('GET', '/api/projects?month=2025-11&limit=1000', 'kaihua')).body,
    );
    expect(l.items.every((p) => p.ownerUnit === '330824')).toBe(true);
    expect((await call('GET', '/api/projects/board?unit=330100&month=2025-11', 'kaihua')).status).toBe(403);
    const other = (await call('GET', '/api/projects?unit=330000&month=2025-11&limit=1', 'analyst')).body as {
      items: { code: string; ownerUnit: string }[];
    };
    const outside = ProjectListResponse.parse(
      (await call('GET', '/api/projects?month=2025-11&limit=1000', 'analyst')).body,
    ).items.find((p) => p.ownerUnit !== '330824');
    expect(other.items).toHaveLength(1);
    expect((await call('GET', `/api/projects/${outside?.code ?? ''}`, 'kaihua')).status).toBe(404);
    expect((await call('GET', '/api/projects', null)).status).toBe(401);
  });

  it('registers a project, plans it, takes a report and a correction as a new version, changes its stage', async () => {
    const p = {
      code: 'KH-2025-001',
      name: '开化县城污水管网提升',
      ownerUnit: '330824',
      leadDepartment: 'jst',
      category: 'county_seat',
      stage: 'reserve',
      totalInvestment: 12000,
      plannedStart: '2025-03',
      plannedCompletion: '2026-12',
    };
    expect((await call('POST', '/api/projects', 'kaihua', { ...p, ownerUnit: '330100' })).status).toBe(403);
    expect((await call('POST', '/api/projects', 'kaihua', p)).status).toBe(201);
    expect((await call('POST', '/api/projects', 'kaihua', p)).status).toBe(409);
    const plan = await call('PUT', '/api/projects/KH-2025-001/plans/2025', 'kaihua', {
      plannedInvestment: 1200,
    });
    expect(plan.status).toBe(200);
    const stage = await call('POST', '/api/projects/KH-2025-001/stage', 'kaihua', {
      to: 'under_construction',
      date: '2025-03-10',
      reason: '施工许可已办理',
    });
    expect(stage.body).toMatchObject({ stage: 'under_construction', actualStart: '2025-03' });
    const report = { month: '2025-10', completedThisMonth: 100, ytdCompleted: 700, started: true };
    expect((await call('POST', '/api/projects/KH-2025-001/reports', 'kaihua', report)).status).toBe(201);
    // A correction without a reason is refused; with one it is version 2.
    expect(
      (await call('POST', '/api/projects/KH-2025-001/reports', 'kaihua', { ...report, ytdCompleted: 720 }))
        .status,
    ).toBe(422);
    const v2 = await call('POST', '/api/projects/KH-2025-001/reports', 'kaihua', {
      ...report,
      completedThisMonth: 120,
      ytdCompleted: 720,
      reason: '统计口径更正',
    });
    expect(v2.status).toBe(201);
    expect(v2.body).toMatchObject({ report: { version: 2, current: true } });
    // YTD below last month's.
    const down = await call('POST', '/api/projects/KH-2025-001/reports', 'kaihua', {
      month: '2025-11',
      completedThisMonth: 0,
      ytdCompleted: 600,
      started: true,
    });
    expect(down.status).toBe(422);
    expect(String((down.body.error as { message: string }).message)).toContain('REPORT_YTD_DECREASED');
    expect((await call('POST', '/api/projects/KH-2025-001/reports', 'analyst', report)).status).toBe(403);

    const page = ProjectPageSchema.parse(
      (await call('GET', '/api/projects/KH-2025-001?month=2025-10', 'kaihua')).body,
    );
    expect(page.reports.map((r) => [r.version, r.current])).toEqual([
      [2, true],
      [1, false],
    ]);
    expect(page.stageHistory.map((h) => h.to)).toEqual(['under_construction']);
    // 720/1200 = 60% against 序时 10/12 = 83.3%: 23.3 points behind → yellow.
    expect(page.metrics.completionRate).toBeCloseTo(0.6, 12);
    expect(page.metrics.scheduleLight.light).toBe('yellow');
    expect(page.sCurve.plannedBasis).toBe('linear');
    expect(page.sCurve.points[9]).toEqual({
      month: '2025-10',
      plannedCumulative: 1000,
      completedCumulative: 720,
    });
    // The department sees the projects it leads, and only those.
    const dept = ProjectListResponse.parse(
      (await call('GET', '/api/projects?month=2025-10&limit=1000', 'jst')).body,
    );
    expect(dept.items.every((i) => i.leadDepartment === 'jst')).toBe(true);
    expect(dept.items.map((i) => i.code)).toContain('KH-2025-001');
  });

  it('serves the template and imports all or nothing, with located problems', async () => {
    const t = await call('GET', '/api/projects/template?unit=330824&month=2025-11', 'kaihua');
    expect(t.status).toBe(200);
    expect(t.type).toContain(XLSX);
    expect(t.raw.subarray(0, 2).toString()).toBe('PK');

    const rows = [
      {
        code: 'KH-2025-001',
        name: 'x',
        ownerUnit: '330824',
        annualPlan: 1200,
        completedThisMonth: 80,
        ytdCompleted: 800,
        started: true,
      },
      {
        code: 'NO-SUCH',
        name: 'x',
        ownerUnit: '330824',
        annualPlan: 1,
        completedThisMonth: 1,
        ytdCompleted: 1,
        started: true,
      },
      {
        code: 'KH-2025-001',
        name: 'x',
        ownerUnit: '330824',
        annualPlan: 1200,
        completedThisMonth: 80,
        ytdCompleted: 800,
        started: true,
      },
    ];
    const bad = await templateWorkbook('330824', '2025-11', rows);
    const dry = await call('POST', '/api/projects/import?month=2025-11&dryRun=1', 'kaihua', bad, XLSX);
    expect(dry.status).toBe(200);
    const report = ProjectImportReportSchema.parse(dry.body);
    expect(report.ok).toBe(false);
    expect(report.problems.map((p) => [p.code, p.sheet, p.row, p.column])).toEqual([
      ['IMPORT_DUPLICATE_ROW', '项目月报', 4, 'A'],
      ['IMPORT_UNKNOWN_PROJECT', '项目月报', 3, 'A'],
    ]);
    const real = await call('POST', '/api/projects/import?month=2025-11', 'kaihua', bad, XLSX);
    expect(real.status).toBe(422);
    const before = ProjectPageSchema.parse(
      (await call('GET', '/api/projects/KH-2025-001?month=2025-11', 'kaihua')).body,
    );
    expect(before.reports.some((r) => r.month === '2025-11')).toBe(false);

    const good = await templateWorkbook('330824', '2025-11', [rows[0] as (typeof rows)[number]]);
    const ok = ProjectImportReportSchema.parse(
      (await call('POST', '/api/projects/import?month=2025-11', 'kaihua', good, XLSX)).body,
    );
    expect(ok).toMatchObject({ ok: true, written: true, reports: 1 });
    const after = ProjectPageSchema.parse(
      (await call('GET', '/api/projects/KH-2025-001?month=2025-11', 'kaihua')).body,
    );
    expect(after.metrics.ytdCompleted).toBe(800);
  });

  it('gives the status roll-up with every project for the CLI', async () => {
    const s = ProjectStatusSchema.parse(
      (await call('GET', '/api/projects/status?of=330800&month=2025-11', 'analyst')).body,
    );
    expect(s.unit.code).toBe('330800');
    expect(s.projects).toHaveLength(s.total.count);
    expect(s.byStage.reduce((a, r) => a + r.count, 0)).toBe(s.total.count);
  });
});
