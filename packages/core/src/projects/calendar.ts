/**
 * Calendar arithmetic on ISO strings for dispatch rules: months `YYYY-MM` and days `YYYY-MM-DD`.
 * Everything is in UTC calendar days, so a result never depends on the machine's time zone.
 * Used by projects, tasks and supervision (deadlines, months late, 序时进度 by date).
 */

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;
const DATE = /^(\d{4})-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])/;

/** A calendar month as year and month number (1–12). */
export interface YearMonth {
  readonly year: number;
  readonly month: number;
}

/** Parse `YYYY-MM`; undefined when malformed. */
export function parseYearMonth(s: string): YearMonth | undefined {
  const m = MONTH.exec(s);
  if (!m) return undefined;
  return { year: Number(m[1]), month: Number(m[2]) };
}

/** Months since year 0 (`year·12 + month − 1`), so that differences of months are plain subtraction. */
export function monthOrdinal(ym: YearMonth): number {
  return ym.year * 12 + ym.month - 1;
}

/**
 * Month ordinal of a `YYYY-MM` string, or NaN when malformed (NaN compares false, never silently late).
 * Parsed by character codes rather than a regular expression: it runs several times per project in
 * province-wide roll-ups.
 */
export function monthOrdinalOf(s: string): number {
  if (s.length !== 7 || s.charCodeAt(4) !== 45) return Number.NaN;
  let year = 0;
  for (let i = 0; i < 4; i++) {
    const d = s.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return Number.NaN;
    year = year * 10 + d;
  }
  const m1 = s.charCodeAt(5) - 48;
  const m2 = s.charCodeAt(6) - 48;
  if (m1 < 0 || m1 > 1 || m2 < 0 || m2 > 9) return Number.NaN;
  const month = m1 * 10 + m2;
  if (month < 1 || month > 12) return Number.NaN;
  return year * 12 + month - 1;
}

/** `YYYY-MM` of a month ordinal. */
export function formatYearMonth(ordinal: number): string {
  const year = Math.floor(ordinal / 12);
  const month = ordinal - year * 12 + 1;
  return `${year}-${String(month).padStart(2, '0')}`;
}

/** Whether `s` is a real calendar date `YYYY-MM-DD` (a time part after it is allowed and ignored). */
export function isIsoDate(s: string): boolean {
  return dayNumber(s) !== undefined;
}

/** Days since 1970-01-01 of the date part of an ISO date or date-time; undefined when not a real date. */
export function dayNumber(s: string): number | undefined {
  const m = DATE.exec(s);
  if (!m) return undefined;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  const ms = Date.UTC(y, mo - 1, d);
  const back = new Date(ms);
  // Reject 2025-02-30 and the like, which Date.UTC would roll over into March.
  if (back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d) return undefined;
  return Math.round(ms / 86_400_000);
}

/** ISO date `YYYY-MM-DD` of a day number. */
export function formatDay(day: number): string {
  return new Date(day * 86_400_000).toISOString().slice(0, 10);
}

/** `date` plus `days` calendar days, as `YYYY-MM-DD`; undefined when `date` is not a real date. */
export function addDays(date: string, days: number): string | undefined {
  const n = dayNumber(date);
  return n === undefined ? undefined : formatDay(n + days);
}

/** Whole days from `from` to `to` (positive when `to` is later); undefined when either is not a date. */
export function daysBetween(from: string, to: string): number | undefined {
  const a = dayNumber(from);
  const b = dayNumber(to);
  return a === undefined || b === undefined ? undefined : b - a;
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInYear(year: number): number {
  return isLeapYear(year) ? 366 : 365;
}

/** Day of the year, 1 for 1 January; undefined when not a date. */
export function dayOfYear(date: string): number | undefined {
  const n = dayNumber(date);
  if (n === undefined) return undefined;
  const year = Number(date.slice(0, 4));
  return n - Math.round(Date.UTC(year, 0, 1) / 86_400_000) + 1;
}
