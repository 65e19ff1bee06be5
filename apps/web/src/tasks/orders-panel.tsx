import type { OrderDetailDto, OrderListResponseDto } from '@suocha/contract';
import { useCallback, useState } from 'react';
import { useRequest } from '../api/use-request';
import { useI18n } from '../i18n/i18n-context';
import { navigate } from '../router/location';
import { ErrorBanner } from '../shell/error-banner';
import { IssueOrderForm } from './issue-order-form';
import { OrderTable } from './order-table';
import { ProposalsPanel } from './proposals-panel';
import { orderPath } from './tasks-paths';
import { useMe, useTasksApi, useTasksMessages } from './use-tasks';

/** Roles that may issue orders (the working group, and cities and counties to the units below them). */
const ISSUERS = new Set(['province_admin', 'city', 'county']);

/** 督办单: every order the user may see (open first), the issue form and the proposals for issuers. */
export function OrdersPanel() {
  const m = useTasksMessages();
  const { t } = useI18n();
  const api = useTasksApi();
  const me = useMe();
  const [openOnly, setOpenOnly] = useState(true);
  const load = useCallback(
    (signal: AbortSignal): Promise<OrderListResponseDto> =>
      api.orders(openOnly ? { open: true } : {}, signal),
    [api, openOnly],
  );
  const orders = useRequest(`tasks:orders:${openOnly}`, load);
  const canIssue = me !== null && ISSUERS.has(me.role);
  const goTo = (order: OrderDetailDto) => navigate(orderPath(order.id));

  return (
    <>
      <section className="panel" data-testid="orders-panel">
        <div className="panel-head">
          <h2>{m.ordersTitle}</h2>
          <label className="field check">
            <input type="checkbox" checked={openOnly} onChange={(e) => setOpenOnly(e.target.checked)} />
            <span>{m.openOnly}</span>
          </label>
        </div>
        {orders.error !== undefined ? <ErrorBanner error={orders.error} onRetry={orders.reload} /> : null}
        {orders.loading && orders.data === undefined ? <p className="muted">{t.common.loading}</p> : null}
        {orders.data !== undefined && orders.data.items.length === 0 ? (
          <p className="muted">{m.orderListEmpty}</p>
        ) : null}
        {orders.data !== undefined && orders.data.items.length > 0 ? (
          <OrderTable orders={orders.data.items} asOf={orders.data.asOf} testId="order-list" />
        ) : null}
        {canIssue ? <IssueOrderForm onIssued={goTo} /> : null}
      </section>
      {canIssue ? <ProposalsPanel onIssued={goTo} /> : null}
    </>
  );
}
