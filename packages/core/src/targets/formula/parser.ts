import { err, ok, type Result } from '../../result';
import { isUnitLevel, UNIT_LEVELS } from '../../hierarchy/levels';
import type { AggregateFn, CompareOp, FormulaAst, FormulaNode } from './ast';
import type { FormulaSyntaxError } from './errors';
import { tokenize, type Token } from './tokenizer';

const AGGREGATES: readonly AggregateFn[] = ['max', 'min', 'mean', 'sum', 'count'];
const COMPARE_OPS: readonly CompareOp[] = ['<', '<=', '>', '>=', '=', '!='];
/** Deeper nesting than this is refused rather than risking the call stack. */
const MAX_DEPTH = 200;

const isCompareOp = (s: string): s is CompareOp => (COMPARE_OPS as readonly string[]).includes(s);
const isAggregate = (s: string): s is AggregateFn => (AGGREGATES as readonly string[]).includes(s);

/** Names that are functions when followed by `(`; listed for error messages. */
export const FUNCTION_NAMES: readonly string[] = [
  ...AGGREGATES,
  'wmean',
  'children',
  'descendants',
  'group',
  'ref',
];

class ParseFailure {
  constructor(readonly error: FormulaSyntaxError) {}
}

/**
 * Recursive-descent parser of the formula language (SYNTAX.md):
 *
 *     formula  := compare EOF
 *     compare  := additive (("<" | "<=" | ">" | ">=" | "=" | "!=") additive)?
 *     additive := term (("+" | "-") term)*
 *     term     := unary (("*" | "/") unary)*
 *     unary    := ("-" | "+") unary | primary
 *     primary  := NUMBER | NAME | NAME "(" arguments ")" | "(" compare ")"
 *
 * Only syntax is checked here (with the position of the first error); types, names and literal
 * divisions by zero are checked by `validateFormula`.
 */
