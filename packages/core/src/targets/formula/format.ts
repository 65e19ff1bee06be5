import type { FormulaAst, FormulaNode } from './ast';

const PREC = { compare: 1, additive: 2, term: 3, unary: 4 } as const;

/**
 * Canonical text of a formula (SYNTAX.md): ASCII operators, single spaces around binary operators,
 * parentheses only where precedence or left-associativity needs them. `parseFormula(formatFormula(a))`
 * gives `a` back (up to positions), which the tests check.
 */
export function formatFormula(ast: FormulaAst | FormulaNode): string {
  return fmt('root' in ast ? ast.root : ast, 0);
}

function fmt(n: FormulaNode, outer: number): string {
  const wrap = (prec: number, s: string) => (prec < outer ? `(${s})` : s);
  switch (n.kind) {
    case 'number':
      return String(n.value);
    case 'indicator':
      return n.code;
    case 'negate':
      return wrap(PREC.unary, `-${fmt(n.operand, PREC.unary)}`);
    case 'binary': {
      const p = n.op === '+' || n.op === '-' ? PREC.additive : PREC.term;
      return wrap(p, `${fmt(n.left, p)} ${n.op} ${fmt(n.right, p + 1)}`);
    }
    case 'compare':
      return wrap(PREC.compare, `${fmt(n.left, PREC.additive)} ${n.op} ${fmt(n.right, PREC.additive)}`);
    case 'children':
      return `children(${fmt(n.body, 0)})`;
    case 'descendants':
      return `descendants(${fmt(n.body, 0)}, ${n.level})`;
    case 'group':
      return `group(${n.group}, ${fmt(n.body, 0)})`;
    case 'aggregate':
      return `${n.fn}(${fmt(n.arg, 0)})`;
    case 'wmean':
      return `wmean(${fmt(n.set, 0)}, ${fmt(n.weight, 0)})`;
    case 'ref':
      return `ref(${fmt(n.body, 0)}, ${n.unit})`;
  }
}
