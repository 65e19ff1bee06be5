/**
 * HTTP calls of the 试点与案例 panel (contract: packages/contract/src/tasks/cases), kept in this folder:
 * JSON, same-origin session cookie, the server's error code and message kept. Reading only.
 */
import type { CaseDto, CaseSearchResponse, PilotDetailDto, PilotsResponse } from '@suocha/contract';
import { ApiError, NETWORK_ERROR, apiErrorFromBody } from '../../api/api-error';
import type { FetchLike } from '../../api/client';

export interface CaseSearchParams {
  readonly q: string;
  readonly pilot: string | null;
  readonly limit: number;
}

/** The query string of GET /api/cases for the panel's state (empty values left out). */
export function caseSearchQuery(p: CaseSearchParams): string {
  const query = new URLSearchParams();
  if (p.q.trim() !== '') query.set('q', p.q.trim());
  if (p.pilot !== null) query.set('pilot', p.pilot);
  query.set('limit', String(p.limit));
  return query.toString();
}

export interface CasesApi {
  pilots(signal?: AbortSignal): Promise<PilotsResponse>;
  pilot(code: string, signal?: AbortSignal): Promise<PilotDetailDto>;
  search(params: CaseSearchParams, signal?: AbortSignal): Promise<CaseSearchResponse>;
  getCase(id: number, signal?: AbortSignal): Promise<CaseDto>;
}

export function createCasesApi(fetchFn: FetchLike, base = '/api'): CasesApi {
  async function get<T>(path: string, signal?: AbortSignal): Promise<T> {
    const init: RequestInit = { headers: { accept: 'application/json' }, credentials: 'same-origin' };
    if (signal !== undefined) init.signal = signal;
    let response: Response;
    try {
      response = await fetchFn(`${base}${path}`, init);
    } catch (error) {
      if (error instanceof DOMException && error.name === 'AbortError') throw error;
      throw new ApiError(0, NETWORK_ERROR, error instanceof Error ? error.message : String(error));
    }
    if (!response.ok) throw apiErrorFromBody(response.status, response.statusText, await response.text());
    return (await response.json()) as T;
  }
  return {
    pilots: (signal) => get('/pilots', signal),
    pilot: (code, signal) => get(`/pilots/${encodeURIComponent(code)}`, signal),
    search: (params, signal) => get(`/cases?${caseSearchQuery(params)}`, signal),
    getCase: (id, signal) => get(`/cases/${id}`, signal),
  };
}

export const casesApi: CasesApi = createCasesApi((input, init) => fetch(input, init));
