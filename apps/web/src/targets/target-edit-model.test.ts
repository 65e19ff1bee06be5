import { describe, expect, it } from 'vitest';
import { checkEdit, comparatorsFor, firstTargetYear } from './target-edit-model';

describe('target edit form', () => {
  it('offers only comparators of the indicator’s direction', () => {
    expect(comparatorsFor('up')).toEqual(['>=', '>']);
    expect(comparatorsFor('down')).toEqual(['<=', '<']);
  });

  it('reads the plan’s first year from its issue date', () => {
    expect(firstTargetYear('2023-10-17')).toBe(2023);
    expect(firstTargetYear('2023')).toBe(2023);
    expect(firstTargetYear(undefined)).toBe(2000);
  });

  it('accepts a number (with thousands separators), a whole year in range and a matching comparator', () => {
    expect(checkEdit({ comparator: '<=', value: ' 1.78 ', year: '2027' }, 'down', 2025)).toEqual({
      ok: true,
      body: { comparator: '<=', value: 1.78, year: 2027 },
    });
    expect(checkEdit({ comparator: '>=', value: '1,000,000', year: '2027' }, 'up', 2025)).toEqual({
      ok: true,
      body: { comparator: '>=', value: 1000000, year: 2027 },
    });
  });

  it('names every field that is wrong', () => {
    expect(checkEdit({ comparator: '>=', value: 'abc', year: '2024' }, 'down', 2025)).toEqual({
      ok: false,
      value: true,
      year: true,
      comparator: true,
    });
    expect(checkEdit({ comparator: '<', value: '', year: '2101' }, 'down', 2025)).toMatchObject({
      ok: false,
      value: true,
      year: true,
      comparator: false,
    });
    expect(checkEdit({ comparator: '<', value: '1', year: '2027.5' }, 'down', 2025)).toMatchObject({
      year: true,
    });
    expect(checkEdit({ comparator: '<', value: 'Infinity', year: '2027' }, 'down', 2025)).toMatchObject({
      value: true,
    });
  });
});
