import { describe, expect, it } from 'vitest';
import type { RegionalUnitRow } from '../api/types';
import {
  GROUP_OUTLINE,
  NO_DATA_FILL,
  OUTSIDE_FILL,
  buildValueMapModel,
  valueMapOption,
  valueTooltip,
} from './value-map-option';

const regions = [
  { code: '330122', name: '桐庐县', parentCode: '330100' },
  { code: '330723', name: '武义县', parentCode: '330700' },
  { code: '331127', name: '景宁畲族自治县', parentCode: '331100' },
  { code: '330802', name: '柯城区', parentCode: '330800' },
];
const row = (code: string, value: number | null, inGroup: boolean | null): RegionalUnitRow => ({
  code,
  name: `n${code}`,
  parentCode: null,
  parentName: null,
  inGroup,
  value,
  source: null,
  synthetic: false,
  population: null,
  populationPeriod: null,
  populationRule: null,
});
// 330802 is not in the compared set (e.g. another city's county).
const units = [row('330122', 60925, false), row('330723', 47401, true), row('331127', null, true)];
const labels = {
  high: '高',
  low: '低',
  noData: '无数据',
  outside: '不在比较范围内',
  group: '山区海岛县',
  formatValue: (x: number) => `${x} 元`,
};

describe('buildValueMapModel', () => {
  it('colours units with a value, greys those without, pales the rest and outlines the members', () => {
    const model = buildValueMapModel(regions, units);
    expect(model.colouredCodes).toEqual(['330122', '330723']);
    expect(model.noDataCodes).toEqual(['331127']);
    expect(model.outlinedCodes).toEqual(['330723', '331127']);
    expect(model.range).toEqual({ min: 47401, max: 60925 });
    expect(model.items.map((i) => i.category)).toEqual(['value', 'value', 'noData', 'outside']);
  });

  it('has no scale when nothing has a value', () => {
    expect(buildValueMapModel(regions, [row('330122', null, false)]).range).toBeNull();
  });
});

describe('valueMapOption', () => {
  it('styles every region by its category on the given map', () => {
    const option = valueMapOption(buildValueMapModel(regions, units), labels, 'zhejiang');
    const series = (option.series as { map: string; data: Record<string, unknown>[] }[])[0];
    expect(series?.map).toBe('zhejiang');
    const [tonglu, wuyi, jingning, kecheng] = series?.data ?? [];
    expect(tonglu).toMatchObject({ name: '330122', value: 60925, itemStyle: {} });
    expect(wuyi).toMatchObject({ value: 47401, itemStyle: { borderColor: GROUP_OUTLINE }, z: 10 });
    expect(jingning).toMatchObject({
      visualMap: false,
      itemStyle: { color: NO_DATA_FILL, areaColor: NO_DATA_FILL, borderColor: GROUP_OUTLINE },
    });
    expect(Number.isNaN(jingning?.value)).toBe(true);
    expect(kecheng).toMatchObject({
      visualMap: false,
      itemStyle: { color: OUTSIDE_FILL, areaColor: OUTSIDE_FILL },
    });
    expect(option.visualMap).toMatchObject({
      min: 47401,
      max: 60925,
      text: ['高 60925 元', '低 47401 元'],
    });
  });

  it('widens a one-value scale so that it is not empty, and drops it without values', () => {
    const one = valueMapOption(buildValueMapModel(regions, [row('330122', 5, false)]), labels, 'm');
    // The scale is widened, its labels still say the one real value.
    expect(one.visualMap).toMatchObject({ min: 4, max: 6, text: ['高 5 元', '低 5 元'] });
    expect(valueMapOption(buildValueMapModel(regions, []), labels, 'm').visualMap).toBeUndefined();
  });

  it('explains every region in its tooltip, escaping names', () => {
    const model = buildValueMapModel(regions, [...units, { ...row('330802', 1, false), name: '<b>' }]);
    const tip = valueTooltip(model, labels);
    expect(tip({ name: '330723' })).toBe('<strong>n330723</strong><br/>47401 元<br/>山区海岛县');
    expect(tip({ name: '331127' })).toBe('<strong>n331127</strong><br/>无数据<br/>山区海岛县');
    expect(tip({ name: '330802' })).toBe('<strong>&#60;b&#62;</strong><br/>1 元');
    expect(tip({ name: '999999' })).toBe('');
    const outside = valueTooltip(buildValueMapModel(regions, units), labels);
    expect(outside({ name: '330802' })).toBe('<strong>柯城区</strong><br/>不在比较范围内');
  });
});
