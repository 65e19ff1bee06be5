import { parsePeriod, periodEndDate } from '../../period';
import { err, ok, type Result } from '../../result';
import type { UnitLevel } from '../../hierarchy/levels';
import type { CompareOp, FormulaAst, FormulaNode } from './ast';
import type { FormulaEvalError, LineageEntry } from './errors';

/** A value with the period it actually belongs to, for resolvers that fall back to another period. */
export interface ResolvedValue {
  readonly value: number;
  readonly period: string;
}

/**
 * What the evaluator needs from the outside world; core stays pure (no IO), the store implements this.
 * Membership questions are asked "as of" a date, because groups and divisions change over time
 * (DESIGN.md: 山区海岛县 changed in 2024-08 and 2025-05).
 */
export interface FormulaResolver {
  /** Value of an indicator for a unit and period; undefined when missing. */
  value(indicator: string, unit: string, period: string): number | ResolvedValue | undefined;
  /** Child units of a unit as of the date (e.g. the 11 cities of the province). */
  children(unit: string, asOf: string): readonly string[];
  /** Units below a unit at the given level as of the date (e.g. the counties of the province). */
  descendants(unit: string, level: UnitLevel, asOf: string): readonly string[];
  /** Members of a unit group as of the date; empty for an unknown group. */
  members(group: string, asOf: string): readonly string[];
}

export interface EvaluationContext {
  /** The unit the derived value is computed for. */
  readonly unit: string;
  /** The period of every input looked up. */
  readonly period: string;
  /** Date for memberships; default: the period's end date. */
  readonly asOf?: string;
}

export interface EvaluateOptions {
  /**
   * Members of a set whose inputs are missing are skipped (and listed in `skipped`) instead of making the
   * whole value an error. Default false: a max over 10 of 11 cities is not the max over the 11 cities.
   */
  readonly partial?: boolean;
}

export interface FormulaEvaluation {
  readonly value: number;
  /** The input observations used, each once, in order of first use. */
  readonly lineage: readonly LineageEntry[];
  /** With `partial`: the missing inputs of the members that were left out. */
  readonly skipped: readonly LineageEntry[];
}

/** An evaluation error with the inputs read before it happened. */
export type FormulaEvalFailure = FormulaEvalError & { readonly lineage: readonly LineageEntry[] };

class Failure {
  constructor(readonly error: FormulaEvalError) {}
}

/** Collects lineage; a member's inputs are kept only if the member is used. */
class Collector {
  readonly entries = new Map<string, LineageEntry>();
  add(e: LineageEntry) {
    const key = `${e.indicator}\u0000${e.unit}\u0000${e.period}`;
    if (!this.entries.has(key)) this.entries.set(key, e);
  }
  mergeInto(parent: Collector) {
    for (const e of this.entries.values()) parent.add(e);
  }
}

interface Member {
  readonly unit: string;
  readonly value: number;
  /** For comparisons inside count(). */
  readonly pass: boolean;
}

type SetNode = Extract<FormulaNode, { kind: 'children' | 'descendants' | 'group' }>;
const isSetNode = (n: FormulaNode): n is SetNode =>
  n.kind === 'children' || n.kind === 'descendants' || n.kind === 'group';

interface Scope {
  readonly unit: string;
  readonly lineage: Collector;
}

const compare = (a: number, op: CompareOp, b: number): boolean => {
  switch (op) {
    case '<':
      return a < b;
    case '<=':
      return a <= b;
    case '>':
      return a > b;
    case '>=':
      return a >= b;
    case '=':
      return a === b;
    case '!=':
      return a !== b;
  }
};

/**
 * Evaluates a validated formula for one unit and period (SYNTAX.md). Inputs come from `resolver`; the
 * result carries its lineage (every input observation used). Errors are values: a missing input, a
 * division by a zero value (never Infinity), an aggregate of an empty set, zero total weight.
 */
