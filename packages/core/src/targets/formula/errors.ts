/** Errors of the formula language, as values with stable codes (result.ts convention). */

/** Definition-time errors. */
export type FormulaError =
  | { readonly code: 'FORMULA_SYNTAX'; readonly position: number; readonly message: string }
  | {
      readonly code: 'FORMULA_UNKNOWN_INDICATOR';
      readonly indicator: string;
      readonly position: number;
      readonly message: string;
    }
  | {
      readonly code: 'FORMULA_UNKNOWN_GROUP';
      readonly group: string;
      readonly position: number;
      readonly message: string;
    }
  | { readonly code: 'FORMULA_TYPE'; readonly position: number; readonly message: string }
  | { readonly code: 'FORMULA_DIVISION_BY_ZERO'; readonly position: number; readonly message: string }
  | { readonly code: 'FORMULA_CYCLE'; readonly path: readonly string[]; readonly message: string };

export type FormulaSyntaxError = Extract<FormulaError, { readonly code: 'FORMULA_SYNTAX' }>;
export type FormulaCycleError = Extract<FormulaError, { readonly code: 'FORMULA_CYCLE' }>;

/** Key of one input observation. */
export interface LineageEntry {
  readonly indicator: string;
  readonly unit: string;
  readonly period: string;
}

/** Evaluation-time errors: the formula is valid but the data do not allow a value. */
export type FormulaEvalError =
  | { readonly code: 'FORMULA_MISSING_VALUE'; readonly input: LineageEntry; readonly message: string }
  | { readonly code: 'FORMULA_DIVISION_BY_ZERO'; readonly position: number; readonly message: string }
  | { readonly code: 'FORMULA_EMPTY_SET'; readonly position: number; readonly message: string }
  | { readonly code: 'FORMULA_ZERO_WEIGHT'; readonly position: number; readonly message: string }
  | { readonly code: 'FORMULA_NEGATIVE_WEIGHT'; readonly position: number; readonly message: string }
  /** The AST was not validated and has a set or comparison where a number belongs. */
  | { readonly code: 'FORMULA_INVALID'; readonly position: number; readonly message: string }
  | { readonly code: 'FORMULA_NOT_FINITE'; readonly position: number; readonly message: string }
  | { readonly code: 'FORMULA_BAD_CONTEXT'; readonly message: string };

/** All definition-time errors of one formula; `code` is that of the first, for callers that switch on it. */
export interface FormulaDefinitionErrors {
  readonly code: FormulaError['code'];
  readonly errors: readonly FormulaError[];
}
