import { describe, expect, it } from 'vitest';
import { milestoneProgress, summarizeTasks } from './progress';
import type { Task } from './types';

const t = (code: string, extra: Partial<Task>): Task => ({
  code,
  list: 'major_policies',
  title: code,
  coDepartments: [],
  milestones: [],
  status: 'in_progress',
  ...extra,
});
const TODAY = '2025-06-20';

describe('task progress summaries', () => {
  const tasks: Task[] = [
    t('1', { leadDepartment: '甲', dueDate: '2025-06-01' }), // overdue
    t('2', { leadDepartment: '甲', dueDate: '2025-06-22' }), // due soon
    t('3', { leadDepartment: '乙', status: 'completed', dueDate: '2025-05-31', completedOn: '2025-06-03' }), // late
    t('4', { leadDepartment: '乙', status: 'completed', dueDate: '2025-05-31', completedOn: '2025-05-31' }), // on time
    t('5', {
      leadDepartment: '乙',
      status: 'cancelled',
      dueDate: '2025-01-01',
      milestones: [{ id: 'x', title: 'x', dueDate: '2025-01-01' }],
    }),
    t('6', {
      leadDepartment: '甲',
      status: 'not_started',
      coDepartments: ['乙'],
      milestones: [
        { id: 'a', title: 'a', dueDate: '2025-03-01', completedOn: '2025-03-01' },
        { id: 'b', title: 'b', dueDate: '2025-04-01' },
        { id: 'c', title: 'c', dueDate: '2025-12-01' },
      ],
    }),
  ];
  it('totals everything (hand-counted)', () => {
    const [all] = summarizeTasks(tasks, TODAY, 7);
    expect(all).toEqual({
      key: 'all',
      total: 6,
      byStatus: { not_started: 1, in_progress: 2, completed: 2, cancelled: 1 },
      overdue: 1,
      dueSoon: 1,
      completedOnTime: 1,
      completedLate: 1,
      completionRate: 2 / 5, // cancelled tasks leave the denominator
      milestonesTotal: 3, // the cancelled task's milestone does not count
      milestonesDone: 1,
      milestonesOverdue: 1,
      milestoneRate: 1 / 3,
    });
  });
  it('groups by lead and co-departments', () => {
    const rows = summarizeTasks(tasks, TODAY, 7, (x) => [x.leadDepartment ?? '', ...x.coDepartments]);
    const byKey = new Map(rows.map((r) => [r.key, r]));
    expect(byKey.get('甲')).toMatchObject({ total: 3, overdue: 1, dueSoon: 1, completionRate: 0 });
    expect(byKey.get('乙')).toMatchObject({
      total: 4,
      completedOnTime: 1,
      completedLate: 1,
      milestonesTotal: 3,
    });
    expect(byKey.get('乙')?.completionRate).toBeCloseTo(2 / 3, 12);
  });
  it('gives milestone progress of one task', () => {
    expect(milestoneProgress(tasks[5] as Task)).toBeCloseTo(1 / 3, 12);
    expect(milestoneProgress(tasks[0] as Task)).toBeNull();
  });
});
