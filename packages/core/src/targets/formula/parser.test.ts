import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { FormulaNode } from './ast';
import { formatFormula } from './format';
import { parseFormula } from './parser';
import { tokenize } from './tokenizer';
import { constantValue } from './validate';

const parse = (s: string): FormulaNode => {
  const r = parseFormula(s);
  if (!r.ok) throw new Error(r.error.message);
  return r.value.root;
};
const syntaxAt = (s: string): number => {
  const r = parseFormula(s);
  if (r.ok) throw new Error(`"${s}" parsed`);
  expect(r.error.code).toBe('FORMULA_SYNTAX');
  return r.error.position;
};
/** Strip positions so that trees can be compared by structure. */
const shape = (n: unknown): unknown =>
  Array.isArray(n)
    ? n.map(shape)
    : n !== null && typeof n === 'object'
      ? Object.fromEntries(
          Object.entries(n)
            .filter(([k]) => k !== 'pos' && k !== 'opPos')
            .map(([k, v]) => [k, shape(v)]),
        )
      : n;

describe('tokenize', () => {
  it('normalises typographic and full-width spellings', () => {
    const r = tokenize('（a × 2 − b）÷ c ≤ d，e ≥ 1 ≠ == .5 1e3');
    expect(r.ok && r.value.map((t) => t.text)).toEqual([
      '(',
      'a',
      '*',
      '2',
      '-',
      'b',
      ')',
      '/',
      'c',
      '<=',
      'd',
      ',',
      'e',
      '>=',
      '1',
      '!=',
      '=',
      '.5',
      '1e3',
      '',
    ]);
  });
  it('reports the first unknown character with its position', () => {
    const r = tokenize('100 * resident_income(mountain & island)');
    expect(r).toMatchObject({ ok: false, error: { code: 'FORMULA_SYNTAX', position: 31 } });
    expect(tokenize('城乡收入比').ok).toBe(false);
    expect(tokenize('12abc')).toMatchObject({ ok: false, error: { position: 2 } });
  });
});

describe('parseFormula', () => {
  it('follows the usual precedence and left associativity', () => {
    expect(constantValue(parse('1 + 2 * 3'))).toBe(7);
    expect(constantValue(parse('(1 + 2) * 3'))).toBe(9);
    expect(constantValue(parse('10 - 3 - 2'))).toBe(5);
    expect(constantValue(parse('8 / 4 / 2'))).toBe(1);
    expect(constantValue(parse('-2 * -3'))).toBe(6);
    expect(constantValue(parse('- (1 + 1) + +4'))).toBe(2);
  });
  it('builds the documented forms', () => {
    expect(shape(parse('urban_income / rural_income'))).toEqual({
      kind: 'binary',
      op: '/',
      left: { kind: 'indicator', code: 'urban_income' },
      right: { kind: 'indicator', code: 'rural_income' },
    });
    expect(
      shape(parse('count(descendants(resident_income, county) < ref(resident_income, 100000))')),
    ).toEqual({
      kind: 'aggregate',
      fn: 'count',
      arg: {
        kind: 'compare',
        op: '<',
        left: { kind: 'descendants', level: 'county', body: { kind: 'indicator', code: 'resident_income' } },
        right: { kind: 'ref', unit: '100000', body: { kind: 'indicator', code: 'resident_income' } },
      },
    });
    expect(shape(parse('wmean(group(mountain_island, x), population)'))).toEqual({
      kind: 'wmean',
      set: { kind: 'group', group: 'mountain_island', body: { kind: 'indicator', code: 'x' } },
      weight: { kind: 'indicator', code: 'population' },
    });
  });
  it('keeps positions for error messages', () => {
    const root = parse('a + max(children(b))');
    expect(root.kind === 'binary' && [root.pos, root.opPos, root.right.pos]).toEqual([0, 2, 4]);
    const paren = parse('a / (b - c)');
    expect(paren.kind === 'binary' && paren.right.pos).toBe(4);
  });
  it('reports syntax errors with the offending position', () => {
    expect(syntaxAt('urban_income / ')).toBe(15);
    expect(syntaxAt('(a + b')).toBe(6);
    expect(syntaxAt('a b')).toBe(2);
    expect(syntaxAt('foo(x)')).toBe(0);
    expect(syntaxAt('1 < 2 < 3')).toBe(6);
    expect(syntaxAt('descendants(x, planet)')).toBe(15);
    expect(syntaxAt('ref(x, 1.5)')).toBe(7);
    expect(syntaxAt('group(1, x)')).toBe(6);
    expect(syntaxAt('max(resident_income over the 11 cities)')).toBe(20);
    expect(syntaxAt('')).toBe(0);
    expect(syntaxAt('1e999')).toBe(0);
  });
  it('refuses absurd nesting instead of overflowing the stack', () => {
    expect(syntaxAt('('.repeat(5000) + '1' + ')'.repeat(5000))).toBeGreaterThan(0);
    expect(parseFormula('('.repeat(50) + '1' + ')'.repeat(50)).ok).toBe(true);
  });
});

/** Random formulas of every form, for the round trip. */
const name = fc.constantFrom('a', 'b', 'urban_income', 'x1');
const nodeArb: fc.Arbitrary<FormulaNode> = fc.letrec<{ scalar: FormulaNode; set: FormulaNode }>((tie) => ({
  scalar: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.record({
      kind: fc.constant('number' as const),
      value: fc.integer({ min: 0, max: 1e6 }),
      pos: fc.constant(0),
    }),
    fc.record({ kind: fc.constant('indicator' as const), code: name, pos: fc.constant(0) }),
    fc.record({ kind: fc.constant('negate' as const), operand: tie('scalar'), pos: fc.constant(0) }),
    fc.record({
      kind: fc.constant('binary' as const),
      op: fc.constantFrom('+' as const, '-' as const, '*' as const, '/' as const),
      left: tie('scalar'),
      right: tie('scalar'),
      pos: fc.constant(0),
      opPos: fc.constant(0),
    }),
    fc.record({
      kind: fc.constant('aggregate' as const),
      fn: fc.constantFrom('max' as const, 'min' as const, 'mean' as const, 'sum' as const, 'count' as const),
      arg: tie('set'),
      pos: fc.constant(0),
    }),
    fc.record({
      kind: fc.constant('wmean' as const),
      set: tie('set'),
      weight: tie('scalar'),
      pos: fc.constant(0),
    }),
    fc.record({
      kind: fc.constant('ref' as const),
      body: tie('scalar'),
      unit: fc.constant('100000'),
      pos: fc.constant(0),
    }),
  ),
  set: fc.oneof(
    fc.record({ kind: fc.constant('children' as const), body: tie('scalar'), pos: fc.constant(0) }),
    fc.record({
      kind: fc.constant('descendants' as const),
      body: tie('scalar'),
      level: fc.constantFrom('county' as const, 'town' as const),
      pos: fc.constant(0),
    }),
    fc.record({ kind: fc.constant('group' as const), group: name, body: tie('scalar'), pos: fc.constant(0) }),
  ),
})).scalar;

describe('formatFormula', () => {
  it('round-trips: parse(format(ast)) has the same structure', () => {
    fc.assert(
      fc.property(nodeArb, (node) => {
        const text = formatFormula(node);
        expect(shape(parse(text))).toEqual(shape(node));
      }),
    );
  });
  it('prints canonical text', () => {
    expect(formatFormula(parse('a-(b-c)*-d'))).toBe('a - (b - c) * -d');
    expect(formatFormula(parse('count(children(x)≤ref(x,100000))'))).toBe(
      'count(children(x) <= ref(x, 100000))',
    );
  });
});
