import { useCallback } from 'react';
import { ApiError } from '../api/api-error';
import { api } from '../api/client';
import type { ProgressReport } from '../api/types';
import { useRequest } from '../api/use-request';
import { localIsoDate } from '../divisions/dates';
import { useI18n } from '../i18n/i18n-context';
import { ErrorBanner } from '../shell/error-banner';
import { comparatorSymbol, formatWithUnit } from './format';

/** Progress to targets, or `null` when the server has no progress API yet (its generic 404). */
async function loadProgressIfAvailable(
  code: string,
  asOf: string,
  signal: AbortSignal,
): Promise<ProgressReport | null> {
  try {
    return await api.progress(code, asOf, signal);
  } catch (error) {
    if (error instanceof ApiError && error.status === 404 && error.code === 'NOT_FOUND') return null;
    throw error;
  }
}

const loadIndicators = (signal: AbortSignal) => api.indicators(signal);

/**
 * 目标进度 of the health check: the targets the plans set for the county (real catalogue data) and, where
 * the server computes it, their progress. Without the progress API the column honestly says "not yet
 * available"; without targets the panel says so. Nothing is estimated here.
 */
export function TargetsPanel({ code }: { readonly code: string }) {
  const { t, language } = useI18n();
  const h = t.health;
  const loadTargets = useCallback((signal: AbortSignal) => api.targets(code, signal), [code]);
  const loadProgress = useCallback(
    (signal: AbortSignal) => loadProgressIfAvailable(code, localIsoDate(new Date()), signal),
    [code],
  );
  const targets = useRequest(`targets:${code}`, loadTargets);
  const progress = useRequest(`progress:${code}`, loadProgress);
  const indicators = useRequest('indicators', loadIndicators);
  const names = new Map(
    (indicators.data?.items ?? []).map((i) => [
      i.code,
      { name: language === 'en' ? i.nameEn : i.nameZh, unit: i.unit },
    ]),
  );
  const error = targets.error ?? progress.error ?? indicators.error;
  const loading = targets.loading || progress.loading || indicators.loading;
  const report = progress.loading ? undefined : progress.data;
  const connected = report !== undefined && report !== null;
  const items = targets.loading ? undefined : targets.data?.items;

  return (
    <section
      className="panel"
      data-testid="targets-panel"
      data-progress={report === undefined ? 'loading' : connected ? 'available' : 'not-connected'}
      aria-busy={loading}
    >
      <h2>{h.targetsTitle}</h2>
      {error !== undefined ? <ErrorBanner error={error} /> : null}
      {loading && error === undefined ? <p className="muted">{t.common.loading}</p> : null}
      {!loading && error === undefined && connected && report.items.length > 0 ? (
        <div className="table-scroll">
          <table className="data-table" data-testid="progress-table">
            <thead>
              <tr>
                <th scope="col">{h.colIndicator}</th>
                <th scope="col" className="num">
                  {h.colYear}
                </th>
                <th scope="col" className="num">
                  {h.colTarget}
                </th>
                <th scope="col" className="num">
                  {h.colLatest}
                </th>
                <th scope="col">{h.colPlan}</th>
                <th scope="col">{h.colProgress}</th>
              </tr>
            </thead>
            <tbody>
              {report.items.map((row) => (
                <tr key={row.targetId} data-status={row.status}>
                  <td className="indicator-name">
                    {language === 'en' ? row.indicator.nameEn : row.indicator.nameZh}
                  </td>
                  <td className="num">{row.year}</td>
                  <td className="num">
                    {comparatorSymbol(row.comparator)}{' '}
                    {formatWithUnit(
                      row.targetValue,
                      row.indicator.unit,
                      t.evaluation.unitLabel(row.indicator.unit),
                    )}
                  </td>
                  <td className="num">
                    {formatWithUnit(
                      row.latest?.value,
                      row.indicator.unit,
                      t.evaluation.unitLabel(row.indicator.unit),
                    )}
                    {row.latest !== null ? <span className="muted small"> ({row.latest.period})</span> : null}
                  </td>
                  <td className="small" title={row.plan.issuedOn}>
                    {row.plan.title}
                  </td>
                  <td>
                    <span className={`status status-${row.status}`}>{h.progressStatus(row.status)}</span>
                    {row.synthetic ? (
                      <span className="synthetic-tag">{t.evaluation.syntheticTag}</span>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {!loading && error === undefined && !connected ? (
        <p className="notice" data-testid="progress-not-connected">
          {h.targetsNotConnected}
        </p>
      ) : null}
      {!loading && error === undefined && !connected && items !== undefined && items.length > 0 ? (
        <>
          <p>{h.targetsListed}</p>
          <div className="table-scroll">
            <table className="data-table" data-testid="targets-table">
              <thead>
                <tr>
                  <th scope="col">{h.colIndicator}</th>
                  <th scope="col" className="num">
                    {h.colYear}
                  </th>
                  <th scope="col" className="num">
                    {h.colTarget}
                  </th>
                  <th scope="col">{h.colSource}</th>
                  <th scope="col">{h.colProgress}</th>
                </tr>
              </thead>
              <tbody>
                {items.map((target) => {
                  const indicator = names.get(target.indicatorCode);
                  return (
                    <tr key={target.id} data-indicator={target.indicatorCode}>
                      <td className="indicator-name">{indicator?.name ?? target.indicatorCode}</td>
                      <td className="num">{target.year}</td>
                      <td className="num">
                        {comparatorSymbol(target.comparator)}{' '}
                        {formatWithUnit(
                          target.value,
                          indicator?.unit ?? '',
                          t.evaluation.unitLabel(indicator?.unit ?? ''),
                        )}
                      </td>
                      <td className="small">{target.source}</td>
                      <td>
                        <span className="status status-not-connected">{h.progressNotConnected}</span>
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        </>
      ) : null}
      {!loading &&
      error === undefined &&
      (connected ? report.items.length === 0 : items !== undefined && items.length === 0) ? (
        <p className="empty-state" data-testid="targets-none">
          {h.targetsNone}
        </p>
      ) : null}
    </section>
  );
}
