import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { validateAnnualPlan, validateMonthlyReport, type ReportIssue } from './report-validation';
import type { MonthlyReport } from './types';

const row = (month: string, thisMonth: number, ytd: number, started = true): MonthlyReport => ({
  projectCode: 'P1',
  month,
  completedThisMonth: thisMonth,
  ytdCompleted: ytd,
  started,
});
const codes = (issues: readonly ReportIssue[]) => issues.map((i) => `${i.code}:${i.field}`);
const NOW = '2025-07-10';

describe('monthly report checks', () => {
  it('accepts a consistent row', () => {
    expect(
      validateMonthlyReport(row('2025-06', 30, 130), { previous: row('2025-05', 20, 100), now: NOW }),
    ).toEqual([]);
  });
  it('accepts January from zero without a previous report', () => {
    expect(validateMonthlyReport(row('2025-01', 15, 15), { now: NOW })).toEqual([]);
    // … and ignores December of the year before when checking YTD.
    expect(
      validateMonthlyReport(row('2025-01', 15, 15), { previous: row('2024-12', 5, 900), now: NOW }),
    ).toEqual([]);
  });
  it('flags negative investment on each field', () => {
    expect(codes(validateMonthlyReport(row('2025-01', -1, 0), { now: NOW }))).toContain(
      'REPORT_NEGATIVE_INVESTMENT:completedThisMonth',
    );
    expect(codes(validateMonthlyReport(row('2025-02', 0, -5), { now: NOW }))).toEqual([
      'REPORT_NEGATIVE_INVESTMENT:ytdCompleted',
    ]);
  });
  it('flags a month in the future relative to now', () => {
    expect(codes(validateMonthlyReport(row('2025-08', 0, 0, false), { now: NOW }))).toEqual([
      'REPORT_MONTH_IN_FUTURE:month',
    ]);
    expect(validateMonthlyReport(row('2025-07', 0, 0, false), { now: NOW })).toEqual([]);
  });
  it('flags a YTD below the previous YTD, and a YTD that does not add up', () => {
    const issues = validateMonthlyReport(row('2025-06', 10, 90), {
      previous: row('2025-05', 20, 100),
      now: NOW,
    });
    expect(codes(issues)).toEqual(['REPORT_YTD_DECREASED:ytdCompleted', 'REPORT_YTD_MISMATCH:ytdCompleted']);
    const mismatch = validateMonthlyReport(row('2025-06', 10, 120), {
      previous: row('2025-05', 20, 100),
      now: NOW,
    });
    expect(codes(mismatch)).toEqual(['REPORT_YTD_MISMATCH:ytdCompleted']);
    expect(codes(validateMonthlyReport(row('2025-01', 10, 12), { now: NOW }))).toEqual([
      'REPORT_YTD_MISMATCH:ytdCompleted',
    ]);
  });
  it('applies the tolerance to the YTD sum', () => {
    const ctx = { previous: row('2025-05', 20, 100), now: NOW };
    expect(validateMonthlyReport(row('2025-06', 10.004, 110), ctx)).toEqual([]);
    expect(codes(validateMonthlyReport(row('2025-06', 10.5, 110), ctx))).toEqual([
      'REPORT_YTD_MISMATCH:ytdCompleted',
    ]);
    expect(validateMonthlyReport(row('2025-06', 10.5, 110), { ...ctx, tolerance: 1 })).toEqual([]);
  });
  it('checks only the decrease, not the sum, against an older month', () => {
    const ctx = { previous: row('2025-03', 20, 100), now: NOW };
    expect(validateMonthlyReport(row('2025-06', 10, 150), ctx)).toEqual([]);
    expect(codes(validateMonthlyReport(row('2025-06', 10, 50), ctx))).toEqual([
      'REPORT_YTD_DECREASED:ytdCompleted',
    ]);
  });
  it('flags investment reported while not started, and a start that goes back', () => {
    expect(
      codes(
        validateMonthlyReport(row('2025-02', 5, 5, false), {
          previous: row('2025-01', 0, 0, false),
          now: NOW,
        }),
      ),
    ).toEqual(['REPORT_INVESTMENT_NOT_STARTED:started']);
    expect(
      codes(
        validateMonthlyReport(row('2025-02', 0, 0, false), {
          previous: row('2025-01', 0, 0, true),
          now: NOW,
        }),
      ),
    ).toEqual(['REPORT_START_REVERTED:started']);
  });
  it('flags a malformed month and non-numbers', () => {
    expect(codes(validateMonthlyReport(row('2025-6', 0, 0, false), { now: NOW }))).toEqual([
      'REPORT_MONTH_INVALID:month',
    ]);
    expect(codes(validateMonthlyReport(row('2025-01', Number.NaN, 0, false), { now: NOW }))).toEqual([
      'REPORT_NOT_A_NUMBER:completedThisMonth',
    ]);
  });
  it('accepts every consistent monthly sequence (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 10_000 }), { minLength: 1, maxLength: 12 }),
        (amounts) => {
          let ytd = 0;
          let prev: MonthlyReport | undefined;
          amounts.forEach((a, i) => {
            ytd += a;
            const r = row(`2025-${String(i + 1).padStart(2, '0')}`, a, ytd, true);
            expect(validateMonthlyReport(r, { previous: prev, now: '2025-12-31' })).toEqual([]);
            prev = r;
          });
        },
      ),
    );
  });
});

describe('annual plan checks', () => {
  it('accepts a plan whose months add up', () => {
    expect(
      validateAnnualPlan({
        projectCode: 'P1',
        year: 2025,
        plannedInvestment: 120,
        monthlyPlanned: Array(12).fill(10),
      }),
    ).toEqual([]);
    expect(validateAnnualPlan({ projectCode: 'P1', year: 2025, plannedInvestment: 120 })).toEqual([]);
  });
  it('flags each kind of problem', () => {
    const c = (plannedInvestment: number, monthlyPlanned?: number[]) =>
      validateAnnualPlan(
        monthlyPlanned
          ? { projectCode: 'P1', year: 2025, plannedInvestment, monthlyPlanned }
          : { projectCode: 'P1', year: 2025, plannedInvestment },
      ).map((i) => i.code);
    expect(c(-1)).toEqual(['PLAN_NEGATIVE_INVESTMENT']);
    expect(c(120, [10, 10])).toEqual(['PLAN_MONTHLY_LENGTH']);
    expect(c(120, [...Array(11).fill(10), -10])).toEqual(['PLAN_MONTHLY_NEGATIVE']);
    expect(c(100, Array(12).fill(10))).toEqual(['PLAN_MONTHLY_SUM_MISMATCH']);
  });
});
