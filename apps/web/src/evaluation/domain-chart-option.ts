import type { ChartOption } from '../charts/echarts-setup';
import { FONT_FAMILY } from '../divisions/map-option';

export interface DomainBar {
  readonly name: string;
  readonly score: number | null;
  readonly runMedian: number | null;
  readonly groupMedian: number | null;
}

export interface DomainChartLabels {
  readonly county: string;
  readonly runMedian: string;
  readonly groupMedian: string;
  readonly formatScore: (x: number | null) => string;
}

/** County, run (provincial) median and group median: the series colours, also used by the page. */
export const DOMAIN_COLOURS = ['#14559e', '#9aa5b1', '#e8890c'] as const;

/**
 * Grouped bars per domain (0–100): the county's domain score beside the median of all units of the run
 * and the median of its group (山区海岛县 or the others). A missing score is a gap, not a zero bar.
 */
export function domainChartOption(domains: readonly DomainBar[], labels: DomainChartLabels): ChartOption {
  const series = (name: string, colour: string, pick: (d: DomainBar) => number | null) => ({
    type: 'bar' as const,
    name,
    itemStyle: { color: colour },
    barMaxWidth: 28,
    label: {
      show: true,
      position: 'top' as const,
      fontSize: 11,
      fontFamily: FONT_FAMILY,
      formatter: (params: unknown) => {
        const value =
          typeof params === 'object' && params !== null && 'value' in params ? params.value : null;
        return typeof value === 'number' ? labels.formatScore(value) : '';
      },
    },
    // '-' is ECharts' "no value": the bar is left out rather than drawn at 0.
    data: domains.map((d) => pick(d) ?? '-'),
  });
  return {
    textStyle: { fontFamily: FONT_FAMILY },
    grid: { left: 40, right: 16, top: 40, bottom: 32 },
    legend: { top: 0, textStyle: { fontFamily: FONT_FAMILY } },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, confine: true },
    xAxis: {
      type: 'category',
      data: domains.map((d) => d.name),
      axisLabel: { fontFamily: FONT_FAMILY, fontSize: 13, color: '#1b2a3a' },
    },
    yAxis: { type: 'value', min: 0, max: 100, splitLine: { lineStyle: { color: '#edf1f6' } } },
    series: [
      series(labels.county, DOMAIN_COLOURS[0], (d) => d.score),
      series(labels.runMedian, DOMAIN_COLOURS[1], (d) => d.runMedian),
      series(labels.groupMedian, DOMAIN_COLOURS[2], (d) => d.groupMedian),
    ],
  };
}
