import type { OrderDetailDto } from '@suocha/contract';
import { useCallback, useState } from 'react';
import { useRequest } from '../api/use-request';
import { useI18n } from '../i18n/i18n-context';
import { Link } from '../router/link';
import { ErrorBanner } from '../shell/error-banner';
import { DeadlineBadge, EscalatedFlag, SyntheticTag } from './deadline-badge';
import { evidenceLine } from './evidence-model';
import { OrderActions } from './order-actions';
import type { OrderActionCode } from './order-actions-model';
import { orderRow, partyLabel } from './order-row-model';
import { OrderTimeline } from './order-timeline';
import { OrderStateChip } from './state-chips';
import { tabPath } from './tasks-paths';
import { formatWhen } from './timeline-model';
import { useTasksApi, useTasksMessages, useUnitNames } from './use-tasks';

const ZONE = Intl.DateTimeFormat().resolvedOptions().timeZone;

function OrderView({
  order,
  onChanged,
  onReload,
}: {
  readonly order: OrderDetailDto;
  readonly onChanged: (next: OrderDetailDto, action: OrderActionCode) => void;
  readonly onReload: () => void;
}) {
  const m = useTasksMessages();
  const { language } = useI18n();
  // The timeline names units by code: the order's two parties are named by the order, the others (an
  // escalation's level) are looked up.
  const parties = new Map([
    [order.issuer.unit, order.issuer.unitName],
    [order.addressee.unit, order.addressee.unitName],
  ]);
  const others = useUnitNames(
    [
      ...order.timeline.map((e) => e.actorUnit),
      ...(order.escalatedTo === null ? [] : [order.escalatedTo]),
    ].filter((c) => !parties.has(c)),
  );
  const nameOf = (code: string) => parties.get(code) ?? others.get(code) ?? code;
  const row = orderRow(order, order.asOf, m, nameOf);
  const entries = order.timeline.map((e) => ({ ...e, actorUnitName: nameOf(e.actorUnit) }));
  return (
    <>
      <section className="panel order-header" data-testid="order-header" data-state={order.state}>
        <div className="order-title-line">
          <h1 data-testid="order-title">{order.title}</h1>
          <OrderStateChip state={order.state} />
          {row.escalatedLabel !== null ? <EscalatedFlag label={row.escalatedLabel} /> : null}
          {order.synthetic ? <SyntheticTag /> : null}
        </div>
        <p className="muted small">{m.orderNo(order.id)}</p>
        <dl className="facts">
          <div>
            <dt>{m.orderAddressee}</dt>
            <dd data-testid="order-addressee">{partyLabel(order.addressee)}</dd>
          </div>
          <div>
            <dt>{m.orderIssuer}</dt>
            <dd data-testid="order-issuer">{partyLabel(order.issuer)}</dd>
          </div>
          <div>
            <dt>{m.orderStep}</dt>
            <dd>
              {m.orderState(order.state)}
              {order.sendBackCount > 0 ? (
                <span className="muted small"> · {m.orderSendBacks(order.sendBackCount)}</span>
              ) : null}
            </dd>
          </div>
          <div>
            <dt>{m.orderStepDeadline}</dt>
            <dd data-testid="order-step-deadline">
              {order.stateDeadline ?? '—'}{' '}
              <DeadlineBadge judgement={row.deadline} dueDate={order.stateDeadline} />
            </dd>
          </div>
          <div>
            <dt>{m.orderDue}</dt>
            <dd>{order.dueDate ?? '—'}</dd>
          </div>
          <div>
            <dt>{m.orderIssuedAt}</dt>
            <dd>{formatWhen(order.issuedAt, ZONE)}</dd>
          </div>
        </dl>
        <h2>{m.orderRequirement}</h2>
        <p className="requirement" data-testid="order-requirement">
          {order.requirement}
        </p>
        {order.evidence.length > 0 ? (
          <>
            <h2>{m.orderEvidence}</h2>
            <ul className="evidence-list" data-testid="order-evidence">
              {order.evidence.map((e, i) => {
                const line = evidenceLine(e, m, language === 'en');
                return (
                  <li key={i} data-kind={line.kind}>
                    <span className={`evidence-kind kind-${line.kind}`}>{line.label}</span>{' '}
                    {line.href !== null ? <Link to={line.href}>{line.text}</Link> : line.text}
                  </li>
                );
              })}
            </ul>
          </>
        ) : null}
      </section>
      <div className="order-columns">
        <section className="panel">
          <h2>{m.timelineTitle}</h2>
          <OrderTimeline entries={entries} />
        </section>
        <OrderActions order={order} onDone={onChanged} onReload={onReload} />
      </div>
    </>
  );
}

/** 督办单: header, the timeline of every transition, and the moves open to the signed-in user. */
export function OrderPage({ id }: { readonly id: string }) {
  const m = useTasksMessages();
  const { t } = useI18n();
  const api = useTasksApi();
  const load = useCallback((signal: AbortSignal) => api.order(id, signal), [api, id]);
  const loaded = useRequest(`tasks:order:${id}`, load);
  // The answer to a move is the order as it now stands: shown at once, no second request.
  const [latest, setLatest] = useState<OrderDetailDto | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const order = latest ?? loaded.data;
  return (
    <div className="tasks-page" data-testid="order-page" data-order-id={id}>
      <p className="back-link">
        <Link to={tabPath('orders')}>{m.backToTasks}</Link>
      </p>
      {loaded.error !== undefined ? <ErrorBanner error={loaded.error} onRetry={loaded.reload} /> : null}
      {loaded.loading && order === undefined ? <p className="muted">{t.common.loading}</p> : null}
      {done !== null ? (
        <p className="saved-note" role="status" data-testid="action-done">
          {done}
        </p>
      ) : null}
      {order !== undefined ? (
        <OrderView
          order={order}
          onChanged={(next, action) => {
            setLatest(next);
            setDone(m.actionDone(m.orderAction(action)));
          }}
          onReload={() => {
            setLatest(null);
            setDone(null);
            loaded.reload();
          }}
        />
      ) : null}
    </div>
  );
}
