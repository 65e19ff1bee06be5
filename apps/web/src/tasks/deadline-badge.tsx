import { deadlineBadge } from './badge-model';
import type { DeadlineJudgement } from './deadline-model';
import { useTasksMessages } from './use-tasks';

/** A due / overdue badge (colours in tasks.css by tone); the due date is in the title. */
export function DeadlineBadge({
  judgement,
  dueDate,
}: {
  readonly judgement: DeadlineJudgement;
  readonly dueDate?: string | null;
}) {
  const m = useTasksMessages();
  const view = deadlineBadge(judgement, m);
  return (
    <span
      className={`deadline-badge tone-${view.tone}`}
      data-testid="deadline-badge"
      data-tone={view.tone}
      title={dueDate ?? undefined}
    >
      {view.label}
    </span>
  );
}

/** The flag of an order escalated one level up because a step ran past its deadline. */
export function EscalatedFlag({ label }: { readonly label: string }) {
  return (
    <span className="escalated-flag" data-testid="escalated-flag" title={label}>
      {label}
    </span>
  );
}

export function SyntheticTag() {
  const m = useTasksMessages();
  return (
    <span className="synthetic-tag" data-testid="synthetic-tag">
      {m.synthetic}
    </span>
  );
}
