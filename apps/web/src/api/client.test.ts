import { describe, expect, it } from 'vitest';
import { ApiError, NETWORK_ERROR, apiErrorFromBody } from './api-error';
import { createApiClient } from './client';
import type { FetchLike } from './client';

interface Call {
  readonly url: string;
  readonly init: RequestInit | undefined;
}

function fakeFetch(respond: (url: string) => Response | Promise<Response>): FetchLike & { calls: Call[] } {
  const calls: Call[] = [];
  const fn = async (url: string, init?: RequestInit) => {
    calls.push({ url, init });
    return respond(url);
  };
  return Object.assign(fn, { calls });
}

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

describe('createApiClient', () => {
  it('builds the documented URLs, encoding path and query parts', async () => {
    const fetch = fakeFetch(() => json(200, { items: [] }));
    const client = createApiClient(fetch, '/api');
    await client.groups();
    await client.groupMembers('mountain island/x', '2025-01-01');
    await client.unit('330327');
    await client.countiesGeo();
    expect(fetch.calls.map((c) => c.url)).toEqual([
      '/api/groups',
      '/api/groups/mountain%20island%2Fx/members?asOf=2025-01-01',
      '/api/units/330327',
      '/api/geo/counties',
    ]);
  });

  it('returns the parsed body on success', async () => {
    const body = {
      group: 'mountain_island',
      asOf: '2025-06-01',
      items: [{ code: '330127', name: '淳安县' }],
    };
    const client = createApiClient(fakeFetch(() => json(200, body)));
    await expect(client.groupMembers('mountain_island', '2025-06-01')).resolves.toEqual(body);
  });

  it("throws the server's code and message from a JSON error body", async () => {
    const client = createApiClient(
      fakeFetch(() => json(404, { error: { code: 'unit_not_found', message: '未找到区划 999999' } })),
    );
    const error = await client.unit('999999').then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 404, code: 'unit_not_found', message: '未找到区划 999999' });
  });

  it('turns a failed connection into a network_error with status 0', async () => {
    const client = createApiClient(() => Promise.reject(new TypeError('Failed to fetch')));
    await expect(client.groups()).rejects.toMatchObject({ status: 0, code: NETWORK_ERROR });
  });

  it('passes the abort signal through and rethrows aborts untouched', async () => {
    const controller = new AbortController();
    const fetch = fakeFetch(() => {
      throw new DOMException('aborted', 'AbortError');
    });
    const client = createApiClient(fetch);
    controller.abort();
    const error = await client.groups(controller.signal).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(DOMException);
    expect(error).not.toBeInstanceOf(ApiError);
    expect(fetch.calls[0]?.init?.signal).toBe(controller.signal);
  });
});

describe('index API', () => {
  it('builds the index, catalogue and progress URLs', async () => {
    const fetch = fakeFetch(() => json(200, { items: [] }));
    const client = createApiClient(fetch, '/api');
    await client.indexRuns();
    await client.indexRun(3);
    await client.countyHealth('330822', 3);
    await client.countyHealth('330822', null);
    await client.targets('330822');
    await client.progress('330822', '2026-01-15');
    await client.indicators();
    expect(fetch.calls.map((c) => c.url)).toEqual([
      '/api/index/runs',
      '/api/index/runs/3',
      '/api/index/counties/330822/health?run=3',
      '/api/index/counties/330822/health',
      '/api/targets?unit=330822',
      '/api/progress?unit=330822&asOf=2026-01-15',
      '/api/indicators',
    ]);
    expect(fetch.calls.every((c) => c.init?.method === 'GET')).toBe(true);
    expect(client.indexRunExportUrl(12)).toBe('/api/index/runs/12/export.xlsx');
  });

  it('starts a run with a JSON body and the CSRF token of the session', async () => {
    const fetch = fakeFetch((url) =>
      url.endsWith('/auth/me')
        ? json(200, { user: {}, via: 'session', csrfToken: 'csrf-9', expiresAt: null })
        : json(201, { id: 4 }),
    );
    const client = createApiClient(fetch, '/api');
    await client.me();
    await expect(
      client.startIndexRun({ of: '330000', level: 'county', period: '2025', samples: 1000 }),
    ).resolves.toEqual({ id: 4 });
    const init = fetch.calls[1]?.init;
    expect(fetch.calls[1]?.url).toBe('/api/index/runs');
    expect(init?.method).toBe('POST');
    expect(new Headers(init?.headers).get('x-csrf-token')).toBe('csrf-9');
    expect(JSON.parse(String(init?.body))).toEqual({
      of: '330000',
      level: 'county',
      period: '2025',
      samples: 1000,
    });
  });
});

