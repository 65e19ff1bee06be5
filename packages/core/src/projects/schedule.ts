/**
 * 序时进度 and the investment ratios of project dispatch — METHODS.md §5.
 */
import { dayOfYear, daysInYear } from './calendar';

/**
 * 序时进度 at the end of month m (1–12): m/12 — METHODS.md §5. Returns NaN for a month outside 1–12
 * so that a bad input cannot masquerade as a schedule.
 */
export function scheduleShareForMonth(month: number): number {
  if (!Number.isInteger(month) || month < 1 || month > 12) return Number.NaN;
  return month / 12;
}

/**
 * 序时进度 on a date: days elapsed / days in the year — METHODS.md §5. The date itself counts as
 * elapsed (the share is measured at the end of that day), so 31 December gives exactly 1 and
 * 1 January 1/365 (1/366 in a leap year). NaN when the date is invalid.
 */
export function scheduleShareForDate(date: string): number {
  const d = dayOfYear(date);
  if (d === undefined) return Number.NaN;
  return d / daysInYear(Number(date.slice(0, 4)));
}

/**
 * Completion rate = year-to-date completed investment / annual planned investment — METHODS.md §5.
 * Null when there is no positive annual plan (the rate is undefined, not zero).
 */
export function completionRate(ytdCompleted: number, annualPlanned: number): number | null {
  if (!(annualPlanned > 0)) return null;
  return ytdCompleted / annualPlanned;
}

/**
 * Round away binary noise (0.5 − 0.4 = 0.09999999999999998) so that a gap of exactly 10 points is
 * judged as 10 points at the thresholds; 1e-9 points is far below any reporting precision.
 */
export function roundPoints(x: number): number {
  return Math.round(x * 1e9) / 1e9;
}

/**
 * Schedule gap in percentage points: (序时进度 − completion rate)·100 — METHODS.md §5. Positive means
 * behind schedule.
 */
export function scheduleGapPoints(scheduleShare: number, rate: number): number {
  return roundPoints((scheduleShare - rate) * 100);
}

/**
 * Planned value: cumulative monthly planned investment from January through `month` (1–12) —
 * METHODS.md §5 (earned-value PV). Null without a 12-month plan.
 */
export function plannedValueToMonth(
  monthlyPlanned: readonly number[] | undefined,
  month: number,
): number | null {
  if (monthlyPlanned === undefined || monthlyPlanned.length !== 12) return null;
  let pv = 0;
  for (let i = 0; i < month && i < 12; i++) pv += monthlyPlanned[i] ?? 0;
  return pv;
}

/**
 * Schedule performance index SPI = EV/PV with EV the year-to-date completed investment and PV the
 * planned cumulative investment to date — METHODS.md §5 (earned-value management, PMI). Null when PV
 * is missing or not positive.
 */
export function schedulePerformanceIndex(ev: number, pv: number | null): number | null {
  if (pv === null || !(pv > 0)) return null;
  return ev / pv;
}
