import { describe, expect, it } from 'vitest';
import { ApiError, NETWORK_ERROR } from '../api/api-error';
import type { FetchLike } from '../api/client';
import { CollectionApiError, createCollectionApi, importContentType } from './collection-api';

interface Call {
  readonly url: string;
  readonly init: RequestInit | undefined;
}

function fakeFetch(respond: (url: string) => Response): FetchLike & { calls: Call[] } {
  const calls: Call[] = [];
  const fn = async (url: string, init?: RequestInit) => {
    calls.push({ url, init });
    return respond(url);
  };
  return Object.assign(fn, { calls });
}

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

describe('createCollectionApi', () => {
  it('builds the documented URLs, encoding path and query parts', async () => {
    const fetch = fakeFetch(() => json(200, { items: [] }));
    const api = createCollectionApi(fetch, () => null);
    await api.datasets();
    await api.unitsUnder('330800', 'county', '2026-03-01');
    await api.form('county_income', '330822', '2025Q3-YTD');
    await api.history({
      dataset: 'county_income',
      unit: '330822',
      period: '2026-02',
      indicator: 'urban_income',
    });
    await api.reporting('county_income', '2026-02', null);
    await api.reporting('county_income', '2026-02', '330800');
    expect(fetch.calls.map((c) => c.url)).toEqual([
      '/api/collection/datasets',
      '/api/units/330800/subtree?level=county&asOf=2026-03-01',
      '/api/collection/forms/county_income/330822/2025Q3-YTD',
      '/api/collection/history?unit=330822&period=2026-02&indicator=urban_income&dataset=county_income',
      '/api/collection/reporting/county_income/2026-02',
      '/api/collection/reporting/county_income/2026-02?unit=330800',
    ]);
    expect(fetch.calls.every((c) => c.init?.method === 'GET')).toBe(true);
    expect(api.templateUrl('county_income', '2026-02', ['330822', '330824'])).toBe(
      '/api/collection/template?dataset=county_income&period=2026-02&unit=330822%2C330824',
    );
    expect(api.exportUrl('county_income', '2026-02', null, 'xlsx')).toBe(
      '/api/collection/export?dataset=county_income&period=2026-02&format=xlsx',
    );
    expect(api.exportUrl('county_income', '2026-02', '330800', 'csv')).toBe(
      '/api/collection/export?dataset=county_income&period=2026-02&format=csv&unit=330800',
    );
  });

  it('sends writes as JSON with the CSRF token of the session', async () => {
    const fetch = fakeFetch(() => json(200, { form: {}, warnings: [] }));
    const api = createCollectionApi(fetch, () => 'csrf-5');
    await api.saveValues('ds', '330822', '2026-02', {
      values: [{ indicatorCode: 'urban_income', value: '52,000', version: 0 }],
    });
    await api.act('ds', '330822', '2026-02', 'return', { reason: '数据有误', formVersion: 3 });
    const [save, act] = fetch.calls;
    expect(save?.url).toBe('/api/collection/forms/ds/330822/2026-02/values');
    expect(save?.init?.method).toBe('PUT');
    expect(act?.url).toBe('/api/collection/forms/ds/330822/2026-02/return');
    expect(act?.init?.method).toBe('POST');
    expect(JSON.parse(String(act?.init?.body))).toEqual({ reason: '数据有误', formVersion: 3 });
    for (const call of fetch.calls) {
      const headers = new Headers(call.init?.headers);
      expect(headers.get('x-csrf-token')).toBe('csrf-5');
      expect(headers.get('content-type')).toBe('application/json');
    }
  });

  it('sends an import as the raw file with the type of its extension', async () => {
    const fetch = fakeFetch(() => json(200, { ok: true }));
    const api = createCollectionApi(fetch, () => 'csrf-6');
    const file = new Blob(['unit_code,indicator,period,value\n']);
    await api.importFile({ file, name: '填报 2月.csv', dataset: 'ds', dryRun: true });
    await api.importFile({ file, name: 'b.XLSX', dataset: 'ds', dryRun: false });
    expect(fetch.calls[0]?.url).toBe(
      `/api/collection/import?dataset=ds&dryRun=1&name=${encodeURIComponent('填报 2月.csv').replace(/%20/g, '+')}`,
    );
    expect(fetch.calls[1]?.url).toBe('/api/collection/import?dataset=ds&dryRun=0&name=b.XLSX');
    expect(new Headers(fetch.calls[0]?.init?.headers).get('content-type')).toBe('text/csv');
    expect(new Headers(fetch.calls[1]?.init?.headers).get('content-type')).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    expect(fetch.calls[0]?.init?.body).toBe(file);
  });

  it('keeps the located problems, the conflicts, the form and the import report of an error', async () => {
    const problem = { code: 'RULE_FAILED', file: 'form', line: 0, column: 'urban_income', message: 'x' };
    const conflict = {
      indicatorCode: 'urban_income',
      stored: {
        value: 1,
        version: 2,
        status: 'draft',
        comment: '',
        updatedBy: 'b',
        updatedAt: '2026-03-01T00:00:00Z',
      },
      attempted: { value: 3, version: 1, comment: '' },
      reason: 'version',
    };
    const bodies = [
      json(422, { error: { code: 'VALIDATION_FAILED', message: '校验未通过', problems: [problem] } }),
      json(409, {
        error: {
          code: 'CONFLICT',
          message: '已被修改',
          conflicts: [conflict],
          form: { state: 'draft', version: 4 },
        },
      }),
      json(422, {
        error: { code: 'VALIDATION_FAILED', message: '导入未通过' },
        report: { ok: false, rows: 9 },
      }),
    ];
    const api = createCollectionApi(
      fakeFetch(() => bodies.shift() ?? json(500, {})),
      () => null,
    );
    const fail = (p: Promise<unknown>) =>
      p.then(
        () => null,
        (e: unknown) => e,
      );
    const invalid = await fail(api.saveValues('ds', '330822', '2026-02', { values: [] }));
    expect(invalid).toBeInstanceOf(CollectionApiError);
    expect(invalid).toMatchObject({
      status: 422,
      code: 'VALIDATION_FAILED',
      problems: [problem],
      conflicts: [],
    });
    const stale = await fail(api.saveValues('ds', '330822', '2026-02', { values: [] }));
    expect(stale).toMatchObject({ status: 409, conflicts: [conflict], form: { state: 'draft', version: 4 } });
    const refused = await fail(
      api.importFile({ file: new Blob([]), name: 'a.csv', dataset: 'ds', dryRun: false }),
    );
    expect(refused).toMatchObject({ status: 422, report: { ok: false, rows: 9 } });
  });

  it('reports a 401 as the end of the session and a failed connection as a network error', async () => {
    let ended = 0;
    const api = createCollectionApi(
      fakeFetch(() => json(401, { error: { code: 'UNAUTHENTICATED', message: '请先登录' } })),
      () => null,
      () => {
        ended += 1;
      },
    );
    await expect(api.datasets()).rejects.toMatchObject({ status: 401, code: 'UNAUTHENTICATED' });
    expect(ended).toBe(1);
    const offline = createCollectionApi(
      () => Promise.reject(new TypeError('Failed to fetch')),
      () => null,
    );
    const error = await offline.datasets().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 0, code: NETWORK_ERROR });
  });
});

describe('importContentType', () => {
  it('knows .csv and .xlsx only', () => {
    expect(importContentType('a.CSV')).toBe('text/csv');
    expect(importContentType('模板.xlsx')).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    expect(importContentType('a.xls')).toBeNull();
    expect(importContentType('csv')).toBeNull();
  });
});
