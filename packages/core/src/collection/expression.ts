/**
 * The small expression language of validation rules (DHIS2 validation rules: left side, operator, right
 * side). A rule is one comparison of two arithmetic expressions over indicator codes:
 *
 *   rule    := expr cmp expr                     cmp := >= | <= | > | < | == | = | !=
 *   expr    := term (('+' | '-') term)*
 *   term    := factor (('*' | '/') factor)*
 *   factor  := number | code | fn '(' code ')' | '(' expr ')' | '-' factor
 *   fn      := prev | ly
 *
 * `code` is the value of the indicator for this unit and period; `prev(code)` its value for the previous
 * period (within the same year for year-to-date data, which restarts each January); `ly(code)` its value
 * for the same period of the previous year. Examples: `urban_income >= rural_income`,
 * `part_a + part_b <= whole`, `investment_ytd >= prev(investment_ytd)`.
 */
import { err, ok, type Result } from '../result';

export type RefKind = 'cur' | 'prev' | 'ly';
export type RuleComparator = '>=' | '<=' | '>' | '<' | '==' | '!=';

export type Expr =
  | { readonly kind: 'num'; readonly value: number }
  | { readonly kind: 'ref'; readonly code: string; readonly ref: RefKind }
  | { readonly kind: 'neg'; readonly operand: Expr }
  | { readonly kind: 'bin'; readonly op: '+' | '-' | '*' | '/'; readonly left: Expr; readonly right: Expr };

export interface RuleAst {
  readonly left: Expr;
  readonly op: RuleComparator;
  readonly right: Expr;
}

export interface ExpressionError {
  readonly code: 'EXPRESSION_INVALID';
  /** 0-based character offset of the problem. */
  readonly at: number;
  readonly message: string;
}

type Token =
  | { t: 'num'; v: number; at: number }
  | { t: 'id'; v: string; at: number }
  | { t: 'op'; v: string; at: number }
  | { t: 'end'; at: number };

const MAX_LENGTH = 2000;

