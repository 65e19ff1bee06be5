import { ApiError, NETWORK_ERROR, apiErrorFromBody } from './api-error';
import type { CountyCollection, GroupList, GroupMembers, Me, UnitDetail } from './types';

export type FetchLike = (input: string, init?: RequestInit) => Promise<Response>;

export interface ApiClient {
  groups(signal?: AbortSignal): Promise<GroupList>;
  groupMembers(groupCode: string, asOf: string, signal?: AbortSignal): Promise<GroupMembers>;
  unit(code: string, signal?: AbortSignal): Promise<UnitDetail>;
  countiesGeo(signal?: AbortSignal): Promise<CountyCollection>;
  /** Who is logged in; a 401 here means nobody (it does not trigger `onUnauthenticated`). */
  me(signal?: AbortSignal): Promise<Me>;
  login(username: string, password: string): Promise<Me>;
  logout(): Promise<void>;
  /** Called when a request is answered 401: the session ended (expired, logged out elsewhere, revoked). */
  setOnUnauthenticated(handler: (() => void) | null): void;
}

/** Header carrying the session's CSRF token on every state-changing request. */
export const CSRF_HEADER = 'x-csrf-token';

function isAbort(error: unknown): boolean {
  return error instanceof DOMException && error.name === 'AbortError';
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

interface RequestOptions {
  readonly method?: Method;
  readonly body?: unknown;
  readonly signal?: AbortSignal | undefined;
  /** A 401 is an expected answer (login, who-am-I), not a session that ended. */
  readonly expect401?: boolean;
}

/**
 * Typed client of the suocha HTTP API. `fetchFn` and `base` are parameters so tests can run it without a
 * server; the browser uses `window.fetch` and `/api` (same origin, proxied by Vite in development). The
 * session cookie is HttpOnly and travels by itself; the client keeps the session's CSRF token (from login
 * or /auth/me) and sends it on every request that changes something.
 */
export function createApiClient(fetchFn: FetchLike, base = '/api'): ApiClient {
  let csrfToken: string | null = null;
  let onUnauthenticated: (() => void) | null = null;

  async function request<T>(path: string, options: RequestOptions = {}): Promise<T> {
    const method = options.method ?? 'GET';
    const headers: Record<string, string> = { accept: 'application/json' };
    if (method !== 'GET' && csrfToken !== null) headers[CSRF_HEADER] = csrfToken;
    const init: RequestInit = { method, headers, credentials: 'same-origin' };
    if (options.body !== undefined) {
      headers['content-type'] = 'application/json';
      init.body = JSON.stringify(options.body);
    }
    if (options.signal !== undefined) init.signal = options.signal;
    let response: Response;
    try {
      response = await fetchFn(`${base}${path}`, init);
    } catch (error) {
      if (isAbort(error)) throw error;
      throw new ApiError(0, NETWORK_ERROR, error instanceof Error ? error.message : String(error));
    }
    if (!response.ok) {
      const error = apiErrorFromBody(response.status, response.statusText, await response.text());
      if (response.status === 401 && options.expect401 !== true) {
        csrfToken = null;
        onUnauthenticated?.();
      }
      throw error;
    }
    if (response.status === 204) return undefined as T;
    // Trusting the server's shape here; the contract package describes it (types only in the bundle).
    return (await response.json()) as T;
  }

  const remember = (me: Me): Me => {
    csrfToken = me.csrfToken;
    return me;
  };

  const segment = encodeURIComponent;
  return {
    groups: (signal) => request<GroupList>('/groups', { signal }),
    groupMembers: (groupCode, asOf, signal) =>
      request<GroupMembers>(`/groups/${segment(groupCode)}/members?asOf=${segment(asOf)}`, { signal }),
    unit: (code, signal) => request<UnitDetail>(`/units/${segment(code)}`, { signal }),
    countiesGeo: (signal) => request<CountyCollection>('/geo/counties', { signal }),
    me: (signal) => request<Me>('/auth/me', { signal, expect401: true }).then(remember),
    login: (username, password) =>
      request<Me>('/auth/login', {
        method: 'POST',
        body: { username, password },
        expect401: true,
      }).then(remember),
    logout: async () => {
      try {
        await request<void>('/auth/logout', { method: 'POST', expect401: true });
      } finally {
        csrfToken = null;
      }
    },
    setOnUnauthenticated: (handler) => {
      onUnauthenticated = handler;
    },
  };
}

/** The client the app uses in the browser. */
export const api: ApiClient = createApiClient((input, init) => fetch(input, init));
