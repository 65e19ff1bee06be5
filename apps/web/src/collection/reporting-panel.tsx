import { useRequest } from '../api/use-request';
import { useI18n } from '../i18n/i18n-context';
import { Link } from '../router/link';
import { ErrorBanner } from '../shell/error-banner';
import type { CollectionApi } from './collection-api';
import { formatStamp } from './collection-format';
import { collectionMessages } from './collection-messages';
import type { DataSet } from './collection-types';
import { formPagePath } from './form-path';
import { formatRate, groupOf, summariseReporting } from './reporting-model';
import { StatusBadge } from './status-badge';

/** Which units reported the data set's period on time, late, or not yet: counts, then every unit. */
export function ReportingPanel({
  api,
  dataset,
  period,
}: {
  readonly api: CollectionApi;
  readonly dataset: DataSet;
  readonly period: string;
}) {
  const { language } = useI18n();
  const m = collectionMessages(language);
  const request = useRequest(`${dataset.code}:${period}`, (signal) =>
    api.reporting(dataset.code, period, null, signal),
  );
  const view = request.loading ? undefined : request.data;
  const summary = view === undefined ? undefined : summariseReporting(view);

  return (
    <section className="panel" data-testid="reporting-panel" aria-busy={request.loading}>
      <h2>{m.reportingTitle}</h2>
      {request.error !== undefined ? <ErrorBanner error={request.error} onRetry={request.reload} /> : null}
      {view !== undefined && summary !== undefined ? (
        <>
          <p className="muted small">
            {m.reportingIntro(view.root.name, view.period, view.dueDate, formatStamp(view.asOf))}
          </p>
          <dl className="reporting-counts" data-testid="reporting-counts">
            <div data-count="expected">
              <dt>{m.expected}</dt>
              <dd>{summary.expected}</dd>
            </div>
            <div data-count="on_time" className="count-on-time">
              <dt>{m.onTime}</dt>
              <dd>{summary.counts.on_time}</dd>
            </div>
            <div data-count="late" className="count-late">
              <dt>{m.late}</dt>
              <dd>{summary.counts.late}</dd>
            </div>
            <div data-count="not_yet" className="count-not-yet">
              <dt>{m.notYet}</dt>
              <dd>{summary.counts.not_yet}</dd>
            </div>
            <div data-count="rate">
              <dt>{m.rate}</dt>
              <dd>{formatRate(summary.rate)}</dd>
            </div>
            <div data-count="on_time_rate">
              <dt>{m.onTimeRate}</dt>
              <dd>{formatRate(summary.onTimeRate)}</dd>
            </div>
          </dl>
          {summary.rows.length === 0 ? (
            <p className="muted">{m.noUnitsExpected}</p>
          ) : (
            <div className="table-scroll reporting-scroll">
              <table className="data-table reporting-table" data-testid="reporting-table">
                <thead>
                  <tr>
                    <th scope="col">{m.colUnit}</th>
                    <th scope="col">{m.colStatus}</th>
                    <th scope="col">{m.colState}</th>
                    <th scope="col">{m.colSubmittedAt}</th>
                    <th scope="col" className="num">
                      {m.colDaysLate}
                    </th>
                    <th scope="col" />
                  </tr>
                </thead>
                <tbody>
                  {summary.rows.map((u) => (
                    <tr
                      key={u.code}
                      data-unit={u.code}
                      data-status={u.status}
                      data-state={u.state ?? 'none'}
                      data-group={groupOf(u)}
                    >
                      <td>
                        {u.name} <span className="muted small">{u.code}</span>
                      </td>
                      <td>
                        <span className={`report-status report-${u.status}`}>{m.reportStatus(u.status)}</span>
                      </td>
                      <td>
                        <StatusBadge state={u.state} />
                      </td>
                      <td>{formatStamp(u.submittedAt)}</td>
                      <td className="num">{u.daysLate > 0 ? u.daysLate : ''}</td>
                      <td>
                        <Link to={formPagePath({ dataset: dataset.code, unit: u.code, period: view.period })}>
                          {m.openForm}
                        </Link>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </>
      ) : null}
    </section>
  );
}
