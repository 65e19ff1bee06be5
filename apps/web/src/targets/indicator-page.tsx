import { useCallback, useMemo } from 'react';
import { ApiError } from '../api/api-error';
import { api } from '../api/client';
import type { ProgressRow } from '../api/types';
import { useRequest } from '../api/use-request';
import { useAuth } from '../auth/auth-context';
import { localIsoDate } from '../divisions/dates';
import { SyntheticBanner } from '../evaluation/synthetic-banner';
import { useI18n } from '../i18n/i18n-context';
import { SourceNote } from '../overview/headline-cards';
import { headlineRow } from '../overview/headline-model';
import { Link } from '../router/link';
import { navigate, useSearch } from '../router/location';
import { indicatorPath } from '../router/routes';
import { ErrorBanner } from '../shell/error-banner';
import { IndicatorChart } from './indicator-chart';
import type { ChartTarget } from './indicator-chart-option';
import { readIndicatorUrlState } from './indicator-url';
import { parsePeriodInfo } from './period-time';
import { formatNumber } from '../evaluation/format';
import { formatAmount, formatRequiredChange, formatSignedDifference, formatTarget } from './progress-format';
import { StatusChip } from './status-chip';
import { useUnitLabels } from './unit-labels';
import { useUnitOptions } from './unit-names';
import '../evaluation/evaluation.css';
import './targets.css';

/** The row drawn: the one asked for in the link, else the target judged now, else the latest governing one. */
export function chosenRow(rows: readonly ProgressRow[], code: string, unit: string, target: number | null) {
  const asked = target === null ? undefined : rows.find((r) => r.targetId === target);
  return asked ?? headlineRow(rows, code, unit);
}

