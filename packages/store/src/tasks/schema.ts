/**
 * 重点工作 key tasks (issue 8 §1): table types. Dates are ISO strings; `attachments` is JSON text (an array
 * of file names). Co-departments and milestones are rows, so that filters by department stay indexed.
 */
import type { Generated } from 'kysely';

export type TaskListColumn =
  'key_indicators' | 'major_policies' | 'major_reforms' | 'key_projects' | 'custom';
export type TaskStatusColumn = 'not_started' | 'in_progress' | 'completed' | 'cancelled';

export interface TasksTable {
  code: string;
  list: TaskListColumn;
  /** Zh name of the list; the list's own name for custom lists. */
  list_name: string;
  title: string;
  plan_code: string | null;
  section: string | null;
  /** departments.code of the lead department (牵头部门). */
  lead_department: string | null;
  /** units.code of the unit the task concerns; null = the whole province. */
  unit_code: string | null;
  due_date: string | null;
  status: TaskStatusColumn;
  completed_on: string | null;
  source: string;
  /** 1 for generated demo data (模拟数据). */
  synthetic: number;
  created_at: string;
  updated_at: string;
}

/** 配合部门 of a task. */
export interface TaskCoDepartmentsTable {
  task_code: string;
  department_code: string;
}

export interface TaskMilestonesTable {
  task_code: string;
  id: string;
  title: string;
  due_date: string;
  completed_on: string | null;
  /** Order of the milestones as entered. */
  position: number;
}

/** Dated progress updates (append-only in practice: nothing updates or deletes them). */
export interface TaskUpdatesTable {
  id: Generated<number>;
  task_code: string;
  /** The date the progress is reported for. */
  date: string;
  text: string;
  /** JSON array of attachment file names. */
  attachments: string;
  milestone_id: string | null;
  status_after: TaskStatusColumn | null;
  author_id: number;
  author_name: string;
  created_at: string;
}

export interface TasksTables {
  tasks: TasksTable;
  task_co_departments: TaskCoDepartmentsTable;
  task_milestones: TaskMilestonesTable;
  task_updates: TaskUpdatesTable;
}
