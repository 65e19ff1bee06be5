import { describe, expect, it } from 'vitest';
import { defaultUnit, unitsToChoose } from './unit-choice';

const QUZHOU = { code: '330800', name: '衢州市', level: 'city' };
const CHANGSHAN = { code: '330822', name: '常山县', level: 'county' };
const counties = [
  { code: '330824', name: '开化县' },
  { code: '330802', name: '柯城区' },
  { code: '330822', name: '常山县' },
];
const countyDs = { scopeUnit: '330000', level: 'county' };

describe('unitsToChoose', () => {
  it('offers a city user the counties below the city that report the data set, by code', () => {
    expect(
      unitsToChoose({
        scope: QUZHOU,
        dataset: countyDs,
        below: counties,
        inDataSet: [...counties, { code: '330102', name: '上城区' }],
      }),
    ).toEqual([
      { code: '330802', name: '柯城区' },
      { code: '330822', name: '常山县' },
      { code: '330824', name: '开化县' },
    ]);
  });

  it('offers a county user their own county, when it lies in the data set', () => {
    expect(unitsToChoose({ scope: CHANGSHAN, dataset: countyDs, below: [], inDataSet: counties })).toEqual([
      { code: '330822', name: '常山县' },
    ]);
    expect(unitsToChoose({ scope: CHANGSHAN, dataset: countyDs, below: [], inDataSet: [] })).toEqual([]);
    // The data set's scope is the county itself.
    expect(
      unitsToChoose({
        scope: CHANGSHAN,
        dataset: { scopeUnit: '330822', level: 'county' },
        below: [],
        inDataSet: null,
      }),
    ).toEqual([{ code: '330822', name: '常山县' }]);
  });

  it('drops units outside the data set’s scope, and keeps all when both scopes are one unit', () => {
    const qzDs = { scopeUnit: '330800', level: 'county' };
    expect(unitsToChoose({ scope: QUZHOU, dataset: qzDs, below: counties, inDataSet: null })).toHaveLength(3);
    expect(
      unitsToChoose({
        scope: QUZHOU,
        dataset: countyDs,
        below: counties,
        inDataSet: [{ code: '330824', name: '开化县' }],
      }),
    ).toEqual([{ code: '330824', name: '开化县' }]);
  });
});

describe('defaultUnit', () => {
  const units = [
    { code: '330802', name: '柯城区' },
    { code: '330822', name: '常山县' },
  ];
  it('takes the requested unit, else the user’s own, else the first', () => {
    expect(defaultUnit(units, '330822', '330802')?.code).toBe('330822');
    expect(defaultUnit(units, '999999', '330802')?.code).toBe('330802');
    expect(defaultUnit(units, undefined, '330800')?.code).toBe('330802');
    expect(defaultUnit([], '330822', '330822')).toBeUndefined();
  });
});
