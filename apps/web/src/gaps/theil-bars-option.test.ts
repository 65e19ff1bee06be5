import { describe, expect, it } from 'vitest';
import type { TheilBar } from './regional-model';
import { theilBarsOption } from './theil-bars-option';

const bars: TheilBar[] = [
  {
    by: 'parent',
    measure: 'T',
    between: 0.0003,
    within: 0.0201,
    total: 0.0204,
    betweenShare: 0.0003 / 0.0204,
  },
  { by: 'group', measure: 'T', between: -1e-18, within: 0.02, total: 0.02, betweenShare: 0 },
];
const labels = {
  bar: (b: TheilBar) => `${b.measure}·${b.by}`,
  between: '组间',
  within: '组内',
  total: '合计',
  betweenShare: '组间占比',
  formatIndex: (x: number) => x.toFixed(4),
  formatShare: (x: number | null) => (x === null ? '—' : `${(x * 100).toFixed(1)}%`),
};

describe('theilBarsOption', () => {
  it('stacks between and within per bar, first bar on top, never negative', () => {
    const option = theilBarsOption(bars, labels);
    expect((option.yAxis as { data: string[] }).data).toEqual(['T·group', 'T·parent']);
    const series = option.series as { name: string; stack: string; data: number[] }[];
    expect(series.map((s) => [s.name, s.stack])).toEqual([
      ['组间', 'theil'],
      ['组内', 'theil'],
    ]);
    expect(series[0]?.data).toEqual([0, 0.0003]);
    expect(series[1]?.data).toEqual([0.02, 0.0201]);
  });

  it('explains the hovered bar with its parts and the between share', () => {
    const option = theilBarsOption(bars, labels);
    const formatter = (option.tooltip as { formatter: (p: unknown) => string }).formatter;
    expect(formatter([{ dataIndex: 1 }])).toBe(
      '<strong>T·parent</strong><br/>合计 0.0204<br/>组间 0.0003<br/>组内 0.0201<br/>组间占比 1.5%',
    );
    expect(formatter([])).toBe('');
  });
});
