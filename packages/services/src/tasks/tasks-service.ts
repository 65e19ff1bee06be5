/**
 * 重点工作 use cases (issue 8 §1, §3): list tasks with filters (including overdue / due soon as of a
 * date), show one task, create and configure tasks (lead and co-departments, unit, due date, milestones),
 * and record dated progress updates. Every write is checked first (core `validateTask`, departments and
 * units exist, who may write) and then done in one transaction.
 */
import {
  isIsoDate,
  TASK_LIST_ZH,
  validateTask,
  type Actor,
  type TaskList,
  type TaskStatus,
} from '@suocha/core';
import {
  addTaskUpdateRecord,
  getDepartment,
  getTaskRecord,
  getUnitPath,
  insertTasksIfAbsent,
  listTaskRecords,
  listTaskUpdates,
  updateTaskRecord,
  type MilestoneRecord,
  type Store,
  type TaskChanges,
  type TaskFilter,
  type TaskRecord,
} from '@suocha/store';
import { TaskError } from './errors';
import { canReadTask, canUpdateTask } from './task-access';
import {
  DEFAULT_WINDOW_DAYS,
  taskSummaryOf,
  taskDetail,
  taskRow,
  toCoreTask,
  type TaskDetailView,
  type TaskRowView,
  type TaskSummaryView,
} from './task-views';

export interface TaskListQuery {
  readonly list?: TaskList;
  readonly plan?: string;
  readonly section?: string;
  readonly department?: string;
  readonly unit?: string;
  readonly status?: TaskStatus;
  readonly due?: 'overdue' | 'due_soon';
  readonly q?: string;
  readonly asOf: string;
  readonly windowDays?: number;
}

export interface TaskListResult {
  readonly asOf: string;
  readonly windowDays: number;
  readonly items: TaskRowView[];
  readonly summary: TaskSummaryView;
}

function checkDay(s: string, what: string): string {
  if (s.length !== 10 || !isIsoDate(s)) throw new TaskError('BAD_DATE', `${what}无效: "${s}" (invalid date)`);
  return s;
}

/** Tasks the actor may read (all when no actor: CLI), filtered, with deadlines as of `asOf`. */
export async function listTasks(
  store: Store,
  actor: Actor | null,
  q: TaskListQuery,
): Promise<TaskListResult> {
  const asOf = checkDay(q.asOf, '日期');
  const windowDays = q.windowDays ?? DEFAULT_WINDOW_DAYS;
  let unitPath: string | undefined;
  if (q.unit !== undefined) {
    unitPath = await getUnitPath(store, q.unit);
    if (unitPath === undefined)
      throw new TaskError('UNIT_NOT_FOUND', `区划 ${q.unit} 不存在 (no unit with code ${q.unit})`);
  }
  const filter: TaskFilter = {
    ...(q.list === undefined ? {} : { list: q.list }),
    ...(q.plan === undefined ? {} : { plan: q.plan }),
    ...(q.section === undefined ? {} : { section: q.section }),
    ...(q.department === undefined ? {} : { department: q.department }),
    ...(unitPath === undefined ? {} : { unitPath }),
    ...(q.status === undefined ? {} : { status: q.status }),
    ...(q.q === undefined ? {} : { q: q.q }),
  };
  const records = (await listTaskRecords(store, filter)).filter(
    (r) => actor === null || canReadTask(actor, r),
  );
  let rows = records.map((r) => taskRow(r, asOf, windowDays));
  if (q.due !== undefined) rows = rows.filter((r) => r.deadline.state === q.due);
  const kept = new Set(rows.map((r) => r.code));
  return {
    asOf,
    windowDays,
    items: rows,
    summary: taskSummaryOf(
      records.filter((r) => kept.has(r.code)),
      asOf,
      windowDays,
    ),
  };
}

async function readable(store: Store, actor: Actor | null, code: string): Promise<TaskRecord> {
  const r = await getTaskRecord(store, code);
  if (r === undefined || (actor !== null && !canReadTask(actor, r)))
    throw new TaskError('TASK_NOT_FOUND', `任务 ${code} 不存在 (no task ${code})`);
  return r;
}

