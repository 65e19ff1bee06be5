import { useCallback } from 'react';
import { api } from '../api/client';
import { useRequest } from '../api/use-request';
import { localIsoDate } from '../divisions/dates';
import { useI18n } from '../i18n/i18n-context';
import { ErrorBanner } from '../shell/error-banner';
import { comparatorSymbol, formatWithUnit } from './format';

/**
 * 目标进度 of the health check: the targets the plans set for the county with their latest value and the
 * status the progress engine gives today. Without targets the panel says so. Nothing is estimated here.
 */
export function TargetsPanel({ code }: { readonly code: string }) {
  const { t, language } = useI18n();
  const h = t.health;
  const loadProgress = useCallback(
    (signal: AbortSignal) => api.progress(code, localIsoDate(new Date()), signal),
    [code],
  );
  const progress = useRequest(`progress:${code}`, loadProgress);
  const { error, loading } = progress;
  const report = progress.loading ? undefined : progress.data;

  return (
    <section
      className="panel"
      data-testid="targets-panel"
      data-progress={report === undefined ? 'loading' : 'available'}
      aria-busy={loading}
    >
      <h2>{h.targetsTitle}</h2>
      {error !== undefined ? <ErrorBanner error={error} /> : null}
      {loading && error === undefined ? <p className="muted">{t.common.loading}</p> : null}
      {!loading && error === undefined && report !== undefined && report.items.length > 0 ? (
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
      {!loading && error === undefined && report !== undefined && report.items.length === 0 ? (
        <p className="empty-state" data-testid="targets-none">
          {h.targetsNone}
        </p>
      ) : null}
    </section>
  );
}
