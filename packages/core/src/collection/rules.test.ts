import { describe, expect, it } from 'vitest';
import { compileRule, evaluateRule, type CompiledRule } from './rules';
import type { ValidationRuleDef } from './types';

const def = (
  expression: string,
  missing: ValidationRuleDef['missing'] = 'skip_if_any_missing',
): ValidationRuleDef => ({
  code: 'r',
  expression,
  messageZh: '',
  messageEn: '',
  severity: 'error',
  missing,
});
const compile = (e: string, m?: ValidationRuleDef['missing']): CompiledRule => {
  const c = compileRule(def(e, m));
  if (!c.ok) throw new Error(c.error.message);
  return c.value;
};
const from =
  (cur: Record<string, number>, prev: Record<string, number> = {}) =>
  (code: string, ref: string) =>
    ref === 'cur' ? cur[code] : ref === 'prev' ? prev[code] : undefined;

describe('validation rules (DHIS2 semantics)', () => {
  it('urban income ≥ rural income', () => {
    const r = compile('urban_income >= rural_income');
    expect(evaluateRule(r, from({ urban_income: 74000, rural_income: 43000 }))).toEqual({
      status: 'pass',
      left: 74000,
      right: 43000,
    });
    expect(evaluateRule(r, from({ urban_income: 40000, rural_income: 43000 })).status).toBe('fail');
  });
  it('parts ≤ whole, with decimal parts that sum exactly to the whole', () => {
    const r = compile('part_a + part_b <= whole');
    expect(evaluateRule(r, from({ part_a: 0.1, part_b: 0.2, whole: 0.3 })).status).toBe('pass');
    expect(evaluateRule(r, from({ part_a: 60, part_b: 50, whole: 100 })).status).toBe('fail');
  });
  it('year-to-date not decreasing, skipped in January when there is no previous value', () => {
    const r = compile('invest_ytd >= prev(invest_ytd)');
    expect(evaluateRule(r, from({ invest_ytd: 120 }, { invest_ytd: 100 })).status).toBe('pass');
    expect(evaluateRule(r, from({ invest_ytd: 90 }, { invest_ytd: 100 })).status).toBe('fail');
    expect(evaluateRule(r, from({ invest_ytd: 90 }))).toEqual({ status: 'skipped', reason: 'missing' });
  });
  it('missing value strategies: any, all, never', () => {
    const vals = from({ part_a: 60 });
    expect(evaluateRule(compile('part_a + part_b <= whole'), vals).status).toBe('skipped');
    // Missing count as 0: 60 + 0 <= 0 fails.
    expect(evaluateRule(compile('part_a + part_b <= whole', 'skip_if_all_missing'), vals)).toEqual({
      status: 'fail',
      left: 60,
      right: 0,
    });
    expect(evaluateRule(compile('part_a + part_b <= whole', 'skip_if_all_missing'), from({})).status).toBe(
      'skipped',
    );
    expect(evaluateRule(compile('part_a + part_b <= whole', 'never_skip'), from({}))).toEqual({
      status: 'pass',
      left: 0,
      right: 0,
    });
  });
  it('division by zero is not evaluable, never a failure', () => {
    expect(evaluateRule(compile('a / b <= 2'), from({ a: 1, b: 0 }))).toEqual({
      status: 'skipped',
      reason: 'not_finite',
    });
  });
});
