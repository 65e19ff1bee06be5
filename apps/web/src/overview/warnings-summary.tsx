import type { Warning, WarningsReport } from '../api/types';
import { useI18n } from '../i18n/i18n-context';
import { Link } from '../router/link';
import { indicatorPath } from '../router/routes';
import { orderWarnings, severityCounts } from './warnings-model';

function WarningList({
  title,
  items,
  testId,
  closed,
}: {
  readonly title: string;
  readonly items: readonly Warning[];
  readonly testId: string;
  readonly closed?: boolean;
}) {
  const { t } = useI18n();
  const d = t.dashboard;
  return (
    <div className="warning-list" data-testid={testId} data-count={items.length}>
      <h3>
        {title} <span className="muted">({items.length})</span>
      </h3>
      {items.length === 0 ? (
        <p className="muted small">{d.noWarnings}</p>
      ) : (
        <ul>
          {orderWarnings(items).map((w) => (
            <li key={w.id} data-severity={w.severity} data-rule={w.rule}>
              <span className={`severity-dot severity-${w.severity}`} aria-hidden="true" />
              <span className="warning-rule">{d.rule(w.rule)}</span>{' '}
              {w.indicatorCode !== null ? (
                <Link to={indicatorPath(w.indicatorCode, w.unitCode, w.targetId)}>
                  {w.unitName} · {w.indicatorNameZh ?? w.indicatorCode}
                </Link>
              ) : (
                <span>
                  {w.unitName} · {w.datasetCode ?? ''}
                </span>
              )}
              <span className="muted small">
                {' '}
                {w.period !== null ? `${w.period} · ` : ''}
                {closed === true && w.closedOn !== null ? d.closedOn(w.closedOn) : d.raisedOn(w.raisedOn)}
              </span>
              <p className="warning-message small muted">{w.message}</p>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** 预警: open warnings by severity, and the lists of new, open and resolved warnings of the period. */
export function WarningsSummary({ report }: { readonly report: WarningsReport }) {
  const { t } = useI18n();
  const d = t.dashboard;
  const counts = severityCounts(report);
  return (
    <div data-testid="warnings-summary">
      <p className="muted small">{d.warningsIntro(report.since, report.asOf)}</p>
      <ul className="severity-counts" data-testid="severity-counts">
        {counts.map((c) => (
          <li key={c.severity} className={`severity-count severity-${c.severity}`} data-severity={c.severity}>
            <span className="severity-name">{d.severity(c.severity)}</span>
            <span className="severity-open" data-testid={`severity-open-${c.severity}`}>
              {c.open}
            </span>
            <span className="muted small">{d.openCount}</span>
          </li>
        ))}
      </ul>
      <div className="warning-columns">
        <WarningList title={d.raisedList} items={report.raised} testId="warnings-raised" />
        <WarningList title={d.openList} items={report.open} testId="warnings-open" />
        <WarningList title={d.closedList} items={report.closed} testId="warnings-closed" closed />
      </div>
    </div>
  );
}
