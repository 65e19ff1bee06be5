import type { IndicatorSeries, ProgressRow } from '../api/types';
import { useI18n } from '../i18n/i18n-context';
import { Link } from '../router/link';
import { indicatorPath } from '../router/routes';
import {
  formatAmount,
  formatRequiredChange,
  formatSignedDifference,
  formatTarget,
} from '../targets/progress-format';
import { STATUS_COLOURS } from '../targets/progress-status';
import { seriesKey } from '../targets/series-map';
import { lineOf, seasonalLines } from '../targets/series-model';
import { Sparkline } from '../targets/sparkline';
import { StatusChip } from '../targets/status-chip';
import { useUnitLabels } from '../targets/unit-labels';

interface ProgressTableProps {
  readonly rows: readonly ProgressRow[];
  readonly series: ReadonlyMap<string, IndicatorSeries> | undefined;
}

function Trend({ row, series }: { readonly row: ProgressRow; readonly series: IndicatorSeries | undefined }) {
  if (series === undefined || row.seasonality === null) return null;
  const line = lineOf(seasonalLines(series.items), row.seasonality)?.points ?? [];
  if (line.length === 0) return null;
  return (
    <Sparkline
      lines={[{ key: 'main', points: line }]}
      reference={row.targetValue}
      colour={STATUS_COLOURS[row.status]}
      width={96}
      height={28}
      label={line.map((p) => `${p.period} ${p.value}`).join(', ')}
      testId="row-sparkline"
    />
  );
}

/**
 * Every target of the unit with its progress: one row per target (superseded ones greyed and labelled with
 * the plan that replaced them), the figures of METHODS.md §1 and a sparkline of the series judged.
 */
export function ProgressTable({ rows, series }: ProgressTableProps) {
  const { t, language } = useI18n();
  const d = t.dashboard;
  const p = t.targetsPage;
  const labels = useUnitLabels();
  return (
    <div className="table-scroll progress-scroll">
      <table className="data-table progress-table" data-testid="progress-table">
        <thead>
          <tr>
            <th scope="col">{d.colIndicator}</th>
            <th scope="col">{d.colPlan}</th>
            <th scope="col" className="num">
              {d.colYear}
            </th>
            <th scope="col" className="num">
              {d.colTarget}
            </th>
            <th scope="col" className="num">
              {d.colLatest}
            </th>
            <th scope="col" className="num">
              {d.colExpected}
            </th>
            <th scope="col" className="num" title={d.gapTitle}>
              {d.colGap}
            </th>
            <th scope="col" className="num">
              {d.colProjected}
            </th>
            <th scope="col" className="num">
              {d.colRequired}
            </th>
            <th scope="col">{d.colStatus}</th>
            <th scope="col">{d.colTrend}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => {
            const unit = row.indicator.unit;
            const superseded = row.supersededBy !== null;
            const gapClass = row.gap === null ? '' : row.gap >= 0 ? ' ahead' : ' behind';
            return (
              <tr
                key={row.targetId}
                className={superseded ? 'superseded' : row.current ? 'current' : undefined}
                data-target-id={row.targetId}
                data-indicator={row.indicator.code}
                data-plan={row.plan.code}
                data-status={row.status}
                data-superseded={superseded ? 'true' : 'false'}
              >
                <td className="indicator-name">
                  <Link to={indicatorPath(row.indicator.code, row.unit.code, row.targetId)}>
                    {language === 'en' ? row.indicator.nameEn : row.indicator.nameZh}
                  </Link>
                </td>
                <td className="plan-cell" title={`${row.plan.title}（${row.plan.issuedOn}）`}>
                  <span className="plan-code">{row.plan.code}</span>
                  <span className="plan-date">{row.plan.issuedOn}</span>
                </td>
                <td className="num">{row.year}</td>
                <td className="num">{formatTarget(row.comparator, row.targetValue, unit, labels)}</td>
                <td className="num" data-testid="cell-latest">
                  {row.latest === null ? (
                    <span className="muted">{p.noData}</span>
                  ) : (
                    <>
                      {formatAmount(row.latest.value, unit, labels)}
                      <span className="cell-period">{row.latest.period}</span>
                    </>
                  )}
                </td>
                <td className="num">{formatAmount(row.expected, unit, labels)}</td>
                <td className={`num gap${gapClass}`}>{formatSignedDifference(row.gap, unit, labels)}</td>
                <td className="num">{formatAmount(row.projected, unit, labels)}</td>
                <td className="num">
                  {formatRequiredChange(row.requiredAnnualChange, row.method, unit, labels)}
                </td>
                <td className="status-cell">
                  <StatusChip status={row.status} />
                  {row.annual !== null ? (
                    <span className="annual-status" data-annual-status={row.annual.status}>
                      {p.seasonality('year')} <StatusChip status={row.annual.status} small />
                    </span>
                  ) : null}
                  {superseded ? (
                    <span className="superseded-label" data-testid="superseded-label">
                      {p.supersededBy(row.supersededBy ?? '')}
                    </span>
                  ) : null}
                  {row.ambiguous ? <span className="superseded-label">{p.ambiguous}</span> : null}
                  {row.synthetic ? <span className="synthetic-tag">{p.syntheticTag}</span> : null}
                </td>
                <td className="trend-cell">
                  <Trend row={row} series={series?.get(seriesKey(row.indicator.code, row.unit.code))} />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
