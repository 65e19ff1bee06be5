import { describe, expect, it } from 'vitest';
import { indicatorChart, projectionPoints, SUPERSEDED_COLOUR, TARGET_COLOUR } from './indicator-chart-option';
import type { ChartTarget, IndicatorChartLabels } from './indicator-chart-option';
import { STATUS_COLOURS } from './progress-status';
import { URBAN_RURAL_2027, URBAN_RURAL_2027_OLD, URBAN_RURAL_SERIES, seriesPoint } from './test-fixtures';

const labels: IndicatorChartLabels = {
  seasonality: (s) => `S:${s}`,
  uncounted: 'pending',
  targetPath: 'path',
  projection: 'projection',
  targets: 'targets',
  axisYear: (v) => `end ${v - 1}`,
  observed: (p) => [p.period, String(p.value), p.source, ...(p.derived ? [p.derived.formula] : [])],
  baseline: (period, value) => [`baseline ${period} ${value}`],
  expected: (period, expected, actual) => [`expected ${period} ${expected} ${actual}`],
  targetPoint: (t) => [`target ${t.year} ${t.value}${t.supersededBy ? ` superseded ${t.supersededBy}` : ''}`],
  projected: (year, value) => [`projected ${year} ${value}`],
};

const targets: ChartTarget[] = [URBAN_RURAL_2027_OLD, URBAN_RURAL_2027].map((r) => ({
  id: r.targetId,
  year: r.year,
  comparator: r.comparator,
  value: r.targetValue,
  planCode: r.plan.code,
  supersededBy: r.supersededBy,
  selected: r.targetId === 18,
}));

type Data = { value: [number, number]; itemStyle?: { color: string } }[];
const seriesList = (option: ReturnType<typeof indicatorChart>['option']) =>
  (Array.isArray(option.series) ? option.series : []) as {
    name: string;
    type: string;
    data: Data;
    lineStyle?: { type?: string; color?: string };
  }[];

describe('indicatorChart', () => {
  const chart = indicatorChart(URBAN_RURAL_SERIES, URBAN_RURAL_2027, targets, labels);
  const series = seriesList(chart.option);

  it('draws one line per seasonality, the target path, the projection and the targets', () => {
    expect(chart.summary.seriesNames).toEqual([
      'S:year',
      'S:H1-YTD',
      'S:Q3-YTD',
      'path',
      'projection',
      'targets',
    ]);
    expect(series.map((s) => s.type)).toEqual(['line', 'line', 'line', 'line', 'line', 'scatter']);
    expect(chart.summary.observed).toBe(9);
  });

  it('runs the target path from the baseline to the target, through 序时进度 at the latest value', () => {
    // Baseline 2020Q3-YTD (t = 2020.75) 1.8641…; target ≤ 1.8 by 2027 at t = 2028; expected at 2025.75 from
    // the API (1.8641 + (1.8 − 1.8641)·5/7.25 = 1.8199, checked with python).
    expect(chart.summary.targetPath).toEqual({
      from: { period: '2020Q3-YTD', time: 2020.75, value: 1.8641442854342285 },
      to: { year: 2027, time: 2028, value: 1.8 },
    });
    expect(series[3]?.data.map((d) => d.value)).toEqual([
      [2020.75, 1.8641442854342285],
      [2025.75, 1.819906847203726],
      [2028, 1.8],
    ]);
  });

  it('projects from the latest value at the observed rate to the projected value, dashed in the status colour', () => {
    expect(chart.summary.projection).toEqual({
      from: { period: '2025Q3-YTD', time: 2025.75, value: 1.73 },
      to: { year: 2027, time: 2028, value: 1.67282713199777 },
    });
    const projection = series[4];
    expect(projection?.lineStyle).toMatchObject({ type: 'dashed', color: STATUS_COLOURS.achieved });
    const data = projection?.data.map((d) => d.value) ?? [];
    expect(data[0]).toEqual([2025.75, 1.73]);
    // Midway (t = 2026.875): 1.73·(1 − 0.0148252)^1.125 = 1.7011734 (python).
    expect(data[6]?.[0]).toBeCloseTo(2026.875, 12);
    expect(data[6]?.[1]).toBeCloseTo(1.7011734004375163, 12);
    expect(data[12]).toEqual([2028, 1.67282713199777]);
  });

  it('greys superseded targets', () => {
    const marks = series[5]?.data ?? [];
    expect(marks.map((m) => m.itemStyle?.color)).toEqual([SUPERSEDED_COLOUR, TARGET_COLOUR]);
    expect(marks.map((m) => m.value)).toEqual([
      [2028, 1.85],
      [2028, 1.8],
    ]);
  });

  it('prepares each point’s tooltip: period, value, source and a derived value’s formula', () => {
    const tooltip = chart.option.tooltip as { formatter: (p: unknown) => string };
    expect(tooltip.formatter({ seriesIndex: 2, dataIndex: 0 })).toBe(
      '2020Q3-YTD<br/>1.8641442854342285<br/>推算 derived: urban_income / rural_income<br/>urban_income / rural_income',
    );
    expect(tooltip.formatter({ seriesIndex: 3, dataIndex: 1 })).toBe(
      'expected 2025Q3-YTD 1.819906847203726 1.73',
    );
    expect(tooltip.formatter({ seriesIndex: 5, dataIndex: 0 })).toBe(
      'target 2027 1.85 superseded zj-2025-sancha',
    );
    expect(tooltip.formatter({ seriesIndex: 9, dataIndex: 0 })).toBe('');
    expect(tooltip.formatter(null)).toBe('');
  });

  it('escapes what the data says before ECharts renders it as HTML', () => {
    const c = indicatorChart(
      [seriesPoint({ period: '2024', value: 1, source: '<img src=x onerror=alert(1)>' })],
      null,
      [],
      labels,
    );
    const tooltip = c.option.tooltip as { formatter: (p: unknown) => string };
    expect(tooltip.formatter({ seriesIndex: 0, dataIndex: 0 })).not.toContain('<img');
  });

  it('shows values only when no target is judged, with drafts apart', () => {
    const c = indicatorChart(
      [
        seriesPoint({ period: '2024', value: 1 }),
        seriesPoint({ period: '2025', value: 2, status: 'draft', counted: false }),
      ],
      null,
      [],
      labels,
    );
    expect(c.summary).toEqual({
      seriesNames: ['S:year', 'pending'],
      observed: 1,
      targetPath: null,
      projection: null,
    });
  });
});

describe('projectionPoints', () => {
  it('is a straight line for linear rates and nothing once the target time has passed', () => {
    expect(projectionPoints({ time: 2025, value: 10 }, 2028, 2, 'linear', 16)).toEqual([
      [2025, 10],
      [2028, 16],
    ]);
    expect(projectionPoints({ time: 2028.5, value: 10 }, 2028, 0.1, 'compound', 9)).toEqual([]);
  });
});
