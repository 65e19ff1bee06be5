import { describe, expect, it } from 'vitest';
import { parsePeriod, formatPeriod, type Period } from '../period';
import { assessOutlier, comparablePeriods } from './outliers';
import { precedingPeriod, previousForRules, sameLastYear } from './periods';

// Golden numbers: numpy 2.4 (mean, std(ddof=1)) and scipy.stats.median_abs_deviation (scale=1):
//   h = [1203.5, 1187.2, 1250.0, 1198.4, 1221.9, 1175.3, 1302.8, 1240.1]
//   mean 1222.4, sd 41.2832030872467; x = 1460 → z 5.755367370546881; x = 1290 → z 1.6374698411151885
//   median 1212.7, MAD 26.45; x = 1460 → M 6.3063837429111675; x = 1290 → M 1.9712230623818565
//   min–max band with threshold 0.5: [1111.55, 1366.55]
const H = [1203.5, 1187.2, 1250.0, 1198.4, 1221.9, 1175.3, 1302.8, 1240.1];
const p = (s: string): Period => {
  const r = parsePeriod(s);
  if (!r.ok) throw new Error(s);
  return r.value;
};

describe('outlier checks against the unit history', () => {
  it('z-score (golden)', () => {
    const a = assessOutlier(1460, H, { method: 'zscore', threshold: 3, minHistory: 3 });
    expect(a.outlier).toBe(true);
    expect(a.score).toBeCloseTo(5.755367370546881, 10);
    expect(a.low).toBeCloseTo(1098.55039073826, 8);
    expect(a.high).toBeCloseTo(1346.2496092617403, 8);
    const b = assessOutlier(1290, H, { method: 'zscore', threshold: 3, minHistory: 3 });
    expect(b.outlier).toBe(false);
    expect(b.score).toBeCloseTo(1.6374698411151885, 10);
    expect(assessOutlier(900, H, { method: 'zscore', threshold: 3, minHistory: 3 }).outlier).toBe(true);
  });
  it('modified z-score (golden)', () => {
    const a = assessOutlier(1460, H, { method: 'modified_zscore', threshold: 3.5, minHistory: 3 });
    expect(a.outlier).toBe(true);
    expect(a.score).toBeCloseTo(6.3063837429111675, 10);
    const b = assessOutlier(1290, H, { method: 'modified_zscore', threshold: 3.5, minHistory: 3 });
    expect(b.outlier).toBe(false);
    expect(b.score).toBeCloseTo(1.9712230623818565, 10);
  });
  it('min–max band from history, or the soft band when set', () => {
    const cfg = { method: 'minmax' as const, threshold: 0.5, minHistory: 3 };
    const a = assessOutlier(1370, H, cfg);
    expect(a).toMatchObject({ assessed: true, outlier: true });
    expect(a.low).toBeCloseTo(1111.55, 9);
    expect(a.high).toBeCloseTo(1366.55, 9);
    expect(assessOutlier(1360, H, cfg).outlier).toBe(false);
    // Constant history: the width is |mean|, so 100 ± 50 is accepted.
    expect(assessOutlier(149, [100, 100, 100], cfg).outlier).toBe(false);
    expect(assessOutlier(151, [100, 100, 100], cfg).outlier).toBe(true);
    // A soft band needs no history.
    expect(assessOutlier(5, [], cfg, { softMin: 10, softMax: null })).toMatchObject({
      assessed: true,
      outlier: true,
      low: 10,
    });
    expect(assessOutlier(15, [], cfg, { softMin: 10, softMax: 20 }).outlier).toBe(false);
  });
  it('is not assessed with too little history or no spread', () => {
    const cfg = { method: 'zscore' as const, threshold: 3, minHistory: 3 };
    expect(assessOutlier(1e9, [1, 2], cfg)).toMatchObject({
      assessed: false,
      outlier: false,
      historySize: 2,
    });
    expect(assessOutlier(1e9, [5, 5, 5, 5], cfg).assessed).toBe(false);
    expect(assessOutlier(1e9, [5, 5, 5, 6, 5], { ...cfg, method: 'modified_zscore' }).assessed).toBe(false);
    expect(assessOutlier(1e9, H, { ...cfg, method: 'none' }).assessed).toBe(false);
  });
});

describe('periods compared with', () => {
  it('year-to-date: the same period of earlier years; otherwise the preceding periods', () => {
    expect(comparablePeriods(p('2025Q3-YTD'), 3).map(formatPeriod)).toEqual([
      '2022Q3-YTD',
      '2023Q3-YTD',
      '2024Q3-YTD',
    ]);
    expect(comparablePeriods(p('2025-02'), 3).map(formatPeriod)).toEqual(['2024-11', '2024-12', '2025-01']);
    expect(comparablePeriods(p('2025'), 2).map(formatPeriod)).toEqual(['2023', '2024']);
  });
  it('prev() stays within the year for year-to-date data; ly() is a year back', () => {
    expect(formatPeriod(precedingPeriod(p('2025-01')))).toBe('2024-12');
    expect(formatPeriod(precedingPeriod(p('2025Q1')))).toBe('2024Q4');
    expect(previousForRules(p('2025-01-YTD'))).toBeUndefined();
    expect(formatPeriod(previousForRules(p('2025-02-YTD')) as Period)).toBe('2025-01-YTD');
    expect(formatPeriod(previousForRules(p('2025H1')) as Period)).toBe('2024H2');
    expect(formatPeriod(sameLastYear(p('2025Q3-YTD')))).toBe('2024Q3-YTD');
  });
});
