/**
 * A refused 督办 action explained: the server's own message (bilingual), its code, and a hint that says
 * what the refusal means for this user (only the addressee may respond, only the issuing level may close,
 * the step has moved on …). Pure.
 */
import { ApiError, NETWORK_ERROR } from '../api/api-error';
import { TasksApiError } from './tasks-api';
import type { TasksMessages } from './tasks-messages';

export interface ActionErrorView {
  readonly message: string;
  /** The most specific code: the workflow's (NOT_ADDRESSEE …) when given, else the HTTP API's. */
  readonly code: string | null;
  readonly hint: string | null;
  /** The order moved on under the user's feet: reloading shows where it stands. */
  readonly reload: boolean;
}

const MOVED_ON = new Set(['ILLEGAL_TRANSITION', 'STALE']);

export function actionErrorView(error: Error, m: TasksMessages, networkMessage: string): ActionErrorView {
  if (error instanceof ApiError && error.code === NETWORK_ERROR)
    return { message: networkMessage, code: null, hint: null, reload: false };
  const problem = error instanceof TasksApiError ? error.problem : null;
  const code = problem ?? (error instanceof ApiError ? error.code : null);
  return {
    message: error.message,
    code,
    hint: code === null ? null : (m.errorHint(code) ?? null),
    reload: code !== null && MOVED_ON.has(code),
  };
}
