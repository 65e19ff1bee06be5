import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isIsoDate, localIsoDate } from './dates';

describe('localIsoDate', () => {
  it('formats the local calendar date with zero padding', () => {
    expect(localIsoDate(new Date(2025, 0, 1, 0, 0, 0))).toBe('2025-01-01');
    expect(localIsoDate(new Date(2025, 5, 1, 23, 59, 59))).toBe('2025-06-01');
    expect(localIsoDate(new Date(999, 11, 31, 12))).toBe('0999-12-31');
  });

  it('always produces a valid ISO date that reads back as the same local day', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date(1000, 0, 1), max: new Date(9999, 11, 31), noInvalidDate: true }),
        (d) => {
          const iso = localIsoDate(d);
          expect(isIsoDate(iso)).toBe(true);
          const [y, m, day] = iso.split('-').map(Number);
          expect([y, m, day]).toEqual([d.getFullYear(), d.getMonth() + 1, d.getDate()]);
        },
      ),
    );
  });
});

describe('isIsoDate', () => {
  it('accepts real dates, including 29 February of leap years', () => {
    expect(isIsoDate('2025-01-01')).toBe(true);
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2000-02-29')).toBe(true);
  });

  it('rejects impossible dates and other spellings', () => {
    for (const bad of [
      '2025-02-29',
      '1900-02-29',
      '2025-02-30',
      '2025-13-01',
      '2025-00-10',
      '2025-1-1',
      '',
      '2025-01-01T00:00',
      '20250101',
    ]) {
      expect(isIsoDate(bad), bad).toBe(false);
    }
  });
});
