import type { LeagueRow } from '../api/types';
import type { ChartOption } from '../charts/echarts-setup';
import { FONT_FAMILY } from '../divisions/map-option';

export interface IntervalItem {
  readonly code: string;
  readonly name: string;
  readonly rank: number;
  readonly p5: number;
  readonly median: number;
  readonly p95: number;
}

/** Ranked rows with a Monte Carlo rank interval (METHODS.md §4), by rank (ties by code). */
export function intervalItems(rows: readonly LeagueRow[]): IntervalItem[] {
  return rows
    .flatMap((row) =>
      row.rank !== null && row.rankInterval !== null
        ? [{ code: row.unitCode, name: row.name, rank: row.rank, ...row.rankInterval }]
        : [],
    )
    .sort((a, b) => a.rank - b.rank || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
}

export interface IntervalLabels {
  readonly interval: string;
  readonly median: string;
  readonly tooltip: (item: IntervalItem) => string;
}

export const INTERVAL_COLOUR = '#8fb3df';
export const MEDIAN_COLOUR = '#0b3a75';

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/**
 * Per county a bar from its 5th to its 95th percentile rank and a dot at the median rank, counties in
 * rank order along the x axis and rank 1 at the top. The bar is drawn as two stacked bars: an invisible
 * one up to p5 − ½ and a visible one of height p95 − p5 + 1, so that each rank is one unit tall.
 */
export function rankIntervalOption(
  items: readonly IntervalItem[],
  maxRank: number,
  labels: IntervalLabels,
): ChartOption {
  return {
    textStyle: { fontFamily: FONT_FAMILY },
    grid: { left: 40, right: 16, top: 28, bottom: 84 },
    legend: {
      top: 0,
      right: 16,
      data: [labels.interval, labels.median],
      textStyle: { fontFamily: FONT_FAMILY },
    },
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      textStyle: { fontFamily: FONT_FAMILY, fontSize: 13 },
      confine: true,
      formatter: (params: unknown) => {
        const first: unknown = Array.isArray(params) ? params[0] : params;
        const index =
          typeof first === 'object' && first !== null && 'dataIndex' in first ? first.dataIndex : null;
        const item = typeof index === 'number' ? items[index] : undefined;
        return item === undefined ? '' : escapeHtml(labels.tooltip(item)).replace(/\n/g, '<br/>');
      },
    },
    xAxis: {
      type: 'category',
      data: items.map((item) => item.name),
      axisTick: { show: false },
      // The rank axis is inverted: keep the category axis at the bottom, not at rank 0 on top.
      axisLine: { onZero: false },
      axisLabel: { interval: 0, rotate: 90, fontSize: 10, fontFamily: FONT_FAMILY, color: '#374151' },
    },
    yAxis: {
      type: 'value',
      inverse: true,
      min: 0,
      max: Math.max(1, maxRank) + 1,
      minInterval: 1,
      // 0 and rank + 1 are padding, not ranks.
      axisLabel: { showMinLabel: false, showMaxLabel: false, fontFamily: FONT_FAMILY },
      splitLine: { lineStyle: { color: '#edf1f6' } },
    },
    series: [
      {
        type: 'bar',
        stack: 'interval',
        silent: true,
        itemStyle: { color: 'transparent' },
        emphasis: { disabled: true },
        data: items.map((item) => item.p5 - 0.5),
        barWidth: '60%',
      },
      {
        type: 'bar',
        name: labels.interval,
        stack: 'interval',
        itemStyle: { color: INTERVAL_COLOUR, borderRadius: 2 },
        data: items.map((item) => item.p95 - item.p5 + 1),
        barWidth: '60%',
      },
      {
        type: 'scatter',
        name: labels.median,
        symbolSize: 6,
        itemStyle: { color: MEDIAN_COLOUR },
        data: items.map((item) => item.median),
        z: 3,
      },
    ],
  };
}
