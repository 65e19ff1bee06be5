import type { ErrorCode } from '@suocha/contract';
import type { AccessError, AccessErrorCode } from '@suocha/services';
import type { FastifyReply } from 'fastify';
import { HttpError } from '../errors';

const STATUS: Readonly<Record<AccessErrorCode, [number, ErrorCode]>> = {
  INVALID_INPUT: [400, 'VALIDATION_FAILED'],
  USERNAME_TAKEN: [409, 'CONFLICT'],
  DEPARTMENT_EXISTS: [409, 'CONFLICT'],
  LAST_ADMIN: [409, 'CONFLICT'],
  USER_NOT_FOUND: [404, 'USER_NOT_FOUND'],
  TOKEN_NOT_FOUND: [404, 'NOT_FOUND'],
  OUT_OF_SCOPE: [403, 'FORBIDDEN'],
  INVALID_CREDENTIALS: [401, 'INVALID_CREDENTIALS'],
  ACCOUNT_LOCKED: [429, 'ACCOUNT_LOCKED'],
  RATE_LIMITED: [429, 'RATE_LIMITED'],
};

/** The HTTP answer to an access error (and `retry-after` on the reply for lock-outs). */
export function accessHttpError(e: AccessError, reply?: FastifyReply): HttpError {
  const [status, code] = STATUS[e.code];
  if (reply && e.retryAfterSeconds !== undefined) reply.header('retry-after', String(e.retryAfterSeconds));
  return new HttpError(
    status,
    code,
    e.message,
    e.problems?.map((p) => ({ code: p.code, column: p.field, message: p.message })),
  );
}
