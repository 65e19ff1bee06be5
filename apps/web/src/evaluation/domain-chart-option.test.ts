import { describe, expect, it } from 'vitest';
import { domainChartOption } from './domain-chart-option';
import { formatScore } from './format';

describe('domainChartOption', () => {
  it('puts the county beside both medians per domain, leaving missing values out', () => {
    const option = domainChartOption(
      [
        { name: '强城', score: 51.8, runMedian: 75.7, groupMedian: 60.75 },
        { name: '富民', score: null, runMedian: 68.49, groupMedian: null },
      ],
      { county: '常山县', runMedian: '全省中位数', groupMedian: '山区海岛县中位数', formatScore },
    );
    const series = (Array.isArray(option.series) ? option.series : []) as {
      name?: string;
      data?: unknown[];
      label?: { formatter: (p: unknown) => string };
    }[];
    expect(series.map((s) => s.name)).toEqual(['常山县', '全省中位数', '山区海岛县中位数']);
    expect(series.map((s) => s.data)).toEqual([
      [51.8, '-'],
      [75.7, 68.49],
      [60.75, '-'],
    ]);
    expect(option.xAxis).toMatchObject({ data: ['强城', '富民'] });
    expect(option.yAxis).toMatchObject({ min: 0, max: 100 });
    expect(series[0]?.label?.formatter({ value: 60.75 })).toBe('60.8');
    expect(series[0]?.label?.formatter({ value: '-' })).toBe('');
  });
});
