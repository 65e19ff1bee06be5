import type { TaskRowDto } from '@suocha/contract';
import { Link } from '../router/link';
import { DeadlineBadge, SyntheticTag } from './deadline-badge';
import { toneOfState } from './deadline-model';
import { TaskStatusChip } from './state-chips';
import { taskPath } from './tasks-paths';
import { useTasksMessages } from './use-tasks';

/** Badge of a task row's server-side deadline verdict (cancelled tasks get none). */
export function TaskDeadline({ deadline }: { readonly deadline: TaskRowDto['deadline'] }) {
  if (deadline.state === 'cancelled') return <span className="muted">—</span>;
  return (
    <DeadlineBadge
      judgement={{
        tone: toneOfState(deadline.state),
        ...(deadline.daysLeft === null ? {} : { daysLeft: deadline.daysLeft }),
      }}
      dueDate={deadline.dueDate}
    />
  );
}

/** Tasks as a table: code, title (to the task page), list, section, lead, unit, due, deadline, status. */
export function TaskTable({
  rows,
  testId,
}: {
  readonly rows: readonly TaskRowDto[];
  readonly testId: string;
}) {
  const m = useTasksMessages();
  return (
    <div className="table-scroll tasks-scroll">
      <table className="data-table task-table" data-testid={testId}>
        <thead>
          <tr>
            <th scope="col">{m.colCode}</th>
            <th scope="col">{m.colTitle}</th>
            <th scope="col">{m.colList}</th>
            <th scope="col">{m.colSection}</th>
            <th scope="col">{m.colLead}</th>
            <th scope="col">{m.colUnit}</th>
            <th scope="col">{m.colDue}</th>
            <th scope="col">{m.colDeadline}</th>
            <th scope="col">{m.colStatus}</th>
            <th scope="col" className="num">
              {m.colMilestones}
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((t) => (
            <tr key={t.code} data-code={t.code} data-deadline={t.deadline.state} data-list={t.list}>
              <td className="nowrap small">{t.code}</td>
              <td className="task-title-cell">
                <Link to={taskPath(t.code)}>{t.title}</Link>
                {t.synthetic ? <SyntheticTag /> : null}
              </td>
              <td className="nowrap small">{t.list === 'custom' ? t.listName : m.listName(t.list)}</td>
              <td className="nowrap small">{t.section ?? '—'}</td>
              <td className="small">
                {t.leadDepartment?.nameZh ?? <span className="muted">{m.unconfigured}</span>}
              </td>
              <td className="small nowrap">{t.unit?.name ?? '—'}</td>
              <td className="small nowrap">{t.dueDate ?? '—'}</td>
              <td className="nowrap">
                <TaskDeadline deadline={t.deadline} />
              </td>
              <td className="nowrap">
                <TaskStatusChip status={t.status} />
              </td>
              <td className="num small">
                {t.milestonesTotal === 0 ? '—' : `${t.milestonesDone}/${t.milestonesTotal}`}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
