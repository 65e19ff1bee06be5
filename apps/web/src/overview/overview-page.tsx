import { useCallback, useEffect, useMemo, useState } from 'react';
import { api } from '../api/client';
import type { IndicatorSeries } from '../api/types';
import { useRequest } from '../api/use-request';
import { useAuth } from '../auth/auth-context';
import { localIsoDate } from '../divisions/dates';
import { SyntheticBanner } from '../evaluation/synthetic-banner';
import { useI18n } from '../i18n/i18n-context';
import { Link } from '../router/link';
import { replaceSearch } from '../router/location';
import { ROUTES } from '../router/routes';
import { ErrorBanner } from '../shell/error-banner';
import { StatusChip } from '../targets/status-chip';
import { distinctPairs, seriesKey, useSeriesMap } from '../targets/series-map';
import { useUnitOptions } from '../targets/unit-names';
import { HeadlineCards } from './headline-cards';
import { HEADLINE_GAPS, HEADLINE_INDICATORS, headlineMetric } from './headline-model';
import {
  currentStatusCounts,
  domainsOf,
  filterProgressRows,
  plansOf,
  sortProgressRows,
} from './progress-table-model';
import { ProgressTable } from './progress-table';
import { readOverviewUrlState, writeOverviewUrlState } from './url-state';
import { WarningsSummary } from './warnings-summary';
import '../evaluation/evaluation.css';
import '../targets/targets.css';
import './overview.css';

const loadIndicators = (signal: AbortSignal) => api.indicators(signal);
const loadAllTargets = (signal: AbortSignal) => api.targetsWhere({}, signal);

/**
 * 总览: the three gaps' headline figures against their targets, the progress of every target of a unit
 * (filters by plan, domain and unit) with sparklines, and the warnings of the period; the module
 * directory below. Everything is as of today; what has no real data says so.
 */
