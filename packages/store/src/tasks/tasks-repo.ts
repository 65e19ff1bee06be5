/**
 * 重点工作 key tasks (issue 8 §1): reading and writing tasks with their co-departments, milestones and
 * dated progress updates. Every write that touches more than one row runs in one transaction, so a task
 * is never left half-configured.
 */
import type { Store } from '../db';
import type { TaskListColumn, TaskStatusColumn } from './schema';

export interface DepartmentRef {
  readonly code: string;
  readonly nameZh: string;
}

export interface MilestoneRecord {
  readonly id: string;
  readonly title: string;
  readonly dueDate: string;
  readonly completedOn: string | null;
}

export interface TaskRecord {
  readonly code: string;
  readonly list: TaskListColumn;
  readonly listName: string;
  readonly title: string;
  readonly plan: string | null;
  readonly section: string | null;
  readonly leadDepartment: DepartmentRef | null;
  readonly coDepartments: readonly DepartmentRef[];
  readonly unit: { readonly code: string; readonly name: string; readonly path: string } | null;
  readonly dueDate: string | null;
  readonly status: TaskStatusColumn;
  readonly completedOn: string | null;
  readonly source: string;
  readonly synthetic: boolean;
  readonly milestones: readonly MilestoneRecord[];
  /** Date of the latest progress update. */
  readonly lastUpdateOn: string | null;
}

export interface TaskFilter {
  readonly codes?: readonly string[];
  readonly list?: TaskListColumn;
  readonly plan?: string;
  readonly section?: string;
  /** Lead or co-department. */
  readonly department?: string;
  /** Tasks whose unit lies in this subtree (materialised path prefix). */
  readonly unitPath?: string;
  readonly status?: TaskStatusColumn;
  /** Substring of the title. */
  readonly q?: string;
}

export interface NewTaskRow {
  readonly code: string;
  readonly list: TaskListColumn;
  readonly listName: string;
  readonly title: string;
  readonly plan: string | null;
  readonly section: string | null;
  readonly leadDepartment: string | null;
  readonly coDepartments: readonly string[];
  readonly unitCode: string | null;
  readonly dueDate: string | null;
  readonly status: TaskStatusColumn;
  readonly completedOn: string | null;
  readonly source: string;
  readonly synthetic: boolean;
  readonly milestones: readonly MilestoneRecord[];
}

/** Fields of a task to change; absent = unchanged; co-departments and milestones are replaced whole. */
export interface TaskChanges {
  readonly list?: TaskListColumn;
  readonly listName?: string;
  readonly title?: string;
  readonly plan?: string | null;
  readonly section?: string | null;
  readonly leadDepartment?: string | null;
  readonly coDepartments?: readonly string[];
  readonly unitCode?: string | null;
  readonly dueDate?: string | null;
  readonly status?: TaskStatusColumn;
  readonly completedOn?: string | null;
  readonly milestones?: readonly MilestoneRecord[];
}

export interface TaskUpdateRecord {
  readonly id: number;
  readonly taskCode: string;
  readonly date: string;
  readonly text: string;
  readonly attachments: readonly string[];
  readonly milestoneId: string | null;
  readonly statusAfter: TaskStatusColumn | null;
  readonly authorId: number;
  readonly authorName: string;
  readonly createdAt: string;
}

export interface NewTaskUpdate {
  readonly taskCode: string;
  readonly date: string;
  readonly text: string;
  readonly attachments: readonly string[];
  readonly milestoneId: string | null;
  readonly authorId: number;
  readonly authorName: string;
  readonly createdAt: string;
  /** Status the update moves the task to (and its completion date), if any. */
  readonly status?: { readonly status: TaskStatusColumn; readonly completedOn: string | null };
  /** Marks the milestone done on this date. */
  readonly milestoneDoneOn?: string;
}

const CHUNK = 400;

function chunks<T>(xs: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < xs.length; i += CHUNK) out.push(xs.slice(i, i + CHUNK));
  return out;
}

