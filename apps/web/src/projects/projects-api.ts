/**
 * Client of /api/projects (issue 7 §5), kept in this folder beside the page. Like the app's client it
 * sends the session cookie, the CSRF token on writes, and turns error bodies into ApiError; `fetchFn`, the
 * token and the 401 handler are parameters so tests run it without a server.
 *
 * An import answers 200 with its report for a dry run, and 422 with `{ error, report }` when a real import
 * finds problems (nothing written): both come back as the report, which lists the problems.
 */
import type {
  DepartmentDto,
  DispatchBoardDto,
  ProjectCategoryDto,
  ProjectImportReportDto,
  ProjectPageDto,
} from '@suocha/contract';
import { ApiError, NETWORK_ERROR, apiErrorFromBody } from '../api/api-error';
import { CSRF_HEADER } from '../api/client';
import type { FetchLike } from '../api/client';
import { boardParams } from './board-url';
import type { BoardFilters } from './board-url';
import { CONTENT_TYPES } from './import-model';
import type { ImportFormat } from './import-model';

export interface ImportRequest {
  readonly body: Blob;
  readonly fileName: string;
  readonly format: ImportFormat;
  readonly month: string;
  readonly dryRun: boolean;
}

export interface ProjectsApi {
  categories(signal?: AbortSignal): Promise<readonly ProjectCategoryDto[]>;
  /** The dispatch board: roll-ups by child unit and category, red and yellow lists, reported figures. */
  board(filters: BoardFilters, listLimit: number, signal?: AbortSignal): Promise<DispatchBoardDto>;
  /** Departments (code and names): projects name their lead department by code. */
  departments(signal?: AbortSignal): Promise<readonly DepartmentDto[]>;
  project(code: string, month: string | undefined, signal?: AbortSignal): Promise<ProjectPageDto>;
  importFile(request: ImportRequest): Promise<ProjectImportReportDto>;
  /** Where the unit's template for the month is downloaded (a plain link: the session cookie travels). */
  templateUrl(unit: string, month: string): string;
}

export interface ProjectsApiOptions {
  readonly fetchFn: FetchLike;
  /** The session's CSRF token (from /auth/me), sent on writes. */
  readonly csrfToken: () => string | null;
  /** Called when the session has ended (401). */
  readonly onUnauthenticated?: () => void;
  readonly base?: string;
}

function isImportReport(value: unknown): value is { report: ProjectImportReportDto } {
  if (typeof value !== 'object' || value === null || !('report' in value)) return false;
  const report: unknown = value.report;
  return (
    typeof report === 'object' && report !== null && 'problems' in report && Array.isArray(report.problems)
  );
}

export function createProjectsApi(options: ProjectsApiOptions): ProjectsApi {
  const base = options.base ?? '/api';

  async function send(path: string, init: RequestInit): Promise<Response> {
    try {
      return await options.fetchFn(`${base}${path}`, { credentials: 'same-origin', ...init });
    } catch (error) {
      if (error instanceof DOMException && error.name === 'AbortError') throw error;
      throw new ApiError(0, NETWORK_ERROR, error instanceof Error ? error.message : String(error));
    }
  }

  async function fail(response: Response, text?: string): Promise<never> {
    if (response.status === 401) options.onUnauthenticated?.();
    throw apiErrorFromBody(response.status, response.statusText, text ?? (await response.text()));
  }

  async function get<T>(path: string, signal?: AbortSignal): Promise<T> {
    const init: RequestInit = { headers: { accept: 'application/json' } };
    if (signal !== undefined) init.signal = signal;
    const response = await send(path, init);
    if (!response.ok) return fail(response);
    // Trusting the server's shape; the contract describes it (types only in the bundle).
    return (await response.json()) as T;
  }

  const q = (p: URLSearchParams) => {
    const s = p.toString();
    return s === '' ? '' : `?${s}`;
  };

  return {
    categories: async (signal) =>
      (await get<{ items: ProjectCategoryDto[] }>('/projects/categories', signal)).items,
    board: (filters, listLimit, signal) => {
      const p = boardParams(filters);
      p.set('listLimit', String(listLimit));
      return get<DispatchBoardDto>(`/projects/board${q(p)}`, signal);
    },
    departments: async (signal) => (await get<{ items: DepartmentDto[] }>('/departments', signal)).items,
    project: (code, month, signal) => {
      const p = new URLSearchParams();
      if (month !== undefined) p.set('month', month);
      return get<ProjectPageDto>(`/projects/${encodeURIComponent(code)}${q(p)}`, signal);
    },
    importFile: async (request) => {
      const p = new URLSearchParams({
        month: request.month,
        dryRun: request.dryRun ? '1' : '0',
        format: request.format,
        name: request.fileName,
      });
      const headers: Record<string, string> = {
        accept: 'application/json',
        'content-type': CONTENT_TYPES[request.format],
      };
      const token = options.csrfToken();
      if (token !== null) headers[CSRF_HEADER] = token;
      const response = await send(`/projects/import${q(p)}`, { method: 'POST', headers, body: request.body });
      const text = await response.text();
      if (response.ok) return JSON.parse(text) as ProjectImportReportDto;
      if (response.status === 422) {
        try {
          const parsed: unknown = JSON.parse(text);
          if (isImportReport(parsed)) return parsed.report;
        } catch {
          // Not the documented body: reported as an error below.
        }
      }
      return fail(response, text);
    },
    templateUrl: (unit, month) =>
      `${base}/projects/template?${new URLSearchParams({ unit, month }).toString()}`,
  };
}
