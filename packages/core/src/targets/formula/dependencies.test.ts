import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { dependencyOrder, validateDefinitions } from './dependencies';
import { parseFormula } from './parser';
import type { FormulaAst } from './ast';

const ast = (s: string): FormulaAst => {
  const r = parseFormula(s);
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
};

describe('dependencyOrder', () => {
  it('puts every derived indicator after the derived ones it uses', () => {
    const ok = dependencyOrder({
      gap_index: ast('ratio * 100 - city_spread'),
      ratio: ast('urban_income / rural_income'),
      city_spread: ast('max(children(ratio)) / min(children(ratio))'),
    });
    expect(ok).toEqual({ ok: true, value: ['ratio', 'city_spread', 'gap_index'] });
  });
  it('reports a cycle with its path', () => {
    const r = dependencyOrder(
      new Map([
        ['a', ast('b + 1')],
        ['b', ast('max(children(c))')],
        ['c', ast('a * 2')],
        ['d', ast('urban_income')],
      ]),
    );
    expect(r).toMatchObject({ ok: false, error: { code: 'FORMULA_CYCLE', path: ['a', 'b', 'c', 'a'] } });
    const self = dependencyOrder({ s: ast('s + 1') });
    expect(self).toMatchObject({ ok: false, error: { path: ['s', 's'] } });
  });
  it('is a topological order for random acyclic definitions', () => {
    // Definition i may use only definitions j < i, so the graph is acyclic; the names are shuffled.
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 12 }).chain((n) =>
          fc.tuple(
            fc.array(fc.array(fc.nat({ max: Math.max(0, n - 1) }), { maxLength: 3 }), {
              minLength: n,
              maxLength: n,
            }),
            fc.shuffledSubarray([...Array(n).keys()], { minLength: n, maxLength: n }),
          ),
        ),
        ([uses, perm]) => {
          const nameOf = (i: number) => `d${perm[i] ?? i}`;
          const defs = new Map<string, FormulaAst>();
          uses.forEach((u, i) => {
            const deps = u.filter((j) => j < i).map(nameOf);
            defs.set(nameOf(i), ast(['input', ...deps].join(' + ')));
          });
          const r = dependencyOrder(defs);
          expect(r.ok).toBe(true);
          if (!r.ok) return;
          expect([...r.value].sort()).toEqual([...defs.keys()].sort());
          uses.forEach((u, i) => {
            for (const j of u.filter((k) => k < i))
              expect(r.value.indexOf(nameOf(j))).toBeLessThan(r.value.indexOf(nameOf(i)));
          });
        },
      ),
    );
  });
});

describe('validateDefinitions', () => {
  it('collects errors per definition, including cycles, and orders the valid ones', () => {
    const r = validateDefinitions(
      {
        ratio: 'urban_income / rural_income',
        spread: 'max(children(ratio)) / min(children(ratio))',
        broken: 'ratio /',
        bad_name: 'ratio * nope',
        loop_a: 'loop_b + 1',
        loop_b: 'loop_a - 1',
      },
      { indicators: ['urban_income', 'rural_income'] },
    );
    expect(r.errors.map((e) => [e.definition, e.code])).toEqual([
      ['broken', 'FORMULA_SYNTAX'],
      ['bad_name', 'FORMULA_UNKNOWN_INDICATOR'],
      ['loop_a', 'FORMULA_CYCLE'],
    ]);
    expect(r.errors.find((e) => e.code === 'FORMULA_CYCLE')).toMatchObject({
      path: ['loop_a', 'loop_b', 'loop_a'],
    });
    expect([...r.compiled.keys()].sort()).toEqual(['ratio', 'spread']);
    expect(r.order).toBeNull();
    const fine = validateDefinitions(
      { ratio: 'urban_income / rural_income' },
      { indicators: ['urban_income', 'rural_income'] },
    );
    expect(fine).toMatchObject({ errors: [], order: ['ratio'] });
  });
});
