import type { ErrorBody } from './types';

/** An error answered by the server (status ≥ 400) or a failure to reach it (status 0). */
export class ApiError extends Error {
  override readonly name = 'ApiError';

  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** Code used when the request never got an answer (offline, DNS, connection refused). */
export const NETWORK_ERROR = 'network_error';

function isErrorBody(value: unknown): value is ErrorBody {
  if (typeof value !== 'object' || value === null || !('error' in value)) return false;
  const error: unknown = value.error;
  return (
    typeof error === 'object' &&
    error !== null &&
    'code' in error &&
    'message' in error &&
    typeof error.code === 'string' &&
    typeof error.message === 'string'
  );
}

/**
 * Turns a failed response body into an ApiError: the server's own code and message when the body is the
 * documented JSON error, otherwise `http_<status>` with the status text (e.g. a proxy's HTML 502 page).
 */
export function apiErrorFromBody(status: number, statusText: string, bodyText: string): ApiError {
  try {
    const parsed: unknown = JSON.parse(bodyText);
    if (isErrorBody(parsed)) return new ApiError(status, parsed.error.code, parsed.error.message);
  } catch {
    // Not JSON: fall through to the generic error.
  }
  const text = statusText.trim() === '' ? `HTTP ${status}` : `HTTP ${status} ${statusText}`;
  return new ApiError(status, `http_${status}`, text);
}
