/**
 * Reporting periods (DESIGN.md "Periods"): a year `2025`, a half `2025H1`, a quarter `2025Q3`, a month
 * `2025-11`. A sub-annual period may be year-to-date (累计), written with the suffix `-YTD`: `2025Q3-YTD`
 * is January–September 2025. Year-to-date values are comparable only with the same period of other years.
 *
 * Parsing also accepts the spellings found in the seeds and the statistical releases (`2025-Q3-YTD`,
 * `2025-H1`), and always formats to the canonical form.
 */
import { err, ok, type Result } from './result';

export type PeriodKind = 'year' | 'half' | 'quarter' | 'month';

export interface Period {
  readonly kind: PeriodKind;
  readonly year: number;
  /** 1 for a year; 1–2 for a half; 1–4 for a quarter; 1–12 for a month. */
  readonly index: number;
  /** Year-to-date: the value covers January up to the end of this period. Always false for a year. */
  readonly ytd: boolean;
}

export type PeriodError = {
  readonly code: 'PERIOD_INVALID';
  readonly input: string;
  readonly message: string;
};

const PATTERN = /^(\d{4})(?:-?(H)([12])|-?(Q)([1-4])|-(0[1-9]|1[0-2]))?(-YTD)?$/;

const bad = (input: string, message: string) => err<PeriodError>({ code: 'PERIOD_INVALID', input, message });

export function parsePeriod(input: string): Result<Period, PeriodError> {
  const s = input.trim().toUpperCase();
  const m = PATTERN.exec(s);
  if (!m)
    return bad(
      input,
      `不是有效的期间 (invalid period) "${input}": use 2025, 2025H1, 2025Q3, 2025-11, optionally -YTD`,
    );
  const year = Number(m[1]);
  if (year < 1900 || year > 2200) return bad(input, `year out of range in "${input}"`);
  const ytd = m[7] !== undefined;
  if (m[2]) return ok({ kind: 'half', year, index: Number(m[3]), ytd });
  if (m[4]) return ok({ kind: 'quarter', year, index: Number(m[5]), ytd });
  if (m[6]) return ok({ kind: 'month', year, index: Number(m[6]), ytd });
  if (ytd) return bad(input, `a whole year cannot be year-to-date: "${input}"`);
  return ok({ kind: 'year', year, index: 1, ytd: false });
}

export function formatPeriod(p: Period): string {
  const suffix = p.ytd ? '-YTD' : '';
  switch (p.kind) {
    case 'year':
      return String(p.year);
    case 'half':
      return `${p.year}H${p.index}${suffix}`;
    case 'quarter':
      return `${p.year}Q${p.index}${suffix}`;
    case 'month':
      return `${p.year}-${String(p.index).padStart(2, '0')}${suffix}`;
  }
}

/** Canonical spelling of a period string, or the parse error. */
export function normalizePeriod(input: string): Result<string, PeriodError> {
  const r = parsePeriod(input);
  return r.ok ? ok(formatPeriod(r.value)) : r;
}

/** Last calendar month (1–12) covered by the period. */
export function periodEndMonth(p: Period): number {
  switch (p.kind) {
    case 'year':
      return 12;
    case 'half':
      return p.index * 6;
    case 'quarter':
      return p.index * 3;
    case 'month':
      return p.index;
  }
}

/** First calendar month (1–12) covered by the period; January for year-to-date periods. */
export function periodStartMonth(p: Period): number {
  if (p.ytd) return 1;
  switch (p.kind) {
    case 'year':
      return 1;
    case 'half':
      return p.index * 6 - 5;
    case 'quarter':
      return p.index * 3 - 2;
    case 'month':
      return p.index;
  }
}

const pad = (n: number) => String(n).padStart(2, '0');

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** ISO date (YYYY-MM-DD) of the period's last day. */
export function periodEndDate(p: Period): string {
  const m = periodEndMonth(p);
  return `${p.year}-${pad(m)}-${pad(daysInMonth(p.year, m))}`;
}

/** ISO date (YYYY-MM-DD) of the period's first day. */
export function periodStartDate(p: Period): string {
  return `${p.year}-${pad(periodStartMonth(p))}-01`;
}

/**
 * Time of the period's end in decimal years, used for growth rates (METHODS.md §1: "years as the time
 * unit with fractional years for sub-annual periods"): year Y ends at Y + 1, 2025Q3 at 2025.75.
 * A target "by year T" is therefore at time T + 1 (see `targetYearTime`).
 */
export function periodTime(p: Period): number {
  return p.year + periodEndMonth(p) / 12;
}

/** Time of the end of target year T, on the same scale as `periodTime`. */
export function targetYearTime(year: number): number {
  return year + 1;
}

/**
 * Whether two periods measure the same stretch of their years (same kind, index and YTD flag), so
 * that their values may be compared across years — e.g. 2024Q3-YTD with 2025Q3-YTD, never with 2024.
 */
export function sameSeasonality(a: Period, b: Period): boolean {
  return a.kind === b.kind && a.index === b.index && a.ytd === b.ytd;
}

/** Whether the period has ended on or before the given ISO date. */
export function periodEndedBy(p: Period, isoDate: string): boolean {
  return periodEndDate(p) <= isoDate;
}

/** Total order: by end date, then shorter span first (a month before the quarter that ends with it). */
export function comparePeriods(a: Period, b: Period): number {
  const ea = periodEndDate(a);
  const eb = periodEndDate(b);
  if (ea !== eb) return ea < eb ? -1 : 1;
  const sa = periodStartDate(a);
  const sb = periodStartDate(b);
  if (sa !== sb) return sa > sb ? -1 : 1;
  return 0;
}
