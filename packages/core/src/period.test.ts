import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  comparePeriods,
  formatPeriod,
  normalizePeriod,
  parsePeriod,
  periodEndDate,
  periodStartDate,
  periodTime,
  sameSeasonality,
  type Period,
} from './period';

const must = (s: string): Period => {
  const r = parsePeriod(s);
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
};

describe('periods', () => {
  it('normalises the spellings found in the seeds and releases', () => {
    expect(normalizePeriod('2025-Q3-YTD')).toEqual({ ok: true, value: '2025Q3-YTD' });
    expect(normalizePeriod('2020Q3-YTD')).toEqual({ ok: true, value: '2020Q3-YTD' });
    expect(normalizePeriod('2025-H1')).toEqual({ ok: true, value: '2025H1' });
    expect(normalizePeriod('2025-10-YTD')).toEqual({ ok: true, value: '2025-10-YTD' });
    expect(normalizePeriod('2023')).toEqual({ ok: true, value: '2023' });
  });
  it('rejects what is not a period, with a code', () => {
    for (const s of ['2025-13', '2025Q5', '25', '2025-YTD', 'abc', '2025H3', '']) {
      const r = parsePeriod(s);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error.code).toBe('PERIOD_INVALID');
    }
  });
  it('knows start and end dates, including leap Februaries', () => {
    expect(periodEndDate(must('2024-02'))).toBe('2024-02-29');
    expect(periodEndDate(must('2025-02'))).toBe('2025-02-28');
    expect(periodEndDate(must('2025Q3-YTD'))).toBe('2025-09-30');
    expect(periodStartDate(must('2025Q3-YTD'))).toBe('2025-01-01');
    expect(periodStartDate(must('2025Q3'))).toBe('2025-07-01');
    expect(periodEndDate(must('2025H1'))).toBe('2025-06-30');
  });
  it('puts period ends on a decimal-year scale', () => {
    expect(periodTime(must('2025'))).toBe(2026);
    expect(periodTime(must('2025Q3'))).toBe(2025.75);
    expect(periodTime(must('2025-06'))).toBe(2025.5);
  });
  it('compares year-to-date periods only with the same stretch of other years', () => {
    expect(sameSeasonality(must('2024Q3-YTD'), must('2025Q3-YTD'))).toBe(true);
    expect(sameSeasonality(must('2024'), must('2025Q3-YTD'))).toBe(false);
    expect(sameSeasonality(must('2024Q3'), must('2025Q3-YTD'))).toBe(false);
  });
  it('orders periods by end, shorter first', () => {
    expect(comparePeriods(must('2025-03'), must('2025Q1'))).toBeLessThan(0);
    expect(comparePeriods(must('2024'), must('2025-01'))).toBeLessThan(0);
  });
  it('round-trips every valid period (property)', () => {
    const arb = fc.oneof(
      fc.record({
        kind: fc.constant('year' as const),
        year: fc.integer({ min: 1900, max: 2200 }),
        index: fc.constant(1),
        ytd: fc.constant(false),
      }),
      fc.record({
        kind: fc.constant('half' as const),
        year: fc.integer({ min: 1900, max: 2200 }),
        index: fc.integer({ min: 1, max: 2 }),
        ytd: fc.boolean(),
      }),
      fc.record({
        kind: fc.constant('quarter' as const),
        year: fc.integer({ min: 1900, max: 2200 }),
        index: fc.integer({ min: 1, max: 4 }),
        ytd: fc.boolean(),
      }),
      fc.record({
        kind: fc.constant('month' as const),
        year: fc.integer({ min: 1900, max: 2200 }),
        index: fc.integer({ min: 1, max: 12 }),
        ytd: fc.boolean(),
      }),
    );
    fc.assert(
      fc.property(arb, (p) => {
        const r = parsePeriod(formatPeriod(p));
        expect(r).toEqual({ ok: true, value: p });
      }),
    );
  });
});