export function OverviewPage() {
  const { t } = useI18n();
  const d = t.dashboard;
  const { state } = useAuth();
  const scope = state.status === 'ready' ? state.me.user.scopeUnit.code : '330000';
  const scopeName = state.status === 'ready' ? state.me.user.scopeUnit.name : '';
  const asOf = useMemo(() => localIsoDate(new Date()), []);
  const initial = useMemo(() => readOverviewUrlState(window.location.search), []);
  const [plan, setPlan] = useState<string | null>(initial.plan);
  const [domain, setDomain] = useState<string | null>(initial.domain);
  const [unit, setUnit] = useState<string>(initial.unit ?? scope);

  useEffect(() => {
    replaceSearch(writeOverviewUrlState({ plan, domain, unit: unit === scope ? null : unit }));
  }, [plan, domain, unit, scope]);

  const indicators = useRequest('indicators', loadIndicators);
  const allTargets = useRequest('targets:all', loadAllTargets);
  const loadHeadProgress = useCallback(
    (signal: AbortSignal) => api.progress(scope, asOf, signal),
    [scope, asOf],
  );
  const headProgress = useRequest(`progress:${scope}:${asOf}`, loadHeadProgress);
  const loadProgress = useCallback((signal: AbortSignal) => api.progress(unit, asOf, signal), [unit, asOf]);
  const tableProgress = useRequest(unit === scope ? null : `progress:${unit}:${asOf}`, loadProgress);
  const progress = unit === scope ? headProgress : tableProgress;
  const loadWarnings = useCallback((signal: AbortSignal) => api.warnings(unit, asOf, signal), [unit, asOf]);
  const warnings = useRequest(`warnings:${unit}:${asOf}`, loadWarnings);

  const targetUnitCodes = useMemo(
    () => [...new Set([scope, ...(allTargets.data?.items ?? []).map((x) => x.unitCode)])],
    [allTargets.data, scope],
  );
  const units = useUnitOptions(targetUnitCodes, scope);
  const unitChoices = (units.data ?? []).filter((u) => u.inScope);
  const targetsPerUnit = useMemo(() => {
    const counts = new Map<string, number>();
    for (const x of allTargets.data?.items ?? []) counts.set(x.unitCode, (counts.get(x.unitCode) ?? 0) + 1);
    return counts;
  }, [allTargets.data]);

  const indicatorByCode = useMemo(
    () => new Map((indicators.data?.items ?? []).map((i) => [i.code, i])),
    [indicators.data],
  );
  const domainOf = useCallback((code: string) => indicatorByCode.get(code)?.domain, [indicatorByCode]);

  // Headline series and the series of every judged row with a value, loaded together for the sparklines.
  const headRows = headProgress.loading ? undefined : headProgress.data?.items;
  const report = progress.loading ? undefined : progress.data;
  const pairs = useMemo(
    () =>
      distinctPairs([
        ...HEADLINE_INDICATORS.map((indicator) => ({ indicator, unit: scope })),
        ...(report?.items ?? [])
          .filter((r) => r.latest !== null)
          .map((r) => ({ indicator: r.indicator.code, unit: r.unit.code })),
      ]),
    [report, scope],
  );
  const series = useSeriesMap(pairs);
  const seriesMap: ReadonlyMap<string, IndicatorSeries> | undefined = series.loading
    ? undefined
    : series.data;

  const gaps = useMemo(
    () =>
      headRows === undefined || indicators.data === undefined || seriesMap === undefined
        ? null
        : HEADLINE_GAPS.map((gap) => ({
            key: gap.key,
            metrics: gap.indicators.map((code) =>
              headlineMetric(
                code,
                indicatorByCode.get(code),
                headRows,
                scope,
                seriesMap.get(seriesKey(code, scope)),
              ),
            ),
          })),
    [headRows, indicators.data, seriesMap, indicatorByCode, scope],
  );

  const allRows = report?.items;
  const plans = useMemo(() => plansOf(allRows ?? []), [allRows]);
  const domains = useMemo(
    () => domainsOf((allRows ?? []).flatMap((r) => domainOf(r.indicator.code) ?? [])),
    [allRows, domainOf],
  );
  const rows = useMemo(
    () => sortProgressRows(filterProgressRows(allRows ?? [], { plan, domain }, domainOf), domainOf),
    [allRows, plan, domain, domainOf],
  );
  const counts = useMemo(() => currentStatusCounts(allRows ?? []), [allRows]);
  const synthetic = (report?.synthetic ?? false) || (headProgress.data?.synthetic ?? false);
  const unitName = report?.unit.name ?? units.data?.find((u) => u.code === unit)?.name ?? unit;
  const error = indicators.error ?? headProgress.error;

  return (
    <div className="overview" data-testid="overview">
      {synthetic ? <SyntheticBanner label={t.evaluation.syntheticTitle} /> : null}
      <section className="panel">
        <h1>{t.overview.title}</h1>
        <p className="muted">{d.intro(scopeName, asOf)}</p>
        {error !== undefined ? <ErrorBanner error={error} onRetry={headProgress.reload} /> : null}
        {gaps === null && error === undefined ? <p className="muted">{t.common.loading}</p> : null}
        {gaps !== null ? <HeadlineCards gaps={gaps} unitCode={scope} /> : null}
      </section>

      <section className="panel" data-testid="progress-panel">
        <div className="panel-head">
          <h2>
            {d.progressTitle} · {unitName}
          </h2>
          <div className="controls compact">
            <label className="field">
              <span>{d.filterUnit}</span>
              <select
                data-testid="unit-filter"
                value={unit}
                onChange={(event) => {
                  setUnit(event.target.value);
                  setPlan(null);
                }}
              >
                {unitChoices.length === 0 ? <option value={unit}>{unitName}</option> : null}
                {unitChoices.map((u) => (
                  <option key={u.code} value={u.code}>
                    {`${u.name} (${targetsPerUnit.get(u.code) ?? 0})`}
                  </option>
                ))}
              </select>
            </label>
            <label className="field">
              <span>{d.filterPlan}</span>
              <select
                data-testid="plan-filter"
                value={plan ?? ''}
                onChange={(event) => setPlan(event.target.value === '' ? null : event.target.value)}
              >
                <option value="">{d.allPlans}</option>
                {plans.map((p) => (
                  <option key={p.code} value={p.code} title={p.title}>
                    {p.code} · {p.title.length > 24 ? `${p.title.slice(0, 24)}…` : p.title}
                  </option>
                ))}
              </select>
            </label>
            <label className="field">
              <span>{d.filterDomain}</span>
              <select
                data-testid="domain-filter"
                value={domain ?? ''}
                onChange={(event) => setDomain(event.target.value === '' ? null : event.target.value)}
              >
                <option value="">{d.allDomains}</option>
                {domains.map((code) => (
                  <option key={code} value={code}>
                    {t.targetsPage.domain(code)}
                  </option>
                ))}
              </select>
            </label>
          </div>
        </div>
        <p className="muted small">{d.progressIntro}</p>
        {progress.error !== undefined ? (
          <ErrorBanner error={progress.error} onRetry={progress.reload} />
        ) : null}
        {report === undefined && progress.error === undefined ? (
          <p className="muted">{t.common.loading}</p>
        ) : null}
        {report !== undefined ? (
          <>
            <div className="status-summary" data-testid="status-counts">
              <span className="muted small">{d.countsTitle}</span>
              {counts.map((c) => (
                <span key={c.status} className="status-count" data-status={c.status} data-count={c.count}>
                  <StatusChip status={c.status} /> <strong>{c.count}</strong>
                </span>
              ))}
              <span className="muted small">{d.countsNote}</span>
            </div>
            <p className="league-count" data-testid="progress-count" data-count={rows.length}>
              {d.shown(rows.length, report.items.length)}
            </p>
            {rows.length === 0 ? (
              <p className="empty-state">{d.noRows}</p>
            ) : (
              <ProgressTable rows={rows} series={seriesMap} />
            )}
          </>
        ) : null}
      </section>

      <section className="panel" data-testid="warnings-panel">
        <h2>
          {d.warningsTitle} · {unitName}
        </h2>
        {warnings.error !== undefined ? (
          <ErrorBanner error={warnings.error} onRetry={warnings.reload} />
        ) : null}
        {warnings.loading ? <p className="muted">{t.common.loading}</p> : null}
        {!warnings.loading && warnings.data !== undefined ? <WarningsSummary report={warnings.data} /> : null}
      </section>

      <section className="panel">
        <h2>{t.overview.modulesTitle}</h2>
        <ul className="module-grid" data-testid="module-grid">
          {ROUTES.filter((route) => route.key !== 'overview').map((route) => (
            <li key={route.key} className="module-card" data-module={route.key} data-status={route.status}>
              <div className="module-card-head">
                <Link to={route.path} className="module-card-title">
                  {t.nav[route.key]}
                </Link>
                <span className={`badge badge-${route.status}`}>{t.status[route.status]}</span>
              </div>
              <p>{t.modules[route.key].summary}</p>
              <p className="muted small">{t.construction.basisOf(t.modules[route.key].basis)}</p>
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
