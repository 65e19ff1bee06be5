/**
 * Progress summaries of task lists — seed 000 §十四 (重点工作监测) and seed 004 (逐项推动落地达效): per
 * group (list, lead department, unit, section …) how many tasks are in each status, how many are
 * overdue or due soon, how many were completed on time, and milestone completion. Linear in tasks +
 * milestones.
 */
import { milestoneDeadline, taskDeadline } from './deadlines';
import type { Task, TaskStatus } from './types';

export interface TaskSummary {
  readonly key: string;
  readonly total: number;
  readonly byStatus: Readonly<Record<TaskStatus, number>>;
  readonly overdue: number;
  readonly dueSoon: number;
  /** Completed tasks with both dates known, by whether completion came after the due date. */
  readonly completedOnTime: number;
  readonly completedLate: number;
  /** Completed / (total − cancelled); null when nothing is live. */
  readonly completionRate: number | null;
  readonly milestonesTotal: number;
  readonly milestonesDone: number;
  readonly milestonesOverdue: number;
  /** Milestones done / milestones of tasks not cancelled; null when there are none. */
  readonly milestoneRate: number | null;
}

/** Share of a task's milestones that are done (null without milestones). */
export function milestoneProgress(task: Task): number | null {
  if (task.milestones.length === 0) return null;
  let done = 0;
  for (const m of task.milestones) if (m.completedOn !== undefined) done++;
  return done / task.milestones.length;
}

interface Acc {
  total: number;
  byStatus: Record<TaskStatus, number>;
  overdue: number;
  dueSoon: number;
  onTime: number;
  late: number;
  mTotal: number;
  mDone: number;
  mOverdue: number;
}

const newAcc = (): Acc => ({
  total: 0,
  byStatus: { not_started: 0, in_progress: 0, completed: 0, cancelled: 0 },
  overdue: 0,
  dueSoon: 0,
  onTime: 0,
  late: 0,
  mTotal: 0,
  mDone: 0,
  mOverdue: 0,
});

/**
 * Summaries of `tasks` grouped by `key` (default: one group "all"); a key function may return several
 * groups (e.g. lead and co-departments). Rows in first-seen key order.
 */
export function summarizeTasks(
  tasks: readonly Task[],
  today: string,
  windowDays: number,
  key: (task: Task) => string | readonly string[] = () => 'all',
): TaskSummary[] {
  const accs = new Map<string, Acc>();
  for (const task of tasks) {
    const k = key(task);
    const keys = typeof k === 'string' ? [k] : k.filter((x, i) => k.indexOf(x) === i);
    const d = taskDeadline(task, today, windowDays);
    let mDone = 0;
    let mOverdue = 0;
    const live = task.status !== 'cancelled';
    if (live)
      for (const m of task.milestones) {
        const c = milestoneDeadline(task, m, today, windowDays);
        if (c.state === 'done') mDone++;
        else if (c.state === 'overdue') mOverdue++;
      }
    for (const g of keys) {
      let a = accs.get(g);
      if (a === undefined) {
        a = newAcc();
        accs.set(g, a);
      }
      a.total++;
      a.byStatus[task.status]++;
      if (d.state === 'overdue') a.overdue++;
      if (d.state === 'due_soon') a.dueSoon++;
      if (d.state === 'done' && d.completedLate === true) a.late++;
      if (d.state === 'done' && d.completedLate === false) a.onTime++;
      if (live) {
        a.mTotal += task.milestones.length;
        a.mDone += mDone;
        a.mOverdue += mOverdue;
      }
    }
  }
  const rows: TaskSummary[] = [];
  for (const [k, a] of accs) {
    const liveTasks = a.total - a.byStatus.cancelled;
    rows.push({
      key: k,
      total: a.total,
      byStatus: { ...a.byStatus },
      overdue: a.overdue,
      dueSoon: a.dueSoon,
      completedOnTime: a.onTime,
      completedLate: a.late,
      completionRate: liveTasks > 0 ? a.byStatus.completed / liveTasks : null,
      milestonesTotal: a.mTotal,
      milestonesDone: a.mDone,
      milestonesOverdue: a.mOverdue,
      milestoneRate: a.mTotal > 0 ? a.mDone / a.mTotal : null,
    });
  }
  return rows;
}
