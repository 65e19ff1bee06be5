import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { DEFAULT_STEP_DURATIONS, type OrderActor, type SupervisionOrder } from '../supervision/types';
import { escalate, issueOrder, transition } from '../supervision/workflow';
import { bulletinTables } from './bulletin-content';
import type { BulletinInputs } from './bulletin-inputs';
import { parseBulletinMonth } from './bulletin-month';
import { composeBulletin } from './compose-bulletin';
import { orderStateOn, supervisionMonthInput, type MonthOrder } from './supervision-month';

const ISSUER: OrderActor = { id: 'u1', unit: '330000' };
const ADDRESSEE: OrderActor = { id: 'u2', unit: '330824' };
const NAMES: Record<string, string> = { '330000': '浙江省', '330800': '衢州市', '330824': '开化县' };
const name = (c: string) => NAMES[c] ?? c;

const month = (m: string) => {
  const r = parseBulletinMonth(m);
  if (!r.ok) throw new Error(m);
  return r.value;
};
const nov = month('2025-11');

/** Issues an order at `at` and applies each [action, at] in turn (the addressee or the issuer acts). */
function order(id: string, at: string, steps: [string, string][], dueDate = '2025-12-31'): SupervisionOrder {
  const r = issueOrder(
    {
      id,
      title: `督办事项${id}`,
      requirement: '请整改',
      issuer: { unit: '330000' },
      addressee: { unit: '330824' },
      dueDate,
    },
    ISSUER,
    at,
  );
  if (!r.ok) throw new Error(r.error.code);
  let o = r.value;
  for (const [action, when] of steps) {
    if (action === 'escalate') {
      const e = escalate(o, when, (u) => (u === '330824' ? '330800' : undefined));
      if (!e.ok) throw new Error(e.error.code);
      o = e.value;
      continue;
    }
    const byIssuer = ['approve_plan', 'reject_plan', 'send_back', 'close'].includes(action);
    const t = transition(
      o,
      { type: action as 'acknowledge', text: '说明' },
      byIssuer ? ISSUER : ADDRESSEE,
      when,
    );
    if (!t.ok) throw new Error(`${action}: ${t.error.code}`);
    o = t.value;
  }
  return o;
}

const FULL: [string, string][] = [
  ['acknowledge', '2025-10-02T09:00:00Z'],
  ['submit_plan', '2025-10-05T09:00:00Z'],
  ['approve_plan', '2025-10-06T09:00:00Z'],
];

const monthOrder = (o: SupervisionOrder, synthetic = false): MonthOrder => ({
  order: o,
  durations: DEFAULT_STEP_DURATIONS,
  addresseeName: '开化县',
  synthetic,
});

// A: issued 11-03, never acknowledged (issued step: 3 days → 11-06), escalated 11-10: at 11-30, 24 days late.
const A = order('1', '2025-11-03T09:00:00Z', [['escalate', '2025-11-10T00:00:00Z']]);
// B: resolved 11-20 (review step: 10 days → 11-30), closed 12-02: open and on time at the month's end.
const B = order('2', '2025-10-01T09:00:00Z', [
  ...FULL,
  ['report_resolved', '2025-11-20T09:00:00Z'],
  ['close', '2025-12-02T09:00:00Z'],
]);
// C: closed 11-15.
const C = order('3', '2025-10-01T09:00:00Z', [
  ...FULL,
  ['report_resolved', '2025-11-10T09:00:00Z'],
  ['close', '2025-11-15T09:00:00Z'],
]);
// D: issued after the month.
const D = order('4', '2025-12-01T09:00:00Z', []);
// E: closed in October.
const E = order('5', '2025-09-01T09:00:00Z', [
  ['acknowledge', '2025-09-02T09:00:00Z'],
  ['submit_plan', '2025-09-03T09:00:00Z'],
  ['approve_plan', '2025-09-04T09:00:00Z'],
  ['report_resolved', '2025-10-10T09:00:00Z'],
  ['close', '2025-10-15T09:00:00Z'],
]);
// F: in progress with 整改时限 11-25 and a progress report on 11-28 (stays in the step): 5 days late.
const F = order(
  '6',
  '2025-10-01T09:00:00Z',
  [...FULL, ['report_progress', '2025-11-28T09:00:00Z']],
  '2025-11-25',
);

