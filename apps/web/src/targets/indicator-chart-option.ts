/**
 * The drill-down chart of one indicator for one unit (issue 4 §6): the observed values as lines, one per
 * seasonality (annual values and 1–9月 year-to-date values are not comparable, so they are never joined),
 * the target path — the straight line from the baseline to the target that 序时进度 reads off (METHODS.md
 * §1) — and the projection at the observed rate to the target year, dashed; every target of the indicator
 * for the unit as a marker, superseded ones grey. Time runs in decimal years as in the progress engine: a
 * period at its end, a target "by year T" at the end of T.
 */
import type { ProgressRow, SeriesPoint } from '../api/types';
import type { ChartOption } from '../charts/echarts-setup';
import { FONT_FAMILY } from '../divisions/map-option';
import { parsePeriodInfo, targetYearTime } from './period-time';
import { STATUS_COLOURS } from './progress-status';
import { seasonalLines, uncountedPoints } from './series-model';
import type { TimedPoint } from './series-model';

export interface ChartTarget {
  readonly id: number;
  readonly year: number;
  readonly comparator: string;
  readonly value: number;
  readonly planCode: string;
  readonly supersededBy: string | null;
  /** The target whose path and projection are drawn. */
  readonly selected: boolean;
}

export interface IndicatorChartLabels {
  /** Legend name of a seasonality: `year` → 年度值, `Q3-YTD` → 1–9月累计. */
  readonly seasonality: (seasonality: string) => string;
  readonly uncounted: string;
  readonly targetPath: string;
  readonly projection: string;
  readonly targets: string;
  /** Tick label of the boundary between year v − 1 and year v (`2024年末`). */
  readonly axisYear: (v: number) => string;
  /** Tooltip lines of an observed value (period, value, source, status, formula and inputs). */
  readonly observed: (point: SeriesPoint) => readonly string[];
  readonly baseline: (period: string, value: number, fromPlan: boolean) => readonly string[];
  readonly expected: (
    period: string,
    expected: number,
    actual: number,
    gap: number | null,
  ) => readonly string[];
  readonly targetPoint: (target: ChartTarget) => readonly string[];
  readonly projected: (year: number, value: number) => readonly string[];
}

export const OBSERVED_COLOUR = '#0b3a75';
/** Colours of the seasonalities not judged (annual, other year-to-date stretches), in legend order. */
export const OTHER_SEASON_COLOURS = ['#6f9bd1', '#9a7cc4', '#4fa39b', '#c48a3c'];
export const PATH_COLOUR = '#8a5a00';
export const TARGET_COLOUR = '#c8102e';
export const SUPERSEDED_COLOUR = '#a3adb8';

/** What the chart shows, for data attributes (a canvas cannot be inspected) and tests. */
export interface ChartSummary {
  readonly seriesNames: readonly string[];
  readonly observed: number;
  readonly targetPath: {
    readonly from: { readonly period: string; readonly time: number; readonly value: number };
    readonly to: { readonly year: number; readonly time: number; readonly value: number };
  } | null;
  readonly projection: {
    readonly from: { readonly period: string; readonly time: number; readonly value: number };
    readonly to: { readonly year: number; readonly time: number; readonly value: number };
  } | null;
}

export interface IndicatorChart {
  readonly option: ChartOption;
  readonly summary: ChartSummary;
}

type Point = { readonly value: [number, number]; readonly itemStyle?: { readonly color: string } };

