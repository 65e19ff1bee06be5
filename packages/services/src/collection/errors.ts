/**
 * Request-level failures of the collection use cases, with the stable codes of the HTTP API
 * (contract/errors.ts) so that the server and the CLI can map them without guessing. Located problems of
 * a file or form travel in `problems`; both values of an optimistic-version conflict in `conflicts`.
 */
import type { ImportProblem } from '@suocha/core';
import type { FormRecord, ValueConflict } from '@suocha/store';

export type CollectionErrorCode =
  | 'NOT_FOUND'
  | 'UNIT_NOT_FOUND'
  | 'INDICATOR_NOT_FOUND'
  | 'BAD_REQUEST'
  | 'VALIDATION_FAILED'
  | 'CONFLICT'
  | 'FORBIDDEN'
  | 'PAYLOAD_TOO_LARGE';

export class CollectionError extends Error {
  constructor(
    readonly code: CollectionErrorCode,
    message: string,
    readonly details: {
      readonly problems?: readonly ImportProblem[];
      readonly conflicts?: readonly ValueConflict[];
      readonly form?: FormRecord;
    } = {},
  ) {
    super(message);
  }
}

export const notFound = (what: string) => new CollectionError('NOT_FOUND', `${what} 不存在 (not found)`);
