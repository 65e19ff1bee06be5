import type { FormulaAst, FormulaNode } from './ast';

export interface FormulaReferences {
  /** Indicator codes used, in order of first appearance. */
  readonly indicators: readonly string[];
  readonly groups: readonly string[];
  /** Fixed unit codes named in ref(…). */
  readonly units: readonly string[];
}

/** The names a formula refers to; its indicators are its dependencies for `dependencyOrder`. */
export function formulaReferences(ast: FormulaAst): FormulaReferences {
  const indicators = new Set<string>();
  const groups = new Set<string>();
  const units = new Set<string>();
  const walk = (n: FormulaNode): void => {
    switch (n.kind) {
      case 'number':
        return;
      case 'indicator':
        indicators.add(n.code);
        return;
      case 'negate':
        return walk(n.operand);
      case 'binary':
      case 'compare':
        walk(n.left);
        return walk(n.right);
      case 'children':
      case 'descendants':
        return walk(n.body);
      case 'group':
        groups.add(n.group);
        return walk(n.body);
      case 'aggregate':
        return walk(n.arg);
      case 'wmean':
        walk(n.set);
        return walk(n.weight);
      case 'ref':
        units.add(n.unit);
        return walk(n.body);
    }
  };
  walk(ast.root);
  return { indicators: [...indicators], groups: [...groups], units: [...units] };
}
