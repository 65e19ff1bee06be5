/**
 * Reporting rate of a data set for one period (issue 3 §5), with DHIS2's definitions (docs.dhis2.org
 * "Reporting rate summary"): reporting rate = forms reported / forms expected; reporting rate on time =
 * forms reported by the due date / forms expected. A form counts as reported while it is submitted,
 * approved or locked; one returned for correction is not reported until it is sent again. Timeliness is
 * judged on the first submission, so that a unit whose on-time report was returned for a correction is
 * not counted late for it.
 */
import { daysAfterDue, localDate, CHINA_UTC_OFFSET_MINUTES } from './due-dates';
import type { FormState } from './types';
import { isReported } from './workflow';

export interface ExpectedUnit {
  readonly code: string;
  readonly name: string;
}

export interface SubmissionFact {
  readonly unitCode: string;
  readonly state: FormState;
  /** When the form was first submitted (ISO timestamp), or null if never. */
  readonly firstSubmittedAt: string | null;
}

/** on_time / late: reported; pending: not reported, not yet due; overdue: not reported, past due. */
export type ReportingStatus = 'on_time' | 'late' | 'pending' | 'overdue';

export interface UnitReporting {
  readonly code: string;
  readonly name: string;
  /** The form's state; null when nothing was ever entered. */
  readonly state: FormState | null;
  readonly status: ReportingStatus;
  readonly submittedAt: string | null;
  /** Days after the due date it was reported (late), or has been waited for (overdue); else 0. */
  readonly daysLate: number;
}

export interface ReportingTotals {
  readonly expected: number;
  readonly reported: number;
  readonly onTime: number;
  readonly late: number;
  readonly pending: number;
  readonly overdue: number;
  /** Approved or locked. */
  readonly approved: number;
  /** reported / expected; null when nothing is expected. */
  readonly rate: number | null;
  readonly onTimeRate: number | null;
}

export function reportingStatus(
  sub: SubmissionFact | undefined,
  due: string,
  now: string,
  offsetMinutes = CHINA_UTC_OFFSET_MINUTES,
): { status: ReportingStatus; daysLate: number } {
  if (sub && isReported(sub.state) && sub.firstSubmittedAt !== null) {
    const d = daysAfterDue(sub.firstSubmittedAt, due, offsetMinutes);
    return { status: d === 0 ? 'on_time' : 'late', daysLate: d };
  }
  const waited = daysAfterDue(now, due, offsetMinutes);
  return localDate(now, offsetMinutes) > due
    ? { status: 'overdue', daysLate: waited }
    : { status: 'pending', daysLate: 0 };
}

/** Every expected unit's status, in the order given. Submissions of units not expected are ignored. */
export function unitReporting(
  expected: readonly ExpectedUnit[],
  submissions: readonly SubmissionFact[],
  due: string,
  now: string,
  offsetMinutes = CHINA_UTC_OFFSET_MINUTES,
): UnitReporting[] {
  const byUnit = new Map(submissions.map((s) => [s.unitCode, s] as const));
  return expected.map((u) => {
    const sub = byUnit.get(u.code);
    const { status, daysLate } = reportingStatus(sub, due, now, offsetMinutes);
    return {
      code: u.code,
      name: u.name,
      state: sub?.state ?? null,
      status,
      submittedAt: sub && isReported(sub.state) ? sub.firstSubmittedAt : null,
      daysLate,
    };
  });
}

/** Counts and rates over a list of unit statuses. */
export function reportingTotals(units: readonly UnitReporting[]): ReportingTotals {
  let onTime = 0;
  let late = 0;
  let pending = 0;
  let overdue = 0;
  let approved = 0;
  for (const u of units) {
    if (u.status === 'on_time') onTime++;
    else if (u.status === 'late') late++;
    else if (u.status === 'pending') pending++;
    else overdue++;
    if (u.state === 'approved' || u.state === 'locked') approved++;
  }
  const expected = units.length;
  const reported = onTime + late;
  return {
    expected,
    reported,
    onTime,
    late,
    pending,
    overdue,
    approved,
    rate: expected === 0 ? null : reported / expected,
    onTimeRate: expected === 0 ? null : onTime / expected,
  };
}

export interface ReportingWarning {
  readonly unitCode: string;
  readonly level: 'yellow' | 'red';
  readonly daysLate: number;
  readonly message: string;
}

/**
 * Warnings for the progress module (issue 3 §5, seed 002 (三) 及时预警): yellow for a form overdue,
 * red once it is `redAfterDays` or more days overdue. The threshold is a setting of the working group,
 * not a figure from the seeds; 10 days is a default that leaves most of the following month.
 */
export function reportingWarnings(
  units: readonly UnitReporting[],
  options: { readonly redAfterDays?: number } = {},
): ReportingWarning[] {
  const red = options.redAfterDays ?? 10;
  return units
    .filter((u) => u.status === 'overdue')
    .map((u) => ({
      unitCode: u.code,
      level: u.daysLate >= red ? ('red' as const) : ('yellow' as const),
      daysLate: u.daysLate,
      message: `${u.name} 逾期未报 ${u.daysLate} 天 (overdue by ${u.daysLate} days)`,
    }));
}
