/**
 * The 重点工作监测 section from the tasks module (issue 8 §1, §4): every task of the four lists and of
 * custom lists, overdue as of the month's end (core `tasksMonthInput`), with counts per list.
 */
import { TASK_LISTS, tasksMonthInput, type MonthTask } from '@suocha/core';
import { listTaskRecords, type TaskRecord } from '@suocha/store';
import type { TasksSectionProvider } from './section-providers';

const monthTask = (r: TaskRecord): MonthTask => ({
  code: r.code,
  title: r.title,
  list: r.listName,
  leadDepartment: r.leadDepartment?.nameZh ?? null,
  unitName: r.unit?.name ?? null,
  dueDate: r.dueDate,
  status: r.status,
  completedOn: r.completedOn,
  synthetic: r.synthetic,
});

export const tasksSectionProvider: TasksSectionProvider = async (store, month) => {
  const records = await listTaskRecords(store);
  // The four lists of seed 004 in their order, then custom lists by name.
  const order = [...records]
    .sort(
      (a, b) =>
        TASK_LISTS.indexOf(a.list) - TASK_LISTS.indexOf(b.list) ||
        a.listName.localeCompare(b.listName, 'zh-CN'),
    )
    .map((r) => r.listName);
  return tasksMonthInput(records.map(monthTask), month, [...new Set(order)]);
};
