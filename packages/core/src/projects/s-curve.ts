/**
 * S-curve of a project's year: cumulative planned vs completed investment at the end of each month —
 * METHODS.md §5 (earned value: PV from the monthly plan; EV = year-to-date completed investment).
 */
import { plannedValueToMonth } from './schedule';
import type { AnnualPlan, MonthlyReport } from './types';

export interface SCurvePoint {
  readonly month: string;
  /** Cumulative plan to the end of the month; null without a plan. */
  readonly plannedCumulative: number | null;
  /** Year-to-date completed at the month's report; null when the month has no report. */
  readonly completedCumulative: number | null;
}

export interface SCurve {
  readonly year: number;
  /** 'monthly' from a 12-month plan, 'linear' (annual plan·m/12, i.e. 序时进度) without one, 'none' without a plan. */
  readonly plannedBasis: 'monthly' | 'linear' | 'none';
  readonly annualPlan: number | null;
  readonly points: readonly SCurvePoint[];
}

/**
 * Points for January to `throughMonth` (1–12) of `year`: the planned curve runs through December, the
 * completed one only for months with a report of that year (other reports are ignored).
 */
export function sCurve(
  year: number,
  plan: AnnualPlan | undefined,
  reports: readonly MonthlyReport[],
): SCurve {
  const p = plan !== undefined && plan.year === year ? plan : undefined;
  const basis: SCurve['plannedBasis'] =
    p === undefined ? 'none' : p.monthlyPlanned?.length === 12 ? 'monthly' : 'linear';
  const ytd = new Map<number, number>();
  for (const r of reports)
    if (r.month.slice(0, 4) === String(year)) ytd.set(Number(r.month.slice(5, 7)), r.ytdCompleted);
  const points: SCurvePoint[] = [];
  for (let m = 1; m <= 12; m++) {
    const planned =
      p === undefined
        ? null
        : basis === 'monthly'
          ? plannedValueToMonth(p.monthlyPlanned, m)
          : (p.plannedInvestment * m) / 12;
    points.push({
      month: `${year}-${String(m).padStart(2, '0')}`,
      plannedCumulative: planned,
      completedCumulative: ytd.get(m) ?? null,
    });
  }
  return { year, plannedBasis: basis, annualPlan: p?.plannedInvestment ?? null, points };
}
