import { useMemo } from 'react';
import { EChart } from '../charts/echart';
import { useI18n } from '../i18n/i18n-context';
import { formatIndex, formatShare } from './gaps-format';
import type { TheilBar } from './regional-model';
import { BETWEEN_COLOUR, WITHIN_COLOUR, theilBarsOption } from './theil-bars-option';
import type { TheilBarLabels } from './theil-bars-option';

/**
 * Theil T and L decompositions as stacked bars (between-group part + within-group part = the index) with
 * the same figures in a table, so that they can be read exactly and by screen readers.
 */
export function TheilBars({ bars, testId }: { readonly bars: readonly TheilBar[]; readonly testId: string }) {
  const { t } = useI18n();
  const g = t.gaps;
  const labels = useMemo<TheilBarLabels>(
    () => ({
      bar: (bar) => g.theilBar(bar.measure, g.decomposedBy(bar.by)),
      between: g.between,
      within: g.within,
      total: g.theilTotal,
      betweenShare: g.betweenShare,
      formatIndex,
      formatShare,
    }),
    [g],
  );
  const option = useMemo(() => theilBarsOption(bars, labels), [bars, labels]);
  // The chart grows with its bars (CSS heights for 2, 4 and 6 bars): a canvas cannot size itself.
  const size = Math.min(6, Math.max(2, bars.length + (bars.length % 2)));

  return (
    <div className="theil-bars" data-testid={testId} data-bars={bars.length}>
      <EChart
        option={option}
        className={`theil-chart theil-chart-${size}`}
        testId={`${testId}-chart`}
        ariaLabel={g.theilChartLabel}
      />
      <div className="table-scroll">
        <table className="data-table theil-table">
          <thead>
            <tr>
              <th scope="col">{g.colDecomposition}</th>
              <th scope="col" className="num">
                {g.theilTotal}
              </th>
              <th scope="col" className="num">
                <span className="key" style={{ background: BETWEEN_COLOUR }} />
                {g.between}
              </th>
              <th scope="col" className="num">
                <span className="key" style={{ background: WITHIN_COLOUR }} />
                {g.within}
              </th>
              <th scope="col" className="num">
                {g.betweenShare}
              </th>
            </tr>
          </thead>
          <tbody>
            {bars.map((bar) => (
              <tr key={`${bar.by}-${bar.measure}`} data-by={bar.by} data-measure={bar.measure}>
                <th scope="row">{labels.bar(bar)}</th>
                <td className="num">{formatIndex(bar.total)}</td>
                <td className="num">{formatIndex(bar.between)}</td>
                <td className="num">{formatIndex(bar.within)}</td>
                <td className="num" data-share={bar.betweenShare ?? ''}>
                  {formatShare(bar.betweenShare)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
