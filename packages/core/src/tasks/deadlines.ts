/**
 * Overdue and due-soon checks for tasks and milestones — seed 000 §十四 (时限化抓好落实), seed 004
 * (清单化、项目化、时限化推进). Today and the warning window are parameters.
 *
 * A date is due at the end of that day: on the due date a task is "due soon" (0 days left), the day
 * after it is overdue by 1 day.
 */
import { daysBetween } from '../projects/calendar';
import type { Milestone, Task } from './types';

export type DeadlineState =
  'done' | 'overdue' | 'due_soon' | 'on_track' | 'no_due_date' | 'cancelled' | 'invalid_date';

export interface DeadlineCheck {
  readonly state: DeadlineState;
  readonly dueDate?: string;
  /** Days from today to the due date (negative when overdue); absent without a valid due date. */
  readonly daysLeft?: number;
  /** For done items with both dates: whether completion came after the due date. */
  readonly completedLate?: boolean;
}

/**
 * Classify one deadline: done (completed, with whether it was late), cancelled, overdue (today after the
 * due date), due soon (0 ≤ days left ≤ windowDays), on track, or no / invalid due date.
 */
export function deadlineState(
  dueDate: string | undefined,
  completedOn: string | undefined,
  done: boolean,
  today: string,
  windowDays: number,
): DeadlineCheck {
  if (done) {
    if (dueDate === undefined || completedOn === undefined) return { state: 'done' };
    const late = daysBetween(dueDate, completedOn);
    return late === undefined
      ? { state: 'done', dueDate }
      : { state: 'done', dueDate, completedLate: late > 0 };
  }
  if (dueDate === undefined || dueDate === '') return { state: 'no_due_date' };
  const daysLeft = daysBetween(today, dueDate);
  if (daysLeft === undefined) return { state: 'invalid_date', dueDate };
  if (daysLeft < 0) return { state: 'overdue', dueDate, daysLeft };
  if (daysLeft <= windowDays) return { state: 'due_soon', dueDate, daysLeft };
  return { state: 'on_track', dueDate, daysLeft };
}

/** Deadline state of a task (completed and cancelled tasks are never overdue). */
export function taskDeadline(task: Task, today: string, windowDays: number): DeadlineCheck {
  if (task.status === 'cancelled')
    return task.dueDate === undefined
      ? { state: 'cancelled' }
      : { state: 'cancelled', dueDate: task.dueDate };
  return deadlineState(task.dueDate, task.completedOn, task.status === 'completed', today, windowDays);
}

/** Deadline state of a milestone; the milestones of a cancelled task are cancelled with it. */
export function milestoneDeadline(
  task: Task,
  milestone: Milestone,
  today: string,
  windowDays: number,
): DeadlineCheck {
  if (task.status === 'cancelled') return { state: 'cancelled', dueDate: milestone.dueDate };
  return deadlineState(
    milestone.dueDate,
    milestone.completedOn,
    milestone.completedOn !== undefined,
    today,
    windowDays,
  );
}

/** Code-point order, independent of the machine's locale. */
const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export interface DeadlineAlert {
  readonly taskCode: string;
  readonly taskTitle: string;
  /** Set when the alert is about a milestone rather than the task itself. */
  readonly milestoneId?: string;
  readonly milestoneTitle?: string;
  readonly state: 'overdue' | 'due_soon';
  readonly dueDate: string;
  readonly daysLeft: number;
  readonly leadDepartment?: string;
  readonly unit?: string;
}

/**
 * Every overdue or due-soon task and milestone, earliest due date first (then task code, the task's own
 * alert before its milestones), for
 * the monthly meeting (专班每月召开例会, seed 004) and for supervision proposals.
 */
export function deadlineAlerts(tasks: readonly Task[], today: string, windowDays: number): DeadlineAlert[] {
  const out: DeadlineAlert[] = [];
  for (const task of tasks) {
    const owner = {
      ...(task.leadDepartment === undefined ? {} : { leadDepartment: task.leadDepartment }),
      ...(task.unit === undefined ? {} : { unit: task.unit }),
    };
    const t = taskDeadline(task, today, windowDays);
    if (
      (t.state === 'overdue' || t.state === 'due_soon') &&
      t.dueDate !== undefined &&
      t.daysLeft !== undefined
    )
      out.push({
        taskCode: task.code,
        taskTitle: task.title,
        state: t.state,
        dueDate: t.dueDate,
        daysLeft: t.daysLeft,
        ...owner,
      });
    for (const m of task.milestones) {
      const c = milestoneDeadline(task, m, today, windowDays);
      if ((c.state === 'overdue' || c.state === 'due_soon') && c.daysLeft !== undefined)
        out.push({
          taskCode: task.code,
          taskTitle: task.title,
          milestoneId: m.id,
          milestoneTitle: m.title,
          state: c.state,
          dueDate: m.dueDate,
          daysLeft: c.daysLeft,
          ...owner,
        });
    }
  }
  out.sort(
    (a, b) =>
      a.daysLeft - b.daysLeft || cmp(a.taskCode, b.taskCode) || cmp(a.milestoneId ?? '', b.milestoneId ?? ''),
  );
  return out;
}
