import { describe, expect, it } from 'vitest';
import { intervalItems, rankIntervalOption } from './rank-interval-option';
import { leagueRow } from './test-rows';

const rows = [
  leagueRow({ unitCode: '330726', name: '浦江县', rank: 1, rankInterval: { p5: 1, median: 1, p95: 1 } }),
  leagueRow({ unitCode: '330303', name: '龙湾区', rank: 12, rankInterval: { p5: 11, median: 12, p95: 15 } }),
  leagueRow({ unitCode: '330110', name: '余杭区', rank: 3, rankInterval: { p5: 3, median: 3, p95: 4 } }),
  // Not ranked, or ranked without Monte Carlo samples: no interval to draw.
  leagueRow({ unitCode: '331127', name: '景宁畲族自治县', rank: null, belowCoverage: true }),
  leagueRow({ unitCode: '330127', name: '淳安县', rank: 5, rankInterval: null }),
];

describe('intervalItems', () => {
  it('keeps ranked counties with an interval, in rank order', () => {
    expect(intervalItems(rows).map((i) => [i.name, i.rank, i.p5, i.median, i.p95])).toEqual([
      ['浦江县', 1, 1, 1, 1],
      ['余杭区', 3, 3, 3, 4],
      ['龙湾区', 12, 11, 12, 15],
    ]);
  });
});

describe('rankIntervalOption', () => {
  const items = intervalItems(rows);
  const option = rankIntervalOption(items, 86, {
    interval: 'P5–P95',
    median: '中位数',
    tooltip: (item) => `${item.name}\n${item.p5}–${item.p95}`,
  });
  const series = (Array.isArray(option.series) ? option.series : []) as { data?: unknown[] }[];

  it('draws p5…p95 as a stacked bar one unit per rank, with the median as a dot', () => {
    // 浦江县 1–1: from 0.5 to 1.5; 余杭区 3–4: from 2.5, height 2; 龙湾区 11–15: from 10.5, height 5.
    expect(series[0]?.data).toEqual([0.5, 2.5, 10.5]);
    expect(series[1]?.data).toEqual([1, 2, 5]);
    expect(series[2]?.data).toEqual([1, 3, 12]);
    expect(option.xAxis).toMatchObject({ data: ['浦江县', '余杭区', '龙湾区'] });
    // Rank 1 at the top, room for the last rank.
    expect(option.yAxis).toMatchObject({ inverse: true, min: 0, max: 87 });
  });

  it('tooltips name the county under the pointer, escaped', () => {
    const tooltip = option.tooltip as { formatter: (p: unknown) => string };
    expect(tooltip.formatter([{ dataIndex: 2 }])).toBe('龙湾区<br/>11–15');
    expect(tooltip.formatter([{ dataIndex: 9 }])).toBe('');
  });
});