describe('session handling', () => {
  const me = (csrfToken: string | null) => ({
    user: { username: 'quzhou', displayName: '衢州市', role: 'city' },
    via: 'session',
    csrfToken,
    expiresAt: null,
  });

  it('sends the CSRF token from login on state-changing requests only, and forgets it on logout', async () => {
    const fetch = fakeFetch((url) =>
      url.endsWith('/auth/login')
        ? json(200, me('csrf-1'))
        : url.endsWith('/auth/logout')
          ? new Response(null, { status: 204 })
          : json(200, { items: [] }),
    );
    const client = createApiClient(fetch, '/api');
    await client.login('quzhou', 'pw');
    const loginInit = fetch.calls[0]?.init;
    expect(loginInit?.method).toBe('POST');
    expect(JSON.parse(String(loginInit?.body))).toEqual({ username: 'quzhou', password: 'pw' });
    expect(new Headers(loginInit?.headers).get('content-type')).toBe('application/json');
    await client.groups();
    expect(new Headers(fetch.calls[1]?.init?.headers).has('x-csrf-token')).toBe(false);
    await expect(client.logout()).resolves.toBeUndefined();
    expect(new Headers(fetch.calls[2]?.init?.headers).get('x-csrf-token')).toBe('csrf-1');
    await client.logout();
    expect(new Headers(fetch.calls[3]?.init?.headers).has('x-csrf-token')).toBe(false);
  });

  it('takes the CSRF token from /auth/me too', async () => {
    const fetch = fakeFetch((url) =>
      url.endsWith('/auth/me') ? json(200, me('csrf-2')) : new Response(null, { status: 204 }),
    );
    const client = createApiClient(fetch);
    await client.me();
    await client.logout();
    expect(new Headers(fetch.calls[1]?.init?.headers).get('x-csrf-token')).toBe('csrf-2');
  });

  it('reports a 401 on an ordinary request as the end of the session, but not on login or /auth/me', async () => {
    const unauthenticated = json(401, { error: { code: 'UNAUTHENTICATED', message: '请先登录' } });
    const client = createApiClient(fakeFetch(() => unauthenticated.clone()));
    const ended: string[] = [];
    client.setOnUnauthenticated(() => ended.push('ended'));
    await expect(client.me()).rejects.toMatchObject({ status: 401 });
    await expect(client.login('x', 'y')).rejects.toMatchObject({ status: 401 });
    expect(ended).toEqual([]);
    await expect(client.groups()).rejects.toMatchObject({ status: 401, code: 'UNAUTHENTICATED' });
    expect(ended).toEqual(['ended']);
    client.setOnUnauthenticated(null);
    await expect(client.unit('330000')).rejects.toMatchObject({ status: 401 });
    expect(ended).toEqual(['ended']);
  });
});

describe('apiErrorFromBody', () => {
  it('falls back to http_<status> for non-JSON or foreign JSON bodies', () => {
    expect(apiErrorFromBody(502, 'Bad Gateway', '<html>nginx</html>')).toMatchObject({
      code: 'http_502',
      message: 'HTTP 502 Bad Gateway',
    });
    expect(apiErrorFromBody(500, '', '{"message":"boom"}')).toMatchObject({
      code: 'http_500',
      message: 'HTTP 500',
    });
    expect(apiErrorFromBody(400, 'Bad Request', '{"error":{"code":7,"message":"x"}}').code).toBe('http_400');
  });
});

describe('gaps API', () => {
  it('builds the regional query from the given fields only', async () => {
    const fetch = fakeFetch(() => json(200, {}));
    const client = createApiClient(fetch, '/api');
    await client.regionalGaps({ indicator: 'resident_income', of: '330000' });
    await client.regionalGaps({
      indicator: 'rural_income',
      of: '330000',
      level: 'county',
      group: 'mountain_island',
      asOf: '2024-12-31',
      period: '2024Q3-YTD',
      lineUnit: '100000',
    });
    await client.householdJob('a/b');
    await client.citiesGeo();
    expect(fetch.calls.map((c) => c.url)).toEqual([
      '/api/gaps/regional?indicator=resident_income&of=330000',
      '/api/gaps/regional?indicator=rural_income&of=330000&level=county&group=mountain_island&asOf=2024-12-31&period=2024Q3-YTD&lineUnit=100000',
      '/api/gaps/households/jobs/a%2Fb',
      '/api/geo/cities',
    ]);
  });

  it('sends a household file as the raw body with its type, encoded name and the CSRF token', async () => {
    const fetch = fakeFetch((url) =>
      url.endsWith('/auth/me')
        ? json(200, { user: {}, via: 'session', csrfToken: 'csrf-7', expiresAt: null })
        : json(202, { jobId: 'j1' }),
    );
    const client = createApiClient(fetch, '/api');
    await client.me();
    const file = new Blob(['id,unit_code\n'], { type: 'application/vnd.ms-excel' });
    await expect(
      client.startHouseholdJob({
        file,
        filename: '住户 2024.csv',
        contentType: 'text/csv',
        by: ['urban_rural', 'county'],
        lowLine: 15000,
      }),
    ).resolves.toEqual({ jobId: 'j1' });
    const call = fetch.calls[1];
    expect(call?.url).toBe('/api/gaps/households?by=urban_rural%2Ccounty&lowLine=15000');
    const headers = new Headers(call?.init?.headers);
    expect(call?.init?.method).toBe('POST');
    expect(headers.get('content-type')).toBe('text/csv');
    expect(headers.get('x-csrf-token')).toBe('csrf-7');
    expect(decodeURIComponent(headers.get('x-filename') ?? '')).toBe('住户 2024.csv');
    expect(call?.init?.body).toBe(file);
  });
});
