import type { OrderSummaryDto } from '@suocha/contract';
import { useMemo } from 'react';
import { Link } from '../router/link';
import { DeadlineBadge, EscalatedFlag, SyntheticTag } from './deadline-badge';
import { byUrgency, orderRow } from './order-row-model';
import { OrderStateChip } from './state-chips';
import { orderPath } from './tasks-paths';
import { useTasksMessages, useUnitNames } from './use-tasks';

/** 督办单 as a table, most urgent first: matter, addressee, issuer, step, step deadline, flags. */
export function OrderTable({
  orders,
  asOf,
  testId,
}: {
  readonly orders: readonly OrderSummaryDto[];
  readonly asOf: string;
  readonly testId: string;
}) {
  const m = useTasksMessages();
  const names = useUnitNames(orders.flatMap((o) => (o.escalatedTo === null ? [] : [o.escalatedTo])));
  const rows = useMemo(
    () => orders.map((o) => orderRow(o, asOf, m, (c) => names.get(c) ?? c)).sort(byUrgency),
    [orders, asOf, m, names],
  );
  return (
    <div className="table-scroll">
      <table className="data-table order-table" data-testid={testId}>
        <thead>
          <tr>
            <th scope="col">{m.colOrder}</th>
            <th scope="col">{m.colAddressee}</th>
            <th scope="col">{m.colIssuer}</th>
            <th scope="col">{m.colStep}</th>
            <th scope="col">{m.colStepDeadline}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.id} data-order-id={r.id} data-state={r.state} data-escalated={r.escalated}>
              <td>
                <Link to={orderPath(r.id)} className="order-link">
                  {r.title}
                </Link>
                <span className="muted small"> #{r.id}</span>
                {r.synthetic ? <SyntheticTag /> : null}
              </td>
              <td className="small">{r.addressee}</td>
              <td className="small">{r.issuer}</td>
              <td className="nowrap">
                <OrderStateChip state={r.state} />
              </td>
              <td className="nowrap small">
                {r.stepDeadline !== null ? <span className="step-deadline">{r.stepDeadline}</span> : null}{' '}
                <DeadlineBadge judgement={r.deadline} dueDate={r.stepDeadline} />
                {r.escalatedLabel !== null ? <EscalatedFlag label={r.escalatedLabel} /> : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
