import { describe, expect, it } from 'vitest';
import { parsePeriod, type Period } from '../period';
import { daysAfterDue, dueDate, localDate, timeliness } from './due-dates';

const p = (s: string): Period => {
  const r = parsePeriod(s);
  if (!r.ok) throw new Error(s);
  return r.value;
};
const fifthNext = { dueDay: 5, dueOffsetMonths: 1 };

describe('due dates', () => {
  it('monthly, due on the 5th of the next month, across the year end', () => {
    expect(dueDate(p('2025-11'), fifthNext)).toBe('2025-12-05');
    expect(dueDate(p('2025-12'), fifthNext)).toBe('2026-01-05');
    expect(dueDate(p('2025-03-YTD'), fifthNext)).toBe('2025-04-05');
  });
  it('quarters, halves and years end in their last month', () => {
    expect(dueDate(p('2025Q3'), fifthNext)).toBe('2025-10-05');
    expect(dueDate(p('2025H2'), { dueDay: 20, dueOffsetMonths: 1 })).toBe('2026-01-20');
    expect(dueDate(p('2025'), { dueDay: 31, dueOffsetMonths: 2 })).toBe('2026-02-28');
    expect(dueDate(p('2027'), { dueDay: 31, dueOffsetMonths: 2 })).toBe('2028-02-29');
    expect(dueDate(p('2025-04'), { dueDay: 31, dueOffsetMonths: 0 })).toBe('2025-04-30');
  });
  it('judges timeliness in Beijing time (UTC+8)', () => {
    expect(localDate('2025-12-05T15:59:59Z')).toBe('2025-12-05');
    expect(localDate('2025-12-05T16:00:00Z')).toBe('2025-12-06');
    expect(timeliness('2025-12-05T15:59:59Z', '2025-12-05')).toBe('on_time');
    expect(timeliness('2025-12-05T16:00:00Z', '2025-12-05')).toBe('late');
    expect(timeliness('2025-11-20T02:00:00Z', '2025-12-05')).toBe('on_time');
    expect(daysAfterDue('2025-12-15T01:00:00Z', '2025-12-05')).toBe(10);
    expect(daysAfterDue('2025-12-01T01:00:00Z', '2025-12-05')).toBe(0);
    expect(timeliness('2025-12-05T23:00:00Z', '2025-12-05', 0)).toBe('on_time');
  });
});
