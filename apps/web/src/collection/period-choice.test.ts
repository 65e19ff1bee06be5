import { describe, expect, it } from 'vitest';
import { chinaToday, currentReportingPeriod, formatPeriod, recentPeriods } from './period-choice';

const MONTHLY = { periodKind: 'month', ytd: false } as const;

describe('currentReportingPeriod', () => {
  it('is the latest period that ended before today, across year boundaries', () => {
    expect(currentReportingPeriod(MONTHLY, '2026-03-10')).toBe('2026-02');
    expect(currentReportingPeriod(MONTHLY, '2026-03-01')).toBe('2026-02');
    expect(currentReportingPeriod(MONTHLY, '2026-01-15')).toBe('2025-12');
    expect(currentReportingPeriod({ periodKind: 'quarter', ytd: false }, '2026-03-31')).toBe('2025Q4');
    expect(currentReportingPeriod({ periodKind: 'quarter', ytd: false }, '2026-04-01')).toBe('2026Q1');
    expect(currentReportingPeriod({ periodKind: 'half', ytd: true }, '2025-12-31')).toBe('2025H1-YTD');
    expect(currentReportingPeriod({ periodKind: 'year', ytd: false }, '2026-01-05')).toBe('2025');
  });

  it('writes year-to-date periods with the suffix, never for a whole year', () => {
    expect(currentReportingPeriod({ periodKind: 'month', ytd: true }, '2025-10-02')).toBe('2025-09-YTD');
    expect(formatPeriod({ periodKind: 'year', ytd: true }, { year: 2024, index: 1 })).toBe('2024');
  });
});

describe('recentPeriods', () => {
  it('counts back from the reporting period, newest first', () => {
    expect(recentPeriods(MONTHLY, '2026-02-20', 4)).toEqual(['2026-01', '2025-12', '2025-11', '2025-10']);
    expect(recentPeriods({ periodKind: 'quarter', ytd: true }, '2025-08-01', 3)).toEqual([
      '2025Q2-YTD',
      '2025Q1-YTD',
      '2024Q4-YTD',
    ]);
    expect(recentPeriods(MONTHLY, '2026-02-20', 0)).toEqual([]);
  });
});

describe('chinaToday', () => {
  it('is the Beijing date: 17:00 UTC is already the next day there', () => {
    expect(chinaToday(new Date('2026-02-28T15:59:00Z'))).toBe('2026-02-28');
    expect(chinaToday(new Date('2026-02-28T16:00:00Z'))).toBe('2026-03-01');
  });
});
