/** Tasks storage on SQLite and PostgreSQL: idempotent load, filters, configuration and progress updates. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertDepartment } from '../access/users-repo';
import { insertUnits } from '../hierarchy/units-repo';
import { testEngines, type OpenedStore } from '../testing/engines';
import {
  addTaskUpdateRecord,
  getTaskRecord,
  insertTasksIfAbsent,
  listTaskRecords,
  listTaskUpdates,
  updateTaskRecord,
  type NewTaskRow,
} from './tasks-repo';
import { testUnit as unit } from '../testing/units';

const zj = unit('330000', '浙江省', 'province', null);
const qz = unit('330800', '衢州市', 'city', zj);
const ka = unit('330824', '开化县', 'county', qz);
const hz = unit('330100', '杭州市', 'city', zj);

const row = (code: string, extra: Partial<NewTaskRow> = {}): NewTaskRow => ({
  code,
  list: 'major_policies',
  listName: '重大政策',
  title: `任务${code}`,
  plan: 'zj-2025-sancha',
  section: '二(一)',
  leadDepartment: null,
  coDepartments: [],
  unitCode: null,
  dueDate: null,
  status: 'not_started',
  completedOn: null,
  source: 'test',
  synthetic: false,
  milestones: [],
  ...extra,
});

describe.each(testEngines())('tasks repository on $name', (engine) => {
  let opened: OpenedStore;
  beforeAll(async () => {
    opened = await engine.open();
    const s = opened.store;
    await insertUnits(s, [zj, qz, ka, hz]);
    await insertDepartment(s, { code: 'fgw', nameZh: '省发展改革委', nameEn: 'DRC' }, '2025-01-01T00:00:00Z');
    await insertDepartment(s, { code: 'czt', nameZh: '省财政厅', nameEn: 'Finance' }, '2025-01-01T00:00:00Z');
  });
  afterAll(async () => opened.cleanup());

  it('inserts only absent tasks, with co-departments and milestones, and is idempotent', async () => {
    const s = opened.store;
    const first = await insertTasksIfAbsent(
      s,
      [
        row('A', {
          leadDepartment: 'fgw',
          coDepartments: ['czt'],
          unitCode: '330824',
          dueDate: '2025-12-31',
          milestones: [
            { id: 'm2', title: '中期', dueDate: '2025-09-30', completedOn: null },
            { id: 'm1', title: '方案', dueDate: '2025-03-31', completedOn: '2025-03-20' },
          ],
        }),
        row('B', { list: 'key_projects', listName: '重点项目', section: '二(二)' }),
      ],
      '2025-01-02T00:00:00Z',
    );
    expect(first).toEqual({ inserted: 2, existing: 0 });
    const again = await insertTasksIfAbsent(
      s,
      [row('A', { title: '改名' }), row('C')],
      '2025-01-03T00:00:00Z',
    );
    expect(again).toEqual({ inserted: 1, existing: 1 });
    const a = await getTaskRecord(s, 'A');
    expect(a?.title).toBe('任务A');
    expect(a?.leadDepartment).toEqual({ code: 'fgw', nameZh: '省发展改革委' });
    expect(a?.coDepartments).toEqual([{ code: 'czt', nameZh: '省财政厅' }]);
    expect(a?.unit).toEqual({ code: '330824', name: '开化县', path: '/330000/330800/330824/' });
    // milestones keep the order they were entered in
    expect(a?.milestones.map((m) => m.id)).toEqual(['m2', 'm1']);
  });

  it('filters by list, section, department (lead or co), unit subtree, status and title', async () => {
    const s = opened.store;
    const codes = async (f: Parameters<typeof listTaskRecords>[1]) =>
      (await listTaskRecords(s, f)).map((t) => t.code);
    expect(await codes({})).toEqual(['A', 'B', 'C']);
    expect(await codes({ list: 'key_projects' })).toEqual(['B']);
    expect(await codes({ section: '二(一)' })).toEqual(['A', 'C']);
    expect(await codes({ department: 'czt' })).toEqual(['A']);
    expect(await codes({ department: 'fgw' })).toEqual(['A']);
    expect(await codes({ unitPath: '/330000/330800/' })).toEqual(['A']);
    expect(await codes({ unitPath: '/330000/330100/' })).toEqual([]);
    expect(await codes({ status: 'not_started', q: 'B' })).toEqual(['B']);
    expect(await codes({ codes: [] })).toEqual([]);
  });

  it('replaces configuration in one go and reports unknown tasks', async () => {
    const s = opened.store;
    expect(
      await updateTaskRecord(
        s,
        'B',
        {
          leadDepartment: 'czt',
          coDepartments: ['fgw', 'fgw'],
          dueDate: '2026-06-30',
          milestones: [{ id: 'x', title: '开工', dueDate: '2026-01-31', completedOn: null }],
        },
        '2025-02-01T00:00:00Z',
      ),
    ).toBe(true);
    const b = await getTaskRecord(s, 'B');
    expect(b?.leadDepartment?.code).toBe('czt');
    expect(b?.coDepartments.map((d) => d.code)).toEqual(['fgw']);
    expect(b?.milestones).toEqual([{ id: 'x', title: '开工', dueDate: '2026-01-31', completedOn: null }]);
    expect(await updateTaskRecord(s, 'NOPE', { title: 'x' }, '2025-02-01T00:00:00Z')).toBe(false);
  });

  it('rolls back a configuration that names an unknown department', async () => {
    const s = opened.store;
    await expect(
      updateTaskRecord(s, 'B', { title: '不应保存', coDepartments: ['nope'] }, '2025-02-02T00:00:00Z'),
    ).rejects.toThrow();
    const b = await getTaskRecord(s, 'B');
    expect(b?.title).toBe('任务B');
    expect(b?.coDepartments.map((d) => d.code)).toEqual(['fgw']);
  });

  it('records updates with their effects, newest first', async () => {
    const s = opened.store;
    await addTaskUpdateRecord(s, {
      taskCode: 'A',
      date: '2025-05-10',
      text: '方案已印发',
      attachments: ['方案.pdf'],
      milestoneId: null,
      authorId: 1,
      authorName: 'admin',
      createdAt: '2025-05-10T08:00:00Z',
      status: { status: 'in_progress', completedOn: null },
    });
    await addTaskUpdateRecord(s, {
      taskCode: 'A',
      date: '2025-09-29',
      text: '中期评估完成',
      attachments: [],
      milestoneId: 'm2',
      milestoneDoneOn: '2025-09-29',
      authorId: 1,
      authorName: 'admin',
      createdAt: '2025-09-29T08:00:00Z',
    });
    const ups = await listTaskUpdates(s, 'A');
    expect(ups.map((u) => [u.date, u.text, u.attachments, u.statusAfter])).toEqual([
      ['2025-09-29', '中期评估完成', [], null],
      ['2025-05-10', '方案已印发', ['方案.pdf'], 'in_progress'],
    ]);
    const a = await getTaskRecord(s, 'A');
    expect(a?.status).toBe('in_progress');
    expect(a?.milestones.find((m) => m.id === 'm2')?.completedOn).toBe('2025-09-29');
    expect(a?.lastUpdateOn).toBe('2025-09-29');
  });

  it('writes nothing when an update fails (empty text is refused by the database)', async () => {
    const s = opened.store;
    await expect(
      addTaskUpdateRecord(s, {
        taskCode: 'B',
        date: '2025-05-10',
        text: '',
        attachments: [],
        milestoneId: null,
        authorId: 1,
        authorName: 'admin',
        createdAt: '2025-05-10T08:00:00Z',
        status: { status: 'completed', completedOn: '2025-05-10' },
      }),
    ).rejects.toThrow();
    expect((await getTaskRecord(s, 'B'))?.status).toBe('not_started');
    expect(await listTaskUpdates(s, 'B')).toEqual([]);
  });
});
