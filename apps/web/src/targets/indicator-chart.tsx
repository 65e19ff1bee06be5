import { useMemo } from 'react';
import type { ProgressRow, SeriesPoint } from '../api/types';
import { EChart } from '../charts/echart';
import { useI18n } from '../i18n/i18n-context';
import { indicatorChart } from './indicator-chart-option';
import type { ChartTarget, IndicatorChartLabels } from './indicator-chart-option';
import { formatAmount, formatSignedDifference, formatTarget } from './progress-format';
import { useUnitLabels } from './unit-labels';

interface IndicatorChartProps {
  readonly name: string;
  readonly unit: string;
  readonly items: readonly SeriesPoint[];
  readonly row: ProgressRow | null;
  readonly targets: readonly ChartTarget[];
}

const pathText = (p: { readonly period?: string; readonly year?: number; readonly value: number }) =>
  `${p.period ?? String(p.year)}:${p.value}`;

/** The series with its target path and projection (ECharts line chart); tooltips carry sources and lineage. */
export function IndicatorChart({ name, unit, items, row, targets }: IndicatorChartProps) {
  const { t } = useI18n();
  const p = t.targetsPage;
  const units = useUnitLabels();
  const chart = useMemo(() => {
    const amount = (x: number) => formatAmount(x, unit, units);
    const labels: IndicatorChartLabels = {
      seasonality: p.seasonality,
      uncounted: p.legendUncounted,
      targetPath: p.legendPath,
      projection: p.legendProjection,
      targets: p.legendTargets,
      axisYear: p.axisYear,
      observed: (point) => [
        p.tipPeriod(point.period),
        p.tipValue(amount(point.value)),
        p.tipSource(point.source),
        p.tipStatus(p.observationStatus(point.status)),
        ...(point.derived !== null
          ? [
              p.tipFormula(point.derived.formula),
              ...point.derived.inputs.map((input) =>
                p.tipInput(input.indicatorCode, input.unitCode, input.period, String(input.value)),
              ),
              ...(point.derived.stale ? [p.tipStale] : []),
            ]
          : []),
        ...(point.synthetic ? [p.tipSynthetic] : []),
      ],
      baseline: (period, value, fromPlan) => [p.tipBaseline(period, amount(value), fromPlan)],
      expected: (period, expected, actual, gap) => [
        p.tipExpected(period, amount(expected), amount(actual), formatSignedDifference(gap, unit, units)),
      ],
      targetPoint: (target) => [
        p.tipTarget(target.year, formatTarget(target.comparator, target.value, unit, units), target.planCode),
        ...(target.supersededBy !== null ? [p.supersededBy(target.supersededBy)] : []),
      ],
      projected: (year, value) => [p.tipProjected(year, amount(value))],
    };
    return indicatorChart(items, row, targets, labels);
  }, [items, row, targets, unit, units, p]);
  const { summary } = chart;
  return (
    <EChart
      option={chart.option}
      className="indicator-chart"
      testId="indicator-chart"
      ariaLabel={p.chartAria(name)}
      data={{
        'data-series': summary.seriesNames.join('|'),
        'data-observed': summary.observed,
        'data-target-path':
          summary.targetPath === null
            ? ''
            : `${pathText(summary.targetPath.from)}>${pathText(summary.targetPath.to)}`,
        'data-projection':
          summary.projection === null
            ? ''
            : `${pathText(summary.projection.from)}>${pathText(summary.projection.to)}`,
      }}
    />
  );
}
