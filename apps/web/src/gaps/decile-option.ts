import type { ChartOption } from '../charts/echarts-setup';
import { FONT_FAMILY } from '../divisions/map-option';

export const DECILE_COLOUR = '#41b6c4';

export interface DecileLabels {
  /** Category label of group `i` (1-based), e.g. "第 1 组". */
  readonly group: (i: number) => string;
  readonly share: string;
  readonly mean: string;
  readonly formatShare: (x: number) => string;
  readonly formatMoney: (x: number) => string;
}

/**
 * Income share of each tenth of persons, poorest first (METHODS.md §3); with equal shares every bar would
 * be 10%. The tooltip adds the group's mean per-capita income.
 */
export function decileOption(
  deciles: { readonly share: readonly number[]; readonly mean: readonly number[] },
  labels: DecileLabels,
): ChartOption {
  const categories = deciles.share.map((_, i) => labels.group(i + 1));
  return {
    textStyle: { fontFamily: FONT_FAMILY },
    grid: { left: 8, right: 16, top: 28, bottom: 8, containLabel: true },
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      confine: true,
      textStyle: { fontFamily: FONT_FAMILY, fontSize: 13 },
      formatter: (params: unknown) => {
        const first: unknown = Array.isArray(params) ? params[0] : params;
        if (typeof first !== 'object' || first === null || !('dataIndex' in first)) return '';
        const i = first.dataIndex;
        if (typeof i !== 'number') return '';
        const share = deciles.share[i];
        const mean = deciles.mean[i];
        if (share === undefined || mean === undefined) return '';
        return `<strong>${categories[i] ?? ''}</strong><br/>${labels.share} ${labels.formatShare(share)}<br/>${labels.mean} ${labels.formatMoney(mean)}`;
      },
    },
    // Every group named (ECharts would skip every other label on a narrow chart).
    xAxis: {
      type: 'category',
      data: categories,
      axisTick: { show: false },
      axisLabel: { interval: 0, fontSize: 11 },
    },
    yAxis: { type: 'value', min: 0, axisLabel: { formatter: (v: number) => `${Math.round(v * 100)}%` } },
    series: [
      {
        type: 'bar',
        name: labels.share,
        barMaxWidth: 36,
        itemStyle: { color: DECILE_COLOUR },
        label: {
          show: true,
          position: 'top',
          fontFamily: FONT_FAMILY,
          fontSize: 11,
          formatter: (params: unknown) => {
            const value: unknown =
              typeof params === 'object' && params !== null && 'value' in params ? params.value : null;
            return typeof value === 'number' ? labels.formatShare(value) : '';
          },
        },
        data: [...deciles.share],
      },
    ],
  };
}
