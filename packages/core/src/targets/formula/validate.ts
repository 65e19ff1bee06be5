import { err, ok, type Result } from '../../result';
import type { FormulaAst, FormulaNode } from './ast';
import type { FormulaDefinitionErrors, FormulaError } from './errors';
import { parseFormula } from './parser';

/** What the definition-time checks know about the catalogue. */
export interface FormulaCatalogue {
  /** Indicator codes that exist (stored and derived). */
  readonly indicators: Iterable<string>;
  /** Unit-group codes that exist; when omitted, group names are not checked. */
  readonly groups?: Iterable<string>;
}

type ValueType = 'scalar' | 'set' | 'boolset';

/** Value of a sub-expression made of numbers only, or undefined (also when it divides by zero). */
export function constantValue(node: FormulaNode): number | undefined {
  switch (node.kind) {
    case 'number':
      return node.value;
    case 'negate': {
      const v = constantValue(node.operand);
      return v === undefined ? undefined : -v;
    }
    case 'binary': {
      const a = constantValue(node.left);
      const b = constantValue(node.right);
      if (a === undefined || b === undefined) return undefined;
      switch (node.op) {
        case '+':
          return a + b;
        case '-':
          return a - b;
        case '*':
          return a * b;
        case '/':
          return b === 0 ? undefined : a / b;
      }
      return undefined;
    }
    default:
      return undefined;
  }
}

/**
 * Definition-time checks of a parsed formula (SYNTAX.md): every name is a known indicator (and every
 * group a known group), a literal divisor is not zero (`x / 0`, `x / (1 - 1)`), and types fit — a set
 * (`children(…)`, `descendants(…)`, `group(…)`) only inside an aggregate, a comparison only between a set and
 * a number inside `count(…)`, and the whole formula gives one number. Returns every error found.
 */
export function validateFormula(ast: FormulaAst, catalogue: FormulaCatalogue): FormulaError[] {
  const indicators = new Set(catalogue.indicators);
  const groups = catalogue.groups === undefined ? undefined : new Set(catalogue.groups);
  const errors: FormulaError[] = [];
  const typeError = (pos: number, message: string) =>
    errors.push({
      code: 'FORMULA_TYPE',
      position: pos,
      message: `类型错误 (type error) at column ${pos + 1}: ${message}`,
    });
  const scalar = (n: FormulaNode, where: string) => {
    const t = check(n);
    if (t !== 'scalar')
      typeError(
        n.pos,
        `${where} must be a number, not a set — aggregate it with max, min, mean, sum or count`,
      );
  };
  const check = (n: FormulaNode): ValueType => {
    switch (n.kind) {
      case 'number':
        return 'scalar';
      case 'indicator':
        if (!indicators.has(n.code))
          errors.push({
            code: 'FORMULA_UNKNOWN_INDICATOR',
            indicator: n.code,
            position: n.pos,
            message: `未知指标 (unknown indicator) "${n.code}" at column ${n.pos + 1}`,
          });
        return 'scalar';
      case 'negate':
        scalar(n.operand, 'the operand of "-"');
        return 'scalar';
      case 'binary':
        scalar(n.left, `the left side of "${n.op}"`);
        scalar(n.right, `the right side of "${n.op}"`);
        if (n.op === '/' && constantValue(n.right) === 0)
          errors.push({
            code: 'FORMULA_DIVISION_BY_ZERO',
            position: n.right.pos,
            message: `除数为零 (division by zero) at column ${n.right.pos + 1}`,
          });
        return 'scalar';
      case 'compare': {
        const l = check(n.left);
        const r = check(n.right);
        if ((l === 'set' && r === 'scalar') || (l === 'scalar' && r === 'set')) return 'boolset';
        typeError(
          n.opPos,
          `"${n.op}" compares the members of a set with a number, e.g. count(children(x) < ref(x, 100000))`,
        );
        return 'boolset';
      }
      case 'children':
      case 'descendants':
        scalar(n.body, `the argument of ${n.kind}()`);
        return 'set';
      case 'group':
        if (groups !== undefined && !groups.has(n.group))
          errors.push({
            code: 'FORMULA_UNKNOWN_GROUP',
            group: n.group,
            position: n.pos,
            message: `未知分组 (unknown group) "${n.group}" at column ${n.pos + 1}`,
          });
        scalar(n.body, 'the second argument of group()');
        return 'set';
      case 'aggregate': {
        const t = check(n.arg);
        if (t === 'scalar') typeError(n.arg.pos, `${n.fn}() takes a set, e.g. ${n.fn}(children(x))`);
        if (t === 'boolset' && n.fn !== 'count')
          typeError(n.arg.pos, `only count() takes a comparison; ${n.fn}() takes a set`);
        return 'scalar';
      }
      case 'wmean': {
        if (check(n.set) !== 'set')
          typeError(n.set.pos, 'wmean() takes a set first, e.g. wmean(children(x), population)');
        scalar(n.weight, 'the weight of wmean()');
        return 'scalar';
      }
      case 'ref':
        scalar(n.body, 'the first argument of ref()');
        return 'scalar';
    }
  };
  scalar(ast.root, 'a formula');
  return errors;
}

/** Parse and validate in one step: the AST, or every definition-time error (a syntax error alone). */
export function compileFormula(
  source: string,
  catalogue: FormulaCatalogue,
): Result<FormulaAst, FormulaDefinitionErrors> {
  const parsed = parseFormula(source);
  if (!parsed.ok) return err({ code: parsed.error.code, errors: [parsed.error] });
  const errors = validateFormula(parsed.value, catalogue);
  const first = errors[0];
  return first === undefined ? ok(parsed.value) : err({ code: first.code, errors });
}
