import { ApiError, NETWORK_ERROR, apiErrorFromBody } from './api-error';
import type { CountyCollection, GroupList, GroupMembers, UnitDetail } from './types';

export type FetchLike = (input: string, init?: RequestInit) => Promise<Response>;

export interface ApiClient {
  groups(signal?: AbortSignal): Promise<GroupList>;
  groupMembers(groupCode: string, asOf: string, signal?: AbortSignal): Promise<GroupMembers>;
  unit(code: string, signal?: AbortSignal): Promise<UnitDetail>;
  countiesGeo(signal?: AbortSignal): Promise<CountyCollection>;
}

function isAbort(error: unknown): boolean {
  return error instanceof DOMException && error.name === 'AbortError';
}

/**
 * Typed client of the suocha HTTP API. `fetchFn` and `base` are parameters so tests can run it without a
 * server; the browser uses `window.fetch` and `/api` (same origin, proxied by Vite in development).
 */
export function createApiClient(fetchFn: FetchLike, base = '/api'): ApiClient {
  async function get<T>(path: string, signal: AbortSignal | undefined): Promise<T> {
    const init: RequestInit = { headers: { accept: 'application/json' } };
    if (signal !== undefined) init.signal = signal;
    let response: Response;
    try {
      response = await fetchFn(`${base}${path}`, init);
    } catch (error) {
      if (isAbort(error)) throw error;
      throw new ApiError(0, NETWORK_ERROR, error instanceof Error ? error.message : String(error));
    }
    if (!response.ok) throw apiErrorFromBody(response.status, response.statusText, await response.text());
    // Trusting the server's shape here; the contract package will validate it once it exists.
    return (await response.json()) as T;
  }

  const segment = encodeURIComponent;
  return {
    groups: (signal) => get<GroupList>('/groups', signal),
    groupMembers: (groupCode, asOf, signal) =>
      get<GroupMembers>(`/groups/${segment(groupCode)}/members?asOf=${segment(asOf)}`, signal),
    unit: (code, signal) => get<UnitDetail>(`/units/${segment(code)}`, signal),
    countiesGeo: (signal) => get<CountyCollection>('/geo/counties', signal),
  };
}

/** The client the app uses in the browser. */
export const api: ApiClient = createApiClient((input, init) => fetch(input, init));
