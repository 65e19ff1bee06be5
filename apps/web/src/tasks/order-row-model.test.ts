import { describe, expect, it } from 'vitest';
import type { OrderSummaryDto } from '@suocha/contract';
import { byUrgency, orderRow, partyLabel } from './order-row-model';
import { tasksEn, tasksZh } from './tasks-messages';

const base: OrderSummaryDto = {
  id: '3',
  title: '常山县农民收入增速偏离目标',
  issuer: { unit: '330000', unitName: '浙江省', department: null, departmentName: null },
  addressee: { unit: '330822', unitName: '常山县', department: 'fgw', departmentName: '发展改革局' },
  issuedAt: '2026-01-10T02:00:00.000Z',
  dueDate: '2026-02-28',
  state: 'issued',
  stateName: '已交办',
  stateSince: '2026-01-10T02:00:00.000Z',
  stateDeadline: '2026-01-13',
  overdue: null,
  escalatedTo: null,
  sendBackCount: 0,
  proposalKey: null,
  synthetic: false,
};

describe('partyLabel', () => {
  it('names the unit and, when narrowed, the department', () => {
    expect(partyLabel(base.addressee)).toBe('常山县 · 发展改革局');
    expect(partyLabel(base.issuer)).toBe('浙江省');
    expect(partyLabel({ unit: '330822', unitName: '', department: 'fgw', departmentName: null })).toBe(
      '330822 · fgw',
    );
  });
});

describe('orderRow', () => {
  it('judges the step deadline against the date given when the server saw nothing overdue', () => {
    expect(orderRow(base, '2026-01-10', tasksZh).deadline).toEqual({ tone: 'on_track', daysLeft: 3 });
    expect(orderRow(base, '2026-01-11', tasksZh).deadline).toEqual({ tone: 'due_soon', daysLeft: 2 });
  });

  it('takes the server’s overdue verdict and shows the escalation flag', () => {
    const row = orderRow(
      {
        ...base,
        overdue: { deadline: '2026-01-13', daysOverdue: 4, responsible: 'addressee' },
        escalatedTo: '330800',
      },
      '2026-01-17',
      tasksZh,
      (c) => (c === '330800' ? '衢州市' : c),
    );
    expect(row).toMatchObject({
      deadline: { tone: 'overdue', daysLeft: -4 },
      escalated: true,
      escalatedLabel: '已升级至衢州市督办',
      stateLabel: '已交办',
      addressee: '常山县 · 发展改革局',
      issuer: '浙江省',
    });
  });

  it('is done once closed, whatever the dates', () => {
    const row = orderRow({ ...base, state: 'closed', stateDeadline: null }, '2030-01-01', tasksEn);
    expect(row.deadline).toEqual({ tone: 'done' });
    expect(row.stateLabel).toBe('Verified and closed');
  });

  it('sorts the most urgent first', () => {
    const rows = [
      orderRow({ ...base, id: '1', stateDeadline: '2026-03-01' }, '2026-01-20', tasksZh),
      orderRow({ ...base, id: '2', state: 'closed' }, '2026-01-20', tasksZh),
      orderRow(
        { ...base, id: '10', overdue: { deadline: 'x', daysOverdue: 2, responsible: 'issuer' } },
        '2026-01-20',
        tasksZh,
      ),
      orderRow(
        { ...base, id: '4', overdue: { deadline: 'x', daysOverdue: 9, responsible: 'issuer' } },
        '2026-01-20',
        tasksZh,
      ),
      orderRow({ ...base, id: '5', stateDeadline: '2026-01-21' }, '2026-01-20', tasksZh),
    ];
    expect([...rows].sort(byUrgency).map((r) => r.id)).toEqual(['4', '10', '5', '1', '2']);
  });
});
