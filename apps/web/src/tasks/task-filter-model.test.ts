import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { TaskRowDto } from '@suocha/contract';
import {
  EMPTY_FILTER,
  chineseNumeral,
  compareSections,
  filterTasks,
  isEmptyFilter,
  filterable,
  listCounts,
  optionsOf,
  readTaskFilter,
  sectionOptions,
  writeTaskFilter,
  type FilterableTask,
  type TaskFilter,
} from './task-filter-model';

const rows: FilterableTask[] = [
  {
    code: 'S000-01-01',
    title: '唱好杭甬“双城记”',
    list: 'major_policies',
    section: '二(一)',
    status: 'in_progress',
    deadline: 'overdue',
    unit: '330000',
    departments: ['fgw', 'jyt'],
  },
  {
    code: 'S000-02-01',
    title: '实施山区海岛县高质量发展',
    list: 'key_projects',
    section: '二(二)',
    status: 'not_started',
    deadline: 'due_soon',
    unit: '330800',
    departments: [],
  },
  {
    code: 'S000-09-01',
    title: '深化户籍制度改革',
    list: 'major_reforms',
    section: '三(九)',
    status: 'completed',
    deadline: 'done',
    departments: ['gat'],
  },
  {
    code: 'S000-10-01',
    title: 'Key indicator A',
    list: 'key_indicators',
    section: '三(十)',
    departments: [],
    status: 'in_progress',
    deadline: 'on_track',
  },
];
const codes = (xs: FilterableTask[]) => xs.map((x) => x.code);
const f = (patch: Partial<TaskFilter>): TaskFilter => ({ ...EMPTY_FILTER, ...patch });

describe('filterTasks', () => {
  it('passes everything with no filter', () => {
    expect(filterTasks(rows, EMPTY_FILTER)).toEqual(rows);
  });

  it('applies each filter, and all of them together', () => {
    expect(codes(filterTasks(rows, f({ list: 'major_reforms' })))).toEqual(['S000-09-01']);
    expect(codes(filterTasks(rows, f({ section: '二(二)' })))).toEqual(['S000-02-01']);
    expect(codes(filterTasks(rows, f({ department: 'fgw' })))).toEqual(['S000-01-01']);
    // A co-department finds the task too.
    expect(codes(filterTasks(rows, f({ department: 'jyt' })))).toEqual(['S000-01-01']);
    expect(codes(filterTasks(rows, f({ unit: '330800' })))).toEqual(['S000-02-01']);
    expect(codes(filterTasks(rows, f({ status: 'in_progress' })))).toEqual(['S000-01-01', 'S000-10-01']);
    expect(codes(filterTasks(rows, f({ status: 'in_progress', list: 'key_indicators' })))).toEqual([
      'S000-10-01',
    ]);
  });

  it('treats overdue and due soon as alerts: either one, or both together', () => {
    expect(codes(filterTasks(rows, f({ overdue: true })))).toEqual(['S000-01-01']);
    expect(codes(filterTasks(rows, f({ dueSoon: true })))).toEqual(['S000-02-01']);
    expect(codes(filterTasks(rows, f({ overdue: true, dueSoon: true })))).toEqual([
      'S000-01-01',
      'S000-02-01',
    ]);
  });

  it('searches code and title, ignoring case and spaces around', () => {
    expect(codes(filterTasks(rows, f({ q: ' 双城记 ' })))).toEqual(['S000-01-01']);
    expect(codes(filterTasks(rows, f({ q: 's000-09' })))).toEqual(['S000-09-01']);
    expect(codes(filterTasks(rows, f({ q: 'key INDICATOR' })))).toEqual(['S000-10-01']);
  });

  it('never returns a row the unfiltered list lacks, and narrowing never adds rows (property)', () => {
    const filter = fc.record({
      list: fc.constantFrom(null, 'major_policies', 'key_projects'),
      section: fc.constantFrom(null, '二(一)', '三(十)'),
      department: fc.constantFrom(null, 'fgw'),
      unit: fc.constantFrom(null, '330800'),
      status: fc.constantFrom(null, 'in_progress'),
      overdue: fc.boolean(),
      dueSoon: fc.boolean(),
      q: fc.constantFrom('', 'S000', '改革'),
    });
    fc.assert(
      fc.property(filter, (flt) => {
        const out = filterTasks(rows, flt);
        for (const r of out) expect(rows).toContain(r);
        expect(filterTasks(out, flt)).toEqual(out);
        if (flt.list !== null)
          expect(filterTasks(rows, { ...flt, list: null }).length).toBeGreaterThanOrEqual(out.length);
      }),
    );
  });
});

