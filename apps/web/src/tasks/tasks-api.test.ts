/** The calls of 重点工作与督办 against a recording fetch (no server). */
import { describe, expect, it } from 'vitest';
import { CSRF_HEADER } from '../api/client';
import { ApiError, NETWORK_ERROR } from '../api/api-error';
import { TasksApiError, createTasksApi, problemCode } from './tasks-api';

function recorder(answer: (url: string) => Response = () => Response.json({})) {
  const calls: { url: string; init: RequestInit | undefined }[] = [];
  let token: string | null = 'tok-9';
  const fetchFn = async (url: string, init?: RequestInit) => {
    calls.push({ url, init });
    return answer(url);
  };
  return {
    calls,
    api: createTasksApi(fetchFn, () => token, '/api'),
    setToken: (t: string | null) => (token = t),
  };
}

const headersOf = (init: RequestInit | undefined) => (init?.headers ?? {}) as Record<string, string>;

describe('tasks api', () => {
  it('asks for the documented URLs with encoded parameters', async () => {
    const { calls, api } = recorder();
    await api.tasks({});
    await api.tasks({ asOf: '2026-01-15', windowDays: 14 });
    await api.task('S000-01/01');
    await api.inbox();
    await api.orders({ open: true, role: 'issuer' });
    await api.order('12');
    await api.proposals();
    await api.departments();
    expect(calls.map((c) => c.url)).toEqual([
      '/api/tasks',
      '/api/tasks?asOf=2026-01-15&windowDays=14',
      '/api/tasks/S000-01%2F01',
      '/api/inbox',
      '/api/supervision/orders?open=true&role=issuer',
      '/api/supervision/orders/12',
      '/api/supervision/proposals',
      '/api/departments',
    ]);
    expect(calls.every((c) => c.init?.method === 'GET' && headersOf(c.init)[CSRF_HEADER] === undefined)).toBe(
      true,
    );
  });

  it('posts writes as JSON with the CSRF token read at the time of the call', async () => {
    const { calls, api, setToken } = recorder();
    await api.transition('7', { action: 'acknowledge', text: '收到' });
    setToken('tok-10');
    await api.addUpdate('S000-01-01', { date: '2026-01-15', text: '已完成', attachments: ['a.pdf'] });
    await api.issueOrder({
      title: 't',
      requirement: 'r',
      addressee: { unit: '330822' },
      dueDate: '2026-02-28',
    });
    await api.confirmProposal({ key: 'task:S000-01-01' });
    expect(calls.map((c) => [c.url, c.init?.method, headersOf(c.init)[CSRF_HEADER]])).toEqual([
      ['/api/supervision/orders/7/transitions', 'POST', 'tok-9'],
      ['/api/tasks/S000-01-01/updates', 'POST', 'tok-10'],
      ['/api/supervision/orders', 'POST', 'tok-10'],
      ['/api/supervision/proposals/confirm', 'POST', 'tok-10'],
    ]);
    expect(calls[0]?.init?.body).toBe('{"action":"acknowledge","text":"收到"}');
    expect(headersOf(calls[0]?.init)['content-type']).toBe('application/json');
  });

  it('keeps the server’s code, message and workflow problem code of a refusal', async () => {
    const body = {
      error: {
        code: 'FORBIDDEN',
        message: '只有被督办单位可以办理 (only the addressee may do this)',
        problems: [{ code: 'NOT_ADDRESSEE', message: 'x' }],
      },
    };
    const { api } = recorder(() => Response.json(body, { status: 403 }));
    const error = await api.transition('7', { action: 'acknowledge' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TasksApiError);
    expect(error).toMatchObject({ status: 403, code: 'FORBIDDEN', problem: 'NOT_ADDRESSEE' });
    expect((error as Error).message).toContain('只有被督办单位');
  });

  it('reports a network failure as such', async () => {
    const api = createTasksApi(
      async () => {
        throw new TypeError('fetch failed');
      },
      () => null,
    );
    const error = await api.inbox().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).code).toBe(NETWORK_ERROR);
  });
});

describe('an ended session', () => {
  it('is reported once per 401, and not for other refusals', async () => {
    let ended = 0;
    let status = 401;
    const api = createTasksApi(
      async () => Response.json({ error: { code: 'UNAUTHENTICATED', message: '请先登录' } }, { status }),
      () => null,
      '/api',
      () => ended++,
    );
    await expect(api.inbox()).rejects.toMatchObject({ status: 401, code: 'UNAUTHENTICATED' });
    expect(ended).toBe(1);
    status = 403;
    await expect(api.inbox()).rejects.toMatchObject({ status: 403 });
    expect(ended).toBe(1);
  });
});

describe('problemCode', () => {
  it('reads the first problem code, or null for anything else', () => {
    expect(
      problemCode('{"error":{"code":"CONFLICT","message":"m","problems":[{"code":"ILLEGAL_TRANSITION"}]}}'),
    ).toBe('ILLEGAL_TRANSITION');
    expect(problemCode('{"error":{"code":"CONFLICT","message":"m"}}')).toBeNull();
    expect(problemCode('{"error":{"problems":[]}}')).toBeNull();
    expect(problemCode('{"error":{"problems":[{"code":3}]}}')).toBeNull();
    expect(problemCode('<html>')).toBeNull();
  });
});
