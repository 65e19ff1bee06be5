import { err, ok, type Result } from '../../result';
import type { FormulaAst } from './ast';
import type { FormulaCycleError, FormulaError } from './errors';
import { parseFormula } from './parser';
import { formulaReferences } from './references';
import { validateFormula, type FormulaCatalogue } from './validate';

/**
 * Order in which derived indicators must be recomputed: every definition after the derived indicators
 * it uses (a topological order by depth-first search; ties in code order, so the result is
 * deterministic). A cycle is an error naming its path, e.g. a → b → a. Indicators that are not defined
 * here are inputs and are not listed.
 */
export function dependencyOrder(
  definitions: ReadonlyMap<string, FormulaAst> | Readonly<Record<string, FormulaAst>>,
): Result<string[], FormulaCycleError> {
  const defs = definitions instanceof Map ? definitions : new Map(Object.entries(definitions));
  const deps = new Map<string, string[]>();
  for (const [code, ast] of defs)
    deps.set(
      code,
      formulaReferences(ast)
        .indicators.filter((d) => defs.has(d))
        .sort(),
    );
  const state = new Map<string, 'visiting' | 'done'>();
  const order: string[] = [];
  const stack: string[] = [];
  const visit = (code: string): FormulaCycleError | undefined => {
    const s = state.get(code);
    if (s === 'done') return undefined;
    if (s === 'visiting') {
      const path = [...stack.slice(stack.indexOf(code)), code];
      return { code: 'FORMULA_CYCLE', path, message: `循环定义 (cyclic definition): ${path.join(' → ')}` };
    }
    state.set(code, 'visiting');
    stack.push(code);
    for (const d of deps.get(code) ?? []) {
      const e = visit(d);
      if (e) return e;
    }
    stack.pop();
    state.set(code, 'done');
    order.push(code);
    return undefined;
  };
  for (const code of [...defs.keys()].sort()) {
    const e = visit(code);
    if (e) return err(e);
  }
  return ok(order);
}

export type DefinitionError = FormulaError & { readonly definition: string };

export interface DefinitionsCheck {
  /** The definitions that parsed and validated. */
  readonly compiled: ReadonlyMap<string, FormulaAst>;
  /** Errors, each with the code of the definition that has it (a cycle: its first member). */
  readonly errors: readonly DefinitionError[];
  /** Recomputation order when there is no cycle, else null. */
  readonly order: readonly string[] | null;
}

/**
 * Definition-time validation of a set of derived-indicator formulas: each is parsed and validated against
 * the catalogue plus the defined codes themselves, and the set is checked for cycles.
 */
export function validateDefinitions(
  definitions: Readonly<Record<string, string>>,
  catalogue: FormulaCatalogue,
): DefinitionsCheck {
  const known: FormulaCatalogue = {
    ...catalogue,
    indicators: new Set([...catalogue.indicators, ...Object.keys(definitions)]),
  };
  const compiled = new Map<string, FormulaAst>();
  const errors: DefinitionError[] = [];
  for (const [code, source] of Object.entries(definitions)) {
    const parsed = parseFormula(source);
    if (!parsed.ok) {
      errors.push({ ...parsed.error, definition: code });
      continue;
    }
    const problems = validateFormula(parsed.value, known);
    for (const p of problems) errors.push({ ...p, definition: code });
    // Keep it for the cycle check even when it has other errors: a cycle is worth reporting too.
    compiled.set(code, parsed.value);
  }
  const order = dependencyOrder(compiled);
  const bad = new Set<string>();
  if (!order.ok) {
    errors.push({ ...order.error, definition: order.error.path[0] ?? '' });
    for (const code of order.error.path) bad.add(code);
  }
  for (const e of errors) bad.add(e.definition);
  const valid = new Map([...compiled].filter(([code]) => !bad.has(code)));
  return { compiled: valid, errors, order: order.ok ? order.value : null };
}
