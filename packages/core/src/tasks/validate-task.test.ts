import { describe, expect, it } from 'vitest';
import { validateTask } from './validate-task';
import type { Task } from './types';

const base: Task = {
  code: 'T1',
  list: 'key_projects',
  title: '谋划实施一批“千项万亿”重大项目',
  coDepartments: [],
  milestones: [],
  status: 'in_progress',
  dueDate: '2027-12-31',
};

describe('task checks', () => {
  it('accepts a well-formed task', () => {
    expect(
      validateTask({ ...base, milestones: [{ id: 'm1', title: '入库', dueDate: '2025-12-31' }] }),
    ).toEqual([]);
  });
  it('reports each problem with its field', () => {
    const issues = validateTask({
      ...base,
      title: ' ',
      status: 'completed',
      milestones: [
        { id: 'm1', title: 'a', dueDate: '2028-01-01' },
        { id: 'm1', title: 'b', dueDate: '2025-13-01' },
      ],
    });
    expect(issues.map((i) => `${i.code}@${i.field}`)).toEqual([
      'TASK_TITLE_MISSING@title',
      'TASK_COMPLETED_WITHOUT_DATE@completedOn',
      'MILESTONE_AFTER_TASK_DUE@milestones[0].dueDate',
      'MILESTONE_ID_DUPLICATE@milestones[1]',
      'MILESTONE_DUE_DATE_INVALID@milestones[1].dueDate',
    ]);
    expect(validateTask({ ...base, dueDate: '2027' }).map((i) => i.code)).toEqual(['TASK_DUE_DATE_INVALID']);
    expect(validateTask({ ...base, completedOn: '2025/01/01' }).map((i) => i.code)).toEqual([
      'TASK_COMPLETION_DATE_INVALID',
    ]);
  });
});
