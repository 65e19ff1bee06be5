import { useMemo } from 'react';
import type { MonthlyReportDto, SCurveDto } from '@suocha/contract';
import { EChart } from '../charts/echart';
import { formatWan } from './projects-format';
import { sCurveOf } from './s-curve';
import { sCurveOption } from './s-curve-option';
import { useProjectsText } from './use-projects';

interface SCurveChartProps {
  readonly curve: SCurveDto;
  readonly reports: readonly MonthlyReportDto[];
  readonly projectName: string;
}

/** The project's S-curve for the year judged; what it draws is also in data attributes (a canvas is opaque). */
export function SCurveChart({ curve, reports, projectName }: SCurveChartProps) {
  const p = useProjectsText();
  const chart = useMemo(
    () =>
      sCurveOption(sCurveOf(curve, reports), {
        plannedMonthly: p.plannedMonthly,
        plannedSchedule: p.plannedSchedule,
        completed: p.completedCum,
        monthly: p.monthlyCompleted,
        month: p.monthTick,
        amountUnit: p.wan,
        amount: (x) => `${formatWan(x)} ${p.wan}`,
      }),
    [curve, reports, p],
  );
  const { summary } = chart;
  return (
    <>
      {summary.plannedKind === 'none' ? <p className="notice">{p.noPlan}</p> : null}
      <EChart
        option={chart.option}
        className="pj-s-curve"
        testId="s-curve"
        ariaLabel={p.chartLabel(projectName)}
        data={{
          'data-series': summary.seriesNames.join('|'),
          'data-planned-kind': summary.plannedKind,
          'data-reported': summary.reported,
          'data-last-month': summary.atLast?.month ?? 0,
          'data-last-completed': summary.atLast?.completed,
          'data-last-planned': summary.atLast?.planned ?? undefined,
        }}
      />
    </>
  );
}
