/** Errors of the progress use cases: a stable code and a message in Chinese and English. */
export type ProgressErrorCode =
  | 'UNIT_NOT_FOUND'
  | 'INDICATOR_NOT_FOUND'
  | 'BAD_DATE'
  | 'BAD_PERIOD'
  | 'BAD_VALUE'
  | 'EMPTY_SOURCE'
  | 'BAD_LEVEL'
  | 'FORMULA_INVALID'
  | 'VERSION_CONFLICT';

export class ProgressError extends Error {
  constructor(
    readonly code: ProgressErrorCode,
    message: string,
    /** For formula errors: each problem with its code (FORMULA_SYNTAX, FORMULA_CYCLE, …). */
    readonly problems: readonly { readonly code: string; readonly message: string }[] = [],
  ) {
    super(message);
  }
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Checks an as-of date: YYYY-MM-DD and a day that exists. */
export function checkProgressAsOf(asOf: string): string {
  const m = ISO_DATE.exec(asOf);
  const d = m ? new Date(`${asOf}T00:00:00Z`) : undefined;
  if (!m || d === undefined || Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== asOf)
    throw new ProgressError(
      'BAD_DATE',
      `日期应为存在的 YYYY-MM-DD (as-of date must be a real YYYY-MM-DD): "${asOf}"`,
    );
  return asOf;
}
