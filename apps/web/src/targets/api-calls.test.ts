/** The client calls of 总览 and 指标与目标, against a recording fetch (no server). */
import { describe, expect, it } from 'vitest';
import { CSRF_HEADER, createApiClient } from '../api/client';

function recorder(answers: Record<string, unknown>) {
  const calls: { url: string; init: RequestInit | undefined }[] = [];
  const fetchFn = async (url: string, init?: RequestInit) => {
    calls.push({ url, init });
    const path = url.split('?')[0] ?? url;
    return new Response(JSON.stringify(answers[path] ?? {}), {
      status: 200,
      headers: { 'content-type': 'application/json' },
    });
  };
  return { calls, client: createApiClient(fetchFn, '/api') };
}

describe('progress, series, warnings, plans and target edits', () => {
  it('asks for the documented URLs with encoded parameters', async () => {
    const { calls, client } = recorder({});
    await client.plans();
    await client.targetsWhere({});
    await client.targetsWhere({ indicator: 'rural_income', unit: '330800' });
    await client.indicatorSeries('urban_rural_income_ratio', '330000');
    await client.warnings('330000', '2026-01-31');
    expect(calls.map((c) => c.url)).toEqual([
      '/api/plans',
      '/api/targets',
      '/api/targets?unit=330800&indicator=rural_income',
      '/api/indicators/urban_rural_income_ratio/series?unit=330000',
      '/api/warnings?unit=330000&asOf=2026-01-31',
    ]);
    expect(calls.every((c) => c.init?.method === 'GET')).toBe(true);
  });

  it('sends a target edit as PUT with JSON and the session’s CSRF token', async () => {
    const { calls, client } = recorder({ '/api/auth/me': { csrfToken: 'tok-1', user: {} } });
    await client.me();
    await client.updateTarget(18, { comparator: '<=', value: 1.78, year: 2027 });
    const put = calls[1];
    expect(put?.url).toBe('/api/targets/18');
    expect(put?.init?.method).toBe('PUT');
    expect(put?.init?.body).toBe('{"comparator":"<=","value":1.78,"year":2027}');
    const headers = put?.init?.headers as Record<string, string>;
    expect(headers[CSRF_HEADER]).toBe('tok-1');
    expect(headers['content-type']).toBe('application/json');
  });
});
