/**
 * When a data set's form is due and whether it came in on time (issue 3 §2: "monthly, due on the 5th of
 * the next month"). Like DHIS2's data set "expiry days", but stated as a calendar day so that it reads as
 * the working group writes it. Deadlines are local dates in China Standard Time (UTC+8): a form sent at
 * 23:30 Beijing time on the due day is on time, though it is already the next day in UTC.
 */
import { daysBetween } from '../projects/calendar';
import { periodEndMonth, type Period } from '../period';

/** Minutes east of UTC of the deadlines' time zone: China Standard Time. */
export const CHINA_UTC_OFFSET_MINUTES = 480;

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * The due date (ISO) of a period's form: day `dueDay` of the month `dueOffsetMonths` after the month in
 * which the period ends, clamped to the month's last day (due day 31 in a 30-day month is the 30th).
 */
export function dueDate(
  period: Period,
  rule: { readonly dueDay: number; readonly dueOffsetMonths: number },
): string {
  const ordinal = period.year * 12 + (periodEndMonth(period) - 1) + rule.dueOffsetMonths;
  const year = Math.floor(ordinal / 12);
  const month = ordinal - year * 12 + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const day = Math.min(Math.max(1, Math.floor(rule.dueDay)), last);
  return `${year}-${pad(month)}-${pad(day)}`;
}

/** The local calendar date (ISO) of an ISO timestamp in the given time zone. */
export function localDate(timestamp: string, offsetMinutes = CHINA_UTC_OFFSET_MINUTES): string {
  const ms = Date.parse(timestamp);
  if (Number.isNaN(ms)) return '';
  return new Date(ms + offsetMinutes * 60_000).toISOString().slice(0, 10);
}

/**
 * Whole days after the due date (local) that `timestamp` falls on: 0 on or before the due day, 1 the
 * next day, and so on.
 */
export function daysAfterDue(
  timestamp: string,
  due: string,
  offsetMinutes = CHINA_UTC_OFFSET_MINUTES,
): number {
  const d = daysBetween(due, localDate(timestamp, offsetMinutes));
  return d === undefined ? 0 : Math.max(0, d);
}

export type Timeliness = 'on_time' | 'late';

/** On time when sent on or before the due day, local time. */
export function timeliness(
  submittedAt: string,
  due: string,
  offsetMinutes = CHINA_UTC_OFFSET_MINUTES,
): Timeliness {
  return daysAfterDue(submittedAt, due, offsetMinutes) === 0 ? 'on_time' : 'late';
}
