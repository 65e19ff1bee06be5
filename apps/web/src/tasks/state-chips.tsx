import { useTasksMessages } from './use-tasks';

/** The step of a 督办单 as a chip (colours in tasks.css, one per state). */
export function OrderStateChip({ state }: { readonly state: string }) {
  const m = useTasksMessages();
  return (
    <span className={`state-chip order-${state}`} data-testid="order-state" data-state={state}>
      {m.orderState(state)}
    </span>
  );
}

/** A task's status as a chip. */
export function TaskStatusChip({ status }: { readonly status: string }) {
  const m = useTasksMessages();
  return (
    <span className={`state-chip task-${status}`} data-testid="task-status" data-status={status}>
      {m.taskStatus(status)}
    </span>
  );
}