export async function getTaskDetail(
  store: Store,
  actor: Actor | null,
  code: string,
  asOf: string,
  windowDays: number = DEFAULT_WINDOW_DAYS,
): Promise<TaskDetailView> {
  checkDay(asOf, '日期');
  const r = await readable(store, actor, code);
  const updates = await listTaskUpdates(store, code);
  return taskDetail(r, updates, asOf, windowDays, actor === null ? true : canUpdateTask(actor, r));
}

export interface TaskFields {
  readonly list?: TaskList | undefined;
  readonly listName?: string | undefined;
  readonly title?: string | undefined;
  readonly plan?: string | null | undefined;
  readonly section?: string | null | undefined;
  readonly leadDepartment?: string | null | undefined;
  readonly coDepartments?: string[] | undefined;
  readonly unit?: string | null | undefined;
  readonly dueDate?: string | null | undefined;
  readonly status?: TaskStatus | undefined;
  readonly completedOn?: string | null | undefined;
  readonly milestones?:
    | {
        readonly id: string;
        readonly title: string;
        readonly dueDate: string;
        readonly completedOn?: string | undefined;
      }[]
    | undefined;
}

async function checkReferences(store: Store, f: TaskFields): Promise<void> {
  const depts = [...(f.leadDepartment ? [f.leadDepartment] : []), ...(f.coDepartments ?? [])];
  for (const d of new Set(depts))
    if ((await getDepartment(store, d)) === undefined)
      throw new TaskError('DEPARTMENT_NOT_FOUND', `部门 ${d} 不存在 (no department ${d})`);
  if (f.unit !== undefined && f.unit !== null && (await getUnitPath(store, f.unit)) === undefined)
    throw new TaskError('UNIT_NOT_FOUND', `区划 ${f.unit} 不存在 (no unit with code ${f.unit})`);
}

const milestoneRecords = (f: TaskFields): MilestoneRecord[] | undefined =>
  f.milestones?.map((m) => ({
    id: m.id,
    title: m.title.trim(),
    dueDate: m.dueDate,
    completedOn: m.completedOn ?? null,
  }));

/** The record a set of changes would produce, checked with core `validateTask`. */
function checkMerged(before: TaskRecord, f: TaskFields): void {
  const milestones = milestoneRecords(f);
  const merged: TaskRecord = {
    ...before,
    ...(f.list === undefined ? {} : { list: f.list }),
    ...(f.title === undefined ? {} : { title: f.title }),
    ...(f.dueDate === undefined ? {} : { dueDate: f.dueDate }),
    ...(f.status === undefined ? {} : { status: f.status }),
    ...(f.completedOn === undefined ? {} : { completedOn: f.completedOn }),
    ...(milestones === undefined ? {} : { milestones }),
  };
  const issues = validateTask(toCoreTask(merged));
  if (issues.length > 0)
    throw new TaskError(
      'INVALID_TASK',
      `任务有误 (invalid task): ${issues.map((i) => i.message).join('; ')}`,
      issues.map((i) => ({ code: i.code, message: i.message, column: i.field })),
    );
}

function changesOf(f: TaskFields): TaskChanges {
  const milestones = milestoneRecords(f);
  return {
    ...(f.list === undefined ? {} : { list: f.list }),
    ...(f.listName !== undefined
      ? { listName: f.listName }
      : f.list !== undefined && f.list !== 'custom'
        ? { listName: TASK_LIST_ZH[f.list] }
        : {}),
    ...(f.title === undefined ? {} : { title: f.title.trim() }),
    ...(f.plan === undefined ? {} : { plan: f.plan }),
    ...(f.section === undefined ? {} : { section: f.section }),
    ...(f.leadDepartment === undefined ? {} : { leadDepartment: f.leadDepartment }),
    ...(f.coDepartments === undefined ? {} : { coDepartments: f.coDepartments }),
    ...(f.unit === undefined ? {} : { unitCode: f.unit }),
    ...(f.dueDate === undefined ? {} : { dueDate: f.dueDate }),
    ...(f.status === undefined ? {} : { status: f.status }),
    ...(f.completedOn === undefined ? {} : { completedOn: f.completedOn }),
    ...(milestones === undefined ? {} : { milestones }),
  };
}

