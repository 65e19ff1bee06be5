import { describe, expect, it } from 'vitest';
import { compileRules } from './rules';
import type { DataSetDefinition, DataSetField } from './types';
import { checkForm, type FormCheckInput } from './validate-form';

const field = (code: string, extra: Partial<DataSetField> = {}): DataSetField => ({
  indicatorCode: code,
  valueType: 'number',
  min: 0,
  max: null,
  required: true,
  softMin: null,
  softMax: null,
  ...extra,
});
const DS: DataSetDefinition = {
  code: 'income_monthly',
  nameZh: '收入月报',
  nameEn: 'Monthly income',
  periodKind: 'month',
  ytd: true,
  dueDay: 5,
  dueOffsetMonths: 1,
  level: 'county',
  scopeUnit: '330000',
  fields: [
    field('urban_income'),
    field('rural_income'),
    field('households', { valueType: 'integer', required: false }),
  ],
  rules: [
    {
      code: 'urban_ge_rural',
      expression: 'urban_income >= rural_income',
      messageZh: '城镇收入应不低于农村收入',
      messageEn: '',
      severity: 'error',
      missing: 'skip_if_any_missing',
    },
    {
      code: 'ytd_up',
      expression: 'rural_income >= prev(rural_income)',
      messageZh: '累计值不应下降',
      messageEn: '',
      severity: 'warning',
      missing: 'skip_if_any_missing',
    },
  ],
  outlier: { method: 'zscore', threshold: 3, minHistory: 3 },
};
const rules = (() => {
  const r = compileRules(DS.rules);
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
})();
const input = (values: Record<string, number>, extra: Partial<FormCheckInput> = {}): FormCheckInput => ({
  dataset: DS,
  rules,
  values: new Map(Object.entries(values)),
  comments: new Map(),
  prev: new Map([['rural_income', 30000]]),
  lastYear: new Map(),
  history: new Map([['rural_income', [28000, 29000, 30000, 31000]]]),
  complete: false,
  ...extra,
});

describe('checkForm', () => {
  it('passes a consistent form', () => {
    expect(checkForm(input({ urban_income: 50000, rural_income: 31500 }))).toEqual([]);
  });
  it('reports type, range, rules (error and warning) and outliers, located by field and rule', () => {
    const problems = checkForm(input({ urban_income: 20000, rural_income: 29500, households: 3.5 }));
    expect(problems.map((p) => [p.code, p.indicatorCode, p.ruleCode ?? '', p.severity])).toEqual([
      ['NOT_AN_INTEGER', 'households', '', 'error'],
      ['RULE_FAILED', 'urban_income', 'urban_ge_rural', 'error'],
      ['RULE_FAILED', 'rural_income', 'ytd_up', 'warning'],
    ]);
    expect(problems[1]?.message).toContain('20000 vs 29500');
  });
  it('an outlier needs a comment; with one it passes', () => {
    // history mean 29500, sd 1290.99 → band [25627, 33373]; 45000 is far outside.
    const values = { urban_income: 60000, rural_income: 45000 };
    const p = checkForm(input(values));
    expect(p.map((x) => [x.code, x.indicatorCode])).toEqual([['OUTLIER_NEEDS_COMMENT', 'rural_income']]);
    expect(p[0]?.message).toContain('z = 12.0');
    expect(
      checkForm(input(values, { comments: new Map([['rural_income', '新增工资性收入统计口径']]) })),
    ).toEqual([]);
    expect(checkForm(input(values, { comments: new Map([['rural_income', '  ']]) }))).toHaveLength(1);
  });
  it('at submission required fields must be present', () => {
    expect(
      checkForm(input({ urban_income: 50000 }, { complete: true })).map((p) => [p.code, p.indicatorCode]),
    ).toEqual([['REQUIRED', 'rural_income']]);
    expect(checkForm(input({ urban_income: 50000 }))).toEqual([]);
  });
});
