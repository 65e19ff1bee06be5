import { describe, expect, it } from 'vitest';
import { parsePeriod } from '../period';
import { checkDataSetDefinition, periodFitsDataSet } from './dataset-definition';
import type { DataSetDefinition } from './types';

const GOOD: DataSetDefinition = {
  code: 'village_monthly',
  nameZh: '村级月报',
  nameEn: 'Village monthly',
  periodKind: 'month',
  ytd: false,
  dueDay: 5,
  dueOffsetMonths: 1,
  level: 'village',
  scopeUnit: '330000',
  fields: [
    {
      indicatorCode: 'a',
      valueType: 'number',
      min: 0,
      max: 10,
      required: true,
      softMin: null,
      softMax: null,
    },
    {
      indicatorCode: 'b',
      valueType: 'integer',
      min: null,
      max: null,
      required: false,
      softMin: 1,
      softMax: 2,
    },
  ],
  rules: [
    {
      code: 'a_ge_b',
      expression: 'a >= b',
      messageZh: 'a ≥ b',
      messageEn: '',
      severity: 'error',
      missing: 'skip_if_any_missing',
    },
  ],
  outlier: { method: 'zscore', threshold: 3, minHistory: 3 },
};
const known = new Set(['a', 'b']);

describe('data set definitions', () => {
  it('accepts a consistent definition', () => {
    expect(checkDataSetDefinition(GOOD, known)).toEqual([]);
  });
  it('lists every problem with its path', () => {
    const bad: DataSetDefinition = {
      ...GOOD,
      code: 'Bad code',
      periodKind: 'year',
      ytd: true,
      dueDay: 32,
      level: 'country',
      fields: [
        { ...GOOD.fields[0]!, min: 5, max: 1 },
        { ...GOOD.fields[0]!, indicatorCode: 'a' },
        { ...GOOD.fields[1]!, indicatorCode: 'zz' },
      ],
      rules: [
        { ...GOOD.rules[0]!, expression: 'a >= ' },
        { ...GOOD.rules[0]!, code: 'r2', expression: 'a >= prev(q)' },
      ],
      outlier: { method: 'zscore', threshold: 0, minHistory: 1 },
    };
    expect(checkDataSetDefinition(bad, known).map((p) => `${p.code}@${p.path}`)).toEqual([
      'BAD_CODE@code',
      'BAD_YTD@ytd',
      'BAD_DUE_DAY@dueDay',
      'BAD_LEVEL@level',
      'BAD_RANGE@fields.0.max',
      'DUPLICATE_FIELD@fields.1.indicatorCode',
      'UNKNOWN_INDICATOR@fields.2.indicatorCode',
      'BAD_EXPRESSION@rules.0.expression',
      'RULE_REFERENCE@rules.1.expression',
      'BAD_OUTLIER@outlier.threshold',
      'BAD_OUTLIER@outlier.minHistory',
    ]);
  });
});

describe('periods of a data set', () => {
  it('fit when kind and year-to-date flag match', () => {
    const fits = (s: string, ytd: boolean) => {
      const p = parsePeriod(s);
      return p.ok && periodFitsDataSet(p.value, { periodKind: 'month', ytd });
    };
    expect(fits('2025-11', false)).toBe(true);
    expect(fits('2025-11-YTD', false)).toBe(false);
    expect(fits('2025-11-YTD', true)).toBe(true);
    expect(fits('2025Q3', false)).toBe(false);
  });
});
