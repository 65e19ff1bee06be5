import { describe, expect, it } from 'vitest';
import type { CollectionProblem, ValueConflict } from './collection-types';
import { conflictRows, placeProblems, problemText, ruleCodeOf, ruleFields } from './problems';
import { stored, testField, testForm } from './test-form';

const form = testForm([testField('urban_income'), testField('rural_income'), testField('households')]);

const problem = (code: string, message: string, column?: string): CollectionProblem => ({
  code,
  file: 'form',
  line: 0,
  ...(column === undefined ? {} : { column }),
  message,
});

describe('placeProblems', () => {
  it('puts a field problem beside its field and a rule failure beside every field the rule reads', () => {
    const notNumber = problem('NOT_A_NUMBER', '不是数字 (not a number)', 'households');
    const rule = problem(
      'RULE_FAILED',
      '[urban_ge_rural] 城镇居民收入应不低于农村居民收入 (urban_income >= rural_income: 30000 vs 40000)',
      'urban_income',
    );
    const reason = problem('REASON_REQUIRED', '请填写原因', 'reason');
    const empty = problem('EMPTY_FORM', '表单没有任何数值');
    const placed = placeProblems([notNumber, rule, reason, empty], form.fields, form.rules);
    expect([...placed.byField.entries()]).toEqual([
      ['households', [notNumber]],
      ['urban_income', [rule]],
      ['rural_income', [rule]],
    ]);
    expect(placed.summary).toEqual([notNumber, rule, reason, empty]);
  });

  it('keeps a rule failure beside its column when the rule is not in the form any more', () => {
    const rule = problem('RULE_FAILED', '[gone] x', 'rural_income');
    expect([...placeProblems([rule], form.fields, form.rules).byField.keys()]).toEqual(['rural_income']);
  });
});

describe('rule helpers', () => {
  it('reads the rule code only of rule failures', () => {
    expect(ruleCodeOf(problem('RULE_FAILED', '[urban_ge_rural] x'))).toBe('urban_ge_rural');
    expect(ruleCodeOf(problem('BELOW_MIN', '[urban_ge_rural] x'))).toBeUndefined();
    expect(ruleCodeOf(problem('RULE_FAILED', 'no prefix'))).toBeUndefined();
  });

  it('finds the fields an expression reads, once each, ignoring functions and unknown words', () => {
    const codes = new Set(['urban_income', 'rural_income', 'households']);
    const rule = {
      code: 'r',
      expression: 'urban_income - prev(urban_income) <= rural_income * 2 + other',
      messageZh: '',
      messageEn: '',
      severity: 'warning' as const,
      missing: 'never_skip' as const,
    };
    expect(ruleFields(rule, codes)).toEqual(['urban_income', 'rural_income']);
  });

  it('drops the rule prefix from the text shown beside a field', () => {
    expect(problemText(problem('RULE_FAILED', '[urban_ge_rural] 城镇应不低于农村'))).toBe('城镇应不低于农村');
    expect(problemText(problem('BELOW_MIN', '小于最小值 0'))).toBe('小于最小值 0');
  });
});

describe('conflictRows', () => {
  it('shows yours against theirs with who and when, named in the page language', () => {
    const conflicts: ValueConflict[] = [
      {
        indicatorCode: 'urban_income',
        stored: { ...stored(53000, 4), updatedBy: 'quzhou' },
        attempted: { value: 52000, version: 3, comment: '' },
        reason: 'version',
      },
      {
        indicatorCode: 'unknown_code',
        stored: null,
        attempted: { value: null, version: 1, comment: '' },
        reason: 'not_editable',
      },
    ];
    expect(conflictRows(conflicts, form.fields, 'zh-CN')).toEqual([
      {
        indicatorCode: 'urban_income',
        name: '指标 urban_income',
        yours: 52000,
        theirs: 53000,
        theirsBy: 'quzhou',
        theirsAt: '2026-03-02T01:00:00.000Z',
        theirsStatus: 'draft',
        reason: 'version',
      },
      {
        indicatorCode: 'unknown_code',
        name: 'unknown_code',
        yours: null,
        theirs: null,
        theirsBy: null,
        theirsAt: null,
        theirsStatus: null,
        reason: 'not_editable',
      },
    ]);
    expect(conflictRows(conflicts, form.fields, 'en')[0]?.name).toBe('Indicator urban_income');
  });
});
