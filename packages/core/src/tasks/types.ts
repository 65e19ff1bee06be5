/**
 * 重点工作 task lists — seed 000 §十四 (重点工作监测, 项目化、清单化、时限化), seed 004 (对标对表重点指标、
 * 重大政策、重大改革、重点项目清单, 专班每月召开例会, 逐项推动落地达效). A task has an owner (牵头部门),
 * co-owners (配合部门), a unit, a due date and milestones.
 */

/** The four lists of seed 004 (四张清单) plus locally defined lists. */
export type TaskList = 'key_indicators' | 'major_policies' | 'major_reforms' | 'key_projects' | 'custom';

export const TASK_LISTS: readonly TaskList[] = [
  'key_indicators',
  'major_policies',
  'major_reforms',
  'key_projects',
  'custom',
];

export const TASK_LIST_ZH: Readonly<Record<TaskList, string>> = {
  key_indicators: '重点指标',
  major_policies: '重大政策',
  major_reforms: '重大改革',
  key_projects: '重点项目',
  custom: '其他',
};

export type TaskStatus = 'not_started' | 'in_progress' | 'completed' | 'cancelled';

export const TASK_STATUSES: readonly TaskStatus[] = ['not_started', 'in_progress', 'completed', 'cancelled'];

export const TASK_STATUS_ZH: Readonly<Record<TaskStatus, string>> = {
  not_started: '未启动',
  in_progress: '推进中',
  completed: '已完成',
  cancelled: '已取消',
};

export interface Milestone {
  readonly id: string;
  readonly title: string;
  /** ISO date `YYYY-MM-DD`. */
  readonly dueDate: string;
  /** ISO date of completion; a milestone is done when this is set. */
  readonly completedOn?: string;
}

export interface Task {
  readonly code: string;
  readonly list: TaskList;
  readonly title: string;
  /** Plan id (e.g. `zj-2025-sancha`) and section (e.g. `二(一)`) the task comes from. */
  readonly plan?: string;
  readonly section?: string;
  /** 牵头部门. */
  readonly leadDepartment?: string;
  /** 配合部门. */
  readonly coDepartments: readonly string[];
  /** Statistical division code of the responsible unit. */
  readonly unit?: string;
  /** ISO date `YYYY-MM-DD`; a task "by year T" is due on T-12-31. */
  readonly dueDate?: string;
  readonly milestones: readonly Milestone[];
  readonly status: TaskStatus;
  /** ISO date of completion, when status is completed. */
  readonly completedOn?: string;
}
