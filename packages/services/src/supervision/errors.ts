/** Errors of the supervision use cases: a stable code and a message in Chinese and English. */
import type { SupervisionErrorCode } from '@suocha/core';

export type OrderErrorCode =
  | SupervisionErrorCode
  | 'ORDER_NOT_FOUND'
  | 'NO_ADDRESSEE'
  | 'NO_DEADLINE'
  | 'UNIT_NOT_FOUND'
  | 'DEPARTMENT_NOT_FOUND'
  | 'FORBIDDEN'
  | 'STALE'
  | 'PROPOSAL_NOT_FOUND'
  | 'PROPOSAL_TAKEN';

export class OrderError extends Error {
  constructor(
    readonly code: OrderErrorCode,
    message: string,
  ) {
    super(message);
  }
}
