import { describe, expect, it } from 'vitest';
import { lorenzOption } from './lorenz-option';

const labels = {
  curve: '洛伦兹曲线',
  equality: '绝对平等线',
  population: '人口累计占比',
  income: '收入累计占比',
  formatShare: (x: number) => `${(x * 100).toFixed(1)}%`,
};

describe('lorenzOption', () => {
  it('draws the curve from the answer and the diagonal of equality', () => {
    const option = lorenzOption({ population: [0, 0.5, 1], income: [0, 0.2, 1] }, labels);
    const series = option.series as { name: string; data: number[][] }[];
    expect(series.map((s) => s.name)).toEqual(['绝对平等线', '洛伦兹曲线']);
    expect(series[0]?.data).toEqual([
      [0, 0],
      [1, 1],
    ]);
    expect(series[1]?.data).toEqual([
      [0, 0],
      [0.5, 0.2],
      [1, 1],
    ]);
    expect(option.xAxis).toMatchObject({ min: 0, max: 1 });
    expect(option.yAxis).toMatchObject({ min: 0, max: 1 });
  });

  it('names both coordinates of the hovered point', () => {
    const option = lorenzOption({ population: [0, 1], income: [0, 1] }, labels);
    const formatter = (option.tooltip as { formatter: (p: unknown) => string }).formatter;
    expect(formatter([{ value: [0.5, 0.2] }])).toBe('人口累计占比 50.0%<br/>收入累计占比 20.0%');
    expect(formatter([{ value: 3 }])).toBe('');
  });
});
