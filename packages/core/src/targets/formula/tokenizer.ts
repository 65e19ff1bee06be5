import { err, ok, type Result } from '../../result';
import type { FormulaSyntaxError } from './errors';

export type TokenKind = 'number' | 'ident' | 'op' | 'lparen' | 'rparen' | 'comma' | 'eof';

export interface Token {
  readonly kind: TokenKind;
  /** Canonical text: operators normalised to ASCII (`×` → `*`, `≤` → `<=`), numbers and names as written. */
  readonly text: string;
  /** 0-based offset of the token in the source. */
  readonly pos: number;
}

const SPACE = /[\s\u3000]/;
const DIGIT = /[0-9]/;
const IDENT_START = /[A-Za-z_]/;
const IDENT_PART = /[A-Za-z0-9_]/;

/** Single-character spellings, including the typographic and full-width ones typed in Chinese documents. */
const SINGLE: Readonly<Record<string, { kind: TokenKind; text: string }>> = {
  '+': { kind: 'op', text: '+' },
  '-': { kind: 'op', text: '-' },
  '\u2212': { kind: 'op', text: '-' },
  '*': { kind: 'op', text: '*' },
  '×': { kind: 'op', text: '*' },
  '/': { kind: 'op', text: '/' },
  '÷': { kind: 'op', text: '/' },
  '≤': { kind: 'op', text: '<=' },
  '≥': { kind: 'op', text: '>=' },
  '≠': { kind: 'op', text: '!=' },
  '(': { kind: 'lparen', text: '(' },
  '（': { kind: 'lparen', text: '(' },
  ')': { kind: 'rparen', text: ')' },
  '）': { kind: 'rparen', text: ')' },
  ',': { kind: 'comma', text: ',' },
  '，': { kind: 'comma', text: ',' },
};

/**
 * Splits a formula into tokens (SYNTAX.md). Numbers: `12`, `1.5`, `.5`, `1e3`. Names: letters, digits
 * and `_`, not starting with a digit. Operators: `+ - * / × ÷ −`, comparisons `< <= > >= = == != ≤ ≥ ≠`.
 * The first character that fits none of these is a syntax error at its position.
 */
export function tokenize(source: string): Result<Token[], FormulaSyntaxError> {
  const tokens: Token[] = [];
  let i = 0;
  const at = (k: number) => source.charAt(k);
  while (i < source.length) {
    const c = at(i);
    if (SPACE.test(c)) {
      i++;
      continue;
    }
    if (DIGIT.test(c) || (c === '.' && DIGIT.test(at(i + 1)))) {
      const m = /^(?:\d+(?:\.\d+)?|\.\d+)(?:[eE][+-]?\d+)?/.exec(source.slice(i));
      const text = m?.[0] ?? c;
      if (IDENT_PART.test(at(i + text.length)))
        return err({
          code: 'FORMULA_SYNTAX',
          position: i + text.length,
          message: `非法数字 (malformed number) at column ${i + text.length + 1}`,
        });
      tokens.push({ kind: 'number', text, pos: i });
      i += text.length;
      continue;
    }
    if (IDENT_START.test(c)) {
      let j = i + 1;
      while (j < source.length && IDENT_PART.test(at(j))) j++;
      tokens.push({ kind: 'ident', text: source.slice(i, j), pos: i });
      i = j;
      continue;
    }
    const two = source.slice(i, i + 2);
    if (two === '<=' || two === '>=' || two === '!=' || two === '==') {
      tokens.push({ kind: 'op', text: two === '==' ? '=' : two, pos: i });
      i += 2;
      continue;
    }
    if (c === '<' || c === '>' || c === '=') {
      tokens.push({ kind: 'op', text: c, pos: i });
      i++;
      continue;
    }
    const single = SINGLE[c];
    if (single) {
      tokens.push({ ...single, pos: i });
      i++;
      continue;
    }
    return err({
      code: 'FORMULA_SYNTAX',
      position: i,
      message: `无法识别的字符 (unexpected character) "${c}" at column ${i + 1}`,
    });
  }
  tokens.push({ kind: 'eof', text: '', pos: source.length });
  return ok(tokens);
}
