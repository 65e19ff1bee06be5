import { describe, expect, it } from 'vitest';
import { INDICATOR_DEFINITIONS } from '../real-data.fixture';
import { classifyDefinition } from './classify-definition';
import { validateDefinitions } from './dependencies';

const codes = INDICATOR_DEFINITIONS.map((d) => d.code);

describe('classifyDefinition over all 86 definitions of indicators.csv', () => {
  const kinds = INDICATOR_DEFINITIONS.map((d) => ({
    code: d.code,
    result: classifyDefinition(d.definition, { indicators: codes }),
  }));
  it('classifies every one without throwing', () => {
    expect(kinds).toHaveLength(86);
    const count = (k: string) => kinds.filter((x) => x.result.kind === k).length;
    expect({
      empty: count('empty'),
      formula: count('formula'),
      text: count('text'),
      invalid: count('invalid_formula'),
    }).toEqual({ empty: 80, formula: 1, text: 5, invalid: 0 });
  });
  it('one is a formula; five are descriptive text, each with the position where parsing stopped', () => {
    const formulas = kinds.filter((x) => x.result.kind === 'formula').map((x) => x.code);
    expect(formulas).toEqual(['urban_rural_income_ratio']);
    const text = kinds.flatMap((x) => (x.result.kind === 'text' ? [[x.code, x.result.error.position]] : []));
    expect(text).toEqual([
      // "max(resident_income over …": "over" at 20
      ['city_income_max_min_ratio', 20],
      // "… resident_income(mountain & island …": the "&" at 31
      ['mountain_island_income_ratio', 31],
      // "count of county-level …": "of" at 6
      ['counties_below_national_income', 6],
      // "completed investment …": "investment" at 10
      ['major_project_investment_completion', 10],
      // "started new projects …": "new" at 8
      ['new_project_start_rate', 8],
    ]);
  });
  it('a formula naming unknown indicators is an invalid formula, not text', () => {
    const r = classifyDefinition('completed_investment / planned_investment', { indicators: codes });
    expect(r.kind).toBe('invalid_formula');
  });
  it('the prose definitions can be written as formulas (SYNTAX.md examples) that validate with the catalogue', () => {
    const check = validateDefinitions(
      {
        urban_rural_income_ratio: 'urban_income / rural_income',
        city_income_max_min_ratio: 'max(children(resident_income)) / min(children(resident_income))',
        mountain_island_income_ratio:
          '100 * wmean(group(mountain_island, resident_income), population) / resident_income',
        counties_below_national_income:
          'count(descendants(resident_income, county) < ref(resident_income, 100000))',
      },
      { indicators: [...codes, 'population'], groups: ['mountain26', 'mountain_island'] },
    );
    expect(check.errors).toEqual([]);
    expect(check.order).toEqual([
      'city_income_max_min_ratio',
      'counties_below_national_income',
      'mountain_island_income_ratio',
      'urban_rural_income_ratio',
    ]);
  });
});