export function evaluateFormula(
  ast: FormulaAst,
  context: EvaluationContext,
  resolver: FormulaResolver,
  options: EvaluateOptions = {},
): Result<FormulaEvaluation, FormulaEvalFailure> {
  const root = new Collector();
  let asOf = context.asOf;
  if (asOf === undefined) {
    const p = parsePeriod(context.period);
    if (!p.ok)
      return err({
        code: 'FORMULA_BAD_CONTEXT',
        message: `period "${context.period}" is not a period and no as-of date was given`,
        lineage: [],
      });
    asOf = periodEndDate(p.value);
  }
  const date = asOf;
  const period = context.period;
  const skipped = new Collector();
  const fail = (e: FormulaEvalError): never => {
    throw new Failure(e);
  };
  const invalid = (pos: number, what: string): never =>
    fail({
      code: 'FORMULA_INVALID',
      position: pos,
      message: `${what} at column ${pos + 1}; validate the formula first`,
    });
  const finite = (v: number, pos: number): number =>
    Number.isFinite(v)
      ? v
      : fail({
          code: 'FORMULA_NOT_FINITE',
          position: pos,
          message: `result not finite at column ${pos + 1}`,
        });

  const lookup = (indicator: string, scope: Scope): number => {
    const got = resolver.value(indicator, scope.unit, period);
    const input = { indicator, unit: scope.unit, period };
    if (got === undefined || (typeof got === 'number' && !Number.isFinite(got)))
      return fail({
        code: 'FORMULA_MISSING_VALUE',
        input,
        message: `缺少数据 (missing value): ${indicator} for ${scope.unit} in ${period}`,
      });
    if (typeof got === 'number') {
      scope.lineage.add(input);
      return got;
    }
    if (!Number.isFinite(got.value))
      return fail({
        code: 'FORMULA_MISSING_VALUE',
        input,
        message: `缺少数据 (missing value): ${indicator} for ${scope.unit}`,
      });
    scope.lineage.add({ indicator, unit: scope.unit, period: got.period });
    return got.value;
  };

  const scalar = (n: FormulaNode, scope: Scope): number => {
    switch (n.kind) {
      case 'number':
        return n.value;
      case 'indicator':
        return lookup(n.code, scope);
      case 'negate':
        return -scalar(n.operand, scope);
      case 'binary': {
        const a = scalar(n.left, scope);
        const b = scalar(n.right, scope);
        switch (n.op) {
          case '+':
            return finite(a + b, n.pos);
          case '-':
            return finite(a - b, n.pos);
          case '*':
            return finite(a * b, n.pos);
          default: // '/'
            if (b === 0)
              return fail({
                code: 'FORMULA_DIVISION_BY_ZERO',
                position: n.right.pos,
                message: `除数为零 (division by zero) at column ${n.right.pos + 1}`,
              });
            return finite(a / b, n.pos);
        }
      }
      case 'ref':
        return scalar(n.body, { unit: n.unit, lineage: scope.lineage });
      case 'aggregate':
        return aggregate(n, scope);
      case 'wmean': {
        const members = set(n.set, scope, n.weight);
        let sw = 0;
        let swy = 0;
        for (const m of members) {
          const w = m.weight;
          if (w < 0)
            return fail({
              code: 'FORMULA_NEGATIVE_WEIGHT',
              position: n.weight.pos,
              message: `negative weight for ${m.unit}`,
            });
          sw += w;
          swy += w * m.value;
        }
        if (members.length === 0)
          return fail({
            code: 'FORMULA_EMPTY_SET',
            position: n.pos,
            message: `wmean() of an empty set at column ${n.pos + 1}`,
          });
        if (sw === 0)
          return fail({
            code: 'FORMULA_ZERO_WEIGHT',
            position: n.weight.pos,
            message: 'weights sum to zero',
          });
        return finite(swy / sw, n.pos);
      }
      case 'compare':
      case 'children':
      case 'descendants':
      case 'group':
        return invalid(n.pos, `${n.kind} is not a number`);
    }
  };

  const membersOf = (n: SetNode, scope: Scope): readonly string[] => {
    switch (n.kind) {
      case 'children':
        return resolver.children(scope.unit, date);
      case 'descendants':
        return resolver.descendants(scope.unit, n.level, date);
      case 'group':
        return resolver.members(n.group, date);
    }
  };

  /**
   * Evaluates a set — or a comparison of a set with a number, for count() — member by member, each in a
   * scope of its own, with an optional per-member weight for wmean().
   */
  const set = (
    n: FormulaNode,
    scope: Scope,
    weight?: FormulaNode,
  ): (Member & { readonly weight: number })[] => {
    let setNode = n;
    let test: ((v: number) => boolean) | undefined;
    if (n.kind === 'compare') {
      const setOnLeft = isSetNode(n.left);
      setNode = setOnLeft ? n.left : n.right;
      // The number compared with is evaluated in the outer scope (e.g. the national value).
      const threshold = scalar(setOnLeft ? n.right : n.left, scope);
      test = setOnLeft ? (v) => compare(v, n.op, threshold) : (v) => compare(threshold, n.op, v);
    }
    if (!isSetNode(setNode)) return invalid(n.pos, 'not a set');
    const units = membersOf(setNode, scope);
    const out: (Member & { readonly weight: number })[] = [];
    for (const unit of units) {
      const local: Scope = { unit, lineage: new Collector() };
      try {
        const value = scalar(setNode.body, local);
        const w = weight === undefined ? 1 : scalar(weight, local);
        local.lineage.mergeInto(scope.lineage);
        out.push({ unit, value, pass: test === undefined || test(value), weight: w });
      } catch (e) {
        if (options.partial === true && e instanceof Failure && e.error.code === 'FORMULA_MISSING_VALUE') {
          skipped.add(e.error.input);
          continue;
        }
        throw e;
      }
    }
    return out;
  };

  const aggregate = (n: Extract<FormulaNode, { kind: 'aggregate' }>, scope: Scope): number => {
    const members = set(n.arg, scope);
    const values = members.map((m) => m.value);
    const empty = () =>
      fail({
        code: 'FORMULA_EMPTY_SET',
        position: n.pos,
        message: `${n.fn}() of an empty set at column ${n.pos + 1}`,
      });
    switch (n.fn) {
      case 'count':
        return members.filter((m) => m.pass).length;
      case 'sum':
        return finite(
          values.reduce((a, b) => a + b, 0),
          n.pos,
        );
      case 'mean':
        return values.length === 0
          ? empty()
          : finite(values.reduce((a, b) => a + b, 0) / values.length, n.pos);
      case 'max':
        // A loop, not Math.max(...values): sets can hold 600k villages, beyond the argument limit.
        return values.length === 0 ? empty() : values.reduce((a, b) => (b > a ? b : a));
      case 'min':
        return values.length === 0 ? empty() : values.reduce((a, b) => (b < a ? b : a));
    }
  };

  try {
    const value = scalar(ast.root, { unit: context.unit, lineage: root });
    return ok({ value, lineage: [...root.entries.values()], skipped: [...skipped.entries.values()] });
  } catch (e) {
    if (e instanceof Failure) return err({ ...e.error, lineage: [...root.entries.values()] });
    throw e;
  }
}
