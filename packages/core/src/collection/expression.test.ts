import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareValues, evaluateExpr, formatRule, parseRule, ruleReferences } from './expression';

const values: Record<string, number> = { a: 10, b: 4, c: 2, urban_income: 74000, rural_income: 43000 };
const lookup = (code: string, ref: string) => (ref === 'cur' ? values[code] : ref === 'prev' ? 7 : 3);

function ok(text: string) {
  const r = parseRule(text);
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

describe('rule expressions', () => {
  it('respects precedence and brackets (golden values by hand)', () => {
    const r = ok('a - b - c * 2 >= (a - b) / c');
    // 10 - 4 - 4 = 2 ; (10 - 4) / 2 = 3
    expect(evaluateExpr(r.left, lookup)).toBe(2);
    expect(evaluateExpr(r.right, lookup)).toBe(3);
    expect(r.op).toBe('>=');
    expect(evaluateExpr(ok('-a + -(b - 10) == 0').left, lookup)).toBe(-4);
  });
  it('reads prev() and ly() references and the single = as equality', () => {
    const r = ok('a >= prev(a) + ly(b)');
    expect(evaluateExpr(r.right, lookup)).toBe(10);
    expect(ruleReferences(r)).toEqual([
      { code: 'a', ref: 'cur' },
      { code: 'a', ref: 'prev' },
      { code: 'b', ref: 'ly' },
    ]);
    expect(ok('a = 10').op).toBe('==');
    expect(ok('urban_income >= rural_income').left).toEqual({
      kind: 'ref',
      code: 'urban_income',
      ref: 'cur',
    });
  });
  it('refuses malformed rules with the position of the problem', () => {
    const cases: [string, number][] = [
      ['a >= ', 5],
      ['a + b', 5],
      ['a >= b c', 7],
      ['a >= (b', 7],
      ['a >= sum(b)', 5],
      ['a >= prev(1)', 10],
      ['a # b', 2],
      ['', 0],
    ];
    for (const [text, at] of cases) {
      const r = parseRule(text);
      expect(r.ok, text).toBe(false);
      if (!r.ok) {
        expect(r.error.code).toBe('EXPRESSION_INVALID');
        expect(r.error.at, text).toBe(at);
      }
    }
    expect(parseRule('a'.repeat(3000) + ' > 1').ok).toBe(false);
    expect(parseRule(`${'('.repeat(60)}a${')'.repeat(60)} > 1`).ok).toBe(false);
  });
  it('missing references propagate unless a default is given', () => {
    const r = ok('a + zz > 0');
    expect(evaluateExpr(r.left, lookup)).toBeUndefined();
    expect(evaluateExpr(r.left, lookup, 0)).toBe(10);
  });
  it('compares with a relative tolerance: 0.1 + 0.2 == 0.3, but 1 != 1.000001', () => {
    expect(compareValues(0.1 + 0.2, '==', 0.3)).toBe(true);
    expect(compareValues(0.1 + 0.2, '<=', 0.3)).toBe(true);
    expect(compareValues(0.1 + 0.2, '>', 0.3)).toBe(false);
    expect(compareValues(1, '!=', 1.000001)).toBe(true);
    expect(compareValues(1e12 + 1e-3, '==', 1e12)).toBe(true);
  });
  it('formatting and parsing again gives the same tree and value (property)', () => {
    const leaf = fc.oneof(
      fc.integer({ min: 0, max: 1000 }).map((v) => ({ kind: 'num' as const, value: v })),
      fc.constantFrom('a', 'b', 'c').map((code) => ({ kind: 'ref' as const, code, ref: 'cur' as const })),
    );
    const tree = fc.letrec((tie) => ({
      e: fc.oneof(
        { depthSize: 'small', withCrossShrink: true },
        leaf,
        fc.record({ kind: fc.constant('neg' as const), operand: tie('e') }),
        fc.record({
          kind: fc.constant('bin' as const),
          op: fc.constantFrom('+', '-', '*', '/' as const),
          left: tie('e'),
          right: tie('e'),
        }),
      ),
    })).e;
    fc.assert(
      fc.property(
        tree,
        tree,
        fc.constantFrom('>=', '<=', '>', '<', '==', '!=' as const),
        (left, right, op) => {
          // fast-check's records are plain objects of the Expr shape.
          const rule = { left, right, op } as Parameters<typeof formatRule>[0];
          const text = formatRule(rule);
          const back = ok(text);
          const l1 = evaluateExpr(rule.left, lookup);
          const l2 = evaluateExpr(back.left, lookup);
          expect(Object.is(l1, l2) || (Number.isNaN(l1) && Number.isNaN(l2))).toBe(true);
          expect(formatRule(back)).toBe(text);
          expect(back).toEqual(rule);
        },
      ),
      { numRuns: 1000 },
    );
  });
});
