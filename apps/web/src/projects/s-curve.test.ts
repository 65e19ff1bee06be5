import { describe, expect, it } from 'vitest';
import type { SCurveDto } from '@suocha/contract';
import { sCurveOf } from './s-curve';
import { sCurveOption } from './s-curve-option';
import type { SCurveLabels } from './s-curve-option';
import { report } from './test-fixtures';

const LABELS: SCurveLabels = {
  plannedMonthly: '计划累计',
  plannedSchedule: '序时进度线',
  completed: '完成累计',
  monthly: '当月完成',
  month: (m) => `${m}月`,
  amountUnit: '万元',
  amount: (x) => `${x} 万元`,
};

/** 2025, plan 1,200 without a monthly plan: the 序时 line is 100·m; reports for March and May only. */
const LINEAR: SCurveDto = {
  year: 2025,
  plannedBasis: 'linear',
  annualPlan: 1200,
  points: Array.from({ length: 12 }, (_, i) => ({
    month: `2025-${String(i + 1).padStart(2, '0')}`,
    plannedCumulative: 100 * (i + 1),
    completedCumulative: i === 2 ? 80 : i === 4 ? 260 : null,
  })),
};

describe('sCurveOf', () => {
  it('places each point at its month and the current report’s monthly amount beside it', () => {
    const curve = sCurveOf(LINEAR, [
      report('2025-05', 2, true, 260, 90),
      report('2025-05', 1, false, 250, 80),
      report('2025-03', 1, true, 80, 80),
      report('2024-12', 1, true, 999, 9),
    ]);
    expect(curve.plannedKind).toBe('schedule');
    expect(curve.planned).toEqual([100, 200, 300, 400, 500, 600, 700, 800, 900, 1000, 1100, 1200]);
    expect(curve.completed).toEqual([null, null, 80, null, 260, null, null, null, null, null, null, null]);
    // The corrected version (2) counts, not the one it replaced; December 2024 is another year.
    expect(curve.monthly).toEqual([null, null, 80, null, 90, null, null, null, null, null, null, null]);
    expect(curve.lastReportedMonth).toBe(5);
  });

  it('keeps months the server did not send empty, and ignores points of another year', () => {
    const curve = sCurveOf(
      {
        year: 2025,
        plannedBasis: 'monthly',
        annualPlan: 300,
        points: [
          { month: '2025-02', plannedCumulative: 100, completedCumulative: 40 },
          { month: '2026-01', plannedCumulative: 5, completedCumulative: 5 },
        ],
      },
      [],
    );
    expect(curve.plannedKind).toBe('monthly');
    expect(curve.planned).toEqual([null, 100, null, null, null, null, null, null, null, null, null, null]);
    expect(curve.lastReportedMonth).toBe(2);
  });

  it('has no planned curve when the server has no basis', () => {
    const curve = sCurveOf({ year: 2025, plannedBasis: 'none', annualPlan: null, points: [] }, []);
    expect(curve.plannedKind).toBe('none');
    expect(curve.lastReportedMonth).toBe(0);
  });
});

describe('sCurveOption', () => {
  it('names the planned curve by its kind and summarises the last reported month', () => {
    const { option, summary } = sCurveOption(sCurveOf(LINEAR, []), LABELS);
    expect(summary.seriesNames).toEqual(['当月完成', '序时进度线', '完成累计']);
    expect(summary.plannedKind).toBe('schedule');
    expect(summary.reported).toBe(2);
    expect(summary.atLast).toEqual({ month: 5, planned: 500, completed: 260 });
    const series = Array.isArray(option.series) ? option.series : [];
    expect(series).toHaveLength(3);
    const xAxis = option.xAxis;
    expect(xAxis !== undefined && !Array.isArray(xAxis) && 'data' in xAxis ? xAxis.data : []).toEqual(
      Array.from({ length: 12 }, (_, i) => `${i + 1}月`),
    );
  });

  it('draws a monthly plan solid and the 序时 line dashed', () => {
    const dash = (basis: SCurveDto['plannedBasis']) => {
      const { option } = sCurveOption(sCurveOf({ ...LINEAR, plannedBasis: basis }, []), LABELS);
      const series = Array.isArray(option.series) ? option.series : [];
      const planned = series[1];
      return planned !== undefined && 'lineStyle' in planned ? planned.lineStyle?.type : undefined;
    };
    expect(dash('monthly')).toBe('solid');
    expect(dash('linear')).toBe('dashed');
  });

  it('leaves out the planned curve when there is no plan, and has no last month without reports', () => {
    const { summary } = sCurveOption(
      sCurveOf({ year: 2025, plannedBasis: 'none', annualPlan: null, points: [] }, []),
      LABELS,
    );
    expect(summary.seriesNames).toEqual(['当月完成', '完成累计']);
    expect(summary.atLast).toBeNull();
  });
});
