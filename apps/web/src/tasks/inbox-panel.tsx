import type { InboxResponseDto, OrderSummaryDto } from '@suocha/contract';
import { useCallback } from 'react';
import { useRequest } from '../api/use-request';
import { useI18n } from '../i18n/i18n-context';
import { ErrorBanner } from '../shell/error-banner';
import { OrderTable } from './order-table';
import { TaskTable } from './task-table';
import { useMe, useTasksApi, useTasksMessages } from './use-tasks';

function OrderSection({
  title,
  orders,
  asOf,
  id,
}: {
  readonly title: string;
  readonly orders: readonly OrderSummaryDto[];
  readonly asOf: string;
  readonly id: string;
}) {
  const m = useTasksMessages();
  return (
    <section className="inbox-section" data-testid={`inbox-${id}`} data-count={orders.length}>
      <h3>
        {title} <span className="count-pill">{m.inboxCount(orders.length)}</span>
      </h3>
      {orders.length === 0 ? (
        <p className="muted small">{m.inboxEmpty}</p>
      ) : (
        <OrderTable orders={orders} asOf={asOf} testId={`inbox-${id}-table`} />
      )}
    </section>
  );
}

/**
 * 我的待办: orders waiting for my step, orders my level issued waiting for my review, orders escalated to
 * my unit, and my overdue and due-soon tasks — as the server selects them for my role and scope.
 */
export function InboxPanel() {
  const m = useTasksMessages();
  const { t } = useI18n();
  const api = useTasksApi();
  const me = useMe();
  const load = useCallback((signal: AbortSignal): Promise<InboxResponseDto> => api.inbox(signal), [api]);
  const inbox = useRequest('tasks:inbox', load);
  const data = inbox.data;
  const who = me === null ? '' : `${me.name} · ${me.roleName} · ${me.unitName}`;
  return (
    <section className="panel" data-testid="inbox-panel">
      <h2>{m.inboxTitle}</h2>
      <p className="muted small">{m.inboxIntro(who)}</p>
      {inbox.error !== undefined ? <ErrorBanner error={inbox.error} onRetry={inbox.reload} /> : null}
      {inbox.loading && data === undefined ? <p className="muted">{t.common.loading}</p> : null}
      {data !== undefined ? (
        <>
          <OrderSection id="respond" title={m.inboxToRespond} orders={data.toRespond} asOf={data.asOf} />
          <OrderSection id="review" title={m.inboxToVerify} orders={data.toReview} asOf={data.asOf} />
          {data.escalatedToMe.length > 0 ? (
            <OrderSection
              id="escalated"
              title={m.inboxEscalated}
              orders={data.escalatedToMe}
              asOf={data.asOf}
            />
          ) : null}
          <section className="inbox-section" data-testid="inbox-tasks" data-count={data.tasks.length}>
            <h3>
              {m.inboxTasks} <span className="count-pill">{m.inboxCount(data.tasks.length)}</span>
            </h3>
            {data.tasks.length === 0 ? (
              <p className="muted small">{m.inboxEmpty}</p>
            ) : (
              <TaskTable rows={data.tasks} testId="inbox-task-table" />
            )}
          </section>
          {data.watching.length > 0 ? (
            <OrderSection id="watching" title={m.inboxWatching} orders={data.watching} asOf={data.asOf} />
          ) : null}
        </>
      ) : null}
    </section>
  );
}
