import { describe, expect, it } from 'vitest';
import { decileOption } from './decile-option';

const labels = {
  group: (i: number) => `第${i}组`,
  share: '收入占比',
  mean: '人均收入',
  formatShare: (x: number) => `${(x * 100).toFixed(1)}%`,
  formatMoney: (x: number) => `${Math.round(x)} 元`,
};

describe('decileOption', () => {
  it('has one bar per group, poorest first, with its share', () => {
    const option = decileOption({ share: [0.1, 0.3, 0.6], mean: [10, 30, 60] }, labels);
    expect((option.xAxis as { data: string[] }).data).toEqual(['第1组', '第2组', '第3组']);
    expect((option.series as { data: number[] }[])[0]?.data).toEqual([0.1, 0.3, 0.6]);
    const formatter = (option.tooltip as { formatter: (p: unknown) => string }).formatter;
    expect(formatter([{ dataIndex: 2 }])).toBe(
      '<strong>第3组</strong><br/>收入占比 60.0%<br/>人均收入 60 元',
    );
    expect(formatter([{ dataIndex: 7 }])).toBe('');
  });
});
