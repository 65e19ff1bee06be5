import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { bulletinTables } from './bulletin-content';
import type { BulletinInputs } from './bulletin-inputs';
import { parseBulletinMonth } from './bulletin-month';
import { composeBulletin } from './compose-bulletin';
import { taskOverdueDays, tasksMonthInput, type MonthTask } from './tasks-month';

const nov = (() => {
  const r = parseBulletinMonth('2025-11');
  if (!r.ok) throw new Error('setup');
  return r.value;
})();

const task = (code: string, over: Partial<MonthTask>): MonthTask => ({
  code,
  title: `任务${code}`,
  list: '重点指标清单',
  leadDepartment: '省发展改革委',
  unitName: null,
  dueDate: '2025-10-31',
  status: 'in_progress',
  completedOn: null,
  synthetic: false,
  ...over,
});

const TASKS: MonthTask[] = [
  // 2025-11-30 − 2025-10-31 = 30 days.
  task('T1', {}),
  // Due on the last day: not yet overdue (due at the end of the day).
  task('T2', { dueDate: '2025-11-30' }),
  // Completed after the month: still open and late at the month's end (30 − 1 = 29 days).
  task('T3', { dueDate: '2025-11-01', status: 'completed', completedOn: '2025-12-03', list: '重大改革清单' }),
  // Completed within the month: not overdue.
  task('T4', { status: 'completed', completedOn: '2025-11-20' }),
  // Cancelled: left out of counts.
  task('T5', { status: 'cancelled' }),
  // No due date.
  task('T6', { dueDate: null, list: '重大改革清单' }),
  // 2025-11-30 − 2025-09-30 = 61 days; synthetic.
  task('T7', { dueDate: '2025-09-30', list: '重大政策清单', unitName: '开化县', synthetic: true }),
];

describe('tasksMonthInput', () => {
  const input = tasksMonthInput(TASKS, nov, ['重点指标清单', '重大政策清单', '重大改革清单', '重点项目清单']);

  it('lists tasks overdue at the end of the month with days overdue', () => {
    expect(input.overdue.map((t) => [t.code, t.daysOverdue])).toEqual([
      ['T1', 30],
      ['T3', 29],
      ['T7', 61],
    ]);
  });

  it('counts tasks per list in the lists order, leaving cancelled tasks and empty lists out', () => {
    expect(input.lists).toEqual([
      { list: '重点指标清单', total: 3, overdue: 1 },
      { list: '重大政策清单', total: 1, overdue: 1 },
      { list: '重大改革清单', total: 2, overdue: 1 },
    ]);
  });

  it('never calls a task overdue before its due date or once done by then (property)', () => {
    const day = fc
      .integer({ min: 0, max: 400 })
      .map((n) => new Date(Date.UTC(2025, 0, 1 + n)).toISOString().slice(0, 10));
    fc.assert(
      fc.property(day, day, fc.option(day, { nil: null }), (due, asOf, completedOn) => {
        const t = task('X', {
          dueDate: due,
          status: completedOn === null ? 'in_progress' : 'completed',
          completedOn,
        });
        const d = taskOverdueDays(t, asOf);
        const doneBy = completedOn !== null && completedOn <= asOf;
        if (asOf <= due || doneBy) expect(d).toBeNull();
        else expect(d).toBe(Math.round((Date.parse(asOf) - Date.parse(due)) / 86_400_000));
      }),
    );
  });

  it('is composed into the section: counts per list, then the overdue table, longest overdue first', () => {
    const inputs: BulletinInputs = {
      month: nov,
      issuer: '专班',
      issueDate: '2025-12-05',
      headline: [],
      targets: { rows: [] },
      league: null,
      warnings: { openAtEnd: 0, raised: [], closed: [] },
      projects: null,
      supervision: null,
      tasks: input,
    };
    const c = composeBulletin(inputs);
    if (!c.ok) throw new Error(c.error.code);
    const section = c.value.sections.find((s) => s.key === 'tasks');
    expect(section?.label).toBe('四、');
    expect(section?.heading).toBe('重点工作监测');
    expect(section?.blocks[0]).toEqual({
      kind: 'paragraph',
      text: '截至2025年11月底，纳入监测的重点工作6项，逾期未完成3项（重点指标清单1项、重大政策清单1项、重大改革清单1项）。',
      synthetic: true,
    });
    const tables = bulletinTables(c.value);
    expect(tables.find((t) => t.key === 'tasks-lists')?.rows.map((r) => r.cells)).toEqual([
      ['重点指标清单', '3', '1'],
      ['重大政策清单', '1', '1'],
      ['重大改革清单', '2', '1'],
    ]);
    const overdue = tables.find((t) => t.key === 'tasks-overdue');
    expect(overdue?.rows.map((r) => [...r.cells, r.tone])).toEqual([
      ['T7', '重大政策清单', '任务T7（模拟数据）', '省发展改革委', '开化县', '2025-09-30', '61', 'red'],
      ['T1', '重点指标清单', '任务T1', '省发展改革委', '—', '2025-10-31', '30', 'yellow'],
      ['T3', '重大改革清单', '任务T3', '省发展改革委', '—', '2025-11-01', '29', 'yellow'],
    ]);
  });
});
