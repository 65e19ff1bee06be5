import { describe, expect, it } from 'vitest';
import type { ProjectImportReportDto } from '@suocha/contract';
import { ApiError } from '../api/api-error';
import type { FetchLike } from '../api/client';
import { createProjectsApi } from './projects-api';

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

const REPORT: ProjectImportReportDto = {
  ok: false,
  dryRun: false,
  written: false,
  file: 'f.xlsx',
  format: 'xlsx',
  month: '2025-11',
  rows: 2,
  reports: 0,
  newVersions: 0,
  unchanged: 0,
  problems: [
    {
      code: 'IMPORT_UNKNOWN_PROJECT',
      sheet: '月报',
      row: 3,
      column: 'A',
      columnName: '项目代码',
      projectCode: 'NOPE',
      message: '未知项目代码 NOPE',
    },
  ],
  problemCount: 1,
  timings: { read: 1, check: 1, write: 0 },
};

describe('createProjectsApi', () => {
  it('builds the documented URLs from the filters', async () => {
    const fetch = fakeFetch(() => json(200, { items: [] }));
    const api = createProjectsApi({ fetchFn: fetch, csrfToken: () => null });
    await api.board({ unit: '330800', light: 'red', month: '2025-11' }, 20);
    await api.departments();
    await api.project('ZJ-2025/1', '2025-11');
    await api.categories();
    expect(fetch.calls.map((c) => c.url)).toEqual([
      '/api/projects/board?unit=330800&light=red&month=2025-11&listLimit=20',
      '/api/departments',
      '/api/projects/ZJ-2025%2F1?month=2025-11',
      '/api/projects/categories',
    ]);
    expect(api.templateUrl('330824', '2025-11')).toBe('/api/projects/template?unit=330824&month=2025-11');
  });

  it('sends an import as the raw body with its content type, the CSRF token and the dry-run flag', async () => {
    const fetch = fakeFetch(() => json(200, { ...REPORT, dryRun: true }));
    const api = createProjectsApi({ fetchFn: fetch, csrfToken: () => 'tok' });
    const body = new Blob(['code,name\n']);
    const report = await api.importFile({
      body,
      fileName: '月报.csv',
      format: 'csv',
      month: '2025-11',
      dryRun: true,
    });
    expect(report.dryRun).toBe(true);
    const call = fetch.calls[0];
    expect(call?.url).toBe(
      `/api/projects/import?month=2025-11&dryRun=1&format=csv&name=${encodeURIComponent('月报.csv')}`,
    );
    expect(call?.init?.method).toBe('POST');
    expect(call?.init?.body).toBe(body);
    expect(call?.init?.headers).toMatchObject({ 'content-type': 'text/csv', 'x-csrf-token': 'tok' });
  });

  it('returns the report of a refused import (422 with problems) rather than throwing', async () => {
    const api = createProjectsApi({
      fetchFn: fakeFetch(() =>
        json(422, { error: { code: 'VALIDATION_FAILED', message: '导入失败' }, report: REPORT }),
      ),
      csrfToken: () => 'tok',
    });
    const report = await api.importFile({
      body: new Blob(['x']),
      fileName: 'f.xlsx',
      format: 'xlsx',
      month: '2025-11',
      dryRun: false,
    });
    expect(report.written).toBe(false);
    expect(report.problems[0]?.code).toBe('IMPORT_UNKNOWN_PROJECT');
  });

  it('throws the server’s error otherwise, and reports a 401 as the end of the session', async () => {
    let ended = 0;
    const api = createProjectsApi({
      fetchFn: fakeFetch((url) =>
        url.includes('board')
          ? json(401, { error: { code: 'UNAUTHENTICATED', message: '请登录' } })
          : json(404, { error: { code: 'PROJECT_NOT_FOUND', message: '未找到项目' } }),
      ),
      csrfToken: () => null,
      onUnauthenticated: () => ended++,
    });
    await expect(api.project('X', undefined)).rejects.toMatchObject({
      status: 404,
      code: 'PROJECT_NOT_FOUND',
    });
    await expect(api.board({}, 10)).rejects.toBeInstanceOf(ApiError);
    expect(ended).toBe(1);
  });

  it('turns a failed connection into a network error', async () => {
    const api = createProjectsApi({
      fetchFn: () => Promise.reject(new TypeError('Failed to fetch')),
      csrfToken: () => null,
    });
    await expect(api.categories()).rejects.toMatchObject({ status: 0, code: 'network_error' });
  });
});
