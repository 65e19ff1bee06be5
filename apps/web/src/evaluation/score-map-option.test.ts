import { describe, expect, it } from 'vitest';
import type { Region } from '../divisions/map-model';
import { formatScore, formatShare } from './format';
import {
  NO_DATA_FILL,
  OUTSIDE_FILL,
  buildScoreMapModel,
  scoreMapOption,
  scoreTooltip,
} from './score-map-option';
import type { ScoreMapLabels } from './score-map-option';
import { leagueRow } from './test-rows';

const regions: Region[] = [
  { code: '330726', name: '浦江县', parentCode: '330700' },
  { code: '330822', name: '常山县', parentCode: '330800' },
  { code: '331127', name: '景宁畲族自治县', parentCode: '331100' },
  { code: '330127', name: '淳安县', parentCode: '330100' },
  // On the map but not in the run (e.g. a run over another scope): no data.
  { code: '330381', name: '瑞安市', parentCode: '330300' },
];

const rows = [
  leagueRow({ unitCode: '330726', name: '浦江县', score: 93.47, rank: 1 }),
  leagueRow({ unitCode: '330822', name: '常山县', score: 40.2, rank: 79 }),
  leagueRow({
    unitCode: '331127',
    name: '景宁畲族自治县',
    score: 66.5,
    belowCoverage: true,
    coverage: 0.5625,
  }),
  leagueRow({ unitCode: '330127', name: '淳安县', score: null, coverage: 0, available: 0 }),
];

const labels: ScoreMapLabels = {
  high: '高',
  low: '低',
  score: '得分',
  rank: (rank) => `第 ${rank} 名`,
  notRanked: (coverage) => `未排名（覆盖率 ${coverage}）`,
  noData: '无数据',
  outside: '不在筛选范围内',
  formatScore,
  formatShare,
};

describe('buildScoreMapModel', () => {
  it('colours scored counties, dots those below coverage, hatches those without a score', () => {
    const model = buildScoreMapModel(regions, rows, null);
    expect(model.items.map((i) => [i.code, i.category])).toEqual([
      ['330726', 'scored'],
      ['330822', 'scored'],
      ['331127', 'below'],
      ['330127', 'noData'],
      ['330381', 'noData'],
    ]);
    expect(model.colouredCodes).toEqual(['330726', '330822', '331127']);
    expect(model.belowCoverageCodes).toEqual(['331127']);
    expect(model.noDataCodes).toEqual(['330127', '330381']);
    // Whole-number bounds around 40.2 … 93.47.
    expect(model.range).toEqual({ min: 40, max: 94 });
  });

  it('keeps the colour scale of the whole run when the filter leaves counties out', () => {
    const model = buildScoreMapModel(regions, rows, new Set(['330822', '330127']));
    expect(model.items.map((i) => i.category)).toEqual(['outside', 'scored', 'outside', 'noData', 'outside']);
    expect(model.colouredCodes).toEqual(['330822']);
    expect(model.noDataCodes).toEqual(['330127']);
    expect(model.range).toEqual({ min: 40, max: 94 });
  });

  it('has no scale when nothing is scored', () => {
    const model = buildScoreMapModel(regions, [], null);
    expect(model.range).toBeNull();
    expect(model.colouredCodes).toEqual([]);
    expect(model.noDataCodes).toHaveLength(5);
    expect(scoreMapOption(model, labels)).not.toHaveProperty('visualMap');
  });
});

describe('scoreMapOption', () => {
  it('maps scores through the visual map and takes the others out of it', () => {
    const model = buildScoreMapModel(regions, rows, new Set(['330726', '330822', '331127', '330127']));
    const option = scoreMapOption(model, labels);
    expect(option.visualMap).toMatchObject({ type: 'continuous', min: 40, max: 94, text: ['高', '低'] });
    const series = Array.isArray(option.series) ? option.series[0] : option.series;
    const data = (series?.data ?? []) as Record<string, unknown>[];
    expect(data[0]).toEqual({ name: '330726', value: 93.47 });
    expect(data[2]).toMatchObject({
      name: '331127',
      value: 66.5,
      itemStyle: { decal: { symbol: 'circle' } },
    });
    expect(data[3]).toMatchObject({ visualMap: false, itemStyle: { areaColor: NO_DATA_FILL } });
    expect(data[3]?.['itemStyle']).toHaveProperty('decal');
    expect(data[4]).toMatchObject({ visualMap: false, itemStyle: { areaColor: OUTSIDE_FILL } });
    expect(data[4]?.['itemStyle']).not.toHaveProperty('decal');
  });

  it('says in the tooltip why a county has no rank or no score, escaping names', () => {
    const model = buildScoreMapModel(
      [...regions, { code: '330000', name: '<b>x</b>', parentCode: null }],
      [...rows, leagueRow({ unitCode: '330000', name: '<b>x</b>', score: 50, rank: 3 })],
      null,
    );
    const tip = scoreTooltip(model, labels);
    expect(tip({ name: '330726' })).toBe('<strong>浦江县</strong><br/>得分 93.5<br/>第 1 名');
    expect(tip({ name: '331127' })).toBe(
      '<strong>景宁畲族自治县</strong><br/>得分 66.5<br/>未排名（覆盖率 56.3%）',
    );
    expect(tip({ name: '330127' })).toBe('<strong>淳安县</strong><br/>无数据');
    expect(tip({ name: '330000' })).toContain('&#60;b&#62;x&#60;/b&#62;');
    expect(tip({ name: '999999' })).toBe('');
  });
});