describe('query string', () => {
  it('round-trips a filter and keeps other keys', () => {
    const filter = f({
      list: 'major_policies',
      section: '二(一)',
      department: 'fgw',
      overdue: true,
      q: '双城',
    });
    const params = writeTaskFilter(filter, new URLSearchParams('tab=tasks'));
    expect(params.get('tab')).toBe('tasks');
    expect(params.get('dept')).toBe('fgw');
    expect(params.get('soon')).toBeNull();
    expect(readTaskFilter(`?${params.toString()}`)).toEqual(filter);
  });

  it('drops values that are not codes, and writes nothing for an empty filter', () => {
    expect(readTaskFilter('?list=<script>&unit=330800&overdue=yes')).toEqual(f({ unit: '330800' }));
    expect(writeTaskFilter(EMPTY_FILTER, new URLSearchParams()).toString()).toBe('');
    expect(isEmptyFilter(EMPTY_FILTER)).toBe(true);
    expect(isEmptyFilter(f({ q: '  ' }))).toBe(true);
    expect(isEmptyFilter(f({ dueSoon: true }))).toBe(false);
  });
});

describe('plan sections', () => {
  it('reads Chinese numerals up to 99', () => {
    expect([
      chineseNumeral('一'),
      chineseNumeral('九'),
      chineseNumeral('十'),
      chineseNumeral('十一'),
    ]).toEqual([1, 9, 10, 11]);
    expect([chineseNumeral('二十'), chineseNumeral('二十三')]).toEqual([20, 23]);
    expect(chineseNumeral('')).toBeNaN();
    expect(chineseNumeral('甲')).toBeNaN();
  });

  it('sorts sections in document order, not code-point order', () => {
    const seed = ['四(十二)', '三(十)', '二(一)', '三(九)', '二(十)', '三(十一)', '二(二)'];
    expect([...seed].sort(compareSections)).toEqual([
      '二(一)',
      '二(二)',
      '二(十)',
      '三(九)',
      '三(十)',
      '三(十一)',
      '四(十二)',
    ]);
  });

  it('lists distinct options', () => {
    expect(sectionOptions(rows)).toEqual(['二(一)', '二(二)', '三(九)', '三(十)']);
    expect(optionsOf(rows, (r) => r.unit)).toEqual(['330000', '330800']);
    expect(listCounts(rows)).toEqual([
      { list: 'key_indicators', count: 1 },
      { list: 'major_policies', count: 1 },
      { list: 'major_reforms', count: 1 },
      { list: 'key_projects', count: 1 },
      { list: 'custom', count: 0 },
    ]);
  });
});

describe('filterable', () => {
  it('takes codes from an API row, lead and co-departments together', () => {
    const row: TaskRowDto = {
      code: 'S000-01-01',
      list: 'major_policies',
      listName: '重大政策',
      title: '唱好杭甬“双城记”',
      plan: 'zj-2025-sancha',
      section: '二(一)',
      leadDepartment: { code: 'fgw', nameZh: '省发展改革委' },
      coDepartments: [{ code: 'jsj', nameZh: '省建设厅' }],
      unit: { code: '330100', name: '杭州市' },
      dueDate: '2026-12-31',
      status: 'in_progress',
      completedOn: null,
      deadline: { state: 'on_track', dueDate: '2026-12-31', daysLeft: 300, completedLate: null },
      milestonesTotal: 0,
      milestonesDone: 0,
      milestonesOverdue: 0,
      lastUpdateOn: null,
      synthetic: false,
    };
    expect(filterable(row)).toEqual({
      code: 'S000-01-01',
      title: '唱好杭甬“双城记”',
      list: 'major_policies',
      section: '二(一)',
      departments: ['fgw', 'jsj'],
      unit: '330100',
      status: 'in_progress',
      deadline: 'on_track',
    });
    expect(filterable({ ...row, leadDepartment: null, coDepartments: [], unit: null })).toMatchObject({
      departments: [],
      unit: null,
    });
  });
});
