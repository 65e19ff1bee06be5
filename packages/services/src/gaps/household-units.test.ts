/** Placing a household file's unit codes within a user's scope, on both engines, over a small hierarchy. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { childPath, levelDepth, type UnitLevel } from '@suocha/core';
import { insertUnits, type UnitRow } from '@suocha/store';
import { testEngines, type OpenedStore } from '@suocha/store/testing';
import { householdUnitLookup } from './household-units';

// 浙江 → 衢州 → 开化, 常山 (towns, villages); 杭州 → 西湖; 江苏 → 南京 → 玄武 (another province).
const TREE: [string, UnitLevel, string | null][] = [
  ['100000', 'country', null],
  ['330000', 'province', '100000'],
  ['330800', 'city', '330000'],
  ['330824', 'county', '330800'],
  ['330824106', 'town', '330824'],
  ['330824106200', 'village', '330824106'],
  ['330822', 'county', '330800'],
  ['330822001', 'town', '330822'],
  ['330822001001', 'village', '330822001'],
  ['330100', 'city', '330000'],
  ['330106', 'county', '330100'],
  ['320000', 'province', '100000'],
  ['320100', 'city', '320000'],
  ['320102', 'county', '320100'],
];

function rows(): UnitRow[] {
  const paths = new Map<string, string>();
  return TREE.map(([code, level, parent]) => {
    const path = childPath(parent === null ? null : paths.get(parent)!, code);
    paths.set(code, path);
    return {
      code,
      name: code,
      level,
      parent_code: parent,
      path,
      depth: levelDepth(level),
      province_code: level === 'country' ? code : (path.split('/')[2] ?? code),
      valid_from: null,
      valid_to: null,
      source: 'test',
    };
  });
}

for (const engine of testEngines()) {
  describe(`householdUnitLookup on ${engine.name}`, () => {
    let opened: OpenedStore;
    beforeAll(async () => {
      opened = await engine.open();
      await insertUnits(opened.store, rows());
    });
    afterAll(async () => opened.cleanup());

    it('places villages, towns and counties by their county and city', async () => {
      const look = await householdUnitLookup(opened.store, { scopeUnit: '330000' });
      if (typeof look !== 'function') throw new Error('expected a lookup function');
      expect(look('330824106200')).toEqual({ city: '330800', county: '330824' });
      expect(look('330824106')).toEqual({ city: '330800', county: '330824' });
      expect(look('330106')).toEqual({ city: '330100', county: '330106' });
      expect(look('999999')).toBeUndefined();
      // Codes above county level cannot be placed in a county.
      expect(look('330800')).toMatchObject({ refused: 'UNIT_ABOVE_COUNTY' });
      // Another province is outside the province loaded: unknown.
      expect(look('320102')).toBeUndefined();
    });

    it('refuses codes of the province outside a county user’s scope', async () => {
      const look = await householdUnitLookup(opened.store, { scopeUnit: '330824' });
      if (typeof look !== 'function') throw new Error('expected a lookup function');
      expect(look('330824106200')).toEqual({ city: '330800', county: '330824' });
      expect(look('330822001001')).toMatchObject({ refused: 'OUT_OF_SCOPE' });
      expect(look('330106')).toMatchObject({ refused: 'OUT_OF_SCOPE' });
      expect(look('330800')).toMatchObject({ refused: 'OUT_OF_SCOPE' });
      expect(await householdUnitLookup(opened.store, { scopeUnit: '000000' })).toBeUndefined();
    });

    it('a national scope places units of every province', async () => {
      const look = await householdUnitLookup(opened.store, { scopeUnit: '100000' });
      if (typeof look !== 'function') throw new Error('expected a lookup function');
      expect(look('320102')).toEqual({ city: '320100', county: '320102' });
      expect(look('330822001001')).toEqual({ city: '330800', county: '330822' });
    });
  });
}
