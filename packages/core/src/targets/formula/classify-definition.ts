import type { FormulaAst } from './ast';
import type { FormulaError, FormulaSyntaxError } from './errors';
import { parseFormula } from './parser';
import { validateFormula, type FormulaCatalogue } from './validate';

/**
 * What an indicator's `definition` text is: empty; a formula that parses and validates; a formula that
 * parses but refers to unknown names or misuses types; or descriptive text (it does not parse). The
 * catalogue's definitions mix formulas with prose such as "count of county-level units with
 * resident_income < national resident_income"; they must be sorted, never crash the import.
 */
export type DefinitionKind =
  | { readonly kind: 'empty' }
  | { readonly kind: 'formula'; readonly ast: FormulaAst }
  | { readonly kind: 'invalid_formula'; readonly ast: FormulaAst; readonly errors: readonly FormulaError[] }
  | { readonly kind: 'text'; readonly error: FormulaSyntaxError };

export function classifyDefinition(text: string, catalogue: FormulaCatalogue): DefinitionKind {
  if (text.trim() === '') return { kind: 'empty' };
  const parsed = parseFormula(text);
  if (!parsed.ok) return { kind: 'text', error: parsed.error };
  const errors = validateFormula(parsed.value, catalogue);
  return errors.length === 0
    ? { kind: 'formula', ast: parsed.value }
    : { kind: 'invalid_formula', ast: parsed.value, errors };
}
