import { describe, expect, it } from 'vitest';
import {
  completionRate,
  plannedValueToMonth,
  scheduleGapPoints,
  scheduleShareForDate,
  scheduleShareForMonth,
  schedulePerformanceIndex,
} from './schedule';

describe('序时进度 and ratios (METHODS §5)', () => {
  it('is m/12 for a month', () => {
    expect(scheduleShareForMonth(6)).toBe(0.5);
    expect(scheduleShareForMonth(12)).toBe(1);
    expect(scheduleShareForMonth(1)).toBeCloseTo(1 / 12, 15);
    expect(Number.isNaN(scheduleShareForMonth(0))).toBe(true);
    expect(Number.isNaN(scheduleShareForMonth(13))).toBe(true);
  });
  it('is days elapsed / days in year for a date, the date counted as elapsed', () => {
    // 2025-06-30 is day 181 of 365 (31+28+31+30+31+30).
    expect(scheduleShareForDate('2025-06-30')).toBeCloseTo(181 / 365, 15);
    // 2024 is a leap year: 29 February is day 60 of 366.
    expect(scheduleShareForDate('2024-02-29')).toBeCloseTo(60 / 366, 15);
    expect(scheduleShareForDate('2025-12-31')).toBe(1);
    expect(Number.isNaN(scheduleShareForDate('2025-02-30'))).toBe(true);
  });
  it('computes the completion rate of the seed figures (illustration only)', () => {
    // Seed 003: 1,696.8亿元 completed = 59.1% ⇒ annual plan ≈ 1696.8 / 0.591 = 2871.07亿元 (hand division).
    const rate = completionRate(1696.8, 2871);
    expect(rate).toBeCloseTo(0.591014, 6);
    // Reported at the end of May (序时进度 5/12 = 41.67%): 17.43 points ahead, a negative gap.
    expect(scheduleGapPoints(5 / 12, rate ?? Number.NaN)).toBeCloseTo(-17.434692, 5);
  });
  it('has no completion rate without a positive plan', () => {
    expect(completionRate(10, 0)).toBeNull();
    expect(completionRate(10, -5)).toBeNull();
  });
  it('rounds binary noise out of the gap so thresholds are exact', () => {
    // 0.5 − 0.4 is 0.09999999999999998 in binary floating point.
    expect(scheduleGapPoints(0.5, 0.4)).toBe(10);
    expect(scheduleGapPoints(0.5, 0.2)).toBe(30);
  });
  it('computes PV and SPI from a monthly plan', () => {
    const plan = [10, 10, 20, 20, 20, 20, 0, 0, 0, 0, 0, 0];
    expect(plannedValueToMonth(plan, 4)).toBe(60);
    expect(plannedValueToMonth(plan, 12)).toBe(100);
    expect(plannedValueToMonth(undefined, 4)).toBeNull();
    expect(plannedValueToMonth([1, 2, 3], 2)).toBeNull();
    expect(schedulePerformanceIndex(45, 60)).toBe(0.75);
    expect(schedulePerformanceIndex(45, 0)).toBeNull();
    expect(schedulePerformanceIndex(45, null)).toBeNull();
  });
});
