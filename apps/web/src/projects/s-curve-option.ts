/**
 * ECharts option of a project's S-curve (issue 7 §6): cumulative planned investment (solid where a monthly
 * plan exists, dashed where it is the 序时进度 line plan × m/12), cumulative completed investment from the
 * reports, and the investment completed in each month as bars. The x axis is the twelve months of the year.
 */
import type { ChartOption } from '../charts/echarts-setup';
import { FONT_FAMILY } from '../divisions/map-option';
import type { SCurve } from './s-curve';

export interface SCurveLabels {
  /** Legend name of the planned curve of each kind. */
  readonly plannedMonthly: string;
  readonly plannedSchedule: string;
  readonly completed: string;
  readonly monthly: string;
  /** Axis tick of month 1–12 (`1月`, `Jan`). */
  readonly month: (m: number) => string;
  /** Y axis name (`万元`). */
  readonly amountUnit: string;
  /** Formats an amount for the tooltip. */
  readonly amount: (x: number) => string;
}

export const PLANNED_COLOUR = '#8a5a00';
export const COMPLETED_COLOUR = '#0b3a75';
export const MONTHLY_COLOUR = '#9fb8d8';

/** What the chart shows, as data attributes for tests and assistive tools (a canvas cannot be read). */
export interface SCurveSummary {
  readonly seriesNames: readonly string[];
  readonly plannedKind: SCurve['plannedKind'];
  /** Months with a report. */
  readonly reported: number;
  /** Planned and completed cumulative at the last reported month (null when none). */
  readonly atLast: {
    readonly month: number;
    readonly planned: number | null;
    readonly completed: number;
  } | null;
}

export interface SCurveChart {
  readonly option: ChartOption;
  readonly summary: SCurveSummary;
}

/** Option and summary of an S-curve. */
export function sCurveOption(curve: SCurve, labels: SCurveLabels): SCurveChart {
  const months = Array.from({ length: 12 }, (_, i) => labels.month(i + 1));
  const plannedName = curve.plannedKind === 'monthly' ? labels.plannedMonthly : labels.plannedSchedule;
  const names: string[] = [];
  const series: NonNullable<ChartOption['series']> = [];

  series.push({
    type: 'bar',
    name: labels.monthly,
    data: [...curve.monthly],
    barMaxWidth: 18,
    itemStyle: { color: MONTHLY_COLOUR },
  });
  names.push(labels.monthly);

  if (curve.plannedKind !== 'none') {
    series.push({
      type: 'line',
      name: plannedName,
      data: [...curve.planned],
      symbol: 'emptyCircle',
      symbolSize: 5,
      smooth: false,
      lineStyle: {
        color: PLANNED_COLOUR,
        width: 2,
        type: curve.plannedKind === 'monthly' ? 'solid' : 'dashed',
      },
      itemStyle: { color: PLANNED_COLOUR },
    });
    names.push(plannedName);
  }

  series.push({
    type: 'line',
    name: labels.completed,
    data: [...curve.completed],
    // A month without a report stays a gap: joining across it would invent the missing figure.
    connectNulls: false,
    symbol: 'circle',
    symbolSize: 7,
    lineStyle: { color: COMPLETED_COLOUR, width: 3 },
    itemStyle: { color: COMPLETED_COLOUR },
  });
  names.push(labels.completed);

  const reported = curve.completed.filter((x) => x !== null).length;
  const last = curve.lastReportedMonth;
  const atLast =
    last === 0
      ? null
      : {
          month: last,
          planned: curve.planned[last - 1] ?? null,
          completed: curve.completed[last - 1] ?? 0,
        };

  const option: ChartOption = {
    textStyle: { fontFamily: FONT_FAMILY },
    animationDuration: 300,
    grid: { left: 72, right: 24, top: 48, bottom: 36 },
    legend: { top: 0, left: 0, data: names, textStyle: { fontFamily: FONT_FAMILY } },
    tooltip: {
      trigger: 'axis',
      confine: true,
      textStyle: { fontFamily: FONT_FAMILY, fontSize: 13 },
      valueFormatter: (value) => (typeof value === 'number' ? labels.amount(value) : '—'),
    },
    xAxis: {
      type: 'category',
      data: months,
      axisLabel: { fontFamily: FONT_FAMILY, color: '#374151' },
    },
    yAxis: {
      type: 'value',
      name: labels.amountUnit,
      min: 0,
      splitLine: { lineStyle: { color: '#eef1f5' } },
      axisLabel: { fontFamily: FONT_FAMILY, color: '#374151' },
    },
    series,
  };
  return { option, summary: { seriesNames: names, plannedKind: curve.plannedKind, reported, atLast } };
}
