import { useRequest } from '../api/use-request';
import { useI18n } from '../i18n/i18n-context';
import { ErrorBanner } from '../shell/error-banner';
import type { CollectionApi } from './collection-api';
import { formatStamp, formatValue } from './collection-format';
import { collectionMessages } from './collection-messages';
import type { FormKey } from './form-path';

/** One value's history, newest first: who, when, old → new, reason and source (loaded on demand). */
export function ValueHistory({
  api,
  formKey,
  indicator,
  name,
  revision,
}: {
  readonly api: CollectionApi;
  readonly formKey: FormKey;
  readonly indicator: string;
  readonly name: string;
  readonly revision: number;
}) {
  const { language } = useI18n();
  const m = collectionMessages(language);
  const request = useRequest(
    `${formKey.dataset}/${formKey.unit}/${formKey.period}/${indicator}@${revision}`,
    (signal) => api.history({ ...formKey, indicator }, signal),
  );
  const items = request.loading ? undefined : request.data?.items;
  const newestFirst = items === undefined ? [] : [...items].sort((a, b) => b.version - a.version);
  return (
    <div className="value-history" data-testid={`history-${indicator}`} aria-busy={request.loading}>
      <h3>{m.historyTitle(name)}</h3>
      {request.error !== undefined ? <ErrorBanner error={request.error} onRetry={request.reload} /> : null}
      {items !== undefined && items.length === 0 ? <p className="muted">{m.historyEmpty}</p> : null}
      {newestFirst.length > 0 ? (
        <table className="data-table history-table">
          <thead>
            <tr>
              <th scope="col">{m.colWhen}</th>
              <th scope="col">{m.colWho}</th>
              <th scope="col">{m.colChange}</th>
              <th scope="col">{m.colState}</th>
              <th scope="col">{m.colReason}</th>
              <th scope="col">{m.colSource}</th>
              <th scope="col">{m.colComment}</th>
            </tr>
          </thead>
          <tbody>
            {newestFirst.map((h) => (
              <tr key={`${h.observationId}:${h.version}`} data-version={h.version}>
                <td className="nowrap">{formatStamp(h.changedAt)}</td>
                <td>{h.changedBy}</td>
                <td className="nowrap" data-testid="history-change">
                  {formatValue(h.oldValue, language)} → {formatValue(h.newValue, language)}
                </td>
                <td className="nowrap">
                  {h.oldStatus !== null && h.oldStatus !== h.newStatus
                    ? `${m.stateName(h.oldStatus)} → ${m.stateName(h.newStatus)}`
                    : m.stateName(h.newStatus)}
                </td>
                <td>{h.reason}</td>
                <td>{h.source}</td>
                <td>{h.comment}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </div>
  );
}
