/** The panel's HTTP calls against a fake fetch. */
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../api/api-error';
import { caseSearchQuery, createCasesApi } from './cases-api';

describe('caseSearchQuery', () => {
  it('encodes the words, the pilot and the page size, leaving out empty values', () => {
    expect(caseSearchQuery({ q: ' 共富 5G ', pilot: null, limit: 20 })).toBe(
      'q=%E5%85%B1%E5%AF%8C+5G&limit=20',
    );
    expect(caseSearchQuery({ q: '', pilot: 'childcare-education', limit: 40 })).toBe(
      'pilot=childcare-education&limit=40',
    );
  });
});

describe('createCasesApi', () => {
  it('GETs JSON under /api and turns error bodies into ApiError with the server code', async () => {
    const calls: string[] = [];
    const api = createCasesApi(async (url) => {
      calls.push(url);
      if (url.endsWith('/cases/7'))
        return new Response(JSON.stringify({ error: { code: 'NOT_FOUND', message: '案例 7 不存在' } }), {
          status: 404,
        });
      return new Response(JSON.stringify({ items: [] }), { status: 200 });
    });
    expect(await api.pilots()).toEqual({ items: [] });
    await api.search({ q: '宅基地', pilot: null, limit: 20 });
    const e = await api.getCase(7).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(ApiError);
    expect(e).toMatchObject({ status: 404, code: 'NOT_FOUND' });
    expect(calls).toEqual([
      '/api/pilots',
      `/api/cases?q=${encodeURIComponent('宅基地')}&limit=20`,
      '/api/cases/7',
    ]);
  });
});
