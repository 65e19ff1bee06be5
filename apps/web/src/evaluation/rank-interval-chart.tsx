import { useMemo } from 'react';
import type { LeagueRow } from '../api/types';
import { EChart } from '../charts/echart';
import { useI18n } from '../i18n/i18n-context';
import { intervalItems, rankIntervalOption } from './rank-interval-option';

interface RankIntervalChartProps {
  readonly rows: readonly LeagueRow[];
  /** Ranked units of the run: the rank axis runs from 1 to this. */
  readonly ranked: number;
}

/** Monte Carlo rank intervals (P5–P95) with the median rank, counties in rank order. */
export function RankIntervalChart({ rows, ranked }: RankIntervalChartProps) {
  const { t } = useI18n();
  const e = t.evaluation;
  const items = useMemo(() => intervalItems(rows), [rows]);
  const option = useMemo(
    () =>
      rankIntervalOption(items, ranked, {
        interval: e.intervalSeries,
        median: e.intervalMedian,
        tooltip: (item) => e.intervalTooltip(item.name, item.rank, item.p5, item.p95, item.median),
      }),
    [items, ranked, e],
  );
  if (items.length === 0) return <p className="muted">{e.intervalEmpty}</p>;
  return (
    <EChart
      option={option}
      className="interval-chart"
      testId="interval-chart"
      ariaLabel={e.intervalTitle}
      data={{ 'data-count': items.length }}
    />
  );
}