/** Creates a task (province_admin); refuses an existing code. */
export async function createTask(
  store: Store,
  fields: TaskFields & { readonly code: string; readonly list: TaskList; readonly title: string },
  now: string,
): Promise<void> {
  await checkReferences(store, fields);
  const blank: TaskRecord = {
    code: fields.code,
    list: fields.list,
    listName: TASK_LIST_ZH[fields.list],
    title: fields.title,
    plan: null,
    section: null,
    leadDepartment: null,
    coDepartments: [],
    unit: null,
    dueDate: null,
    status: 'not_started',
    completedOn: null,
    source: '',
    synthetic: false,
    milestones: [],
    lastUpdateOn: null,
  };
  checkMerged(blank, fields);
  const c = changesOf(fields);
  const r = await insertTasksIfAbsent(
    store,
    [
      {
        code: fields.code,
        list: fields.list,
        listName: c.listName ?? TASK_LIST_ZH[fields.list],
        title: fields.title.trim(),
        plan: c.plan ?? null,
        section: c.section ?? null,
        leadDepartment: c.leadDepartment ?? null,
        coDepartments: [...new Set(c.coDepartments ?? [])],
        unitCode: c.unitCode ?? null,
        dueDate: c.dueDate ?? null,
        status: c.status ?? 'not_started',
        completedOn: c.completedOn ?? null,
        source: 'created by hand',
        synthetic: false,
        milestones: c.milestones ?? [],
      },
    ],
    now,
  );
  if (r.inserted === 0) throw new TaskError('TASK_EXISTS', `任务 ${fields.code} 已存在 (task exists)`);
}

/** Configures a task: departments, unit, due date, milestones, status (province_admin). */
export async function configureTask(
  store: Store,
  code: string,
  fields: TaskFields,
  now: string,
): Promise<void> {
  const before = await getTaskRecord(store, code);
  if (before === undefined) throw new TaskError('TASK_NOT_FOUND', `任务 ${code} 不存在 (no task ${code})`);
  await checkReferences(store, fields);
  checkMerged(before, fields);
  if (!(await updateTaskRecord(store, code, changesOf(fields), now)))
    throw new TaskError('TASK_NOT_FOUND', `任务 ${code} 不存在 (no task ${code})`);
}

export interface ProgressUpdateInput {
  readonly date: string;
  readonly text: string;
  readonly attachments?: string[];
  readonly milestoneId?: string;
  readonly milestoneDone?: boolean;
  readonly status?: TaskStatus;
}

/**
 * Records a dated progress update with evidence text and attachment names. It may complete a milestone
 * (on the update's date) and move the task's status (completed sets the completion date).
 */
export async function addProgressUpdate(
  store: Store,
  actor: Actor,
  code: string,
  input: ProgressUpdateInput,
  now: string,
): Promise<void> {
  const r = await readable(store, actor, code);
  if (!canUpdateTask(actor, r))
    throw new TaskError(
      'FORBIDDEN',
      '只有牵头或配合部门、任务所在地区或管理员可以报送进展 (only the lead or co-departments, the unit concerned or an administrator may report progress)',
    );
  const date = checkDay(input.date, '进展日期');
  const text = input.text.trim();
  if (text === '') throw new TaskError('MISSING_TEXT', '进展情况不能为空 (progress text required)');
  if (input.milestoneId !== undefined && !r.milestones.some((m) => m.id === input.milestoneId))
    throw new TaskError('MILESTONE_NOT_FOUND', `节点 ${input.milestoneId} 不存在 (no such milestone)`);
  const status =
    input.status === undefined || input.status === r.status
      ? undefined
      : { status: input.status, completedOn: input.status === 'completed' ? date : null };
  await addTaskUpdateRecord(store, {
    taskCode: code,
    date,
    text,
    attachments: (input.attachments ?? []).map((a) => a.trim()).filter((a) => a !== ''),
    milestoneId: input.milestoneId ?? null,
    ...(input.milestoneId !== undefined && input.milestoneDone === true ? { milestoneDoneOn: date } : {}),
    authorId: actor.userId,
    authorName: actor.username,
    createdAt: now,
    ...(status === undefined ? {} : { status }),
  });
}