function tokenize(s: string): Result<Token[], ExpressionError> {
  const out: Token[] = [];
  let i = 0;
  while (i < s.length) {
    const c = s[i] as string;
    if (c === ' ' || c === '\t') {
      i++;
      continue;
    }
    const num = /^(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?/.exec(s.slice(i));
    if (num) {
      out.push({ t: 'num', v: Number(num[0]), at: i });
      i += num[0].length;
      continue;
    }
    const id = /^[A-Za-z_][A-Za-z0-9_]*/.exec(s.slice(i));
    if (id) {
      out.push({ t: 'id', v: id[0], at: i });
      i += id[0].length;
      continue;
    }
    const two = s.slice(i, i + 2);
    if (two === '>=' || two === '<=' || two === '==' || two === '!=') {
      out.push({ t: 'op', v: two, at: i });
      i += 2;
      continue;
    }
    if ('+-*/()<>='.includes(c)) {
      out.push({ t: 'op', v: c === '=' ? '==' : c, at: i });
      i++;
      continue;
    }
    return err({
      code: 'EXPRESSION_INVALID',
      at: i,
      message: `无法识别的字符 unexpected character "${c}" at ${i}`,
    });
  }
  out.push({ t: 'end', at: s.length });
  return ok(out);
}

class ParseFailure {
  constructor(readonly error: ExpressionError) {}
}

/** Parses a rule; errors name the offending position. */
export function parseRule(text: string): Result<RuleAst, ExpressionError> {
  if (text.length > MAX_LENGTH)
    return err({
      code: 'EXPRESSION_INVALID',
      at: MAX_LENGTH,
      message: `表达式过长 expression longer than ${MAX_LENGTH}`,
    });
  const tokens = tokenize(text);
  if (!tokens.ok) return tokens;
  const ts = tokens.value;
  let k = 0;
  const peek = () => ts[k] as Token;
  const fail = (tok: Token, message: string): never => {
    throw new ParseFailure({ code: 'EXPRESSION_INVALID', at: tok.at, message: `${message} at ${tok.at}` });
  };
  const isOp = (tok: Token, ...vs: string[]) => tok.t === 'op' && vs.includes(tok.v);
  let depth = 0;

  const factor = (): Expr => {
    const tok = peek();
    if (tok.t === 'num') {
      k++;
      return { kind: 'num', value: tok.v };
    }
    if (tok.t === 'id') {
      k++;
      if (isOp(peek(), '(')) {
        if (tok.v !== 'prev' && tok.v !== 'ly')
          fail(tok, `未知函数 unknown function "${tok.v}" (only prev, ly)`);
        k++;
        const arg = peek();
        if (arg.t !== 'id')
          return fail(arg, '函数参数应为指标代码 function argument must be an indicator code');
        k++;
        if (!isOp(peek(), ')')) fail(peek(), '缺少右括号 expected ")"');
        k++;
        return { kind: 'ref', code: arg.v, ref: tok.v === 'prev' ? 'prev' : 'ly' };
      }
      return { kind: 'ref', code: tok.v, ref: 'cur' };
    }
    if (isOp(tok, '-')) {
      k++;
      return { kind: 'neg', operand: factor() };
    }
    if (isOp(tok, '(')) {
      k++;
      if (++depth > 50) fail(tok, '括号嵌套过深 nesting too deep');
      const e = expr();
      depth--;
      if (!isOp(peek(), ')')) fail(peek(), '缺少右括号 expected ")"');
      k++;
      return e;
    }
    return fail(tok, tok.t === 'end' ? '表达式不完整 unexpected end' : '此处应为数值或指标 expected a value');
  };
  const term = (): Expr => {
    let left = factor();
    for (let tok = peek(); isOp(tok, '*', '/'); tok = peek()) {
      k++;
      left = { kind: 'bin', op: tok.t === 'op' && tok.v === '*' ? '*' : '/', left, right: factor() };
    }
    return left;
  };
  const expr = (): Expr => {
    let left = term();
    for (let tok = peek(); isOp(tok, '+', '-'); tok = peek()) {
      k++;
      left = { kind: 'bin', op: tok.t === 'op' && tok.v === '+' ? '+' : '-', left, right: term() };
    }
    return left;
  };

  try {
    const left = expr();
    const opTok = peek();
    if (!isOp(opTok, '>=', '<=', '>', '<', '==', '!='))
      fail(opTok, '缺少比较运算符 expected a comparison (>=, <=, >, <, ==, !=)');
    k++;
    const right = expr();
    if (peek().t !== 'end') fail(peek(), '多余的内容 unexpected text after the rule');
    return ok({ left, op: (opTok as { v: string }).v as RuleComparator, right });
  } catch (e) {
    if (e instanceof ParseFailure) return err(e.error);
    throw e;
  }
}

/** Every indicator reference in the rule (with the period it refers to), deduplicated, in order. */
export function ruleReferences(rule: RuleAst): { readonly code: string; readonly ref: RefKind }[] {
  const out: { code: string; ref: RefKind }[] = [];
  const seen = new Set<string>();
  const walk = (e: Expr): void => {
    if (e.kind === 'ref') {
      const key = `${e.ref}:${e.code}`;
      if (!seen.has(key)) {
        seen.add(key);
        out.push({ code: e.code, ref: e.ref });
      }
    } else if (e.kind === 'neg') walk(e.operand);
    else if (e.kind === 'bin') {
      walk(e.left);
      walk(e.right);
    }
  };
  walk(rule.left);
  walk(rule.right);
  return out;
}

/** Value of a reference, or undefined when missing. */
export type RefLookup = (code: string, ref: RefKind) => number | undefined;

/** Evaluates an expression; missing references take `missingAs` (undefined: the result is undefined). */
export function evaluateExpr(e: Expr, lookup: RefLookup, missingAs?: number): number | undefined {
  switch (e.kind) {
    case 'num':
      return e.value;
    case 'ref': {
      const v = lookup(e.code, e.ref);
      return v === undefined ? missingAs : v;
    }
    case 'neg': {
      const v = evaluateExpr(e.operand, lookup, missingAs);
      return v === undefined ? undefined : -v;
    }
    case 'bin': {
      const l = evaluateExpr(e.left, lookup, missingAs);
      const r = evaluateExpr(e.right, lookup, missingAs);
      if (l === undefined || r === undefined) return undefined;
      switch (e.op) {
        case '+':
          return l + r;
        case '-':
          return l - r;
        case '*':
          return l * r;
        case '/':
          return l / r;
      }
    }
  }
}

/**
 * Compares with a relative tolerance of 1e-9, so that sums of decimal parts (0.1 + 0.2) equal their
 * whole as a person reading the numbers expects.
 */
export function compareValues(l: number, op: RuleComparator, r: number): boolean {
  const tol = 1e-9 * Math.max(1, Math.abs(l), Math.abs(r));
  switch (op) {
    case '>=':
      return l >= r - tol;
    case '<=':
      return l <= r + tol;
    case '>':
      return l > r + tol;
    case '<':
      return l < r - tol;
    case '==':
      return Math.abs(l - r) <= tol;
    case '!=':
      return Math.abs(l - r) > tol;
  }
}

/** The rule written back in canonical form (single spaces, `==` for equality). */
export function formatRule(rule: RuleAst): string {
  const prec = (e: Expr): number => (e.kind === 'bin' ? (e.op === '+' || e.op === '-' ? 1 : 2) : 3);
  const show = (e: Expr): string => {
    switch (e.kind) {
      case 'num':
        return String(e.value);
      case 'ref':
        return e.ref === 'cur' ? e.code : `${e.ref}(${e.code})`;
      case 'neg':
        return `-${prec(e.operand) < 3 ? `(${show(e.operand)})` : show(e.operand)}`;
      case 'bin': {
        const l = prec(e.left) < prec(e) ? `(${show(e.left)})` : show(e.left);
        // A right operand of equal precedence keeps its brackets: a - (b - c) differs, and in floating
        // point so do a * (b / c) and (a * b) / c, so the text must say which was meant.
        const r = prec(e.right) <= prec(e) ? `(${show(e.right)})` : show(e.right);
        return `${l} ${e.op} ${r}`;
      }
    }
  };
  return `${show(rule.left)} ${rule.op} ${show(rule.right)}`;
}
