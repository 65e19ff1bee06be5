import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { dayNumber, daysBetween, judgeDeadline, localToday, toneOfState } from './deadline-model';

describe('dayNumber / daysBetween', () => {
  it('counts calendar days, across months, leap days and a date-time suffix', () => {
    // 2024 is a leap year: 2024-02-28 → 2024-03-01 is 2 days; 2025-02-28 → 2025-03-01 is 1.
    expect(daysBetween('2024-02-28', '2024-03-01')).toBe(2);
    expect(daysBetween('2025-02-28', '2025-03-01')).toBe(1);
    expect(daysBetween('2025-12-31', '2026-01-01')).toBe(1);
    expect(daysBetween('2026-01-10T23:59:00.000Z', '2026-01-05')).toBe(-5);
    expect(dayNumber('1970-01-02')).toBe(1);
  });

  it('refuses dates that do not exist or are not dates', () => {
    expect(dayNumber('2025-02-30')).toBeUndefined();
    expect(dayNumber('2025-13-01')).toBeUndefined();
    expect(dayNumber('soon')).toBeUndefined();
    expect(daysBetween('2025-01-01', 'x')).toBeUndefined();
  });

  it('is antisymmetric and additive (property)', () => {
    const day = fc
      .integer({ min: 0, max: 40_000 })
      .map((n) => new Date(n * 86_400_000).toISOString().slice(0, 10));
    fc.assert(
      fc.property(day, day, day, (a, b, c) => {
        const ab = daysBetween(a, b) ?? NaN;
        const bc = daysBetween(b, c) ?? NaN;
        // Sum rather than negation: -0 and 0 are different to toBe.
        expect((daysBetween(b, a) ?? NaN) + ab).toBe(0);
        expect(daysBetween(a, c)).toBe(ab + bc);
      }),
    );
  });
});

describe('judgeDeadline', () => {
  const today = '2026-01-15';
  it('treats the due date as due at the end of that day', () => {
    expect(judgeDeadline('2026-01-15', today, 14)).toEqual({ tone: 'due_soon', daysLeft: 0 });
    expect(judgeDeadline('2026-01-14', today, 14)).toEqual({ tone: 'overdue', daysLeft: -1 });
  });

  it('uses an inclusive due-soon window', () => {
    expect(judgeDeadline('2026-01-29', today, 14)).toEqual({ tone: 'due_soon', daysLeft: 14 });
    expect(judgeDeadline('2026-01-30', today, 14)).toEqual({ tone: 'on_track', daysLeft: 15 });
  });

  it('says nothing without a usable date, and done is done even when late', () => {
    expect(judgeDeadline(null, today, 14)).toEqual({ tone: 'none' });
    expect(judgeDeadline('', today, 14)).toEqual({ tone: 'none' });
    expect(judgeDeadline('2026-02-30', today, 14)).toEqual({ tone: 'none' });
    expect(judgeDeadline('2020-01-01', today, 14, true)).toEqual({ tone: 'done' });
  });

  it('maps server states to tones', () => {
    expect(toneOfState('overdue')).toBe('overdue');
    expect(toneOfState('due_soon')).toBe('due_soon');
    expect(toneOfState('no_due_date')).toBe('none');
    expect(toneOfState('cancelled')).toBe('none');
    expect(toneOfState(undefined)).toBe('none');
  });

  it('formats the local date', () => {
    expect(localToday(new Date(2026, 0, 5, 23, 30))).toBe('2026-01-05');
  });
});
