/**
 * The 重点工作监测 section's figures for a month (issue 8 §1 and §4; seed 000 §十四 时限化): tasks overdue
 * at the month's end and the count per list. A task is due at the end of its due date (core
 * `deadlineState`); one completed after the month's end was still open then. Cancelled tasks are left out:
 * the record keeps no cancellation date, and a cancelled task is never overdue.
 */
import { daysBetween } from '../projects/calendar';
import type { TaskListCountInput, TaskOverdueInput, TasksInput } from './bulletin-inputs';
import type { BulletinMonth } from './bulletin-month';

/** A task as the bulletin reads it. */
export interface MonthTask {
  readonly code: string;
  readonly title: string;
  /** The list's name (重点指标清单 …). */
  readonly list: string;
  readonly leadDepartment: string | null;
  readonly unitName: string | null;
  readonly dueDate: string | null;
  readonly status: 'not_started' | 'in_progress' | 'completed' | 'cancelled';
  readonly completedOn: string | null;
  readonly synthetic: boolean;
}

/** Days the task is overdue at the end of `date`, or null (done by then, no due date, not yet due). */
export function taskOverdueDays(t: MonthTask, date: string): number | null {
  if (t.status === 'cancelled' || t.dueDate === null) return null;
  if (t.status === 'completed' && (t.completedOn === null || t.completedOn <= date)) return null;
  const late = daysBetween(t.dueDate, date);
  return late !== undefined && late > 0 ? late : null;
}

/** The tasks section's input for a month; lists keep the order of `listOrder`, then first appearance. */
export function tasksMonthInput(
  tasks: readonly MonthTask[],
  month: BulletinMonth,
  listOrder: readonly string[] = [],
): TasksInput {
  const overdue: TaskOverdueInput[] = [];
  const counts = new Map<string, { total: number; overdue: number }>(
    listOrder.map((l) => [l, { total: 0, overdue: 0 }]),
  );
  for (const t of tasks) {
    if (t.status === 'cancelled') continue;
    const c = counts.get(t.list) ?? { total: 0, overdue: 0 };
    counts.set(t.list, c);
    c.total += 1;
    const days = taskOverdueDays(t, month.end);
    if (days === null || t.dueDate === null) continue;
    c.overdue += 1;
    overdue.push({
      code: t.code,
      title: t.title,
      list: t.list,
      leadDepartment: t.leadDepartment,
      unitName: t.unitName,
      dueDate: t.dueDate,
      daysOverdue: days,
      synthetic: t.synthetic,
    });
  }
  const lists: TaskListCountInput[] = [...counts]
    .filter(([, c]) => c.total > 0)
    .map(([list, c]) => ({ list, total: c.total, overdue: c.overdue }));
  return { overdue, lists };
}
