/**
 * 重点工作 task lists (issue 8 §1, §5): the four lists of seed 004 plus custom lists, milestones, dated
 * progress updates with evidence and attachment names, overdue / due-soon computed as of a date.
 *
 * GET  /api/tasks?list=&plan=&section=&department=&unit=&status=&due=overdue|due_soon&asOf=&windowDays=&q=
 * GET  /api/tasks/:code?asOf=&windowDays=           task detail with milestones and updates
 * POST /api/tasks                                   create a task (province_admin)
 * PUT  /api/tasks/:code                             configure a task: departments, unit, due date, milestones (province_admin)
 * POST /api/tasks/:code/updates                     add a dated progress update (lead/co-department, the unit, or admin)
 * POST /api/tasks/load-default                      load data/tasks_seed000.csv idempotently (province_admin)
 * GET  /api/inbox?asOf=&windowDays=                 my inbox: orders waiting for me and my overdue / due-soon tasks
 */
import { z } from 'zod';
import { IsoDate, UnitCode } from '../common';

const Flag = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');

export const TaskListSchema = z.enum([
  'key_indicators',
  'major_policies',
  'major_reforms',
  'key_projects',
  'custom',
]);
export type TaskListDto = z.infer<typeof TaskListSchema>;

export const TaskStatusSchema = z.enum(['not_started', 'in_progress', 'completed', 'cancelled']);
export type TaskStatusDto = z.infer<typeof TaskStatusSchema>;

/** Deadline classes of core `deadlineState` (tasks/deadlines.ts). */
export const DeadlineStateSchema = z.enum([
  'done',
  'overdue',
  'due_soon',
  'on_track',
  'no_due_date',
  'cancelled',
  'invalid_date',
]);
export type DeadlineStateDto = z.infer<typeof DeadlineStateSchema>;

export const DeadlineCheckSchema = z.object({
  state: DeadlineStateSchema,
  dueDate: z.string().nullable(),
  /** Days from asOf to the due date, negative when overdue; null without a valid due date. */
  daysLeft: z.number().nullable(),
  completedLate: z.boolean().nullable(),
});
export type DeadlineCheckDto = z.infer<typeof DeadlineCheckSchema>;

const DepartmentRef = z.object({ code: z.string(), nameZh: z.string() });

export const TaskQuery = z.object({
  list: TaskListSchema.optional(),
  plan: z.string().min(1).optional(),
  section: z.string().min(1).optional(),
  /** Department code: tasks it leads or co-leads. */
  department: z.string().min(1).optional(),
  /** Tasks concerning this unit or a unit in its subtree. */
  unit: UnitCode.optional(),
  status: TaskStatusSchema.optional(),
  /** overdue: past due and not done; due_soon: due within windowDays. */
  due: z.enum(['overdue', 'due_soon']).optional(),
  /** Shorthand for due=overdue (CLI parity). */
  overdue: Flag.optional(),
  /** Default: today (server clock). */
  asOf: IsoDate.optional(),
  /** Due-soon window in days; default 14. */
  windowDays: z.coerce.number().int().min(0).max(365).optional(),
  /** Substring of the title. */
  q: z.string().min(1).optional(),
});
export type TaskQueryDto = z.infer<typeof TaskQuery>;

export const TaskRowSchema = z.object({
  code: z.string(),
  list: TaskListSchema,
  /** Zh name of the list (重点指标 …) or the custom list's own name. */
  listName: z.string(),
  title: z.string(),
  plan: z.string().nullable(),
  section: z.string().nullable(),
  leadDepartment: DepartmentRef.nullable(),
  coDepartments: z.array(DepartmentRef),
  unit: z.object({ code: z.string(), name: z.string() }).nullable(),
  dueDate: z.string().nullable(),
  status: TaskStatusSchema,
  completedOn: z.string().nullable(),
  deadline: DeadlineCheckSchema,
  milestonesTotal: z.number(),
  milestonesDone: z.number(),
  milestonesOverdue: z.number(),
  lastUpdateOn: z.string().nullable(),
  /** 1 when generated demo data (模拟数据). */
  synthetic: z.boolean(),
});
export type TaskRowDto = z.infer<typeof TaskRowSchema>;

