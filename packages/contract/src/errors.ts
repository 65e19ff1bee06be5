import { z } from 'zod';

/** Stable error codes of the HTTP API. Clients switch on `code`; `message` is for people (zh + en). */
export const ERROR_CODES = [
  'BAD_REQUEST',
  'NOT_FOUND',
  'UNIT_NOT_FOUND',
  'GROUP_NOT_FOUND',
  'INDICATOR_NOT_FOUND',
  'VALIDATION_FAILED',
  'UNAUTHENTICATED',
  /** Login refused: wrong username or password (never says which). */
  'INVALID_CREDENTIALS',
  /** Too many failed logins for this username; `retry-after` says when to try again. */
  'ACCOUNT_LOCKED',
  /** A state-changing request with a session cookie lacked the session's `x-csrf-token`. */
  'CSRF_REJECTED',
  'USER_NOT_FOUND',
  'FORBIDDEN',
  'CONFLICT',
  'PAYLOAD_TOO_LARGE',
  'RATE_LIMITED',
  'INTERNAL',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export const ApiErrorSchema = z.object({
  error: z.object({
    code: z.enum(ERROR_CODES),
    message: z.string(),
    /** Located problems of an import or a form, when there are any. */
    problems: z
      .array(
        z.object({
          code: z.string(),
          file: z.string().optional(),
          sheet: z.string().optional(),
          line: z.number().optional(),
          column: z.string().optional(),
          message: z.string(),
        }),
      )
      .optional(),
  }),
});
export type ApiError = z.infer<typeof ApiErrorSchema>;
