/**
 * Checks on one imported month's report row and on an annual plan (pure: "now" is a parameter). Each
 * problem is a value with a stable code and the field it concerns, so an import screen can mark the cell.
 * Source: DESIGN.md (数据填报/审核) and METHODS.md §5 (YTD completed investment feeds the completion rate,
 * so YTD must be consistent month to month).
 */
import { monthOrdinalOf, parseYearMonth } from './calendar';
import type { AnnualPlan, MonthlyReport } from './types';

export type ReportIssueCode =
  | 'REPORT_MONTH_INVALID'
  | 'REPORT_NOT_A_NUMBER'
  | 'REPORT_NEGATIVE_INVESTMENT'
  | 'REPORT_MONTH_IN_FUTURE'
  | 'REPORT_YTD_DECREASED'
  | 'REPORT_YTD_MISMATCH'
  | 'REPORT_INVESTMENT_NOT_STARTED'
  | 'REPORT_START_REVERTED';

export interface ReportIssue {
  readonly code: ReportIssueCode;
  readonly field: 'month' | 'completedThisMonth' | 'ytdCompleted' | 'started';
  readonly message: string;
}

export interface ReportCheckContext {
  /** The same project's latest earlier report, if any (used only when it is of the same year). */
  readonly previous?: MonthlyReport | undefined;
  /** Today, ISO date `YYYY-MM-DD`: a report for a later month is an error. */
  readonly now: string;
  /** Absolute tolerance for YTD = previous YTD + this month (rounding in the forms); default 0.01. */
  readonly tolerance?: number;
}

/**
 * Validate a month's report row. Returns every problem found (empty when the row is acceptable):
 * negative investment, month in the future, YTD below the previous YTD of the year, YTD ≠ previous YTD +
 * this month (January starts from 0; checked only against the immediately preceding month), investment
 * reported while `started` is false, and `started` going back to false.
 */
export function validateMonthlyReport(row: MonthlyReport, ctx: ReportCheckContext): readonly ReportIssue[] {
  const issues: ReportIssue[] = [];
  const tol = ctx.tolerance ?? 0.01;
  const ym = parseYearMonth(row.month);
  if (ym === undefined)
    issues.push({
      code: 'REPORT_MONTH_INVALID',
      field: 'month',
      message: `月份格式应为YYYY-MM: "${row.month}" (month must be YYYY-MM)`,
    });

  const numbersOk = { completedThisMonth: true, ytdCompleted: true };
  for (const field of ['completedThisMonth', 'ytdCompleted'] as const) {
    const v = row[field];
    if (!Number.isFinite(v)) {
      numbersOk[field] = false;
      issues.push({ code: 'REPORT_NOT_A_NUMBER', field, message: `${field} 不是有效数值 (not a number)` });
    } else if (v < 0) {
      issues.push({
        code: 'REPORT_NEGATIVE_INVESTMENT',
        field,
        message: `投资额不能为负: ${v} (investment cannot be negative)`,
      });
    }
  }

  if (ym !== undefined) {
    const o = monthOrdinalOf(row.month);
    const nowMonth = ctx.now.slice(0, 7);
    if (o > monthOrdinalOf(nowMonth))
      issues.push({
        code: 'REPORT_MONTH_IN_FUTURE',
        field: 'month',
        message: `报告月份${row.month}晚于当前月份${nowMonth} (month is in the future)`,
      });

    const prev = ctx.previous;
    const prevUsable =
      prev !== undefined &&
      prev.projectCode === row.projectCode &&
      prev.month.slice(0, 4) === row.month.slice(0, 4) &&
      monthOrdinalOf(prev.month) < o;
    // The YTD this row should continue from: 0 in January, else the immediately preceding month's YTD.
    const base =
      ym.month === 1 ? 0 : prevUsable && monthOrdinalOf(prev.month) === o - 1 ? prev.ytdCompleted : undefined;

    if (numbersOk.ytdCompleted && prevUsable && row.ytdCompleted < prev.ytdCompleted - tol)
      issues.push({
        code: 'REPORT_YTD_DECREASED',
        field: 'ytdCompleted',
        message: `本年累计${row.ytdCompleted}低于${prev.month}的累计${prev.ytdCompleted} (YTD below the previous YTD)`,
      });
    if (
      base !== undefined &&
      numbersOk.ytdCompleted &&
      numbersOk.completedThisMonth &&
      Math.abs(row.ytdCompleted - (base + row.completedThisMonth)) > tol
    )
      issues.push({
        code: 'REPORT_YTD_MISMATCH',
        field: 'ytdCompleted',
        message: `本年累计${row.ytdCompleted} ≠ 上月累计${base} + 本月${row.completedThisMonth} (YTD ≠ previous YTD + this month)`,
      });
    if (prevUsable && prev.started && !row.started)
      issues.push({
        code: 'REPORT_START_REVERTED',
        field: 'started',
        message: `${prev.month}已报开工, 本月报未开工 (started cannot go back to false)`,
      });
  }

  if (!row.started && (row.completedThisMonth > 0 || row.ytdCompleted > 0))
    issues.push({
      code: 'REPORT_INVESTMENT_NOT_STARTED',
      field: 'started',
      message: '未开工但填报了完成投资 (investment reported for a project not started)',
    });
  return issues;
}

export type PlanIssueCode =
  'PLAN_NEGATIVE_INVESTMENT' | 'PLAN_MONTHLY_LENGTH' | 'PLAN_MONTHLY_NEGATIVE' | 'PLAN_MONTHLY_SUM_MISMATCH';

export interface PlanIssue {
  readonly code: PlanIssueCode;
  readonly field: 'plannedInvestment' | 'monthlyPlanned';
  readonly message: string;
}

/**
 * Validate an annual plan: non-negative amount; when monthly amounts are given, exactly 12, none
 * negative, summing to the annual amount within `tolerance` (PV at December must equal the plan,
 * otherwise SPI and the completion rate disagree at year end — METHODS.md §5).
 */
export function validateAnnualPlan(plan: AnnualPlan, tolerance = 0.01): readonly PlanIssue[] {
  const issues: PlanIssue[] = [];
  if (!(plan.plannedInvestment >= 0))
    issues.push({
      code: 'PLAN_NEGATIVE_INVESTMENT',
      field: 'plannedInvestment',
      message: `年度计划投资无效: ${plan.plannedInvestment} (annual plan must be ≥ 0)`,
    });
  const mp = plan.monthlyPlanned;
  if (mp === undefined) return issues;
  if (mp.length !== 12) {
    issues.push({
      code: 'PLAN_MONTHLY_LENGTH',
      field: 'monthlyPlanned',
      message: `月度计划应有12个月, 实有${mp.length}个 (12 monthly amounts required)`,
    });
    return issues;
  }
  let sum = 0;
  for (const v of mp) {
    if (!(v >= 0)) {
      issues.push({
        code: 'PLAN_MONTHLY_NEGATIVE',
        field: 'monthlyPlanned',
        message: `月度计划投资无效: ${v} (monthly amounts must be ≥ 0)`,
      });
      return issues;
    }
    sum += v;
  }
  if (Math.abs(sum - plan.plannedInvestment) > tolerance)
    issues.push({
      code: 'PLAN_MONTHLY_SUM_MISMATCH',
      field: 'monthlyPlanned',
      message: `月度计划合计${sum}与年度计划${plan.plannedInvestment}不符 (monthly sum ≠ annual plan)`,
    });
  return issues;
}
