/**
 * HTTP calls of 重点工作与督办 (contract: packages/contract/src/tasks, packages/contract/src/supervision).
 * Kept in this folder so the module owns its calls; it follows the shared client (`api/client.ts`): JSON,
 * same-origin session cookie, the session's CSRF token on every write, the server's error code and
 * message kept. Refusals of the 督办 workflow carry their domain code (NOT_ADDRESSEE, ILLEGAL_TRANSITION …)
 * in `error.problems[0].code`; it is kept as `problem` so the page can explain it.
 */
import type {
  ConfirmProposalInputDto,
  DepartmentDto,
  InboxResponseDto,
  IssueOrderInputDto,
  OrderDetailDto,
  OrderListResponseDto,
  OrderQueryDto,
  ProposalListResponseDto,
  TaskDetailDto,
  TaskListResponseDto,
  TaskUpdateDto,
  TransitionInputDto,
} from '@suocha/contract';
import { ApiError, NETWORK_ERROR, apiErrorFromBody } from '../api/api-error';
import { CSRF_HEADER, type FetchLike } from '../api/client';

/** An API refusal with the workflow's own code when the server gave one. */
export class TasksApiError extends ApiError {
  constructor(
    status: number,
    code: string,
    message: string,
    readonly problem: string | null,
  ) {
    super(status, code, message);
  }
}

/** The first problem code of an error body (`error.problems[0].code`), or null. */
export function problemCode(bodyText: string): string | null {
  try {
    const parsed: unknown = JSON.parse(bodyText);
    if (typeof parsed !== 'object' || parsed === null || !('error' in parsed)) return null;
    const error: unknown = parsed.error;
    if (typeof error !== 'object' || error === null || !('problems' in error)) return null;
    const problems: unknown = error.problems;
    if (!Array.isArray(problems)) return null;
    const first: unknown = problems[0];
    if (typeof first !== 'object' || first === null || !('code' in first)) return null;
    return typeof first.code === 'string' ? first.code : null;
  } catch {
    return null;
  }
}

/** Query of GET /api/tasks as the page sends it (strings, as in a URL). */
export interface TaskListParams {
  readonly asOf?: string;
  readonly windowDays?: number;
}

export type TaskUpdateBody = Pick<TaskUpdateDto, 'date' | 'text' | 'attachments'> & {
  readonly status?: TaskDetailDto['status'];
  readonly milestoneId?: string;
  readonly milestoneDone?: boolean;
};

export interface TasksApi {
  tasks(params: TaskListParams, signal?: AbortSignal): Promise<TaskListResponseDto>;
  task(code: string, signal?: AbortSignal): Promise<TaskDetailDto>;
  addUpdate(code: string, body: TaskUpdateBody): Promise<unknown>;
  inbox(signal?: AbortSignal): Promise<InboxResponseDto>;
  orders(query: Pick<OrderQueryDto, 'open' | 'role'>, signal?: AbortSignal): Promise<OrderListResponseDto>;
  order(id: string, signal?: AbortSignal): Promise<OrderDetailDto>;
  issueOrder(body: IssueOrderInputDto): Promise<OrderDetailDto>;
  transition(id: string, body: TransitionInputDto): Promise<OrderDetailDto>;
  proposals(signal?: AbortSignal): Promise<ProposalListResponseDto>;
  confirmProposal(body: ConfirmProposalInputDto): Promise<OrderDetailDto>;
  departments(signal?: AbortSignal): Promise<{ readonly items: readonly DepartmentDto[] }>;
}

/**
 * The module's client. `csrf` is read at each write (the token comes from the login, held by the auth
 * context); `fetchFn` and `base` are parameters so the tests run it without a server. A 401 means the
 * session ended: `onUnauthenticated` is told (the page asks the auth context again, which leads to login).
 */
export function createTasksApi(
  fetchFn: FetchLike,
  csrf: () => string | null,
  base = '/api',
  onUnauthenticated: () => void = () => undefined,
): TasksApi {
  async function request<T>(
    path: string,
    method: 'GET' | 'POST' = 'GET',
    body?: unknown,
    signal?: AbortSignal,
  ): Promise<T> {
    const headers: Record<string, string> = { accept: 'application/json' };
    const init: RequestInit = { method, headers, credentials: 'same-origin' };
    if (method !== 'GET') {
      const token = csrf();
      if (token !== null) headers[CSRF_HEADER] = token;
    }
    if (body !== undefined) {
      headers['content-type'] = 'application/json';
      init.body = JSON.stringify(body);
    }
    if (signal !== undefined) init.signal = signal;
    let response: Response;
    try {
      response = await fetchFn(`${base}${path}`, init);
    } catch (error) {
      if (error instanceof DOMException && error.name === 'AbortError') throw error;
      throw new ApiError(0, NETWORK_ERROR, error instanceof Error ? error.message : String(error));
    }
    if (!response.ok) {
      const text = await response.text();
      if (response.status === 401) onUnauthenticated();
      const e = apiErrorFromBody(response.status, response.statusText, text);
      throw new TasksApiError(e.status, e.code, e.message, problemCode(text));
    }
    return (await response.json()) as T;
  }

  const seg = encodeURIComponent;
  const query = (entries: Record<string, string | number | boolean | undefined>) => {
    const p = new URLSearchParams();
    for (const [k, v] of Object.entries(entries)) if (v !== undefined) p.set(k, String(v));
    const s = p.toString();
    return s === '' ? '' : `?${s}`;
  };

  return {
    tasks: (params, signal) =>
      request(
        `/tasks${query({ asOf: params.asOf, windowDays: params.windowDays })}`,
        'GET',
        undefined,
        signal,
      ),
    task: (code, signal) => request(`/tasks/${seg(code)}`, 'GET', undefined, signal),
    addUpdate: (code, body) => request(`/tasks/${seg(code)}/updates`, 'POST', body),
    inbox: (signal) => request('/inbox', 'GET', undefined, signal),
    orders: (q, signal) =>
      request(`/supervision/orders${query({ open: q.open, role: q.role })}`, 'GET', undefined, signal),
    order: (id, signal) => request(`/supervision/orders/${seg(id)}`, 'GET', undefined, signal),
    issueOrder: (body) => request('/supervision/orders', 'POST', body),
    transition: (id, body) => request(`/supervision/orders/${seg(id)}/transitions`, 'POST', body),
    proposals: (signal) => request('/supervision/proposals', 'GET', undefined, signal),
    confirmProposal: (body) => request('/supervision/proposals/confirm', 'POST', body),
    departments: (signal) => request('/departments', 'GET', undefined, signal),
  };
}