/** Tasks matching the filter, ordered by code, with co-departments and milestones. */
export async function listTaskRecords(store: Store, filter: TaskFilter = {}): Promise<TaskRecord[]> {
  let q = store.db
    .selectFrom('tasks')
    .leftJoin('departments as ld', 'ld.code', 'tasks.lead_department')
    .leftJoin('units as u', 'u.code', 'tasks.unit_code')
    .selectAll('tasks')
    .select(['ld.name_zh as lead_name', 'u.name as unit_name', 'u.path as unit_path']);
  if (filter.codes !== undefined) {
    if (filter.codes.length === 0) return [];
    q = q.where('tasks.code', 'in', [...filter.codes]);
  }
  if (filter.list !== undefined) q = q.where('tasks.list', '=', filter.list);
  if (filter.plan !== undefined) q = q.where('tasks.plan_code', '=', filter.plan);
  if (filter.section !== undefined) q = q.where('tasks.section', '=', filter.section);
  if (filter.status !== undefined) q = q.where('tasks.status', '=', filter.status);
  if (filter.unitPath !== undefined) q = q.where('u.path', 'like', `${filter.unitPath}%`);
  if (filter.q !== undefined) q = q.where('tasks.title', 'like', `%${filter.q.replace(/[%_]/g, '')}%`);
  const dept = filter.department;
  if (dept !== undefined)
    q = q.where((eb) =>
      eb.or([
        eb('tasks.lead_department', '=', dept),
        eb(
          'tasks.code',
          'in',
          eb.selectFrom('task_co_departments').select('task_code').where('department_code', '=', dept),
        ),
      ]),
    );
  const rows = await q.orderBy('tasks.code').execute();
  if (rows.length === 0) return [];
  const codes = rows.map((r) => r.code);
  const co = new Map<string, DepartmentRef[]>();
  const ms = new Map<string, MilestoneRecord[]>();
  const last = new Map<string, string>();
  for (const part of chunks(codes)) {
    const coRows = await store.db
      .selectFrom('task_co_departments')
      .innerJoin('departments', 'departments.code', 'task_co_departments.department_code')
      .select(['task_code', 'department_code', 'departments.name_zh'])
      .where('task_code', 'in', part)
      .orderBy('task_code')
      .orderBy('department_code')
      .execute();
    for (const r of coRows) {
      const list = co.get(r.task_code) ?? [];
      list.push({ code: r.department_code, nameZh: r.name_zh });
      co.set(r.task_code, list);
    }
    const mRows = await store.db
      .selectFrom('task_milestones')
      .selectAll()
      .where('task_code', 'in', part)
      .orderBy('task_code')
      .orderBy('position')
      .execute();
    for (const r of mRows) {
      const list = ms.get(r.task_code) ?? [];
      list.push({ id: r.id, title: r.title, dueDate: r.due_date, completedOn: r.completed_on });
      ms.set(r.task_code, list);
    }
    const uRows = await store.db
      .selectFrom('task_updates')
      .select(['task_code', (eb) => eb.fn.max('date').as('last')])
      .where('task_code', 'in', part)
      .groupBy('task_code')
      .execute();
    for (const r of uRows) if (r.last !== null) last.set(r.task_code, String(r.last));
  }
  return rows.map((r) => ({
    code: r.code,
    list: r.list,
    listName: r.list_name,
    title: r.title,
    plan: r.plan_code,
    section: r.section,
    leadDepartment:
      r.lead_department === null
        ? null
        : { code: r.lead_department, nameZh: r.lead_name ?? r.lead_department },
    coDepartments: co.get(r.code) ?? [],
    unit:
      r.unit_code === null
        ? null
        : { code: r.unit_code, name: r.unit_name ?? r.unit_code, path: r.unit_path ?? '' },
    dueDate: r.due_date,
    status: r.status,
    completedOn: r.completed_on,
    source: r.source,
    synthetic: r.synthetic === 1,
    milestones: ms.get(r.code) ?? [],
    lastUpdateOn: last.get(r.code) ?? null,
  }));
}

export async function getTaskRecord(store: Store, code: string): Promise<TaskRecord | undefined> {
  const [t] = await listTaskRecords(store, { codes: [code] });
  return t;
}

/** Codes of the tasks that exist among `codes`. */
export async function existingTaskCodes(store: Store, codes: readonly string[]): Promise<Set<string>> {
  const out = new Set<string>();
  for (const part of chunks(codes)) {
    const rows = await store.db.selectFrom('tasks').select('code').where('code', 'in', part).execute();
    for (const r of rows) out.add(r.code);
  }
  return out;
}

/**
 * Inserts the tasks whose code is not there yet, with their co-departments and milestones, in one
 * transaction; existing tasks are left as they are (their configuration belongs to the users).
 */
