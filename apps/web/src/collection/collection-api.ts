/**
 * Client of the data-collection API (/api/collection, issue 3 §2–§6). Kept beside the page: the app's
 * shared client does not know these routes. Errors keep what the server sends beyond code and message —
 * located `problems` (422), both sides of a version `conflicts` (409), the form's state and the refused
 * import's report — so the page can place each problem next to its field.
 */
import { ApiError, NETWORK_ERROR, apiErrorFromBody } from '../api/api-error';
import { CSRF_HEADER } from '../api/client';
import type { FetchLike } from '../api/client';
import type {
  CollectionProblem,
  DataSet,
  FormChange,
  FormState,
  SavedValues,
  FormView,
  HistoryEntry,
  ImportReport,
  ReportingView,
  SaveValuesBody,
  Unit,
  ValueConflict,
  WorkflowAction,
} from './collection-types';

/** An error of the collection API with the details the server sent along. */
export class CollectionApiError extends ApiError {
  constructor(
    status: number,
    code: string,
    message: string,
    readonly problems: readonly CollectionProblem[] = [],
    readonly conflicts: readonly ValueConflict[] = [],
    readonly form: { readonly state: FormState; readonly version: number } | null = null,
    readonly report: ImportReport | null = null,
  ) {
    super(status, code, message);
  }
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;

/** The error of a failed response, with the collection details when the body carries them. */
export function collectionErrorFromBody(status: number, statusText: string, bodyText: string): ApiError {
  const base = apiErrorFromBody(status, statusText, bodyText);
  let parsed: unknown;
  try {
    parsed = JSON.parse(bodyText);
  } catch {
    return base;
  }
  if (!isRecord(parsed) || !isRecord(parsed.error)) return base;
  const e = parsed.error;
  // The server's own error type (contract CollectionErrorSchema); its shape is trusted like any answer.
  const problems = Array.isArray(e.problems) ? (e.problems as CollectionProblem[]) : [];
  const conflicts = Array.isArray(e.conflicts) ? (e.conflicts as ValueConflict[]) : [];
  const form = isRecord(e.form) ? (e.form as { state: FormState; version: number }) : null;
  const report = isRecord(parsed.report) ? (parsed.report as ImportReport) : null;
  return new CollectionApiError(status, base.code, base.message, problems, conflicts, form, report);
}

export interface ImportRequest {
  readonly file: Blob;
  readonly name: string;
  readonly dataset: string;
  readonly dryRun: boolean;
}

export interface CollectionApi {
  datasets(signal?: AbortSignal): Promise<{ readonly items: readonly DataSet[] }>;
  /** Units of one level under a unit, in force on `asOf` (GET /api/units/:code/subtree). */
  unitsUnder(code: string, level: string, asOf: string, signal?: AbortSignal): Promise<readonly Unit[]>;
  form(dataset: string, unit: string, period: string, signal?: AbortSignal): Promise<FormView>;
  saveValues(dataset: string, unit: string, period: string, body: SaveValuesBody): Promise<SavedValues>;
  act(
    dataset: string,
    unit: string,
    period: string,
    action: WorkflowAction,
    body: { readonly reason?: string; readonly formVersion?: number },
  ): Promise<FormChange>;
  history(
    query: {
      readonly dataset: string;
      readonly unit: string;
      readonly period: string;
      readonly indicator: string;
    },
    signal?: AbortSignal,
  ): Promise<{ readonly items: readonly HistoryEntry[] }>;
  reporting(
    dataset: string,
    period: string,
    unit: string | null,
    signal?: AbortSignal,
  ): Promise<ReportingView>;
  /** Sends the file as the raw body: a dry run lists the problems, a real import writes all or nothing. */
  importFile(request: ImportRequest): Promise<ImportReport>;
  /** Plain links (GET with the session cookie) for the template and the export downloads. */
  templateUrl(dataset: string, period: string, units: readonly string[]): string;
  exportUrl(dataset: string, period: string, unit: string | null, format: 'csv' | 'xlsx'): string;
}

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The content type an import is sent with, by the file's extension (null: not a .csv or .xlsx). */
export function importContentType(name: string): string | null {
  const lower = name.toLowerCase();
  if (lower.endsWith('.xlsx')) return XLSX;
  if (lower.endsWith('.csv')) return 'text/csv';
  return null;
}

type Method = 'GET' | 'POST' | 'PUT';

/**
 * `csrfToken` answers the session's token (from the signed-in user) for writes; `onUnauthenticated` is
 * called when the session has ended (401), like the app's own client does.
 */
export function createCollectionApi(
  fetchFn: FetchLike,
  csrfToken: () => string | null,
  onUnauthenticated: () => void = () => undefined,
  base = '/api',
): CollectionApi {
  async function request<T>(
    path: string,
    options: {
      readonly method?: Method;
      readonly json?: unknown;
      readonly raw?: { readonly body: Blob; readonly type: string };
      readonly signal?: AbortSignal | undefined;
    } = {},
  ): Promise<T> {
    const method = options.method ?? 'GET';
    const headers: Record<string, string> = { accept: 'application/json' };
    const token = csrfToken();
    if (method !== 'GET' && token !== null) headers[CSRF_HEADER] = token;
    const init: RequestInit = { method, headers, credentials: 'same-origin' };
    if (options.json !== undefined) {
      headers['content-type'] = 'application/json';
      init.body = JSON.stringify(options.json);
    } else if (options.raw !== undefined) {
      headers['content-type'] = options.raw.type;
      init.body = options.raw.body;
    }
    if (options.signal !== undefined) init.signal = options.signal;
    let response: Response;
    try {
      response = await fetchFn(`${base}${path}`, init);
    } catch (error) {
      if (error instanceof DOMException && error.name === 'AbortError') throw error;
      throw new ApiError(0, NETWORK_ERROR, error instanceof Error ? error.message : String(error));
    }
    if (!response.ok) {
      const error = collectionErrorFromBody(response.status, response.statusText, await response.text());
      if (response.status === 401) onUnauthenticated();
      throw error;
    }
    return (await response.json()) as T;
  }

  const s = encodeURIComponent;
  const formPath = (dataset: string, unit: string, period: string) =>
    `/collection/forms/${s(dataset)}/${s(unit)}/${s(period)}`;

  return {
    datasets: (signal) => request('/collection/datasets', { signal }),
    unitsUnder: async (code, level, asOf, signal) =>
      (
        await request<{ readonly items: readonly Unit[] }>(
          `/units/${s(code)}/subtree?level=${s(level)}&asOf=${s(asOf)}`,
          { signal },
        )
      ).items,
    form: (dataset, unit, period, signal) => request(formPath(dataset, unit, period), { signal }),
    saveValues: (dataset, unit, period, body) =>
      request(`${formPath(dataset, unit, period)}/values`, { method: 'PUT', json: body }),
    act: (dataset, unit, period, action, body) =>
      request(`${formPath(dataset, unit, period)}/${action}`, { method: 'POST', json: body }),
    history: (q, signal) =>
      request(
        `/collection/history?${new URLSearchParams({
          unit: q.unit,
          period: q.period,
          indicator: q.indicator,
          dataset: q.dataset,
        }).toString()}`,
        { signal },
      ),
    reporting: (dataset, period, unit, signal) =>
      request(`/collection/reporting/${s(dataset)}/${s(period)}${unit === null ? '' : `?unit=${s(unit)}`}`, {
        signal,
      }),
    importFile: (r) => {
      const type = importContentType(r.name) ?? 'application/octet-stream';
      const query = new URLSearchParams({ dataset: r.dataset, dryRun: r.dryRun ? '1' : '0', name: r.name });
      return request(`/collection/import?${query.toString()}`, {
        method: 'POST',
        raw: { body: r.file, type },
      });
    },
    templateUrl: (dataset, period, units) =>
      `${base}/collection/template?${new URLSearchParams({ dataset, period, unit: units.join(',') }).toString()}`,
    exportUrl: (dataset, period, unit, format) => {
      const query = new URLSearchParams({ dataset, period, format });
      if (unit !== null) query.set('unit', unit);
      return `${base}/collection/export?${query.toString()}`;
    },
  };
}
