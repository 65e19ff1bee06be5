import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { deadlineAlerts, deadlineState, milestoneDeadline, taskDeadline } from './deadlines';
import type { Task } from './types';

const task = (extra: Partial<Task> = {}): Task => ({
  code: 'T1',
  list: 'major_reforms',
  title: '实施城乡融合体制机制改革',
  coDepartments: [],
  milestones: [],
  status: 'in_progress',
  ...extra,
});
const TODAY = '2025-06-20';

describe('task deadlines', () => {
  it('is due soon on the due date and overdue the day after', () => {
    expect(taskDeadline(task({ dueDate: '2025-06-20' }), TODAY, 7)).toEqual({
      state: 'due_soon',
      dueDate: '2025-06-20',
      daysLeft: 0,
    });
    expect(taskDeadline(task({ dueDate: '2025-06-19' }), TODAY, 7)).toEqual({
      state: 'overdue',
      dueDate: '2025-06-19',
      daysLeft: -1,
    });
  });
  it('uses the window parameter inclusively', () => {
    expect(taskDeadline(task({ dueDate: '2025-06-27' }), TODAY, 7).state).toBe('due_soon');
    expect(taskDeadline(task({ dueDate: '2025-06-28' }), TODAY, 7).state).toBe('on_track');
    expect(taskDeadline(task({ dueDate: '2025-06-28' }), TODAY, 8).state).toBe('due_soon');
  });
  it('never flags completed or cancelled tasks, and records late completion', () => {
    const done = taskDeadline(
      task({ dueDate: '2025-03-31', status: 'completed', completedOn: '2025-04-02' }),
      TODAY,
      7,
    );
    expect(done).toEqual({ state: 'done', dueDate: '2025-03-31', completedLate: true });
    const onTime = taskDeadline(
      task({ dueDate: '2025-03-31', status: 'completed', completedOn: '2025-03-31' }),
      TODAY,
      7,
    );
    expect(onTime.completedLate).toBe(false);
    expect(taskDeadline(task({ dueDate: '2025-03-31', status: 'cancelled' }), TODAY, 7).state).toBe(
      'cancelled',
    );
  });
  it('handles missing and invalid due dates', () => {
    expect(taskDeadline(task(), TODAY, 7).state).toBe('no_due_date');
    expect(taskDeadline(task({ dueDate: '2025-02-30' }), TODAY, 7).state).toBe('invalid_date');
  });
  it('checks milestones, cancelled with their task', () => {
    const t = task({
      milestones: [
        { id: 'm1', title: '出台方案', dueDate: '2025-05-31' },
        { id: 'm2', title: '试点启动', dueDate: '2025-05-31', completedOn: '2025-05-30' },
      ],
    });
    const [m1, m2] = t.milestones;
    if (!m1 || !m2) throw new Error('fixture');
    expect(milestoneDeadline(t, m1, TODAY, 7)).toEqual({
      state: 'overdue',
      dueDate: '2025-05-31',
      daysLeft: -20,
    });
    expect(milestoneDeadline(t, m2, TODAY, 7)).toEqual({
      state: 'done',
      dueDate: '2025-05-31',
      completedLate: false,
    });
    expect(milestoneDeadline({ ...t, status: 'cancelled' }, m1, TODAY, 7).state).toBe('cancelled');
  });
  it('is overdue exactly when today is after the due date (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: -400, max: 400 }), fc.integer({ min: 0, max: 60 }), (offset, window) => {
        const due = new Date(Date.UTC(2025, 5, 20 + offset)).toISOString().slice(0, 10);
        const c = deadlineState(due, undefined, false, TODAY, window);
        expect(c.daysLeft).toBe(offset);
        expect(c.state).toBe(offset < 0 ? 'overdue' : offset <= window ? 'due_soon' : 'on_track');
      }),
    );
  });
});

describe('deadline alerts', () => {
  it('lists overdue and due-soon tasks and milestones, earliest first', () => {
    const tasks: Task[] = [
      task({ code: 'B', dueDate: '2025-06-25', leadDepartment: '省发展改革委' }),
      task({
        code: 'A',
        dueDate: '2025-12-31',
        unit: '330000',
        milestones: [
          { id: 'm1', title: '出台方案', dueDate: '2025-06-01' },
          { id: 'm2', title: '中期评估', dueDate: '2025-09-30' },
        ],
      }),
      task({ code: 'C', dueDate: '2025-06-01', status: 'completed', completedOn: '2025-05-20' }),
    ];
    const alerts = deadlineAlerts(tasks, TODAY, 7);
    expect(alerts.map((a) => [a.taskCode, a.milestoneId ?? '', a.state, a.daysLeft])).toEqual([
      ['A', 'm1', 'overdue', -19],
      ['B', '', 'due_soon', 5],
    ]);
    expect(alerts[0]?.unit).toBe('330000');
    expect(alerts[1]?.leadDepartment).toBe('省发展改革委');
  });
});
