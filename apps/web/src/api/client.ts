import { ApiError, NETWORK_ERROR, apiErrorFromBody } from './api-error';
import type {
  CountyCollection,
  CountyHealth,
  GroupList,
  GroupMembers,
  IndexRun,
  IndexRunList,
  IndexRunStart,
  IndicatorList,
  IndicatorSeries,
  Me,
  PlanList,
  ProgressReport,
  TargetEdit,
  TargetEditResult,
  TargetList,
  UnitDetail,
  WarningsReport,
} from './types';
import type {
  CityCollection,
  HouseholdJob,
  HouseholdUpload,
  RegionalGaps,
  RegionalGapsParams,
} from './types';

export type FetchLike = (input: string, init?: RequestInit) => Promise<Response>;

export interface ApiClient {
  groups(signal?: AbortSignal): Promise<GroupList>;
  groupMembers(groupCode: string, asOf: string, signal?: AbortSignal): Promise<GroupMembers>;
  unit(code: string, signal?: AbortSignal): Promise<UnitDetail>;
  countiesGeo(signal?: AbortSignal): Promise<CountyCollection>;
  indicators(signal?: AbortSignal): Promise<IndicatorList>;
  targets(unitCode: string, signal?: AbortSignal): Promise<TargetList>;
  progress(unitCode: string, asOf: string, signal?: AbortSignal): Promise<ProgressReport>;
  plans(signal?: AbortSignal): Promise<PlanList>;
  /** GET /api/targets with any of its filters (none: every target of the catalogue). */
  targetsWhere(
    filter: { readonly unit?: string; readonly indicator?: string; readonly plan?: string },
    signal?: AbortSignal,
  ): Promise<TargetList>;
  /** An indicator's values for a unit, oldest first, with sources, lineage and the unit's targets. */
  indicatorSeries(code: string, unitCode: string, signal?: AbortSignal): Promise<IndicatorSeries>;
  /** Warnings of a unit's subtree: open at `asOf`, raised and closed since the start of its month. */
  warnings(unitCode: string, asOf: string, signal?: AbortSignal): Promise<WarningsReport>;
  /** Changes a target's comparator, value and year (provincial administrators). */
  updateTarget(id: number, body: TargetEdit): Promise<TargetEditResult>;
  /** Frozen index runs the user may read, newest first. */
  indexRuns(signal?: AbortSignal): Promise<IndexRunList>;
  indexRun(id: number, signal?: AbortSignal): Promise<IndexRun>;
  /** Computes and freezes a run (province administrators); answers the run with its league table. */
  startIndexRun(body: IndexRunStart): Promise<IndexRun>;
  /** A county's health check from run `runId`, or from the latest run that includes it. */
  countyHealth(code: string, runId: number | null, signal?: AbortSignal): Promise<CountyHealth>;
  /** Where the xlsx league table of a run is downloaded (a plain link: the session cookie travels). */
  indexRunExportUrl(id: number): string;
  /** 三大差距: regional measures over the units under `params.of` (GET /api/gaps/regional). */
  regionalGaps(params: RegionalGapsParams, signal?: AbortSignal): Promise<RegionalGaps>;
  /** City boundaries (GeoJSON, same shape as the counties'). */
  citiesGeo(signal?: AbortSignal): Promise<CityCollection>;
  /** Sends a household file as the raw body; the analysis runs as a job (answer: its id, at once). */
  startHouseholdJob(upload: HouseholdUpload): Promise<{ readonly jobId: string }>;
  householdJob(id: string, signal?: AbortSignal): Promise<HouseholdJob>;
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
  /** A file sent as it is (not JSON), with its content type and extra headers. */
  readonly raw?: {
    readonly body: Blob;
    readonly contentType: string;
    readonly headers?: Readonly<Record<string, string>>;
  };
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
    } else if (options.raw !== undefined) {
      Object.assign(headers, options.raw.headers, { 'content-type': options.raw.contentType });
      init.body = options.raw.body;
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
    indicators: (signal) => request<IndicatorList>('/indicators', { signal }),
    targets: (unitCode, signal) => request<TargetList>(`/targets?unit=${segment(unitCode)}`, { signal }),
    progress: (unitCode, asOf, signal) =>
      request<ProgressReport>(`/progress?unit=${segment(unitCode)}&asOf=${segment(asOf)}`, { signal }),
    plans: (signal) => request<PlanList>('/plans', { signal }),
    targetsWhere: (filter, signal) => {
      const query = new URLSearchParams();
      if (filter.unit !== undefined) query.set('unit', filter.unit);
      if (filter.indicator !== undefined) query.set('indicator', filter.indicator);
      if (filter.plan !== undefined) query.set('plan', filter.plan);
      const search = query.toString();
      return request<TargetList>(`/targets${search === '' ? '' : `?${search}`}`, { signal });
    },
    indicatorSeries: (code, unitCode, signal) =>
      request<IndicatorSeries>(`/indicators/${segment(code)}/series?unit=${segment(unitCode)}`, { signal }),
    warnings: (unitCode, asOf, signal) =>
      request<WarningsReport>(`/warnings?unit=${segment(unitCode)}&asOf=${segment(asOf)}`, { signal }),
    updateTarget: (id, body) => request<TargetEditResult>(`/targets/${id}`, { method: 'PUT', body }),
    indexRuns: (signal) => request<IndexRunList>('/index/runs', { signal }),
    indexRun: (id, signal) => request<IndexRun>(`/index/runs/${id}`, { signal }),
    startIndexRun: (body) => request<IndexRun>('/index/runs', { method: 'POST', body }),
    countyHealth: (code, runId, signal) =>
      request<CountyHealth>(
        `/index/counties/${segment(code)}/health${runId === null ? '' : `?run=${runId}`}`,
        { signal },
      ),
    indexRunExportUrl: (id) => `${base}/index/runs/${id}/export.xlsx`,
    regionalGaps: (params, signal) => {
      const query = new URLSearchParams();
      for (const [key, value] of Object.entries(params))
        if (typeof value === 'string' && value !== '') query.set(key, value);
      return request<RegionalGaps>(`/gaps/regional?${query.toString()}`, { signal });
    },
    citiesGeo: (signal) => request<CityCollection>('/geo/cities', { signal }),
    startHouseholdJob: (upload) => {
      const query = new URLSearchParams();
      if (upload.by !== undefined && upload.by.length > 0) query.set('by', upload.by.join(','));
      if (upload.lowLine !== undefined) query.set('lowLine', String(upload.lowLine));
      const search = query.toString();
      return request<{ readonly jobId: string }>(`/gaps/households${search === '' ? '' : `?${search}`}`, {
        method: 'POST',
        // The name travels URL-encoded in a header: the server takes the file type from its extension.
        raw: {
          body: upload.file,
          contentType: upload.contentType,
          headers: { 'x-filename': encodeURIComponent(upload.filename) },
        },
      });
    },
    householdJob: (id, signal) => request<HouseholdJob>(`/gaps/households/jobs/${segment(id)}`, { signal }),
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