export const TaskSummarySchema = z.object({
  total: z.number(),
  byStatus: z.record(TaskStatusSchema, z.number()),
  overdue: z.number(),
  dueSoon: z.number(),
  completionRate: z.number().nullable(),
});

export const TaskListResponse = z.object({
  asOf: z.string(),
  windowDays: z.number(),
  items: z.array(TaskRowSchema),
  summary: TaskSummarySchema,
});
export type TaskListResponseDto = z.infer<typeof TaskListResponse>;

export const MilestoneSchema = z.object({
  id: z.string(),
  title: z.string(),
  dueDate: z.string(),
  completedOn: z.string().nullable(),
  deadline: DeadlineCheckSchema,
});
export type MilestoneDto = z.infer<typeof MilestoneSchema>;

export const TaskUpdateSchema = z.object({
  id: z.number(),
  /** The date the progress is reported for. */
  date: z.string(),
  text: z.string(),
  /** Names of the attached files (the files themselves are kept elsewhere). */
  attachments: z.array(z.string()),
  milestoneId: z.string().nullable(),
  /** Task status set by this update, if it changed it. */
  statusAfter: TaskStatusSchema.nullable(),
  authorId: z.number(),
  authorName: z.string(),
  createdAt: z.string(),
});
export type TaskUpdateDto = z.infer<typeof TaskUpdateSchema>;

export const TaskDetailSchema = TaskRowSchema.extend({
  source: z.string(),
  milestones: z.array(MilestoneSchema),
  /** Newest first. */
  updates: z.array(TaskUpdateSchema),
  /** Whether the caller may add a progress update. */
  canUpdate: z.boolean(),
  asOf: z.string(),
});
export type TaskDetailDto = z.infer<typeof TaskDetailSchema>;

export const TaskDetailQuery = z.object({
  asOf: IsoDate.optional(),
  windowDays: z.coerce.number().int().min(0).max(365).optional(),
});

const MilestoneInput = z.object({
  id: z.string().trim().min(1).max(40),
  title: z.string().trim().min(1, '节点名称不能为空 (milestone title required)'),
  dueDate: IsoDate,
  completedOn: IsoDate.optional(),
});

/** Configure a task (PUT replaces these fields; milestones replaced as a whole when given). */
export const TaskConfigInput = z.object({
  list: TaskListSchema.optional(),
  listName: z.string().trim().min(1).optional(),
  title: z.string().trim().min(1, '任务名称不能为空 (title required)').optional(),
  plan: z.string().trim().min(1).nullable().optional(),
  section: z.string().trim().min(1).nullable().optional(),
  /** Department codes (table departments). */
  leadDepartment: z.string().min(1).nullable().optional(),
  coDepartments: z.array(z.string().min(1)).optional(),
  unit: UnitCode.nullable().optional(),
  dueDate: IsoDate.nullable().optional(),
  status: TaskStatusSchema.optional(),
  completedOn: IsoDate.nullable().optional(),
  milestones: z.array(MilestoneInput).optional(),
});
export type TaskConfigInputDto = z.infer<typeof TaskConfigInput>;

export const NewTaskInput = TaskConfigInput.extend({
  code: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9][A-Za-z0-9_.-]{0,39}$/, '任务编号只能含字母、数字、_.- (code: letters, digits, _.-)'),
  list: TaskListSchema,
  title: z.string().trim().min(1, '任务名称不能为空 (title required)'),
});
export type NewTaskInputDto = z.infer<typeof NewTaskInput>;

export const TaskUpdateInput = z.object({
  date: IsoDate,
  text: z.string().trim().min(1, '进展情况不能为空 (progress text required)'),
  attachments: z.array(z.string().trim().min(1).max(255)).max(50).default([]),
  /** Milestone this update completes (sets its completedOn to `date` when `milestoneDone`). */
  milestoneId: z.string().min(1).optional(),
  milestoneDone: z.boolean().optional(),
  /** New task status (completed sets completedOn = date). */
  status: TaskStatusSchema.optional(),
});
export type TaskUpdateInputDto = z.infer<typeof TaskUpdateInput>;

export const LoadDefaultTasksResponse = z.object({
  inserted: z.number(),
  existing: z.number(),
  file: z.string(),
});
export type LoadDefaultTasksResponseDto = z.infer<typeof LoadDefaultTasksResponse>;
