import { describe, expect, it } from 'vitest';
import type { ReportedFigureDto } from '@suocha/contract';
import { formatMeasure, reportedRows } from './reported-model';

const WORDS = { suffix: (m: string) => ({ '100m yuan': '亿元', count: '个' })[m] ?? '' };

/** The seed-003 figures as the API returns them (the registry values are made up for the test). */
const COMPLETION: ReportedFigureDto = {
  indicatorCode: 'major_project_investment_completion',
  nameZh: '缩小“三大差距”重大项目年度投资完成率',
  nameEn: 'Annual investment completion rate of the gap-narrowing major projects',
  unitCode: '330000',
  period: '2025-H1',
  value: 59.1,
  measure: '%',
  note: '1833个项目完成年度投资1696.8亿元',
  source: '003_a9715fb6b7469eab.txt',
  registryValue: 47.25,
};

describe('reported figures', () => {
  it('writes each value in its measure', () => {
    expect(formatMeasure(59.1, '%', WORDS)).toBe('59.1%');
    expect(formatMeasure(1696.8, '100m yuan', WORDS)).toBe('1,696.8 亿元');
    expect(formatMeasure(1833, 'count', WORDS)).toBe('1,833 个');
    expect(formatMeasure(3, 'widgets', WORDS)).toBe('3.0');
    expect(formatMeasure(null, '%', WORDS)).toBe('—');
  });

  it('shows the registry beside the reported figure with the signed difference (47.25 − 59.1 = −11.85 pp)', () => {
    const [row] = reportedRows([COMPLETION], WORDS);
    expect(row?.reported).toBe('59.1%');
    expect(row?.registry).toBe('47.3%');
    expect(row?.difference).toBe('−11.9 pp');
  });

  it('does not invent a registry figure that cannot be computed', () => {
    const [row] = reportedRows(
      [{ ...COMPLETION, measure: 'count', value: 1833, registryValue: null }],
      WORDS,
    );
    expect(row?.registry).toBeNull();
    expect(row?.difference).toBeNull();
    const [same] = reportedRows(
      [{ ...COMPLETION, measure: 'count', value: 1833, registryValue: 1833 }],
      WORDS,
    );
    expect(same?.difference).toBe('0 个');
    const [yi] = reportedRows(
      [{ ...COMPLETION, measure: '100m yuan', value: 1696.8, registryValue: 90.5 }],
      WORDS,
    );
    expect(yi?.difference).toBe('−1,606.3 亿元');
  });
});
