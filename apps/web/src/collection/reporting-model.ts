/**
 * The reporting-rate panel: which units reported on time, late, or not yet (issue 3 §5, as DHIS2's
 * reporting-rate summary). The server judges each unit; this groups them for the table and counts
 * each group, most urgent first: overdue, then not yet due, then late, then on time.
 */
import type { ReportingUnit, ReportingView } from './collection-types';

export type ReportingGroup = 'not_yet' | 'late' | 'on_time';

export const REPORTING_GROUPS: readonly ReportingGroup[] = ['not_yet', 'late', 'on_time'];

export function groupOf(unit: Pick<ReportingUnit, 'status'>): ReportingGroup {
  return unit.status === 'on_time' ? 'on_time' : unit.status === 'late' ? 'late' : 'not_yet';
}

const URGENCY: Readonly<Record<ReportingUnit['status'], number>> = {
  overdue: 0,
  pending: 1,
  late: 2,
  on_time: 3,
};

export interface ReportingSummary {
  readonly counts: Readonly<Record<ReportingGroup, number>>;
  readonly expected: number;
  /** Reported ÷ expected, and on time ÷ expected (null when no unit is expected to report). */
  readonly rate: number | null;
  readonly onTimeRate: number | null;
  /** Units most urgent first; within a status the longest overdue first, then by code. */
  readonly rows: readonly ReportingUnit[];
}

export function summariseReporting(view: Pick<ReportingView, 'units'>): ReportingSummary {
  const counts: Record<ReportingGroup, number> = { not_yet: 0, late: 0, on_time: 0 };
  for (const u of view.units) counts[groupOf(u)] += 1;
  const expected = view.units.length;
  const rows = [...view.units].sort(
    (a, b) =>
      URGENCY[a.status] - URGENCY[b.status] ||
      b.daysLate - a.daysLate ||
      (a.code < b.code ? -1 : a.code > b.code ? 1 : 0),
  );
  return {
    counts,
    expected,
    rate: expected === 0 ? null : (counts.late + counts.on_time) / expected,
    onTimeRate: expected === 0 ? null : counts.on_time / expected,
    rows,
  };
}

/** A rate as a percentage with one decimal (— when there is none). */
export function formatRate(rate: number | null): string {
  return rate === null ? '—' : `${(rate * 100).toFixed(1)}%`;
}
