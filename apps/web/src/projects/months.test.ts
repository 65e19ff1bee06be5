import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { isMonth, monthIndex, monthOf, monthOfDate, previousMonth } from './months';

describe('months', () => {
  it('numbers months so that differences are plain subtraction', () => {
    expect(monthIndex('2025-01')).toBe(2025 * 12);
    expect(monthIndex('2025-11') - monthIndex('2024-12')).toBe(11);
    expect(previousMonth('2025-01')).toBe('2024-12');
    expect(previousMonth('2025-13')).toBeUndefined();
    expect(monthOfDate(new Date(2025, 10, 30))).toBe('2025-11');
  });

  it('rejects malformed months', () => {
    for (const s of ['2025-00', '2025-13', '2025-1', '25-01', '2025-01-01', '']) {
      expect(Number.isNaN(monthIndex(s))).toBe(true);
      expect(isMonth(s)).toBe(false);
    }
  });

  it('round-trips every month of years 1000–9999', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1000 * 12, max: 9999 * 12 + 11 }), (i) => {
        const s = monthOf(i);
        expect(isMonth(s)).toBe(true);
        expect(monthIndex(s)).toBe(i);
      }),
    );
  });
});