describe('orderStateOn', () => {
  it('replays the history up to the end of the day', () => {
    expect(orderStateOn(A, DEFAULT_STEP_DURATIONS, '2025-11-30')).toEqual({
      state: 'issued',
      since: '2025-11-03T09:00:00Z',
      deadline: '2025-11-06',
      overdueDays: 24,
      escalatedTo: '330800',
      closedOn: null,
    });
    // Before the escalation the order was late but not yet escalated.
    expect(orderStateOn(A, DEFAULT_STEP_DURATIONS, '2025-11-09')).toMatchObject({
      overdueDays: 3,
      escalatedTo: null,
    });
    expect(orderStateOn(B, DEFAULT_STEP_DURATIONS, '2025-11-30')).toMatchObject({
      state: 'reported_resolved',
      deadline: '2025-11-30',
      overdueDays: null,
    });
    expect(orderStateOn(B, DEFAULT_STEP_DURATIONS, '2025-12-31')).toMatchObject({
      state: 'closed',
      closedOn: '2025-12-02',
    });
    expect(orderStateOn(D, DEFAULT_STEP_DURATIONS, '2025-11-30')).toBeNull();
    // A progress report keeps the step's start: the 整改时限 11-25 governs.
    expect(orderStateOn(F, DEFAULT_STEP_DURATIONS, '2025-11-30')).toMatchObject({
      state: 'in_progress',
      since: '2025-10-06T09:00:00Z',
      deadline: '2025-11-25',
      overdueDays: 5,
    });
  });

  it('agrees with the order itself on its last day (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 5 }), fc.integer({ min: 0, max: 60 }), (n, extra) => {
        const steps = [
          ...FULL,
          ['report_resolved', '2025-10-20T09:00:00Z'] as [string, string],
          ['close', '2025-10-25T09:00:00Z'] as [string, string],
        ].slice(0, n);
        const o = order('9', '2025-10-01T09:00:00Z', steps);
        const d = new Date(Date.parse('2025-10-25T00:00:00Z') + extra * 86_400_000)
          .toISOString()
          .slice(0, 10);
        const at = orderStateOn(o, DEFAULT_STEP_DURATIONS, d);
        expect(at?.state).toBe(o.state);
        expect(at?.deadline ?? undefined).toBe(o.stateDeadline);
      }),
    );
  });
});

describe('supervisionMonthInput', () => {
  const input = supervisionMonthInput(
    [A, B, C, D, E, F].map((o) => monthOrder(o, o === A)),
    nov,
    name,
  );

  it('counts orders opened, overdue at the end, closed and escalated in the month', () => {
    expect(input.opened.map((o) => o.code)).toEqual(['1']);
    expect(input.overdue.map((o) => [o.code, o.step, o.dueOn, o.overdueDays, o.escalatedTo])).toEqual([
      ['1', '已交办', '2025-11-06', 24, '衢州市'],
      ['6', '整改中', '2025-11-25', 5, null],
    ]);
    expect(input.closed.map((o) => [o.code, o.closedOn])).toEqual([['3', '2025-11-15']]);
    expect(input.escalated).toEqual([
      {
        code: '1',
        title: '督办事项1',
        addressee: '开化县',
        step: '已交办',
        deadline: '2025-11-06',
        escalatedOn: '2025-11-10',
        escalatedTo: '衢州市',
        synthetic: true,
      },
    ]);
  });

  it('is composed into the section with the overdue table and 模拟数据 marks', () => {
    const inputs: BulletinInputs = {
      month: nov,
      issuer: '专班',
      issueDate: '2025-12-05',
      headline: [],
      targets: { rows: [] },
      league: null,
      warnings: { openAtEnd: 0, raised: [], closed: [] },
      projects: null,
      supervision: input,
      tasks: null,
    };
    const c = composeBulletin(inputs);
    if (!c.ok) throw new Error(c.error.code);
    const section = c.value.sections.find((s) => s.key === 'supervision');
    expect(section?.label).toBe('四、');
    expect(section?.blocks[0]).toEqual({
      kind: 'paragraph',
      text: '2025年11月新下发督办单1件，办结1件，逾期升级督办1件次；截至月末，逾期未办结2件。',
      synthetic: true,
    });
    const overdue = bulletinTables(c.value).find((t) => t.key === 'supervision-overdue');
    expect(overdue?.rows.map((r) => r.cells)).toEqual([
      ['1', '开化县', '督办事项1（模拟数据）', '已交办', '2025-11-06', '24', '衢州市'],
      ['6', '开化县', '督办事项6', '整改中', '2025-11-25', '5', '—'],
    ]);
    expect(overdue?.synthetic).toBe(true);
    expect(overdue?.note).toContain('模拟数据');
    expect(c.value.synthetic).toBe(true);
    expect(c.value.omitted).toEqual([
      '县域排名：本期无冻结的县域指数评价结果 (no frozen county index run for the period)',
      '重大项目调度：本月无项目调度数据 (no project dispatch data for the month)',
      '重点工作监测：任务数据暂不可用 (task data not available)',
    ]);
  });
});