/** Points along the projection from (t, y) to the target time: compound growth is a curve, linear a line. */
export function projectionPoints(
  from: { readonly time: number; readonly value: number },
  toTime: number,
  rate: number | null,
  method: 'compound' | 'linear',
  projected: number,
): [number, number][] {
  if (toTime <= from.time) return [];
  if (rate === null || method === 'linear')
    return [
      [from.time, from.value],
      [toTime, projected],
    ];
  const steps = 12;
  const points: [number, number][] = [];
  for (let i = 0; i <= steps; i++) {
    const t = from.time + ((toTime - from.time) * i) / steps;
    points.push([t, i === steps ? projected : from.value * (1 + rate) ** (t - from.time)]);
  }
  return points;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

const tooltipHtml = (lines: readonly string[]) => lines.map(escapeHtml).join('<br/>');

/**
 * The option and what it shows. `row` is the judgement of the selected target (null: values only). The
 * tooltip of every point is prepared here, so the chart says exactly what the tables say.
 */
export function indicatorChart(
  items: readonly SeriesPoint[],
  row: ProgressRow | null,
  targets: readonly ChartTarget[],
  labels: IndicatorChartLabels,
): IndicatorChart {
  const lines = seasonalLines(items);
  const judged = row?.seasonality ?? null;
  const series: NonNullable<ChartOption['series']> = [];
  const tooltips: string[][] = [];
  const names: string[] = [];
  const times: number[] = [];
  const add = (entry: (typeof series)[number], name: string, tips: string[]) => {
    series.push(entry);
    tooltips.push(tips);
    names.push(name);
  };

  let others = 0;
  for (const line of lines) {
    const main = judged === null ? line === lines[0] : line.seasonality === judged;
    const colour = main
      ? OBSERVED_COLOUR
      : (OTHER_SEASON_COLOURS[others++ % OTHER_SEASON_COLOURS.length] ?? OBSERVED_COLOUR);
    const name = labels.seasonality(line.seasonality);
    times.push(...line.points.map((p) => p.time));
    add(
      {
        type: 'line',
        name,
        data: line.points.map((p): Point => ({ value: [p.time, p.value] })),
        symbol: 'circle',
        symbolSize: main ? 8 : 6,
        lineStyle: { width: main ? 2.5 : 1.5, color: colour },
        itemStyle: { color: colour },
        z: main ? 4 : 3,
      },
      name,
      line.points.map((p: TimedPoint) => tooltipHtml(labels.observed(p.point))),
    );
  }

  const pending = uncountedPoints(items);
  if (pending.length > 0) {
    times.push(...pending.map((p) => p.time));
    add(
      {
        type: 'scatter',
        name: labels.uncounted,
        data: pending.map((p): Point => ({ value: [p.time, p.value] })),
        symbol: 'emptyCircle',
        symbolSize: 8,
        itemStyle: { color: '#8a96a3' },
      },
      labels.uncounted,
      pending.map((p) => tooltipHtml(labels.observed(p.point))),
    );
  }

  let targetPath: ChartSummary['targetPath'] = null;
  let projection: ChartSummary['projection'] = null;
  if (row !== null) {
    const end = targetYearTime(row.year);
    const base = row.baseline;
    const baseInfo = base === null ? null : parsePeriodInfo(base.period);
    if (base !== null && baseInfo !== null && end > baseInfo.time) {
      targetPath = {
        from: { period: base.period, time: baseInfo.time, value: base.value },
        to: { year: row.year, time: end, value: row.targetValue },
      };
      const pathData: Point[] = [{ value: [baseInfo.time, base.value] }];
      const pathTips = [tooltipHtml(labels.baseline(base.period, base.value, base.from === 'plan'))];
      const latestInfo = row.latest === null ? null : parsePeriodInfo(row.latest.period);
      if (row.latest !== null && latestInfo !== null && row.expected !== null) {
        pathData.push({ value: [latestInfo.time, row.expected] });
        pathTips.push(
          tooltipHtml(labels.expected(row.latest.period, row.expected, row.latest.value, row.gap)),
        );
      }
      pathData.push({ value: [end, row.targetValue] });
      pathTips.push(
        tooltipHtml(
          labels.targetPoint({
            id: row.targetId,
            year: row.year,
            comparator: row.comparator,
            value: row.targetValue,
            planCode: row.plan.code,
            supersededBy: row.supersededBy,
            selected: true,
          }),
        ),
      );
      times.push(baseInfo.time, end);
      add(
        {
          type: 'line',
          name: labels.targetPath,
          data: pathData,
          symbol: 'circle',
          symbolSize: 5,
          lineStyle: { width: 2, color: PATH_COLOUR },
          itemStyle: { color: PATH_COLOUR },
          z: 2,
        },
        labels.targetPath,
        pathTips,
      );
    }
    const latest = row.latest;
    const latestInfo = latest === null ? null : parsePeriodInfo(latest.period);
    if (latest !== null && latestInfo !== null && row.projected !== null && end > latestInfo.time) {
      const rate = row.method === 'compound' ? row.rObs : null;
      const data = projectionPoints(
        { time: latestInfo.time, value: latest.value },
        end,
        rate,
        row.method,
        row.projected,
      );
      projection = {
        from: { period: latest.period, time: latestInfo.time, value: latest.value },
        to: { year: row.year, time: end, value: row.projected },
      };
      times.push(end);
      const colour = STATUS_COLOURS[row.status];
      const projectedTip = tooltipHtml(labels.projected(row.year, row.projected));
      add(
        {
          type: 'line',
          name: labels.projection,
          data: data.map((value): Point => ({ value })),
          showSymbol: false,
          symbol: 'circle',
          symbolSize: 4,
          lineStyle: { width: 2, type: 'dashed', color: colour },
          itemStyle: { color: colour },
          z: 2,
        },
        labels.projection,
        data.map(() => projectedTip),
      );
    }
  }

  if (targets.length > 0) {
    times.push(...targets.map((t) => targetYearTime(t.year)));
    add(
      {
        type: 'scatter',
        name: labels.targets,
        data: targets.map((t): Point => ({
          value: [targetYearTime(t.year), t.value],
          itemStyle: { color: t.supersededBy === null ? TARGET_COLOUR : SUPERSEDED_COLOUR },
        })),
        symbol: 'diamond',
        symbolSize: 13,
        itemStyle: { color: TARGET_COLOUR },
        z: 5,
      },
      labels.targets,
      targets.map((t) => tooltipHtml(labels.targetPoint(t))),
    );
  }

  const minTime = times.length === 0 ? 2020 : Math.floor(Math.min(...times));
  const maxTime = times.length === 0 ? 2028 : Math.ceil(Math.max(...times));
  const option: ChartOption = {
    textStyle: { fontFamily: FONT_FAMILY },
    animationDuration: 300,
    grid: { left: 64, right: 40, top: 48, bottom: 40 },
    legend: { top: 0, left: 0, data: names, textStyle: { fontFamily: FONT_FAMILY } },
    tooltip: {
      trigger: 'item',
      confine: true,
      textStyle: { fontFamily: FONT_FAMILY, fontSize: 13 },
      formatter: (params: unknown) => {
        if (typeof params !== 'object' || params === null) return '';
        const s = 'seriesIndex' in params ? params.seriesIndex : null;
        const d = 'dataIndex' in params ? params.dataIndex : null;
        if (typeof s !== 'number' || typeof d !== 'number') return '';
        return tooltips[s]?.[d] ?? '';
      },
    },
    xAxis: {
      type: 'value',
      min: minTime,
      max: maxTime === minTime ? minTime + 1 : maxTime,
      interval: 1,
      splitLine: { show: true, lineStyle: { color: '#eef1f5' } },
      axisLabel: { formatter: (v: number) => labels.axisYear(v), fontFamily: FONT_FAMILY, color: '#374151' },
    },
    yAxis: {
      type: 'value',
      scale: true,
      splitLine: { lineStyle: { color: '#eef1f5' } },
      axisLabel: { fontFamily: FONT_FAMILY, color: '#374151' },
    },
    series,
  };
  return {
    option,
    summary: {
      seriesNames: names,
      observed: lines.reduce((n, line) => n + line.points.length, 0),
      targetPath,
      projection,
    },
  };
}
