import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parsePeriodInfo, targetYearTime } from './period-time';

describe('parsePeriodInfo', () => {
  it('places periods at their end in decimal years, as the progress engine does', () => {
    // packages/core/src/period.ts periodTime: year + endMonth / 12.
    expect(parsePeriodInfo('2025')?.time).toBe(2026);
    expect(parsePeriodInfo('2025Q3-YTD')?.time).toBe(2025.75);
    expect(parsePeriodInfo('2023H1-YTD')?.time).toBe(2023.5);
    expect(parsePeriodInfo('2025-11')?.time).toBeCloseTo(2025 + 11 / 12, 12);
    expect(targetYearTime(2027)).toBe(2028);
  });

  it('names the seasonality as the server names the judged series', () => {
    expect(parsePeriodInfo('2025')?.seasonality).toBe('year');
    expect(parsePeriodInfo('2025Q3-YTD')?.seasonality).toBe('Q3-YTD');
    expect(parsePeriodInfo('2023H1-YTD')?.seasonality).toBe('H1-YTD');
    expect(parsePeriodInfo('2025-10-YTD')?.seasonality).toBe('M10-YTD');
    expect(parsePeriodInfo('2025Q3')?.seasonality).toBe('Q3');
    expect(parsePeriodInfo('2025-05')).toMatchObject({
      kind: 'month',
      index: 5,
      ytd: false,
      seasonality: 'M05',
    });
  });

  it('rejects what is not a canonical period', () => {
    for (const bad of ['', '25', '2025Q5', '2025H3', '2025-13', '2025-YTD', 'Q3-2025', '2025 Q3'])
      expect(parsePeriodInfo(bad)).toBeNull();
  });

  it('orders the periods of a year by their end, and a year after all of them', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1990, max: 2100 }), fc.integer({ min: 1, max: 12 }), (year, month) => {
        const m = parsePeriodInfo(`${year}-${String(month).padStart(2, '0')}`);
        const y = parsePeriodInfo(String(year));
        expect(m).not.toBeNull();
        expect(y).not.toBeNull();
        expect(m?.time).toBeGreaterThan(year);
        expect(m?.time).toBeLessThanOrEqual(y?.time ?? 0);
        expect(parsePeriodInfo(`${year}Q${Math.ceil(month / 3)}`)?.time).toBeGreaterThanOrEqual(m?.time ?? 0);
      }),
    );
  });
});
