import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  addDays,
  dayNumber,
  dayOfYear,
  daysBetween,
  formatDay,
  formatYearMonth,
  isIsoDate,
  monthOrdinalOf,
  parseYearMonth,
} from './calendar';

describe('calendar', () => {
  it('parses months and rejects malformed ones', () => {
    expect(parseYearMonth('2025-11')).toEqual({ year: 2025, month: 11 });
    for (const s of ['2025-13', '2025-1', '2025/11', '202511', '']) expect(parseYearMonth(s)).toBeUndefined();
    expect(Number.isNaN(monthOrdinalOf('bad'))).toBe(true);
  });
  it('counts months across a year end', () => {
    expect(monthOrdinalOf('2025-02') - monthOrdinalOf('2024-11')).toBe(3);
    expect(formatYearMonth(monthOrdinalOf('2024-12') + 1)).toBe('2025-01');
  });
  it('rejects impossible dates and knows leap years', () => {
    expect(isIsoDate('2025-02-29')).toBe(false);
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2025-04-31')).toBe(false);
    expect(isIsoDate('2025-06-21T10:00:00Z')).toBe(true);
    expect(dayOfYear('2024-12-31')).toBe(366);
    expect(dayOfYear('2025-12-31')).toBe(365);
    expect(dayOfYear('2025-03-01')).toBe(60); // 31 + 28 + 1
  });
  it('adds and subtracts days over month and year ends', () => {
    expect(addDays('2025-12-30', 3)).toBe('2026-01-02');
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(daysBetween('2025-01-01', '2025-03-01')).toBe(59);
    expect(daysBetween('2025-03-01', '2025-01-01')).toBe(-59);
    expect(addDays('nope', 1)).toBeUndefined();
  });
  it('round-trips day numbers (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: -20_000, max: 80_000 }), (n) => {
        expect(dayNumber(formatDay(n))).toBe(n);
      }),
    );
  });
});
