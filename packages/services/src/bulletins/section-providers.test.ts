/**
 * The supervision (重点问题督办) and tasks (重点工作监测) sections from stored orders and tasks on a small
 * fixture, on SQLite and PostgreSQL: what the month's end saw, the numbered sections of the bulletin and
 * the Word document that contains them.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bulletinTables, parseBulletinMonth, type Actor, type Role } from '@suocha/core';
import {
  insertDepartment,
  insertTasksIfAbsent,
  insertUnits,
  type NewTaskRow,
  type UnitRow,
} from '@suocha/store';
import { testEngines, type OpenedStore } from '@suocha/store/testing';
import {
  issueSupervisionOrder,
  runEscalations,
  transitionSupervisionOrder,
} from '../supervision/orders-service';
import { assembleBulletin } from './assemble-bulletin';
import { renderBulletin } from './bulletin-service';
import { supervisionSectionProvider } from './supervision-provider';
import { tasksSectionProvider } from './tasks-provider';
import { readZipEntry } from './zip-test-support';
import { testUnit as unit } from '@suocha/store/testing';

const cn = unit('100000', '全国', 'country', null);
const zj = unit('330000', '浙江省', 'province', cn);
const qz = unit('330800', '衢州市', 'city', zj);
const ka = unit('330824', '开化县', 'county', qz);

const actor = (id: number, role: Role, u: UnitRow): Actor => ({
  userId: id,
  username: `${role}-${u.code}`,
  role,
  scopeUnit: u.code,
  scopePath: u.path,
  department: null,
  via: 'session',
});
const ADMIN = actor(1, 'province_admin', zj);
const KAIHUA = actor(2, 'county', ka);

const nov = (() => {
  const r = parseBulletinMonth('2025-11');
  if (!r.ok) throw new Error('setup');
  return r.value;
})();

const task = (code: string, over: Partial<NewTaskRow>): NewTaskRow => ({
  code,
  list: 'key_indicators',
  listName: '重点指标',
  title: `任务${code}`,
  plan: 'zj-2025-sancha',
  section: '二(一)',
  leadDepartment: 'fgw',
  coDepartments: [],
  unitCode: '330824',
  dueDate: '2025-10-31',
  status: 'in_progress',
  completedOn: null,
  source: 'test',
  synthetic: false,
  milestones: [],
  ...over,
});

for (const engine of testEngines()) {
  describe(`bulletin sections from supervision and tasks (${engine.name})`, () => {
    let opened: OpenedStore;
    const ids: Record<string, string> = {};
    beforeAll(async () => {
      opened = await engine.open();
      const store = opened.store;
      await insertUnits(store, [cn, zj, qz, ka]);
      await insertDepartment(store, { code: 'fgw', nameZh: '省发展改革委', nameEn: 'DRC' }, '2025-01-01');
      await insertTasksIfAbsent(
        store,
        [
          // Due 10-31, open: 30 days late at 11-30.
          task('T1', {}),
          // Completed 12-03, after the month: still late at 11-30 (29 days).
          task('T2', {
            list: 'major_reforms',
            listName: '重大改革',
            dueDate: '2025-11-01',
            status: 'completed',
            completedOn: '2025-12-03',
            leadDepartment: null,
            unitCode: null,
          }),
          // Not yet due.
          task('T3', { dueDate: '2025-12-31' }),
          // Cancelled: not counted.
          task('T4', { list: 'major_policies', listName: '重大政策', status: 'cancelled' }),
        ],
        '2025-01-01T00:00:00.000Z',
      );
      const issue = async (title: string, now: string, synthetic: boolean) =>
        (
          await issueSupervisionOrder(
            store,
            ADMIN,
            { title, requirement: '请整改', addressee: { unit: '330824' }, dueDate: '2025-12-31', synthetic },
            now,
          )
        ).id;
      const act = (id: string, who: Actor, type: 'acknowledge', now: string) =>
        transitionSupervisionOrder(store, who, id, { type, text: '说明' }, now);
      // Closed in the month.
      ids.closed = await issue('已办结事项', '2025-10-01T09:00:00.000Z', false);
      await act(ids.closed, KAIHUA, 'acknowledge', '2025-10-02T09:00:00.000Z');
      await transitionSupervisionOrder(
        store,
        KAIHUA,
        ids.closed,
        { type: 'submit_plan', text: '方案' },
        '2025-10-05T09:00:00.000Z',
      );
      await transitionSupervisionOrder(
        store,
        ADMIN,
        ids.closed,
        { type: 'approve_plan' },
        '2025-10-06T09:00:00.000Z',
      );
      await transitionSupervisionOrder(
        store,
        KAIHUA,
        ids.closed,
        { type: 'report_resolved', text: '已整改' },
        '2025-11-08T09:00:00.000Z',
      );
      await transitionSupervisionOrder(
        store,
        ADMIN,
        ids.closed,
        { type: 'close', text: '核查属实' },
        '2025-11-15T09:00:00.000Z',
      );
      // Issued 11-03 (模拟数据), never acknowledged: the 3-day step ends 11-06; escalated to 衢州市 on 11-10.
      ids.late = await issue('逾期未签收事项', '2025-11-03T09:00:00.000Z', true);
      const escalated = await runEscalations(store, { asOf: '2025-11-10', now: '2025-11-10T09:00:00.000Z' });
      expect(escalated.map((e) => [e.orderId, e.toUnit])).toEqual([[ids.late, '330800']]);
      // Issued after the month: not in it.
      ids.later = await issue('下月事项', '2025-12-02T09:00:00.000Z', false);
    }, 120_000);
    afterAll(async () => {
      await opened.cleanup();
    });

    it('reads the orders as they stood at the month end', async () => {
      const s = await supervisionSectionProvider(opened.store, nov);
      expect(s?.opened.map((o) => o.code)).toEqual([ids.late]);
      expect(s?.overdue).toEqual([
        {
          code: ids.late,
          title: '逾期未签收事项',
          addressee: '开化县',
          issuedOn: '2025-11-03',
          dueOn: '2025-11-06',
          step: '已交办',
          overdueDays: 24,
          closedOn: null,
          escalatedTo: '衢州市',
          synthetic: true,
        },
      ]);
      expect(s?.closed.map((o) => [o.code, o.step, o.closedOn])).toEqual([
        [ids.closed, '已核查销号', '2025-11-15'],
      ]);
      expect(s?.escalated.map((e) => [e.code, e.escalatedOn, e.escalatedTo, e.step])).toEqual([
        [ids.late, '2025-11-10', '衢州市', '已交办'],
      ]);
      // In October the closed order was still open and on time (in progress until 12-31), the others not yet issued.
      const oct = parseBulletinMonth('2025-10');
      if (!oct.ok) throw new Error('setup');
      const o = await supervisionSectionProvider(opened.store, oct.value);
      expect(o).toEqual({
        opened: [expect.objectContaining({ code: ids.closed, step: '整改中' })],
        overdue: [],
        closed: [],
        escalated: [],
      });
    });

    it('reads the tasks overdue at the month end, per list', async () => {
      const t = await tasksSectionProvider(opened.store, nov);
      expect(
        t?.overdue.map((x) => [x.code, x.list, x.leadDepartment, x.unitName, x.dueDate, x.daysOverdue]),
      ).toEqual([
        ['T1', '重点指标', '省发展改革委', '开化县', '2025-10-31', 30],
        ['T2', '重大改革', null, null, '2025-11-01', 29],
      ]);
      expect(t?.lists).toEqual([
        { list: '重点指标', total: 2, overdue: 1 },
        { list: '重大改革', total: 1, overdue: 1 },
      ]);
    });

    it('numbers the new sections and writes them into the Word document', async () => {
      const c = await assembleBulletin(opened.store, {
        month: '2025-11',
        now: '2026-01-10T08:00:00.000Z',
        evaluateWarnings: 'never',
      });
      expect(c.sections.map((s) => `${s.label}${s.heading}`)).toEqual([
        '一、三大差距主要指标',
        '二、目标任务进展',
        '三、预警情况',
        '四、重点问题督办',
        '五、重点工作监测',
      ]);
      expect(c.omitted.map((o) => o.slice(0, 6))).toEqual(['县域排名：本', '重大项目调度']);
      expect(c.synthetic).toBe(true);
      const tables = bulletinTables(c);
      expect(tables.find((t) => t.key === 'supervision-overdue')?.rows.map((r) => r.cells)).toEqual([
        [ids.late, '开化县', '逾期未签收事项（模拟数据）', '已交办', '2025-11-06', '24', '衢州市'],
      ]);
      expect(tables.find((t) => t.key === 'tasks-overdue')?.rows.map((r) => r.cells)).toEqual([
        ['T1', '重点指标', '任务T1', '省发展改革委', '开化县', '2025-10-31', '30'],
        ['T2', '重大改革', '任务T2', '—', '—', '2025-11-01', '29'],
      ]);
      const xml = readZipEntry((await renderBulletin(c, 'docx')).bytes, 'word/document.xml');
      for (const text of [
        '四、重点问题督办',
        '2025年11月新下发督办单1件，办结1件，逾期升级督办1件次；截至月末，逾期未办结1件。',
        '月末逾期督办单',
        '逾期未签收事项（模拟数据）',
        '五、重点工作监测',
        '截至2025年11月底，纳入监测的重点工作3项，逾期未完成2项（重点指标1项、重大改革1项）。',
        '重点工作分清单情况',
        '月末逾期重点工作',
      ])
        expect(xml).toContain(text);
    });
  });
}
