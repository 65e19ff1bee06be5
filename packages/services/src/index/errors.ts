/** Errors of the index use cases: values with a stable code (the server maps them to HTTP answers). */
import { err, type Err } from '@suocha/core';
import type { FrameworkIssue } from '@suocha/contract';

export type IndexServiceErrorCode =
  /** A parameter is malformed (period, date, level, samples). */
  | 'INVALID_INPUT'
  /** The framework file fails validation; `issues` locates each problem by JSON path. */
  | 'FRAMEWORK_INVALID'
  | 'FRAMEWORK_NOT_FOUND'
  | 'UNIT_NOT_FOUND'
  | 'RUN_NOT_FOUND'
  /** The unit is not part of the run. */
  | 'NOT_IN_RUN'
  /** No unit of that level under the scope unit is in force on the as-of date. */
  | 'NO_UNITS'
  /** Not one observation of the framework's indicators for the period under the scope unit. */
  | 'NO_DATA'
  | 'PROPOSAL_NOT_FOUND'
  | 'PROPOSAL_DECIDED'
  | 'MEMBERSHIP_CONFLICT'
  /** A proposal whose evidence includes synthetic data cannot change a real membership. */
  | 'SYNTHETIC_EVIDENCE'
  /** Demo data refused for a database that holds real work. */
  | 'DEMO_REFUSED';

export interface IndexServiceError {
  readonly code: IndexServiceErrorCode;
  readonly message: string;
  readonly issues?: readonly FrameworkIssue[];
}

export const fail = (
  code: IndexServiceErrorCode,
  message: string,
  issues?: readonly FrameworkIssue[],
): Err<IndexServiceError> => err(issues ? { code, message, issues } : { code, message });
