import { describe, expect, it } from 'vitest';
import { compileFormula } from './validate';

const catalogue = {
  indicators: ['urban_income', 'rural_income', 'resident_income', 'population'],
  groups: ['mountain_island', 'mountain26'],
};
const errorsOf = (s: string) => {
  const r = compileFormula(s, catalogue);
  return r.ok
    ? []
    : r.error.errors.map((e) => ({ code: e.code, position: 'position' in e ? e.position : -1 }));
};

describe('compileFormula (definition-time checks)', () => {
  it('accepts the documented examples', () => {
    for (const s of [
      'urban_income / rural_income',
      'max(children(resident_income)) / min(children(resident_income))',
      '100 * wmean(group(mountain_island, resident_income), population) / resident_income',
      'count(descendants(resident_income, county) < ref(resident_income, 100000))',
      'count(ref(resident_income, 100000) > children(resident_income))',
      'mean(children(urban_income / rural_income))',
      'sum(group(mountain26, 1))',
    ])
      expect(compileFormula(s, catalogue).ok, s).toBe(true);
  });
  it('names unknown indicators with their position', () => {
    const r = compileFormula('urban_income / rural_incom + x', catalogue);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe('FORMULA_UNKNOWN_INDICATOR');
      expect(r.error.errors).toEqual([
        expect.objectContaining({
          code: 'FORMULA_UNKNOWN_INDICATOR',
          indicator: 'rural_incom',
          position: 15,
        }),
        expect.objectContaining({ code: 'FORMULA_UNKNOWN_INDICATOR', indicator: 'x', position: 29 }),
      ]);
    }
  });
  it('names unknown groups', () => {
    expect(errorsOf('mean(group(islands, resident_income))')).toEqual([
      { code: 'FORMULA_UNKNOWN_GROUP', position: 5 },
    ]);
  });
  it('rejects a literal division by zero, pointing at the divisor', () => {
    expect(errorsOf('urban_income / 0')).toEqual([{ code: 'FORMULA_DIVISION_BY_ZERO', position: 15 }]);
    // The divisor starts at its "(".
    expect(errorsOf('urban_income / (1 - 1)')).toEqual([{ code: 'FORMULA_DIVISION_BY_ZERO', position: 15 }]);
    expect(errorsOf('urban_income / (0 * rural_income)')).toEqual([]);
  });
  it('checks types: sets only inside aggregates, comparisons only in count', () => {
    expect(errorsOf('children(resident_income)')).toEqual([{ code: 'FORMULA_TYPE', position: 0 }]);
    expect(errorsOf('max(resident_income)')).toEqual([{ code: 'FORMULA_TYPE', position: 4 }]);
    expect(errorsOf('sum(children(resident_income) < 3)')).toEqual([{ code: 'FORMULA_TYPE', position: 4 }]);
    // Points at the operator.
    expect(errorsOf('count(resident_income < 3)')).toEqual([{ code: 'FORMULA_TYPE', position: 22 }]);
    expect(errorsOf('urban_income + children(rural_income)')).toEqual([
      { code: 'FORMULA_TYPE', position: 15 },
    ]);
    expect(errorsOf('wmean(resident_income, population)')).toEqual([{ code: 'FORMULA_TYPE', position: 6 }]);
    expect(errorsOf('max(children(children(resident_income)))')).toEqual([
      { code: 'FORMULA_TYPE', position: 13 },
    ]);
  });
  it('reports a syntax error alone', () => {
    expect(errorsOf('urban_income /')).toEqual([{ code: 'FORMULA_SYNTAX', position: 14 }]);
  });
});
