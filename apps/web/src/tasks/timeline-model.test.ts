import { describe, expect, it } from 'vitest';
import { formatWhen, timelineItems, type TimelineEntryInput } from './timeline-model';
import { tasksEn, tasksZh } from './tasks-messages';

const history: TimelineEntryInput[] = [
  {
    seq: 2,
    at: '2026-01-16T01:30:00.000Z',
    action: 'acknowledge',
    from: 'issued',
    to: 'acknowledged',
    actorId: '7',
    actorName: '县发改局张三',
    actorUnit: '330822',
    actorUnitName: '常山县',
  },
  {
    seq: 1,
    at: '2026-01-15T02:00:00.000Z',
    action: 'issue',
    from: null,
    to: 'issued',
    actorId: '1',
    actorName: '省专班',
    actorUnit: '330000',
    text: '请于 30 日内整改',
  },
  {
    seq: 3,
    at: '2026-01-25T00:00:00.000Z',
    action: 'escalate',
    from: 'acknowledged',
    to: 'acknowledged',
    actorId: 'system',
    actorUnit: '330800',
    text: '逾期2天',
    escalatedTo: '330800',
  },
  {
    seq: 4,
    at: '2026-01-26',
    action: 'reject_plan',
    from: 'plan_submitted',
    to: 'acknowledged',
    actorId: '1',
    actorUnit: '330000',
    text: '  ',
  },
];

describe('formatWhen', () => {
  it('writes a date-time in the given zone, and leaves dates and junk as they are', () => {
    // 02:00 UTC is 10:00 in Shanghai (UTC+8, no daylight saving).
    expect(formatWhen('2026-01-15T02:00:00.000Z', 'Asia/Shanghai')).toBe('2026-01-15 10:00');
    expect(formatWhen('2026-01-15T20:00:00.000Z', 'Asia/Shanghai')).toBe('2026-01-16 04:00');
    expect(formatWhen('2026-01-15T02:00:00.000Z', 'UTC')).toBe('2026-01-15 02:00');
    expect(formatWhen('2026-01-15', 'Asia/Shanghai')).toBe('2026-01-15');
    expect(formatWhen('yesterday', 'UTC')).toBe('yesterday');
  });
});

describe('timelineItems', () => {
  const items = timelineItems(history, tasksZh, 'Asia/Shanghai');

  it('orders by sequence number and keeps every entry', () => {
    expect(items.map((i) => i.seq)).toEqual([1, 2, 3, 4]);
  });

  it('says who did what, when, with the state change and the text', () => {
    expect(items[0]).toEqual({
      seq: 1,
      kind: 'issue',
      at: '2026-01-15T02:00:00.000Z',
      when: '2026-01-15 10:00',
      action: '交办',
      change: null,
      who: '省专班（330000）',
      text: '请于 30 日内整改',
    });
    expect(items[1]).toMatchObject({
      kind: 'forward',
      action: '签收',
      change: '已交办 → 已签收',
      who: '县发改局张三（常山县）',
      text: null,
    });
  });

  it('marks escalations (by the system, no state change) and moves back (blank text dropped)', () => {
    expect(items[2]).toMatchObject({
      kind: 'escalate',
      change: null,
      who: '系统（330800）',
      text: '逾期2天',
    });
    expect(items[3]).toMatchObject({
      kind: 'back',
      change: '整改方案已报送 → 已签收',
      who: '1（330000）',
      text: null,
    });
  });

  it('speaks English when asked', () => {
    const en = timelineItems(history, tasksEn, 'UTC');
    expect(en[1]).toMatchObject({
      action: 'Acknowledge',
      change: 'Issued → Acknowledged',
      who: '县发改局张三 (常山县)',
    });
  });
});
