import { describe, expect, it } from 'vitest';
import { deadlineBadge } from './badge-model';
import { tasksEn, tasksZh } from './tasks-messages';

describe('deadlineBadge', () => {
  it('writes overdue days as a positive count', () => {
    expect(deadlineBadge({ tone: 'overdue', daysLeft: -3 }, tasksZh)).toEqual({
      tone: 'overdue',
      label: '逾期 3 天',
    });
    expect(deadlineBadge({ tone: 'overdue', daysLeft: -1 }, tasksEn).label).toBe('1 day overdue');
  });

  it('says "due today" on the due date, and counts days before it', () => {
    expect(deadlineBadge({ tone: 'due_soon', daysLeft: 0 }, tasksZh).label).toBe('今日到期');
    expect(deadlineBadge({ tone: 'due_soon', daysLeft: 5 }, tasksZh).label).toBe('5 天后到期');
    expect(deadlineBadge({ tone: 'due_soon', daysLeft: 2 }, tasksEn).label).toBe('Due in 2 days');
  });

  it('labels the quiet states', () => {
    expect(deadlineBadge({ tone: 'on_track', daysLeft: 40 }, tasksZh).label).toBe('按期推进');
    expect(deadlineBadge({ tone: 'done' }, tasksZh).label).toBe('已完成');
    expect(deadlineBadge({ tone: 'none' }, tasksEn).label).toBe('No deadline');
  });
});
