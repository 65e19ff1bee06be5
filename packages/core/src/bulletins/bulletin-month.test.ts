import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkMonthEnded, chineseDate, monthTitle, parseBulletinMonth } from './bulletin-month';

describe('parseBulletinMonth', () => {
  it('gives the first and last day, leap Februaries included', () => {
    const nov = parseBulletinMonth('2025-11');
    expect(nov.ok && nov.value).toEqual({
      month: '2025-11',
      year: 2025,
      monthNumber: 11,
      start: '2025-11-01',
      end: '2025-11-30',
    });
    const feb24 = parseBulletinMonth('2024-02');
    expect(feb24.ok && feb24.value.end).toBe('2024-02-29');
    const feb25 = parseBulletinMonth('2025-02');
    expect(feb25.ok && feb25.value.end).toBe('2025-02-28');
    const feb00 = parseBulletinMonth('2000-02');
    expect(feb00.ok && feb00.value.end).toBe('2000-02-29');
    const feb1900 = parseBulletinMonth('1900-02');
    expect(feb1900.ok && feb1900.value.end).toBe('1900-02-28');
  });

  it('refuses what is not a month', () => {
    for (const bad of ['2025-13', '2025-00', '2025-1', '202511', '2025-11-01', 'abcd-ef', ''])
      expect(parseBulletinMonth(bad)).toMatchObject({ ok: false, error: { code: 'BAD_MONTH' } });
  });

  it('the last day is the day before the next month starts', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1900, max: 2999 }), fc.integer({ min: 1, max: 12 }), (y, m) => {
        const r = parseBulletinMonth(`${y}-${String(m).padStart(2, '0')}`);
        if (!r.ok) throw new Error('valid month refused');
        const next = new Date(`${r.value.end}T00:00:00Z`);
        next.setUTCDate(next.getUTCDate() + 1);
        expect(next.getUTCDate()).toBe(1);
        expect(next.getUTCMonth()).toBe(m % 12);
      }),
    );
  });
});

describe('checkMonthEnded', () => {
  const nov = parseBulletinMonth('2025-11');
  if (!nov.ok) throw new Error('setup');
  it('accepts a month once its last day has passed', () => {
    expect(checkMonthEnded(nov.value, '2025-12-01').ok).toBe(true);
    expect(checkMonthEnded(nov.value, '2026-05-01T00:00:00Z').ok).toBe(true);
  });
  it('refuses the current and future months', () => {
    expect(checkMonthEnded(nov.value, '2025-11-30')).toMatchObject({
      ok: false,
      error: { code: 'MONTH_NOT_ENDED' },
    });
    expect(checkMonthEnded(nov.value, '2025-06-01').ok).toBe(false);
  });
});

describe('dates in Chinese', () => {
  it('writes months and dates without leading zeros', () => {
    const r = parseBulletinMonth('2025-03');
    expect(r.ok && monthTitle(r.value)).toBe('2025年3月');
    expect(chineseDate('2025-12-03')).toBe('2025年12月3日');
  });
});