export function parseFormula(source: string): Result<FormulaAst, FormulaSyntaxError> {
  const t = tokenize(source);
  if (!t.ok) return t;
  const tokens = t.value;
  let k = 0;
  const peek = (): Token => tokens[k] ?? { kind: 'eof', text: '', pos: source.length };
  const next = (): Token => {
    const tok = peek();
    if (k < tokens.length - 1) k++;
    return tok;
  };
  const fail = (pos: number, what: string): never => {
    throw new ParseFailure({
      code: 'FORMULA_SYNTAX',
      position: pos,
      message: `语法错误 (syntax error) at column ${pos + 1}: ${what}`,
    });
  };
  const describe = (tok: Token) => (tok.kind === 'eof' ? 'end of formula' : `"${tok.text}"`);
  const expect = (kind: Token['kind'], what: string): Token => {
    const tok = peek();
    if (tok.kind !== kind) fail(tok.pos, `expected ${what}, found ${describe(tok)}`);
    return next();
  };

  const parseCompare = (): FormulaNode => {
    const left = parseAdditive();
    const tok = peek();
    const op = tok.text;
    if (tok.kind === 'op' && isCompareOp(op)) {
      next();
      const right = parseAdditive();
      const after = peek();
      if (after.kind === 'op' && isCompareOp(after.text)) fail(after.pos, 'comparisons cannot be chained');
      return { kind: 'compare', op, left, right, pos: left.pos, opPos: tok.pos };
    }
    return left;
  };
  const parseAdditive = (): FormulaNode => {
    let left = parseTerm();
    for (let tok = peek(); tok.kind === 'op' && (tok.text === '+' || tok.text === '-'); tok = peek()) {
      next();
      left = {
        kind: 'binary',
        op: tok.text === '+' ? '+' : '-',
        left,
        right: parseTerm(),
        pos: left.pos,
        opPos: tok.pos,
      };
    }
    return left;
  };
  const parseTerm = (): FormulaNode => {
    let left = parseUnary();
    for (let tok = peek(); tok.kind === 'op' && (tok.text === '*' || tok.text === '/'); tok = peek()) {
      next();
      left = {
        kind: 'binary',
        op: tok.text === '*' ? '*' : '/',
        left,
        right: parseUnary(),
        pos: left.pos,
        opPos: tok.pos,
      };
    }
    return left;
  };
  let depth = 0;
  const parseUnary = (): FormulaNode => {
    const tok = peek();
    if (++depth > MAX_DEPTH) fail(tok.pos, `nesting deeper than ${MAX_DEPTH} levels`);
    try {
      return parseUnaryInner(tok);
    } finally {
      depth--;
    }
  };
  const parseUnaryInner = (tok: Token): FormulaNode => {
    if (tok.kind === 'op' && tok.text === '-') {
      next();
      return { kind: 'negate', operand: parseUnary(), pos: tok.pos };
    }
    if (tok.kind === 'op' && tok.text === '+') {
      next();
      return parseUnary();
    }
    return parsePrimary();
  };
  const parsePrimary = (): FormulaNode => {
    const tok = next();
    if (tok.kind === 'number') {
      const value = Number(tok.text);
      if (!Number.isFinite(value)) fail(tok.pos, `number out of range ${tok.text}`);
      return { kind: 'number', value, pos: tok.pos };
    }
    if (tok.kind === 'lparen') {
      const inner = parseCompare();
      expect('rparen', '")"');
      return { ...inner, pos: tok.pos };
    }
    if (tok.kind === 'ident') {
      if (peek().kind !== 'lparen') return { kind: 'indicator', code: tok.text, pos: tok.pos };
      next();
      return parseCall(tok);
    }
    return fail(tok.pos, `expected a number, a name or "(", found ${describe(tok)}`);
  };

  /** A bare name or digits used as a label (group name, level, unit code), not as an indicator. */
  const parseLabel = (what: string, digits: boolean): Token => {
    const tok = peek();
    const good = tok.kind === 'ident' || (digits && tok.kind === 'number' && /^\d+$/.test(tok.text));
    if (!good) fail(tok.pos, `expected ${what}, found ${describe(tok)}`);
    return next();
  };
  const comma = () => expect('comma', '","');
  const close = () => expect('rparen', '")"');

  const parseCall = (name: Token): FormulaNode => {
    const pos = name.pos;
    const fn = name.text;
    if (isAggregate(fn)) {
      const arg = parseCompare();
      close();
      return { kind: 'aggregate', fn, arg, pos };
    }
    switch (fn) {
      case 'children': {
        const body = parseCompare();
        close();
        return { kind: 'children', body, pos };
      }
      case 'descendants': {
        const body = parseCompare();
        comma();
        const level = parseLabel(`a level (${UNIT_LEVELS.join(', ')})`, false);
        const name = level.text;
        if (!isUnitLevel(name))
          return fail(level.pos, `unknown level "${name}"; use ${UNIT_LEVELS.join(', ')}`);
        close();
        return { kind: 'descendants', body, level: name, pos };
      }
      case 'group': {
        const group = parseLabel('a group name', false);
        comma();
        const body = parseCompare();
        close();
        return { kind: 'group', group: group.text, body, pos };
      }
      case 'wmean': {
        const set = parseCompare();
        comma();
        const weight = parseCompare();
        close();
        return { kind: 'wmean', set, weight, pos };
      }
      case 'ref': {
        const body = parseCompare();
        comma();
        const unit = parseLabel('a unit code', true);
        close();
        return { kind: 'ref', body, unit: unit.text, pos };
      }
      default:
        return fail(pos, `unknown function "${fn}"; functions are ${FUNCTION_NAMES.join(', ')}`);
    }
  };

  try {
    const root = parseCompare();
    const rest = peek();
    if (rest.kind !== 'eof') fail(rest.pos, `unexpected ${describe(rest)}`);
    return ok({ source, root });
  } catch (e) {
    if (e instanceof ParseFailure) return err(e.error);
    throw e;
  }
}
