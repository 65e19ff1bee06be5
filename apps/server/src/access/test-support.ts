/** Helpers for server tests: log in through the API and send the session cookie and CSRF token. */
import type { MeDto } from '@suocha/contract';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { CSRF_HEADER, SESSION_COOKIE } from './plugin';

export interface TestSession {
  readonly cookie: string;
  readonly csrf: string;
  readonly me: MeDto;
  /** Headers for a request: the cookie, plus the CSRF token unless `csrf: false`. */
  headers(opts?: { csrf?: boolean }): Record<string, string>;
}

/** The value of the session cookie set by a response, if any. */
export function sessionCookieOf(res: LightMyRequestResponse): string | undefined {
  const c = res.cookies.find((x) => x.name === SESSION_COOKIE);
  return c?.value;
}

export async function loginAs(
  app: FastifyInstance,
  username: string,
  password: string,
  remoteAddress = '127.0.0.1',
): Promise<TestSession> {
  const res = await app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { username, password },
    remoteAddress,
  });
  if (res.statusCode !== 200) throw new Error(`login ${username}: ${res.statusCode} ${res.body}`);
  const value = sessionCookieOf(res);
  if (!value) throw new Error('no session cookie');
  const me = res.json<MeDto>();
  const cookie = `${SESSION_COOKIE}=${value}`;
  const csrf = me.csrfToken ?? '';
  return {
    cookie,
    csrf,
    me,
    headers: (opts = {}) => ({ cookie, ...(opts.csrf === false ? {} : { [CSRF_HEADER]: csrf }) }),
  };
}