function Figures({ row, unit }: { readonly row: ProgressRow; readonly unit: string }) {
  const { t } = useI18n();
  const p = t.targetsPage;
  const labels = useUnitLabels();
  const rate = (x: number | null) => formatRequiredChange(x, row.method, unit, labels);
  const figures: [string, string, string][] = [
    ['target', p.colTarget, `${formatTarget(row.comparator, row.targetValue, unit, labels)} · ${row.year}`],
    [
      'latest',
      p.colLatest,
      row.latest === null
        ? p.noData
        : `${formatAmount(row.latest.value, unit, labels)} (${row.latest.period})`,
    ],
    [
      'baseline',
      p.colBaselineUsed,
      row.baseline === null
        ? '—'
        : `${formatAmount(row.baseline.value, unit, labels)} (${row.baseline.period})`,
    ],
    ['expected', p.colExpected, formatAmount(row.expected, unit, labels)],
    ['gap', p.colGap, formatSignedDifference(row.gap, unit, labels)],
    ['observed', p.colObserved, rate(row.rObs)],
    ['ratio', p.colRatio, row.ratio === null ? '—' : formatNumber(row.ratio, 2)],
    ['projected', p.colProjected, formatAmount(row.projected, unit, labels)],
    ['required', p.colRequired, formatRequiredChange(row.requiredAnnualChange, row.method, unit, labels)],
    ['method', p.colMethod, row.method === 'compound' ? p.methodCompound : p.methodLinear],
  ];
  return (
    <div data-testid="progress-figures" data-target-id={row.targetId} data-status={row.status}>
      <p className="figures-status">
        <StatusChip status={row.status} />{' '}
        {row.seasonality !== null ? <span className="muted">{p.seasonality(row.seasonality)}</span> : null}
        {row.reason !== null ? <span className="muted small"> · {p.reason(row.reason)}</span> : null}
      </p>
      <dl className="figures">
        {figures.map(([key, label, value]) => (
          <div key={key} className="figure" data-figure={key}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      {row.latest?.source !== null && row.latest?.source !== undefined ? (
        <p className="small muted">
          {p.colSource}: <SourceNote source={row.latest.source} />
        </p>
      ) : null}
      {row.annual !== null ? (
        <p className="small" data-testid="annual-judgement" data-status={row.annual.status}>
          {p.annualStatus(p.status(row.annual.status), row.annual.latest?.period ?? '—')}{' '}
          <StatusChip status={row.annual.status} small />
          {row.annual.projected !== null ? (
            <span className="muted">
              {' '}
              · {p.colProjected} {formatAmount(row.annual.projected, unit, labels)}
            </span>
          ) : null}
        </p>
      ) : null}
      {row.caveats.length > 0 ? (
        <ul className="caveats small">
          {row.caveats.map((c) => (
            <li key={c}>{p.caveat(c)}</li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

/**
 * The drill-down of one indicator for one unit: its values (with sources, status and lineage), the chart
 * with the target path and the projection, every target of the indicator for the unit (superseded ones
 * greyed) and the progress figures of the target drawn.
 */
export function IndicatorPage({ code }: { readonly code: string }) {
  const { t, language } = useI18n();
  const p = t.targetsPage;
  const { state } = useAuth();
  const scope = state.status === 'ready' ? state.me.user.scopeUnit.code : '330000';
  const search = useSearch();
  const url = readIndicatorUrlState(search);
  const unit = url.unit ?? scope;
  const asOf = useMemo(() => localIsoDate(new Date()), []);
  const labels = useUnitLabels();

  const loadSeries = useCallback(
    (signal: AbortSignal) => api.indicatorSeries(code, unit, signal),
    [code, unit],
  );
  const series = useRequest(`series:${code}:${unit}`, loadSeries);
  const loadProgress = useCallback((signal: AbortSignal) => api.progress(unit, asOf, signal), [unit, asOf]);
  const progress = useRequest(`progress:${unit}:${asOf}`, loadProgress);
  const loadTargets = useCallback(
    (signal: AbortSignal) => api.targetsWhere({ indicator: code }, signal),
    [code],
  );
  const indicatorTargets = useRequest(`targets:${code}`, loadTargets);
  const unitCodes = useMemo(
    () => [...new Set([scope, unit, ...(indicatorTargets.data?.items ?? []).map((x) => x.unitCode)])],
    [indicatorTargets.data, scope, unit],
  );
  const units = useUnitOptions(unitCodes, scope);

  const data = series.loading ? undefined : series.data;
  const rows = useMemo(
    () =>
      (progress.loading ? [] : (progress.data?.items ?? [])).filter(
        (r) => r.indicator.code === code && r.unit.code === unit,
      ),
    [progress.loading, progress.data, code, unit],
  );
  const row = chosenRow(rows, code, unit, url.target);
  const chartTargets = useMemo(
    (): ChartTarget[] =>
      rows.map((r) => ({
        id: r.targetId,
        year: r.year,
        comparator: r.comparator,
        value: r.targetValue,
        planCode: r.plan.code,
        supersededBy: r.supersededBy,
        selected: r.targetId === row?.targetId,
      })),
    [rows, row],
  );

  const notFound =
    series.error instanceof ApiError &&
    series.error.status === 404 &&
    series.error.code === 'INDICATOR_NOT_FOUND';
  const indicator = data?.indicator;
  const name = indicator === undefined ? code : language === 'en' ? indicator.nameEn : indicator.nameZh;
  const unitName = data?.unit.name ?? units.data?.find((u) => u.code === unit)?.name ?? unit;
  const synthetic = (data?.items ?? []).some((i) => i.synthetic);
  const unitOfValue = indicator?.unit ?? '';

  return (
    <div className="indicator-page" data-testid="indicator-page" data-indicator={code} data-unit={unit}>
      {synthetic ? <SyntheticBanner label={t.evaluation.syntheticTitle} /> : null}
      <p className="breadcrumbs">
        <Link to="/targets">← {p.back}</Link>
        <span className="muted"> · </span>
        <Link to="/">{p.backHome}</Link>
      </p>
      <section className="panel">
        <div className="panel-head">
          <h1 data-testid="indicator-title">
            {name} · {unitName}
          </h1>
          <label className="field">
            <span>{p.unitLabel}</span>
            <select
              data-testid="indicator-unit"
              value={unit}
              onChange={(event) => navigate(indicatorPath(code, event.target.value))}
            >
              {(units.data ?? [])
                .filter((u) => u.inScope)
                .map((u) => (
                  <option key={u.code} value={u.code}>
                    {u.name}
                  </option>
                ))}
              {units.data === undefined ? <option value={unit}>{unitName}</option> : null}
            </select>
          </label>
        </div>
        {notFound ? (
          <p className="empty-state" data-testid="indicator-not-found">
            {p.unknownIndicator(code)}
          </p>
        ) : null}
        {series.error !== undefined && !notFound ? (
          <ErrorBanner error={series.error} onRetry={series.reload} />
        ) : null}
        {indicator !== undefined ? (
          <p className="indicator-meta small">
            <span className="indicator-code">{indicator.code}</span> ·{' '}
            {t.evaluation.unitLabel(indicator.unit)} · {p.polarity(indicator.polarity)}
            {indicator.definition !== '' ? (
              <>
                {' · '}
                {p.definition}: {indicator.definition}
              </>
            ) : null}
          </p>
        ) : null}
      </section>

      {data !== undefined ? (
        <div className="indicator-grid">
          <section className="panel" data-testid="chart-panel">
            <h2>{p.chartTitle}</h2>
            {rows.length === 0 && !progress.loading ? (
              <p className="notice" data-testid="no-target-for-unit">
                {p.noTargetForUnit}
              </p>
            ) : null}
            {data.items.length === 0 ? (
              <p className="empty-state" data-testid="no-series">
                {p.noSeries}
              </p>
            ) : null}
            {progress.error !== undefined ? (
              <ErrorBanner error={progress.error} onRetry={progress.reload} />
            ) : null}
            <IndicatorChart
              name={name}
              unit={unitOfValue}
              items={data.items}
              row={row}
              targets={chartTargets}
            />
            <p className="muted small">{p.chartIntro}</p>
          </section>
          <section className="panel" data-testid="figures-panel">
            <h2>{p.numbersTitle}</h2>
            {row !== null ? (
              <Figures row={row} unit={unitOfValue} />
            ) : (
              <p className="muted">{p.noTargetForUnit}</p>
            )}
          </section>
        </div>
      ) : series.loading ? (
        <p className="muted">{t.common.loading}</p>
      ) : null}

      {rows.length > 0 ? (
        <section className="panel" data-testid="indicator-targets">
          <h2>{p.targetsOfIndicator}</h2>
          <div className="table-scroll">
            <table className="data-table" data-testid="indicator-targets-table">
              <thead>
                <tr>
                  <th scope="col">{p.colPlan}</th>
                  <th scope="col" className="num">
                    {p.colYear}
                  </th>
                  <th scope="col" className="num">
                    {p.colTarget}
                  </th>
                  <th scope="col" className="num">
                    {p.colLatest}
                  </th>
                  <th scope="col">{p.colStatus}</th>
                  <th scope="col" />
                </tr>
              </thead>
              <tbody>
                {rows.map((r) => (
                  <tr
                    key={r.targetId}
                    className={
                      r.supersededBy !== null
                        ? 'superseded'
                        : r.targetId === row?.targetId
                          ? 'current'
                          : undefined
                    }
                    data-target-id={r.targetId}
                    data-superseded={r.supersededBy !== null ? 'true' : 'false'}
                  >
                    <td className="plan-cell" title={r.plan.title}>
                      <span className="plan-title">{r.plan.title}</span>
                      <span className="plan-code">
                        {r.plan.code} · {r.plan.issuedOn}
                      </span>
                    </td>
                    <td className="num">{r.year}</td>
                    <td className="num">{formatTarget(r.comparator, r.targetValue, unitOfValue, labels)}</td>
                    <td className="num">
                      {r.latest === null ? '—' : formatAmount(r.latest.value, unitOfValue, labels)}
                    </td>
                    <td className="status-cell">
                      <StatusChip status={r.status} />
                      {r.supersededBy !== null ? (
                        <span className="superseded-label">{p.supersededBy(r.supersededBy)}</span>
                      ) : null}
                    </td>
                    <td>
                      {r.targetId === row?.targetId ? (
                        <span className="muted small">{p.selected}</span>
                      ) : (
                        <Link to={indicatorPath(code, unit, r.targetId)} className="small">
                          {p.selectTarget}
                        </Link>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      ) : null}

      {data !== undefined && data.items.length > 0 ? (
        <section className="panel" data-testid="series-panel">
          <h2>{p.seriesTitle}</h2>
          <div className="table-scroll">
            <table className="data-table" data-testid="series-table">
              <thead>
                <tr>
                  <th scope="col">{p.colPeriod}</th>
                  <th scope="col" className="num">
                    {p.colValue}
                  </th>
                  <th scope="col">{p.colObsStatus}</th>
                  <th scope="col">{p.colSource}</th>
                </tr>
              </thead>
              <tbody>
                {[...data.items].reverse().map((item) => (
                  <tr
                    key={item.observationId}
                    data-period={item.period}
                    data-counted={item.counted ? 'true' : 'false'}
                  >
                    <td>
                      {item.period}{' '}
                      <span className="muted small">{p.seasonality(seasonalityOf(item.period))}</span>
                    </td>
                    <td className="num">{formatAmount(item.value, unitOfValue, labels)}</td>
                    <td className="small">
                      {p.observationStatus(item.status)}
                      {item.synthetic ? <span className="synthetic-tag">{p.syntheticTag}</span> : null}
                    </td>
                    <td className="small source-cell">
                      {item.derived !== null ? (
                        <>
                          {p.derivedFrom(item.derived.formula)}
                          {item.derived.inputs.map((input) => (
                            <span
                              key={`${input.indicatorCode}-${input.unitCode}-${input.period}`}
                              className="derived-input"
                            >
                              {p
                                .tipInput(
                                  input.indicatorCode,
                                  input.unitCode,
                                  input.period,
                                  String(input.value),
                                )
                                .trim()}
                            </span>
                          ))}
                        </>
                      ) : (
                        <SourceNote source={item.source} />
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      ) : null}
    </div>
  );
}

function seasonalityOf(period: string): string {
  return parsePeriodInfo(period)?.seasonality ?? period;
}
