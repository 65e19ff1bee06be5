import { useCallback } from 'react';
import { api } from '../api/client';
import { useRequest } from '../api/use-request';
import { localIsoDate } from '../divisions/dates';
import { comparatorSymbol, formatWithUnit } from '../evaluation/format';
import { useI18n } from '../i18n/i18n-context';
import { ErrorBanner } from '../shell/error-banner';
import { threeGapTargets } from './gap-targets-model';

/**
 * The three gaps with their targets: for each headline indicator, the governing targets of the plans with
 * the latest value and the status the progress engine gives today; it never invents a number.
 */
export function GapTargetsPanel({ unit }: { readonly unit: string }) {
  const { t, language } = useI18n();
  const g = t.gaps;
  const load = useCallback(
    (signal: AbortSignal) => api.progress(unit, localIsoDate(new Date()), signal),
    [unit],
  );
  const progress = useRequest(`gap-progress:${unit}`, load);
  const report = progress.loading ? undefined : progress.data;
  const groups = report === undefined ? null : threeGapTargets(report);
  const state = report === undefined ? 'loading' : 'available';

  return (
    <section className="panel" data-testid="gap-targets" data-progress={state} aria-busy={progress.loading}>
      <h2>{g.targetsTitle}</h2>
      {progress.error !== undefined ? <ErrorBanner error={progress.error} onRetry={progress.reload} /> : null}
      {progress.loading ? <p className="muted">{t.common.loading}</p> : null}
      {groups !== null ? (
        <>
          <p className="muted small">{g.targetsIntro(report?.unit.name ?? '', report?.asOf ?? '')}</p>
          <div className="table-scroll">
            <table className="data-table gap-targets-table">
              <thead>
                <tr>
                  <th scope="col">{g.colGap}</th>
                  <th scope="col" className="num">
                    {g.colYear}
                  </th>
                  <th scope="col" className="num">
                    {g.colTarget}
                  </th>
                  <th scope="col" className="num">
                    {g.colLatest}
                  </th>
                  <th scope="col">{g.colStatus}</th>
                  <th scope="col">{g.colPlan}</th>
                </tr>
              </thead>
              {groups.map((group) => (
                <tbody key={group.code} data-indicator={group.code}>
                  {group.rows.length === 0 ? (
                    <tr data-status="none">
                      <th scope="row">{g.gapName(group.code)}</th>
                      <td colSpan={5} className="muted">
                        {g.noTargets}
                      </td>
                    </tr>
                  ) : (
                    group.rows.map((row, i) => {
                      const unitLabel = t.evaluation.unitLabel(row.indicator.unit);
                      return (
                        <tr key={row.targetId} data-status={row.status} data-year={row.year}>
                          {i === 0 ? (
                            <th
                              scope="rowgroup"
                              rowSpan={group.rows.length}
                              title={language === 'en' ? row.indicator.nameEn : row.indicator.nameZh}
                            >
                              {g.gapName(group.code)}
                            </th>
                          ) : null}
                          <td className="num">{row.year}</td>
                          <td className="num">
                            {comparatorSymbol(row.comparator)}{' '}
                            {formatWithUnit(row.targetValue, row.indicator.unit, unitLabel)}
                          </td>
                          <td className="num" data-testid="gap-latest">
                            {row.latest === null ? (
                              <span className="muted">{g.noLatest}</span>
                            ) : (
                              <>
                                {formatWithUnit(row.latest.value, row.indicator.unit, unitLabel)}
                                <span className="muted small"> ({row.latest.period})</span>
                              </>
                            )}
                          </td>
                          <td>
                            <span className={`status status-${row.status}`}>
                              {t.health.progressStatus(row.status)}
                            </span>
                            {row.current ? <span className="muted small"> · {g.currentTarget}</span> : null}
                            {row.synthetic ? (
                              <span className="synthetic-tag">{t.evaluation.syntheticTag}</span>
                            ) : null}
                          </td>
                          <td className="small" title={row.plan.issuedOn}>
                            {row.plan.title}
                          </td>
                        </tr>
                      );
                    })
                  )}
                </tbody>
              ))}
            </table>
          </div>
        </>
      ) : null}
    </section>
  );
}
