/**
 * The S-curve of one project for one year (issue 7 §6), as drawn: planned against completed cumulative
 * investment for each of the twelve months — METHODS.md §5. The server computes the curve (the planned
 * side is the cumulative monthly plan, the earned-value PV, or plan × m/12 — the 序时进度 line — without a
 * monthly plan); this lays it on the months of the year and adds each month's completed investment from the
 * month's current report. A month without a figure stays empty: nothing is interpolated.
 */
import type { MonthlyReportDto, SCurveDto } from '@suocha/contract';
import { monthIndex } from './months';

export type PlannedKind = 'monthly' | 'schedule' | 'none';

export interface SCurve {
  readonly year: number;
  readonly plannedKind: PlannedKind;
  /** Cumulative planned investment at the end of months 1–12 (null without a plan). */
  readonly planned: readonly (number | null)[];
  /** Year-to-date completed investment at the end of months 1–12 (null where none). */
  readonly completed: readonly (number | null)[];
  /** Investment completed in each month, from the month's current report (null where none). */
  readonly monthly: readonly (number | null)[];
  /** Last month (1–12) with a completed figure, or 0. */
  readonly lastReportedMonth: number;
}

const empty = (): (number | null)[] => Array.from({ length: 12 }, () => null);

/** The server's curve on the twelve months of its year, with the monthly amounts of the current reports. */
export function sCurveOf(dto: SCurveDto, reports: readonly MonthlyReportDto[]): SCurve {
  const first = dto.year * 12;
  const planned = empty();
  const completed = empty();
  const monthly = empty();
  let last = 0;
  for (const p of dto.points) {
    const i = monthIndex(p.month) - first;
    if (!(i >= 0 && i < 12)) continue;
    planned[i] = p.plannedCumulative;
    completed[i] = p.completedCumulative;
    if (p.completedCumulative !== null) last = Math.max(last, i + 1);
  }
  for (const r of reports) {
    const i = monthIndex(r.month) - first;
    if (r.current && i >= 0 && i < 12) monthly[i] = r.completedThisMonth;
  }
  const plannedKind: PlannedKind =
    dto.plannedBasis === 'monthly' ? 'monthly' : dto.plannedBasis === 'linear' ? 'schedule' : 'none';
  return { year: dto.year, plannedKind, planned, completed, monthly, lastReportedMonth: last };
}
