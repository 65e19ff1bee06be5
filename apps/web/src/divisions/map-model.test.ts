import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CountyCollection } from '../api/types';
import { buildMapModel, cityOfCounty, normaliseCollection, regionsOf } from './map-model';
import type { Region } from './map-model';
import {
  CATEGORY_COLOURS,
  SELECTED_BORDER,
  countyMapOption,
  countyTooltip,
  regionCodeOf,
} from './map-option';

const square = {
  type: 'Polygon' as const,
  coordinates: [
    [
      [0, 0],
      [1, 0],
      [1, 1],
      [0, 0],
    ],
  ],
};

// Three real counties with the three spellings of `parent` met in DataV-derived files.
const geo: CountyCollection = {
  type: 'FeatureCollection',
  features: [
    { type: 'Feature', properties: { adcode: '330327', name: '苍南县', parent: '330300' }, geometry: square },
    {
      type: 'Feature',
      properties: { adcode: 330881, name: '江山市', parent: { adcode: 330800 } },
      geometry: square,
    },
    { type: 'Feature', properties: { adcode: 330127, name: '淳安县' }, geometry: square },
  ],
};

describe('regionsOf / normaliseCollection', () => {
  it('normalises codes to strings and finds the parent city in every spelling', () => {
    expect(regionsOf(geo)).toEqual([
      { code: '330327', name: '苍南县', parentCode: '330300' },
      { code: '330881', name: '江山市', parentCode: '330800' },
      { code: '330127', name: '淳安县', parentCode: '330100' },
    ]);
    const normalised = normaliseCollection(geo);
    expect(normalised.features.map((f) => f.properties.adcode)).toEqual(['330327', '330881', '330127']);
    expect(normalised.features[1]?.geometry).toBe(square);
  });

  it('derives a county city from the NBS code only for 6-digit codes', () => {
    expect(cityOfCounty('330383')).toBe('330300');
    expect(cityOfCounty('330327100')).toBeNull();
  });
});

const regions: Region[] = regionsOf(geo);

describe('buildMapModel', () => {
  it('colours members, leaves the others pale and reports the coloured codes sorted', () => {
    const model = buildMapModel(regions, new Set(['330881', '330327']), null, null);
    expect(model.items.map((i) => i.category)).toEqual(['member', 'member', 'other']);
    expect(model.colouredCodes).toEqual(['330327', '330881']);
  });

  it('greys out regions outside the chosen city, members included', () => {
    const model = buildMapModel(regions, new Set(['330881', '330327']), '330300', '330127');
    expect(model.items.map((i) => [i.code, i.category, i.selected])).toEqual([
      ['330327', 'member', false],
      ['330881', 'filtered', false],
      ['330127', 'filtered', true],
    ]);
    expect(model.colouredCodes).toEqual(['330327']);
  });

  it('ignores member codes that have no polygon (they cannot be coloured)', () => {
    expect(buildMapModel(regions, new Set(['999999']), null, null).colouredCodes).toEqual([]);
  });

  it('coloured codes are exactly the members present on the map, for any membership', () => {
    const codes = regions.map((r) => r.code);
    fc.assert(
      fc.property(fc.subarray([...codes, '330000', '331199']), (members) => {
        const model = buildMapModel(regions, new Set(members), null, null);
        const expected = members.filter((m) => codes.includes(m)).sort();
        expect(model.colouredCodes).toEqual(expected);
        expect(model.items).toHaveLength(regions.length);
      }),
    );
  });
});

describe('countyMapOption', () => {
  const labels = { member: '分组成员', other: '非成员', code: '代码' };
  const model = buildMapModel(regions, new Set(['330327']), null, '330881');
  const option = countyMapOption(model, labels);
  const series = Array.isArray(option.series) ? option.series[0] : option.series;

  it('has one data item per region named by code, styled by category', () => {
    expect(series?.type).toBe('map');
    const data = (series?.data ?? []) as {
      name: string;
      itemStyle: { areaColor: string; borderColor?: string };
    }[];
    expect(data.map((d) => [d.name, d.itemStyle.areaColor])).toEqual([
      ['330327', CATEGORY_COLOURS.member],
      ['330881', CATEGORY_COLOURS.other],
      ['330127', CATEGORY_COLOURS.other],
    ]);
    expect(data[1]?.itemStyle.borderColor).toBe(SELECTED_BORDER);
    expect(data[0]?.itemStyle.borderColor).toBeUndefined();
  });

  it('tooltip shows name, code and status, HTML-escaped', () => {
    const tooltip = countyTooltip(model, labels);
    expect(tooltip({ name: '330327' })).toBe('<strong>苍南县</strong><br/>代码 330327<br/>分组成员');
    expect(tooltip({ name: '330127' })).toContain('非成员');
    expect(tooltip({ name: '000000' })).toBe('');
    const evil = buildMapModel([{ code: '1', name: '<b>x</b>', parentCode: null }], new Set(), null, null);
    expect(countyTooltip(evil, labels)({ name: '1' })).toBe(
      '<strong>&#60;b&#62;x&#60;/b&#62;</strong><br/>代码 1<br/>非成员',
    );
    const optionTooltip = Array.isArray(option.tooltip) ? option.tooltip[0] : option.tooltip;
    expect(typeof optionTooltip?.formatter).toBe('function');
  });

  it('reads region codes from callback params', () => {
    expect(regionCodeOf({ name: '330327' })).toBe('330327');
    expect(regionCodeOf({ name: 330327 })).toBe('330327');
    expect(regionCodeOf(null)).toBeNull();
    expect(regionCodeOf({})).toBeNull();
  });
});
