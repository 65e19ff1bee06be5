import { describe, expect, it } from 'vitest';
import { latestCounted, lineOf, seasonalLines, uncountedPoints } from './series-model';
import { URBAN_RURAL_SERIES, seriesPoint } from './test-fixtures';

describe('seasonalLines', () => {
  it('splits the urban-rural ratio into annual, 1–6月 and 1–9月 lines, never joining them', () => {
    const lines = seasonalLines(URBAN_RURAL_SERIES);
    expect(lines.map((l) => l.seasonality)).toEqual(['year', 'H1-YTD', 'Q3-YTD']);
    expect(lineOf(lines, 'year')?.points.map((p) => p.period)).toEqual([
      '2020',
      '2021',
      '2022',
      '2023',
      '2024',
    ]);
    expect(lineOf(lines, 'Q3-YTD')?.points.map((p) => [p.period, p.value])).toEqual([
      ['2020Q3-YTD', 1.8641442854342285],
      ['2024Q3-YTD', 1.75],
      ['2025Q3-YTD', 1.73],
    ]);
    expect(lineOf(lines, 'M10-YTD')).toBeNull();
    expect(lineOf(lines, null)).toBeNull();
  });

  it('leaves out values that do not count yet, unless asked', () => {
    const items = [
      seriesPoint({ period: '2024', value: 1 }),
      seriesPoint({ period: '2025', value: 2, status: 'submitted', counted: false }),
    ];
    expect(seasonalLines(items)[0]?.points.map((p) => p.value)).toEqual([1]);
    expect(seasonalLines(items, { includeUncounted: true })[0]?.points.map((p) => p.value)).toEqual([1, 2]);
    expect(uncountedPoints(items).map((p) => p.period)).toEqual(['2025']);
  });

  it('sorts each line by time whatever the input order', () => {
    const lines = seasonalLines([...URBAN_RURAL_SERIES].reverse());
    expect(lineOf(lines, 'year')?.points.map((p) => p.time)).toEqual([2021, 2022, 2023, 2024, 2025]);
  });
});

describe('latestCounted', () => {
  it('is the value with the latest period end', () => {
    expect(latestCounted(URBAN_RURAL_SERIES)?.period).toBe('2025Q3-YTD');
  });

  it('prefers the annual value when a year-to-date value ends on the same day, and skips drafts', () => {
    const items = [
      seriesPoint({ period: '2024-12-YTD', value: 5 }),
      seriesPoint({ period: '2024', value: 6 }),
      seriesPoint({ period: '2025', value: 7, status: 'draft', counted: false }),
    ];
    expect(latestCounted(items)?.value).toBe(6);
    expect(latestCounted([])).toBeNull();
  });
});
