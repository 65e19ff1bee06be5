/**
 * Evaluation of validation rules across the values of one form — DHIS2 validation rules (left side,
 * operator, right side, missing value strategy; docs.dhis2.org "Validation rules").
 */
import { err, ok, type Result } from '../result';
import {
  compareValues,
  evaluateExpr,
  parseRule,
  ruleReferences,
  type ExpressionError,
  type RefLookup,
  type RuleAst,
} from './expression';
import type { MissingValueStrategy, ValidationRuleDef } from './types';

export interface CompiledRule {
  readonly def: ValidationRuleDef;
  readonly ast: RuleAst;
  readonly refs: readonly { readonly code: string; readonly ref: 'cur' | 'prev' | 'ly' }[];
}

export function compileRule(def: ValidationRuleDef): Result<CompiledRule, ExpressionError> {
  const ast = parseRule(def.expression);
  if (!ast.ok) return ast;
  return ok({ def, ast: ast.value, refs: ruleReferences(ast.value) });
}

/** Compiles every rule, or returns the first failure with the rule's code. */
export function compileRules(
  defs: readonly ValidationRuleDef[],
): Result<CompiledRule[], ExpressionError & { readonly ruleCode: string }> {
  const out: CompiledRule[] = [];
  for (const d of defs) {
    const c = compileRule(d);
    if (!c.ok) return err({ ...c.error, ruleCode: d.code });
    out.push(c.value);
  }
  return ok(out);
}

export type RuleOutcome =
  | { readonly status: 'pass' | 'fail'; readonly left: number; readonly right: number }
  | { readonly status: 'skipped'; readonly reason: 'missing' | 'not_finite' };

/**
 * Evaluates one rule. With `skip_if_any_missing` a rule with any missing value is skipped; with
 * `skip_if_all_missing` it is skipped only when every value is missing, missing ones counting as 0;
 * `never_skip` counts missing values as 0. A side that is not a finite number (division by zero) makes
 * the rule unevaluable, reported as skipped rather than failed.
 */
export function evaluateRule(
  rule: CompiledRule,
  lookup: RefLookup,
  strategy: MissingValueStrategy = rule.def.missing,
): RuleOutcome {
  const missing = rule.refs.filter((r) => lookup(r.code, r.ref) === undefined).length;
  if (strategy === 'skip_if_any_missing' && missing > 0) return { status: 'skipped', reason: 'missing' };
  if (strategy === 'skip_if_all_missing' && rule.refs.length > 0 && missing === rule.refs.length)
    return { status: 'skipped', reason: 'missing' };
  const left = evaluateExpr(rule.ast.left, lookup, 0);
  const right = evaluateExpr(rule.ast.right, lookup, 0);
  if (left === undefined || right === undefined || !Number.isFinite(left) || !Number.isFinite(right))
    return { status: 'skipped', reason: 'not_finite' };
  return { status: compareValues(left, rule.ast.op, right) ? 'pass' : 'fail', left, right };
}
