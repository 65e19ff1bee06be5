/**
 * `suocha tasks list | load-default` (issue 8 §5): the key task lists with overdue / due-soon computed as of
 * a date, and loading the default list of seed 000 (idempotent).
 */
import { loadDefaultTasks, listTasks, TaskError, type TaskRowView } from '@suocha/services';
import { TASK_LISTS, type TaskList } from '@suocha/core';
import type { Command } from 'commander';
import { UserError, withStore, type GlobalFlags } from '../context';
import { printer } from '../output';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

async function userErrors<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    if (e instanceof TaskError) throw new UserError(e.message);
    throw e;
  }
}

const flat = (t: TaskRowView): Record<string, unknown> => ({
  code: t.code,
  list: t.listName,
  section: t.section,
  title: t.title,
  lead: t.leadDepartment?.nameZh ?? null,
  unit: t.unit?.code ?? null,
  due: t.dueDate,
  status: t.status,
  deadline: t.deadline.state,
  daysLeft: t.deadline.daysLeft,
  synthetic: t.synthetic,
});

export function tasksCommands(program: Command): void {
  const tasks = program.command('tasks').description('重点工作 — key task lists (issue 8)');
  tasks
    .command('list')
    .description('list tasks with their deadline state as of a date')
    .option('--overdue', 'only overdue tasks')
    .option('--due-soon', 'only tasks due within the window')
    .option('--as-of <date>', 'date to judge deadlines (default: today)')
    .option('--window <days>', 'due-soon window in days (default 14)')
    .option('--list <list>', `one of ${TASK_LISTS.join(', ')}`)
    .option('--department <code>', 'tasks this department leads or co-leads')
    .option('--unit <code>', 'tasks of this unit and its subtree')
    .option('--json', 'print a JSON array')
    .action(
      async (
        opts: {
          overdue?: boolean;
          dueSoon?: boolean;
          asOf?: string;
          window?: string;
          list?: string;
          department?: string;
          unit?: string;
          json?: boolean;
        },
        cmd: Command,
      ) => {
        const asOf = opts.asOf ?? new Date().toISOString().slice(0, 10);
        if (!DATE.test(asOf)) throw new UserError(`--as-of 应为 YYYY-MM-DD (got "${asOf}")`);
        if (opts.list !== undefined && !(TASK_LISTS as readonly string[]).includes(opts.list))
          throw new UserError(`--list 应为 ${TASK_LISTS.join('/')} (got "${opts.list}")`);
        const windowDays = opts.window === undefined ? undefined : Number(opts.window);
        if (windowDays !== undefined && !(Number.isInteger(windowDays) && windowDays >= 0))
          throw new UserError(`--window 应为非负整数 (got "${opts.window}")`);
        await withStore(cmd.optsWithGlobals<GlobalFlags>(), async (store) => {
          const r = await userErrors(() =>
            listTasks(store, null, {
              asOf,
              ...(windowDays === undefined ? {} : { windowDays }),
              ...(opts.overdue
                ? { due: 'overdue' as const }
                : opts.dueSoon
                  ? { due: 'due_soon' as const }
                  : {}),
              ...(opts.list === undefined ? {} : { list: opts.list as TaskList }),
              ...(opts.department === undefined ? {} : { department: opts.department }),
              ...(opts.unit === undefined ? {} : { unit: opts.unit }),
            }),
          );
          printer(Boolean(opts.json)).list(r.items.map(flat), [
            'code',
            'list',
            'title',
            'lead',
            'due',
            'status',
            'deadline',
            'daysLeft',
          ]);
        });
      },
    );
  tasks
    .command('load-default')
    .description('load the default task list of seed 000 (data/tasks_seed000.csv); idempotent')
    .option('--json', 'print the result as JSON')
    .action(async (opts: { json?: boolean }, cmd: Command) => {
      await withStore(cmd.optsWithGlobals<GlobalFlags>(), async (store, config) => {
        const r = await userErrors(() =>
          loadDefaultTasks(store, { dataDir: config.dataDir, now: new Date().toISOString() }),
        );
        const p = printer(Boolean(opts.json));
        if (opts.json) p.list([{ ...r }]);
        else p.info(`已载入 ${r.inserted} 项任务, ${r.existing} 项已存在 (${r.file})`);
      });
    });
}
