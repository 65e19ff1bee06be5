/** Errors of the access use cases: values with a stable code (the server maps them to HTTP answers). */
export type AccessErrorCode =
  /** Input fails validation; `problems` names each field. */
  | 'INVALID_INPUT'
  | 'USERNAME_TAKEN'
  | 'DEPARTMENT_EXISTS'
  | 'USER_NOT_FOUND'
  | 'TOKEN_NOT_FOUND'
  /** The change would leave no active provincial administrator. */
  | 'LAST_ADMIN'
  /** The target lies outside the acting administrator's scope. */
  | 'OUT_OF_SCOPE'
  | 'INVALID_CREDENTIALS'
  | 'ACCOUNT_LOCKED'
  | 'RATE_LIMITED';

export interface FieldProblem {
  readonly field: string;
  readonly code: string;
  readonly message: string;
}

export interface AccessError {
  readonly code: AccessErrorCode;
  readonly message: string;
  readonly problems?: readonly FieldProblem[];
  /** For ACCOUNT_LOCKED and RATE_LIMITED. */
  readonly retryAfterSeconds?: number;
}

export function invalid(problems: readonly FieldProblem[]): AccessError {
  return {
    code: 'INVALID_INPUT',
    message: `输入有误 invalid input: ${problems.map((p) => `${p.field}: ${p.message}`).join('; ')}`,
    problems,
  };
}
