/**
 * Task rows and details as the API shows them (issue 8 §1): the stored record with its deadline state,
 * milestone counts and (for details) milestones and updates, computed as of a date with core
 * `taskDeadline` / `milestoneDeadline` (tasks/deadlines.ts).
 */
import {
  milestoneDeadline,
  summarizeTasks,
  taskDeadline,
  type DeadlineCheck,
  type Task,
  type TaskStatus,
} from '@suocha/core';
import type { TaskRecord, TaskUpdateRecord } from '@suocha/store';

export const DEFAULT_WINDOW_DAYS = 14;

export interface DeadlineView {
  readonly state: DeadlineCheck['state'];
  readonly dueDate: string | null;
  readonly daysLeft: number | null;
  readonly completedLate: boolean | null;
}

export interface TaskRowView {
  readonly code: string;
  readonly list: Task['list'];
  readonly listName: string;
  readonly title: string;
  readonly plan: string | null;
  readonly section: string | null;
  readonly leadDepartment: { readonly code: string; readonly nameZh: string } | null;
  readonly coDepartments: { readonly code: string; readonly nameZh: string }[];
  readonly unit: { readonly code: string; readonly name: string } | null;
  readonly dueDate: string | null;
  readonly status: TaskStatus;
  readonly completedOn: string | null;
  readonly deadline: DeadlineView;
  readonly milestonesTotal: number;
  readonly milestonesDone: number;
  readonly milestonesOverdue: number;
  readonly lastUpdateOn: string | null;
  readonly synthetic: boolean;
}

export interface MilestoneView {
  readonly id: string;
  readonly title: string;
  readonly dueDate: string;
  readonly completedOn: string | null;
  readonly deadline: DeadlineView;
}

export interface TaskDetailView extends TaskRowView {
  readonly source: string;
  readonly milestones: MilestoneView[];
  readonly updates: (Omit<TaskUpdateRecord, 'attachments'> & { readonly attachments: string[] })[];
  readonly canUpdate: boolean;
  readonly asOf: string;
}

/** The core task of a stored record (departments by code). */
export function toCoreTask(r: TaskRecord): Task {
  return {
    code: r.code,
    list: r.list,
    title: r.title,
    ...(r.plan === null ? {} : { plan: r.plan }),
    ...(r.section === null ? {} : { section: r.section }),
    ...(r.leadDepartment === null ? {} : { leadDepartment: r.leadDepartment.code }),
    coDepartments: r.coDepartments.map((d) => d.code),
    ...(r.unit === null ? {} : { unit: r.unit.code }),
    ...(r.dueDate === null ? {} : { dueDate: r.dueDate }),
    milestones: r.milestones.map((m) => ({
      id: m.id,
      title: m.title,
      dueDate: m.dueDate,
      ...(m.completedOn === null ? {} : { completedOn: m.completedOn }),
    })),
    status: r.status,
    ...(r.completedOn === null ? {} : { completedOn: r.completedOn }),
  };
}

const view = (c: DeadlineCheck): DeadlineView => ({
  state: c.state,
  dueDate: c.dueDate ?? null,
  daysLeft: c.daysLeft ?? null,
  completedLate: c.completedLate ?? null,
});

export function taskRow(r: TaskRecord, asOf: string, windowDays: number): TaskRowView {
  const t = toCoreTask(r);
  let done = 0;
  let overdue = 0;
  for (const m of t.milestones) {
    const c = milestoneDeadline(t, m, asOf, windowDays);
    if (c.state === 'done') done++;
    else if (c.state === 'overdue') overdue++;
  }
  return {
    code: r.code,
    list: r.list,
    listName: r.listName,
    title: r.title,
    plan: r.plan,
    section: r.section,
    leadDepartment: r.leadDepartment,
    coDepartments: [...r.coDepartments],
    unit: r.unit === null ? null : { code: r.unit.code, name: r.unit.name },
    dueDate: r.dueDate,
    status: r.status,
    completedOn: r.completedOn,
    deadline: view(taskDeadline(t, asOf, windowDays)),
    milestonesTotal: t.milestones.length,
    milestonesDone: done,
    milestonesOverdue: overdue,
    lastUpdateOn: r.lastUpdateOn,
    synthetic: r.synthetic,
  };
}

export function taskDetail(
  r: TaskRecord,
  updates: TaskUpdateRecord[],
  asOf: string,
  windowDays: number,
  canUpdate: boolean,
): TaskDetailView {
  const t = toCoreTask(r);
  return {
    ...taskRow(r, asOf, windowDays),
    source: r.source,
    milestones: r.milestones.map((m, i) => {
      const core = t.milestones[i];
      return {
        id: m.id,
        title: m.title,
        dueDate: m.dueDate,
        completedOn: m.completedOn,
        deadline: view(
          core === undefined ? { state: 'invalid_date' } : milestoneDeadline(t, core, asOf, windowDays),
        ),
      };
    }),
    updates: updates.map((u) => ({ ...u, attachments: [...u.attachments] })),
    canUpdate,
    asOf,
  };
}

export interface TaskSummaryView {
  readonly total: number;
  readonly byStatus: Readonly<Record<TaskStatus, number>>;
  readonly overdue: number;
  readonly dueSoon: number;
  readonly completionRate: number | null;
}

/** Totals of a list of tasks (core `summarizeTasks`, one group). */
export function taskSummaryOf(records: TaskRecord[], asOf: string, windowDays: number): TaskSummaryView {
  const [s] = summarizeTasks(records.map(toCoreTask), asOf, windowDays);
  return {
    total: s?.total ?? 0,
    byStatus: s?.byStatus ?? { not_started: 0, in_progress: 0, completed: 0, cancelled: 0 },
    overdue: s?.overdue ?? 0,
    dueSoon: s?.dueSoon ?? 0,
    completionRate: s?.completionRate ?? null,
  };
}
