/**
 * Checks on a task record before it enters a list (import or form) — seed 000 §十四 (时限化: every task
 * has a deadline it can be held to). Each problem has a stable code and the field it concerns.
 */
import { isIsoDate } from '../projects/calendar';
import type { Task } from './types';

export type TaskIssueCode =
  | 'TASK_TITLE_MISSING'
  | 'TASK_DUE_DATE_INVALID'
  | 'TASK_COMPLETED_WITHOUT_DATE'
  | 'TASK_COMPLETION_DATE_INVALID'
  | 'MILESTONE_DUE_DATE_INVALID'
  | 'MILESTONE_AFTER_TASK_DUE'
  | 'MILESTONE_ID_DUPLICATE';

export interface TaskIssue {
  readonly code: TaskIssueCode;
  readonly field: string;
  readonly message: string;
}

const isDay = (s: string) => s.length === 10 && isIsoDate(s);

/** All problems of a task (empty when it is acceptable). */
export function validateTask(task: Task): readonly TaskIssue[] {
  const out: TaskIssue[] = [];
  if (task.title.trim() === '')
    out.push({ code: 'TASK_TITLE_MISSING', field: 'title', message: '任务名称不能为空 (title required)' });
  const due = task.dueDate;
  const dueOk = due !== undefined && isDay(due);
  if (due !== undefined && !dueOk)
    out.push({
      code: 'TASK_DUE_DATE_INVALID',
      field: 'dueDate',
      message: `完成时限无效: "${due}" (invalid due date)`,
    });
  if (task.status === 'completed' && task.completedOn === undefined)
    out.push({
      code: 'TASK_COMPLETED_WITHOUT_DATE',
      field: 'completedOn',
      message: '已完成的任务须填写完成日期 (completion date required)',
    });
  if (task.completedOn !== undefined && !isDay(task.completedOn))
    out.push({
      code: 'TASK_COMPLETION_DATE_INVALID',
      field: 'completedOn',
      message: `完成日期无效: "${task.completedOn}" (invalid completion date)`,
    });
  const seen = new Set<string>();
  task.milestones.forEach((m, i) => {
    const field = `milestones[${i}]`;
    if (seen.has(m.id))
      out.push({
        code: 'MILESTONE_ID_DUPLICATE',
        field,
        message: `节点编号重复: ${m.id} (duplicate milestone id)`,
      });
    seen.add(m.id);
    if (!isDay(m.dueDate))
      out.push({
        code: 'MILESTONE_DUE_DATE_INVALID',
        field: `${field}.dueDate`,
        message: `节点时限无效: "${m.dueDate}" (invalid milestone date)`,
      });
    else if (dueOk && m.dueDate > due)
      out.push({
        code: 'MILESTONE_AFTER_TASK_DUE',
        field: `${field}.dueDate`,
        message: `节点时限${m.dueDate}晚于任务时限${due} (milestone after the task's due date)`,
      });
  });
  return out;
}
