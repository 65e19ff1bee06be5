/**
 * Month arithmetic on `YYYY-MM` strings for the projects pages (the web app does not bundle core; the rule
 * is the same as core's `monthOrdinalOf`: year·12 + month − 1, NaN when malformed).
 */

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

/** Months since year 0 of `YYYY-MM`, or NaN when malformed (NaN never compares true). */
export function monthIndex(s: string): number {
  const m = MONTH.exec(s);
  return m === null ? Number.NaN : Number(m[1]) * 12 + Number(m[2]) - 1;
}

/** `YYYY-MM` of a month index. */
export function monthOf(index: number): string {
  const year = Math.floor(index / 12);
  return `${year}-${String(index - year * 12 + 1).padStart(2, '0')}`;
}

/** The month before `YYYY-MM` (the last month that can have a complete report), or undefined. */
export function previousMonth(s: string): string | undefined {
  const i = monthIndex(s);
  return Number.isNaN(i) ? undefined : monthOf(i - 1);
}

/** `YYYY-MM` of a date in local time (what the user sees on their calendar). */
export function monthOfDate(d: Date): string {
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}`;
}

/** Whether `s` is a valid `YYYY-MM`. */
export function isMonth(s: string): boolean {
  return MONTH.test(s);
}
