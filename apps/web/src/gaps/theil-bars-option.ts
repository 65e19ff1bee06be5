import type { ChartOption } from '../charts/echarts-setup';
import { FONT_FAMILY } from '../divisions/map-option';
import type { TheilBar } from './regional-model';

/** Between-group part (the gap between the groups) and within-group part, shared with the HTML legend. */
export const BETWEEN_COLOUR = '#e6550d';
export const WITHIN_COLOUR = '#6baed6';

export interface TheilBarLabels {
  /** Category label of a bar, e.g. "泰尔 T · 按设区市". */
  readonly bar: (bar: TheilBar) => string;
  readonly between: string;
  readonly within: string;
  readonly total: string;
  readonly betweenShare: string;
  readonly formatIndex: (x: number) => string;
  readonly formatShare: (x: number | null) => string;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** Index of the hovered bar from an axis tooltip's parameters. */
function dataIndexOf(params: unknown): number | null {
  const first: unknown = Array.isArray(params) ? params[0] : params;
  if (typeof first !== 'object' || first === null || !('dataIndex' in first)) return null;
  return typeof first.dataIndex === 'number' ? first.dataIndex : null;
}

/**
 * Horizontal stacked bars, one per decomposition and index (Theil T, Theil L): the between-group part and
 * the within-group part add up to the index (METHODS.md §2, exact decomposition). The first bar is on top.
 */
export function theilBarsOption(bars: readonly TheilBar[], labels: TheilBarLabels): ChartOption {
  // ECharts draws a category axis bottom-up; reversed so the page reads top-down like the table.
  const ordered = [...bars].reverse();
  return {
    textStyle: { fontFamily: FONT_FAMILY },
    grid: { left: 8, right: 24, top: 36, bottom: 8, containLabel: true },
    legend: {
      top: 0,
      left: 0,
      data: [labels.between, labels.within],
      textStyle: { fontFamily: FONT_FAMILY },
    },
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      confine: true,
      textStyle: { fontFamily: FONT_FAMILY, fontSize: 13 },
      formatter: (params: unknown) => {
        const index = dataIndexOf(params);
        const bar = index === null ? undefined : ordered[index];
        if (bar === undefined) return '';
        return [
          `<strong>${escapeHtml(labels.bar(bar))}</strong>`,
          `${escapeHtml(labels.total)} ${labels.formatIndex(bar.total)}`,
          `${escapeHtml(labels.between)} ${labels.formatIndex(bar.between)}`,
          `${escapeHtml(labels.within)} ${labels.formatIndex(bar.within)}`,
          `${escapeHtml(labels.betweenShare)} ${labels.formatShare(bar.betweenShare)}`,
        ].join('<br/>');
      },
    },
    xAxis: {
      type: 'value',
      min: 0,
      axisLabel: { formatter: (value: number) => labels.formatIndex(value) },
    },
    yAxis: { type: 'category', data: ordered.map(labels.bar), axisTick: { show: false } },
    series: [
      {
        type: 'bar',
        name: labels.between,
        stack: 'theil',
        barMaxWidth: 22,
        itemStyle: { color: BETWEEN_COLOUR },
        // Rounding can leave a between part a hair below zero; a bar cannot be drawn backwards.
        data: ordered.map((bar) => Math.max(0, bar.between)),
      },
      {
        type: 'bar',
        name: labels.within,
        stack: 'theil',
        barMaxWidth: 22,
        itemStyle: { color: WITHIN_COLOUR },
        data: ordered.map((bar) => Math.max(0, bar.within)),
      },
    ],
  };
}
