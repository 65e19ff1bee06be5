import type { OrderDetailDto, ProposalListResponseDto } from '@suocha/contract';
import { useCallback, useState } from 'react';
import { useRequest } from '../api/use-request';
import { useI18n } from '../i18n/i18n-context';
import { Link } from '../router/link';
import { ErrorBanner } from '../shell/error-banner';
import { evidenceLine } from './evidence-model';
import { ActionError } from './order-actions';
import { partyLabel } from './order-row-model';
import { useTasksApi, useTasksMessages } from './use-tasks';

/**
 * 拟督办建议: drafts from red projects, off-track targets, overdue tasks and warnings, each with the
 * evidence it cites. Nothing is issued until a person presses "确认交办" on one of them.
 */
export function ProposalsPanel({ onIssued }: { readonly onIssued: (order: OrderDetailDto) => void }) {
  const m = useTasksMessages();
  const { t, language } = useI18n();
  const api = useTasksApi();
  const [version, setVersion] = useState(0);
  const load = useCallback(
    (signal: AbortSignal): Promise<ProposalListResponseDto> => api.proposals(signal),
    [api],
  );
  const proposals = useRequest(`tasks:proposals#${version}`, load);
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<Error | null>(null);
  const [limit, setLimit] = useState(20);
  const items = proposals.data?.items ?? [];

  const confirm = async (key: string) => {
    setError(null);
    setBusy(key);
    try {
      const order = await api.confirmProposal({ key });
      setVersion((v) => v + 1);
      onIssued(order);
    } catch (e) {
      setError(e instanceof Error ? e : new Error(String(e)));
    } finally {
      setBusy(null);
    }
  };

  return (
    <section className="panel" data-testid="proposals-panel" data-count={items.length}>
      <h2>{m.proposalsTitle}</h2>
      <p className="muted small">{m.proposalsIntro}</p>
      {proposals.error !== undefined ? (
        <ErrorBanner error={proposals.error} onRetry={proposals.reload} />
      ) : null}
      {proposals.loading && proposals.data === undefined ? <p className="muted">{t.common.loading}</p> : null}
      {error !== null ? <ActionError error={error} /> : null}
      {proposals.data !== undefined && items.length === 0 ? (
        <p className="muted">{m.proposalsEmpty}</p>
      ) : null}
      <ul className="proposals">
        {items.slice(0, limit).map((p) => (
          <li key={p.key} className="proposal" data-key={p.key} data-priority={p.priority}>
            <div className="proposal-head">
              <strong>{p.title}</strong>
              {p.priority === 'high' ? <span className="priority-tag">{m.priorityHigh}</span> : null}
              <span className="muted small">
                → {partyLabel(p.addressee)} · {m.proposalDue(p.dueDate)}
              </span>
            </div>
            <p className="small">{p.requirement}</p>
            <ul className="evidence-list">
              {p.evidence.map((e, i) => {
                const line = evidenceLine(e, m, language === 'en');
                return (
                  <li key={i} data-kind={line.kind}>
                    <span className={`evidence-kind kind-${line.kind}`}>{line.label}</span>{' '}
                    {line.href !== null ? <Link to={line.href}>{line.text}</Link> : line.text}
                  </li>
                );
              })}
            </ul>
            <button
              type="button"
              className="action-button"
              data-testid="confirm-proposal"
              disabled={busy !== null}
              onClick={() => void confirm(p.key)}
            >
              {m.confirmProposal}
            </button>
          </li>
        ))}
      </ul>
      {items.length > limit ? (
        <button type="button" className="link-button" onClick={() => setLimit((n) => n + 20)}>
          {m.showMore(items.length - limit)}
        </button>
      ) : null}
    </section>
  );
}