export async function insertTasksIfAbsent(
  store: Store,
  tasks: readonly NewTaskRow[],
  now: string,
): Promise<{ inserted: number; existing: number }> {
  return store.db.transaction().execute(async (trx) => {
    let inserted = 0;
    for (const t of tasks) {
      const r = await trx
        .insertInto('tasks')
        .values({
          code: t.code,
          list: t.list,
          list_name: t.listName,
          title: t.title,
          plan_code: t.plan,
          section: t.section,
          lead_department: t.leadDepartment,
          unit_code: t.unitCode,
          due_date: t.dueDate,
          status: t.status,
          completed_on: t.completedOn,
          source: t.source,
          synthetic: t.synthetic ? 1 : 0,
          created_at: now,
          updated_at: now,
        })
        .onConflict((oc) => oc.column('code').doNothing())
        .executeTakeFirst();
      if (Number(r.numInsertedOrUpdatedRows ?? 0) === 0) continue;
      inserted++;
      if (t.coDepartments.length > 0)
        await trx
          .insertInto('task_co_departments')
          .values(t.coDepartments.map((d) => ({ task_code: t.code, department_code: d })))
          .execute();
      if (t.milestones.length > 0)
        await trx
          .insertInto('task_milestones')
          .values(
            t.milestones.map((m, i) => ({
              task_code: t.code,
              id: m.id,
              title: m.title,
              due_date: m.dueDate,
              completed_on: m.completedOn,
              position: i,
            })),
          )
          .execute();
    }
    return { inserted, existing: tasks.length - inserted };
  });
}

/** Applies changes to a task in one transaction; false when there is no such task. */
export async function updateTaskRecord(
  store: Store,
  code: string,
  c: TaskChanges,
  now: string,
): Promise<boolean> {
  return store.db.transaction().execute(async (trx) => {
    const r = await trx
      .updateTable('tasks')
      .set({
        ...(c.list === undefined ? {} : { list: c.list }),
        ...(c.listName === undefined ? {} : { list_name: c.listName }),
        ...(c.title === undefined ? {} : { title: c.title }),
        ...(c.plan === undefined ? {} : { plan_code: c.plan }),
        ...(c.section === undefined ? {} : { section: c.section }),
        ...(c.leadDepartment === undefined ? {} : { lead_department: c.leadDepartment }),
        ...(c.unitCode === undefined ? {} : { unit_code: c.unitCode }),
        ...(c.dueDate === undefined ? {} : { due_date: c.dueDate }),
        ...(c.status === undefined ? {} : { status: c.status }),
        ...(c.completedOn === undefined ? {} : { completed_on: c.completedOn }),
        updated_at: now,
      })
      .where('code', '=', code)
      .executeTakeFirst();
    if (Number(r.numUpdatedRows) === 0) return false;
    if (c.coDepartments !== undefined) {
      await trx.deleteFrom('task_co_departments').where('task_code', '=', code).execute();
      const uniq = [...new Set(c.coDepartments)];
      if (uniq.length > 0)
        await trx
          .insertInto('task_co_departments')
          .values(uniq.map((d) => ({ task_code: code, department_code: d })))
          .execute();
    }
    if (c.milestones !== undefined) {
      await trx.deleteFrom('task_milestones').where('task_code', '=', code).execute();
      if (c.milestones.length > 0)
        await trx
          .insertInto('task_milestones')
          .values(
            c.milestones.map((m, i) => ({
              task_code: code,
              id: m.id,
              title: m.title,
              due_date: m.dueDate,
              completed_on: m.completedOn,
              position: i,
            })),
          )
          .execute();
    }
    return true;
  });
}

/** Records a progress update and its effects (task status, milestone done) in one transaction. */
export async function addTaskUpdateRecord(store: Store, u: NewTaskUpdate): Promise<number> {
  return store.db.transaction().execute(async (trx) => {
    if (u.status !== undefined)
      await trx
        .updateTable('tasks')
        .set({ status: u.status.status, completed_on: u.status.completedOn, updated_at: u.createdAt })
        .where('code', '=', u.taskCode)
        .execute();
    if (u.milestoneId !== null && u.milestoneDoneOn !== undefined)
      await trx
        .updateTable('task_milestones')
        .set({ completed_on: u.milestoneDoneOn })
        .where('task_code', '=', u.taskCode)
        .where('id', '=', u.milestoneId)
        .execute();
    const row = await trx
      .insertInto('task_updates')
      .values({
        task_code: u.taskCode,
        date: u.date,
        text: u.text,
        attachments: JSON.stringify(u.attachments),
        milestone_id: u.milestoneId,
        status_after: u.status?.status ?? null,
        author_id: u.authorId,
        author_name: u.authorName,
        created_at: u.createdAt,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  });
}

/** Progress updates of a task, newest first (by date, then by entry). */
export async function listTaskUpdates(store: Store, code: string): Promise<TaskUpdateRecord[]> {
  const rows = await store.db
    .selectFrom('task_updates')
    .selectAll()
    .where('task_code', '=', code)
    .orderBy('date', 'desc')
    .orderBy('id', 'desc')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    taskCode: r.task_code,
    date: r.date,
    text: r.text,
    attachments: parseNames(r.attachments),
    milestoneId: r.milestone_id,
    statusAfter: r.status_after,
    authorId: r.author_id,
    authorName: r.author_name,
    createdAt: r.created_at,
  }));
}

function parseNames(json: string): string[] {
  const v: unknown = JSON.parse(json);
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
}
