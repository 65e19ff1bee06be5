/**
 * The default task list: the key tasks of seed 000 (二 (一)–(八), 三 (九)–(十一), 四 (十二)–(十六)) in
 * data/tasks_seed000.csv, with plan and section. Lead departments and due dates are left empty where the
 * seed does not say (they are configured by the users). Idempotent: tasks already there are kept as
 * configured, new ones are added, all in one transaction.
 */
import { join } from 'node:path';
import { TASK_LIST_ZH, TASK_LISTS, type TaskList } from '@suocha/core';
import { insertTasksIfAbsent, type NewTaskRow, type Store } from '@suocha/store';
import { readCsvFile, RowReader } from '../io/csv';
import type { ImportProblem } from '@suocha/core';
import { TaskError } from './errors';

export const DEFAULT_TASKS_FILE = 'tasks_seed000.csv';

const isList = (s: string): s is TaskList => (TASK_LISTS as readonly string[]).includes(s);
const DAY = /^\d{4}-\d{2}-\d{2}$/;

export interface LoadDefaultTasksResult {
  readonly inserted: number;
  readonly existing: number;
  readonly file: string;
}

/** Reads the default task file into rows; any problem refuses the whole file (nothing is written). */
export async function readDefaultTasks(path: string): Promise<NewTaskRow[]> {
  const required = ['code', 'list', 'title', 'plan', 'section', 'lead_department', 'due_date', 'source'];
  const { rows, problems } = await readCsvFile(path, { required });
  const all: ImportProblem[] = [...problems];
  const rd = new RowReader(DEFAULT_TASKS_FILE, all);
  const out: NewTaskRow[] = [];
  const seen = new Set<string>();
  for (const row of rows) {
    const code = rd.text(row, 'code', { required: true });
    const list = rd.text(row, 'list', { required: true });
    const title = rd.text(row, 'title', { required: true });
    const due = rd.text(row, 'due_date');
    if (!isList(list)) {
      rd.problem(row, 'list', 'BAD_LIST', `未知清单 "${list}" (unknown list)`);
      continue;
    }
    if (due !== '' && !DAY.test(due)) rd.problem(row, 'due_date', 'BAD_DATE', `日期无效 "${due}"`);
    if (seen.has(code)) rd.problem(row, 'code', 'DUPLICATE_CODE', `重复的任务编号 ${code}`);
    seen.add(code);
    const lead = rd.text(row, 'lead_department');
    out.push({
      code,
      list,
      listName: TASK_LIST_ZH[list],
      title,
      plan: rd.text(row, 'plan') || null,
      section: rd.text(row, 'section') || null,
      leadDepartment: lead === '' ? null : lead,
      coDepartments: [],
      unitCode: null,
      dueDate: due === '' ? null : due,
      status: 'not_started',
      completedOn: null,
      source: rd.text(row, 'source'),
      synthetic: false,
      milestones: [],
    });
  }
  if (all.length > 0)
    throw new TaskError(
      'FILE_INVALID',
      `默认任务清单有误 (invalid default task file): ${all.map((p) => p.message).join('; ')}`,
      all.map((p) => ({
        code: p.code,
        message: p.message,
        ...(p.column === undefined ? {} : { column: p.column }),
      })),
    );
  return out;
}

/** Loads data/tasks_seed000.csv into the store, idempotently (the lead's default dataset loader calls it). */
export async function loadDefaultTasks(
  store: Store,
  options: { readonly dataDir: string; readonly now: string },
): Promise<LoadDefaultTasksResult> {
  const rows = await readDefaultTasks(join(options.dataDir, DEFAULT_TASKS_FILE));
  const r = await insertTasksIfAbsent(store, rows, options.now);
  return { ...r, file: DEFAULT_TASKS_FILE };
}
