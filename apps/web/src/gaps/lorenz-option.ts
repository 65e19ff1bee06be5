import type { ChartOption } from '../charts/echarts-setup';
import { FONT_FAMILY } from '../divisions/map-option';

export const LORENZ_COLOUR = '#2c7fb8';
export const EQUALITY_COLOUR = '#8c96a3';

export interface LorenzLabels {
  readonly curve: string;
  readonly equality: string;
  readonly population: string;
  readonly income: string;
  readonly formatShare: (x: number) => string;
}

/**
 * The Lorenz curve (cumulative share of income against cumulative share of persons, METHODS.md §3) with
 * the line of perfect equality; the area between them is half the Gini coefficient.
 */
export function lorenzOption(
  lorenz: { readonly population: readonly number[]; readonly income: readonly number[] },
  labels: LorenzLabels,
): ChartOption {
  const points = lorenz.population.map((p, i) => [p, lorenz.income[i] ?? Number.NaN]);
  const percent = (value: number) => `${Math.round(value * 100)}%`;
  return {
    textStyle: { fontFamily: FONT_FAMILY },
    // Legend top right, the y axis's name top left: they must not overlap.
    grid: { left: 8, right: 24, top: 44, bottom: 28, containLabel: true },
    legend: {
      top: 0,
      right: 0,
      data: [labels.curve, labels.equality],
      textStyle: { fontFamily: FONT_FAMILY },
    },
    tooltip: {
      trigger: 'axis',
      confine: true,
      textStyle: { fontFamily: FONT_FAMILY, fontSize: 13 },
      formatter: (params: unknown) => {
        const first: unknown = Array.isArray(params) ? params[0] : params;
        if (typeof first !== 'object' || first === null || !('value' in first)) return '';
        const value: unknown = first.value;
        if (!Array.isArray(value)) return '';
        const [p, y] = value as unknown[];
        if (typeof p !== 'number' || typeof y !== 'number') return '';
        return `${labels.population} ${labels.formatShare(p)}<br/>${labels.income} ${labels.formatShare(y)}`;
      },
    },
    xAxis: {
      type: 'value',
      min: 0,
      max: 1,
      interval: 0.2,
      name: labels.population,
      nameLocation: 'middle',
      nameGap: 24,
      axisLabel: { formatter: percent },
    },
    yAxis: {
      type: 'value',
      min: 0,
      max: 1,
      interval: 0.2,
      name: labels.income,
      axisLabel: { formatter: percent },
    },
    series: [
      {
        type: 'line',
        name: labels.equality,
        data: [
          [0, 0],
          [1, 1],
        ],
        showSymbol: false,
        silent: true,
        lineStyle: { color: EQUALITY_COLOUR, type: 'dashed', width: 1.5 },
        itemStyle: { color: EQUALITY_COLOUR },
      },
      {
        type: 'line',
        name: labels.curve,
        data: points,
        showSymbol: false,
        lineStyle: { color: LORENZ_COLOUR, width: 2.5 },
        itemStyle: { color: LORENZ_COLOUR },
        areaStyle: { color: 'rgba(44, 127, 184, 0.12)' },
      },
    ],
  };
}
