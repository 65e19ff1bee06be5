/**
 * The collection API end to end over HTTP (inject) on SQLite. The actor is set by a test-only hook from
 * the `x-test-actor` header, so these tests do not depend on the login system.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Fastify, { type FastifyInstance, type InjectOptions } from 'fastify';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '@suocha/core';
import { openStore, setIndicatorDepartment, type Store } from '@suocha/store';
// The services' synthetic test world (模拟数据); test-only, so not part of the services' public surface.
import { COUNTY_DS, seedWorld } from '../../../../packages/services/src/collection/test-fixture';
import { installErrorHandling } from '../errors';
import { collectionRoutes } from './routes';

const actor = (
  username: string,
  role: Actor['role'],
  path: string,
  department: string | null = null,
): Actor => ({
  userId: 1,
  username,
  role,
  scopeUnit: path.split('/').filter(Boolean).at(-1) ?? '',
  scopePath: path,
  department,
  via: 'session',
});
const ACTORS: Record<string, Actor> = {
  admin: actor('admin', 'province_admin', '/100000/330000/'),
  analyst: actor('analyst', 'province_analyst', '/100000/330000/'),
  quzhou: actor('quzhou', 'city', '/100000/330000/330800/'),
  kaihua: actor('kaihua', 'county', '/100000/330000/330800/330824/'),
  shangcheng: actor('shangcheng', 'county', '/100000/330000/330100/330102/'),
  agri: actor('agri', 'department', '/100000/330000/', 'agri'),
};

let dir: string;
let store: Store;
let app: FastifyInstance;
let clock = '2025-12-03T02:00:00.000Z';

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'suocha-collect-api-'));
  store = await openStore({ kind: 'sqlite', file: join(dir, 'api.db') });
  await seedWorld(store);
  await setIndicatorDepartment(store, 'households', 'agri');
  app = Fastify();
  installErrorHandling(app);
  app.decorateRequest('actor', null);
  app.addHook('onRequest', async (req) => {
    const who = req.headers['x-test-actor'];
    req.actor = typeof who === 'string' ? (ACTORS[who] ?? null) : null;
  });
  collectionRoutes(app, { store, dataDir: dir, version: 'test', now: () => clock });
  await app.ready();
});
afterAll(async () => {
  await app.close();
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

const call = async (who: string | null, opts: InjectOptions) => {
  const r = await app.inject({
    ...opts,
    headers: { ...(who ? { 'x-test-actor': who } : {}), ...(opts.headers ?? {}) },
  });
  const isJson = String(r.headers['content-type'] ?? '').includes('json');
  return {
    status: r.statusCode,
    body: (isJson ? r.json() : {}) as Record<string, unknown> & {
      error?: {
        code: string;
        problems?: { code: string; column?: string; line?: number }[];
        conflicts?: unknown[];
      };
    },
    raw: r,
  };
};
const FORM = '/api/collection/forms/county_income/330824/2025-11';

describe('collection API', () => {
  it('needs an actor and checks administer for data sets', async () => {
    expect((await call(null, { method: 'GET', url: '/api/collection/datasets' })).status).toBe(401);
    const list = await call('kaihua', { method: 'GET', url: '/api/collection/datasets' });
    expect((list.body.items as { code: string }[]).map((d) => d.code)).toEqual([
      'county_income',
      'village_monthly',
    ]);
    const def = { ...COUNTY_DS, code: 'county_extra', rules: [] };
    expect(
      (await call('kaihua', { method: 'POST', url: '/api/collection/datasets', payload: def })).status,
    ).toBe(403);
    const bad = await call('admin', {
      method: 'POST',
      url: '/api/collection/datasets',
      payload: { ...def, fields: [{ indicatorCode: 'nope' }] },
    });
    expect(bad.status).toBe(422);
    expect(bad.body.error?.problems?.[0]).toMatchObject({
      code: 'UNKNOWN_INDICATOR',
      column: 'fields.0.indicatorCode',
    });
    const created = await call('admin', { method: 'POST', url: '/api/collection/datasets', payload: def });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      code: 'county_extra',
      version: 1,
      createdBy: 'admin',
      outlier: { method: 'zscore' },
    });
    expect(
      (await call('admin', { method: 'POST', url: '/api/collection/datasets', payload: def })).body.error
        ?.code,
    ).toBe('CONFLICT');
    const stale = await call('admin', {
      method: 'PUT',
      url: '/api/collection/datasets/county_extra',
      payload: { ...def, nameZh: '改', version: 2 },
    });
    expect(stale.status).toBe(409);
    const upd = await call('admin', {
      method: 'PUT',
      url: '/api/collection/datasets/county_extra',
      payload: { ...def, nameZh: '改', version: 1 },
    });
    expect(upd.body).toMatchObject({ nameZh: '改', version: 2 });
    expect(
      (await call('admin', { method: 'DELETE', url: '/api/collection/datasets/county_extra' })).status,
    ).toBe(204);
    expect(
      (await call('admin', { method: 'GET', url: '/api/collection/datasets/county_extra' })).status,
    ).toBe(404);
  });

  it('serves the form with what the actor may do, and saves with versions', async () => {
    const form = await call('kaihua', { method: 'GET', url: FORM });
    expect(form.status).toBe(200);
    expect(form.body).toMatchObject({
      state: 'draft',
      formVersion: 0,
      dueDate: '2025-12-05',
      allowed: ['save', 'submit'],
    });
    expect(
      (form.body.fields as { indicatorCode: string; editable: boolean }[]).map((f) => [
        f.indicatorCode,
        f.editable,
      ]),
    ).toEqual([
      ['urban_income', true],
      ['rural_income', true],
      ['households', true],
    ]);
    expect((await call('shangcheng', { method: 'GET', url: FORM })).status).toBe(403);
    expect((await call('analyst', { method: 'GET', url: FORM })).body.allowed).toEqual([]);
    const put = (who: string, values: unknown[], extra = {}) =>
      call(who, { method: 'PUT', url: `${FORM}/values`, payload: { values, ...extra } });
    expect((await put('analyst', [{ indicatorCode: 'urban_income', value: 1, version: 0 }])).status).toBe(
      403,
    );
    const ok = await put('kaihua', [
      { indicatorCode: 'urban_income', value: 60000, version: 0 },
      { indicatorCode: 'rural_income', value: '30,000', version: 0 },
    ]);
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ written: 2, unchanged: 0, form: { formVersion: 1 } });
    const conflict = await put('quzhou', [{ indicatorCode: 'urban_income', value: 61000, version: 0 }]);
    expect(conflict.status).toBe(409);
    expect(conflict.body.error).toMatchObject({
      code: 'CONFLICT',
      conflicts: [
        {
          indicatorCode: 'urban_income',
          stored: { value: 60000, version: 1, updatedBy: 'kaihua' },
          attempted: { value: 61000, version: 0 },
        },
      ],
    });
    const invalid = await put('kaihua', [{ indicatorCode: 'urban_income', value: 20000, version: 1 }]);
    expect(invalid.status).toBe(422);
    expect(invalid.body.error?.problems?.map((p) => p.code)).toEqual(['RULE_FAILED']);
    expect((await put('kaihua', [{ indicatorCode: 'urban_income', value: {}, version: 1 }])).status).toBe(
      400,
    );
    // A department user may enter only its department's indicators.
    expect((await put('agri', [{ indicatorCode: 'households', value: 1200, version: 0 }])).status).toBe(200);
    expect((await put('agri', [{ indicatorCode: 'urban_income', value: 60500, version: 1 }])).status).toBe(
      403,
    );
    const agriView = await call('agri', { method: 'GET', url: FORM });
    expect((agriView.body.fields as { editable: boolean }[]).map((f) => f.editable)).toEqual([
      false,
      false,
      true,
    ]);
    expect(agriView.body.allowed).toEqual(['save']);
  });

  it('runs the workflow with the right level for each step', async () => {
    const post = (who: string, action: string, payload: object = {}) =>
      call(who, { method: 'POST', url: `${FORM}/${action}`, payload });
    clock = '2025-12-05T10:00:00.000Z';
    const sub = await post('kaihua', 'submit');
    expect(sub.status).toBe(200);
    expect(sub.body.form).toMatchObject({ state: 'submitted', timeliness: 'on_time', allowed: [] });
    expect((await post('kaihua', 'approve')).status).toBe(403);
    const cityView = await call('quzhou', { method: 'GET', url: FORM });
    expect(cityView.body.allowed).toEqual(['approve', 'return']);
    expect((await post('quzhou', 'approve', { formVersion: 1 })).status).toBe(409);
    expect((await post('quzhou', 'approve')).body.form).toMatchObject({
      state: 'approved',
      approvedBy: 'quzhou',
    });
    expect((await post('quzhou', 'lock')).body.form).toMatchObject({ state: 'locked' });
    const locked = await call('kaihua', {
      method: 'PUT',
      url: `${FORM}/values`,
      payload: { values: [{ indicatorCode: 'urban_income', value: 1, version: 3 }] },
    });
    expect(locked.status).toBe(409);
    expect(locked.body.error).toMatchObject({ code: 'CONFLICT', form: { state: 'locked' } });
    expect((await post('kaihua', 'reopen', { reason: '更正' })).status).toBe(403);
    const noReason = await post('quzhou', 'reopen');
    expect(noReason.status).toBe(422);
    expect(noReason.body.error?.problems?.[0]?.code).toBe('REASON_REQUIRED');
    expect((await post('quzhou', 'reopen', { reason: '统计口径调整' })).body.form).toMatchObject({
      state: 'draft',
    });
    const hist = await call('kaihua', {
      method: 'GET',
      url: '/api/collection/history?unit=330824&period=2025-11&indicator=urban_income',
    });
    expect((hist.body.items as { newStatus: string }[]).map((h) => h.newStatus)).toEqual([
      'draft',
      'submitted',
      'approved',
      'locked',
      'draft',
    ]);
    const csv = await call('kaihua', {
      method: 'GET',
      url: '/api/collection/history?unit=330824&period=2025-11&dataset=county_income&format=csv',
    });
    expect(csv.raw.headers['content-type']).toContain('text/csv');
    expect(csv.raw.headers['content-disposition']).toContain('history_330824_2025-11.csv');
    expect(csv.raw.rawPayload.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect(csv.raw.body).toContain('统计口径调整');
  });

  it('reports who has reported, for the actor’s own scope by default', async () => {
    clock = '2025-12-20T02:00:00.000Z';
    const r = await call('quzhou', { method: 'GET', url: '/api/collection/reporting/county_income/2025-11' });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({
      root: { code: '330800' },
      dueDate: '2025-12-05',
      totals: { expected: 3, reported: 0, overdue: 3 },
    });
    const prov = await call('admin', {
      method: 'GET',
      url: '/api/collection/reporting/county_income/2025-11',
    });
    expect(
      (prov.body.byChild as { code: string; totals: { expected: number } }[]).map((c) => [
        c.code,
        c.totals.expected,
      ]),
    ).toEqual([
      ['330100', 1],
      ['330800', 3],
    ]);
    expect(
      (
        await call('kaihua', {
          method: 'GET',
          url: '/api/collection/reporting/county_income/2025-11?unit=330000',
        })
      ).status,
    ).toBe(403);
  });

  it('imports a file (dry run, refusal, success), serves templates and exports neutralised CSV', async () => {
    const body = Buffer.from(
      'unit_code,indicator,period,value,comment\n330822,urban_income,2025-11,50000,"=HYPERLINK(""http://x"")"\n330822,rural_income,2025-11,abc,\n',
    );
    const imp = (who: string, qs: string, payload: Buffer, type = 'text/csv') =>
      call(who, {
        method: 'POST',
        url: `/api/collection/import?${qs}`,
        payload,
        headers: { 'content-type': type },
      });
    const dry = await imp('quzhou', 'dataset=county_income&dryRun=1&name=月报.csv', body);
    expect(dry.status).toBe(200);
    expect(dry.body).toMatchObject({ ok: false, dryRun: true, file: '月报.csv', problemCount: 1 });
    const refused = await imp('quzhou', 'dataset=county_income', body);
    expect(refused.status).toBe(422);
    expect(refused.body.error?.problems?.[0]).toMatchObject({
      code: 'NOT_A_NUMBER',
      line: 3,
      column: 'value',
    });
    const fixed = Buffer.from(body.toString().replace('abc', '25000'));
    expect((await imp('kaihua', 'dataset=county_income', fixed)).body.error?.problems?.[0]?.code).toBe(
      'FORBIDDEN',
    );
    const ok = await imp('quzhou', 'dataset=county_income', fixed);
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ ok: true, written: true, inserted: 2 });
    expect(
      (
        await call('quzhou', {
          method: 'POST',
          url: '/api/collection/import?dataset=county_income',
          payload: { a: 1 },
        })
      ).status,
    ).toBe(400);

    const exp = await call('quzhou', {
      method: 'GET',
      url: '/api/collection/export?dataset=county_income&period=2025-11',
    });
    expect(exp.status).toBe(200);
    const text = exp.raw.rawPayload.toString('utf8');
    expect(text.charCodeAt(0)).toBe(0xfeff);
    expect(text).toContain('常山县');
    expect(text).toContain(`"'=HYPERLINK(""http://x"")"`);

    const tpl = await call('quzhou', {
      method: 'GET',
      url: '/api/collection/template?dataset=county_income&period=2025-12&under=330800',
    });
    expect(tpl.status).toBe(200);
    expect(tpl.raw.headers['content-type']).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(new Uint8Array(tpl.raw.rawPayload).buffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual([
      '填报说明',
      '330802 柯城区',
      '330822 常山县',
      '330824 开化县',
    ]);
    const ws = wb.getWorksheet('330822 常山县') as ExcelJS.Worksheet;
    ws.getRow(4).getCell(7).value = 50100;
    ws.getRow(5).getCell(7).value = 25100;
    const filled = Buffer.from(await wb.xlsx.writeBuffer());
    const x = await imp(
      'quzhou',
      'name=template.xlsx',
      filled,
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    expect(x.body).toMatchObject({
      ok: true,
      written: true,
      inserted: 2,
      format: 'xlsx',
      datasetCode: 'county_income',
    });
    expect(
      (
        await call('shangcheng', {
          method: 'GET',
          url: '/api/collection/template?dataset=county_income&period=2025-12&unit=330824',
        })
      ).status,
    ).toBe(403);
  });
});
