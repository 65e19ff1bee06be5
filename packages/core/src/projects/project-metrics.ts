/**
 * Metrics of one project for one month: completion rate, 序时进度 gap, SPI, start status and lights —
 * METHODS.md §5. One call is O(1) (plus 12 additions for PV), so a province-wide run is linear.
 */
import { monthOrdinalOf, parseYearMonth } from './calendar';
import {
  cancelledScheduleLight,
  DEFAULT_LIGHT_RULES,
  scheduleLight,
  startLight,
  worseLight,
  type Light,
  type LightExplanation,
  type LightRules,
} from './lights';
import {
  completionRate,
  plannedValueToMonth,
  scheduleGapPoints,
  scheduleShareForMonth,
  schedulePerformanceIndex,
} from './schedule';
import type { AnnualPlan, MonthlyReport, Project } from './types';

export interface ProjectMetricsInput {
  readonly project: Project;
  /** The plan of the asOf year, if any. */
  readonly plan?: AnnualPlan | undefined;
  /** The latest report of the asOf year at or before asOf, if any (see `latestReports`). */
  readonly report?: MonthlyReport | undefined;
  /** Month being judged, `YYYY-MM`. */
  readonly asOf: string;
}

export interface ProjectMetrics {
  readonly projectCode: string;
  readonly asOf: string;
  readonly annualPlan: number;
  readonly ytdCompleted: number;
  readonly completionRate: number | null;
  readonly scheduleShare: number;
  readonly gapPoints: number | null;
  /** Planned cumulative investment to asOf (needs a 12-month plan). */
  readonly pv: number | null;
  readonly spi: number | null;
  readonly started: boolean;
  /** A new project (新建项目): planned start month in the asOf year and not after asOf; not cancelled. */
  readonly newStartDue: boolean;
  /** … and started by asOf. */
  readonly newStartDone: boolean;
  readonly scheduleLight: LightExplanation;
  readonly startLight: LightExplanation;
  /** The worse of the two lights. */
  readonly light: Light;
}

/**
 * Whether the project had started by `asOf`: an actual start month not after asOf, a report saying so,
 * or (with no actual start recorded) a stage that implies it.
 */
export function hasStarted(project: Project, report: MonthlyReport | undefined, asOf: string): boolean {
  if (report?.started === true) return true;
  if (project.actualStart !== undefined) return monthOrdinalOf(project.actualStart) <= monthOrdinalOf(asOf);
  return project.stage === 'under_construction' || project.stage === 'completed';
}

/**
 * All metrics and both lights of a project for month asOf — METHODS.md §5. Cancelled projects get no
 * lights; completed projects are not judged on starting. A report from another year or after asOf is
 * ignored (YTD is 0), so a caller cannot mix years by mistake.
 */
export function projectMetrics(
  input: ProjectMetricsInput,
  rules: LightRules = DEFAULT_LIGHT_RULES,
): ProjectMetrics {
  const { project, asOf } = input;
  const ym = parseYearMonth(asOf);
  const year = ym?.year ?? Number.NaN;
  const month = ym?.month ?? Number.NaN;
  const asOfOrd = monthOrdinalOf(asOf);
  const plan = input.plan !== undefined && input.plan.year === year ? input.plan : undefined;
  const r = input.report;
  const report =
    r !== undefined && r.month.slice(0, 4) === String(year) && monthOrdinalOf(r.month) <= asOfOrd
      ? r
      : undefined;

  const annualPlan = plan?.plannedInvestment ?? 0;
  const ytd = report?.ytdCompleted ?? 0;
  const share = scheduleShareForMonth(month);
  const rate = completionRate(ytd, annualPlan);
  const pv = plannedValueToMonth(plan?.monthlyPlanned, month);
  const cancelled = project.stage === 'cancelled';
  const started = hasStarted(project, report, asOf);

  let newStartDue = false;
  if (!cancelled && project.plannedStart !== undefined) {
    const ps = monthOrdinalOf(project.plannedStart);
    newStartDue = ps >= year * 12 && ps <= asOfOrd;
  }

  const sLight = cancelled ? cancelledScheduleLight(rules) : scheduleLight(share, rate, rules);
  const stLight = startLight(
    {
      plannedStart: project.plannedStart,
      started,
      asOf,
      applicable: !cancelled && project.stage !== 'completed',
    },
    rules,
  );

  return {
    projectCode: project.code,
    asOf,
    annualPlan,
    ytdCompleted: ytd,
    completionRate: rate,
    scheduleShare: share,
    gapPoints: rate === null ? null : scheduleGapPoints(share, rate),
    pv,
    spi: schedulePerformanceIndex(ytd, pv),
    started,
    newStartDue,
    newStartDone: newStartDue && started,
    scheduleLight: sLight,
    startLight: stLight,
    light: worseLight(sLight.light, stLight.light),
  };
}

/**
 * The latest report per project within asOf's year and not after asOf, in one pass over the reports
 * (no sorting, no per-project scans).
 */
export function latestReports(reports: readonly MonthlyReport[], asOf: string): Map<string, MonthlyReport> {
  const asOfOrd = monthOrdinalOf(asOf);
  const firstOfYear = Math.floor(asOfOrd / 12) * 12;
  const out = new Map<string, MonthlyReport>();
  for (const r of reports) {
    const o = monthOrdinalOf(r.month);
    if (!(o >= firstOfYear && o <= asOfOrd)) continue;
    const prev = out.get(r.projectCode);
    if (prev === undefined || monthOrdinalOf(prev.month) < o) out.set(r.projectCode, r);
  }
  return out;
}
