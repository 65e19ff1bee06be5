/**
 * Abstract syntax of the derived-indicator formula language (see SYNTAX.md). Every node keeps the
 * 0-based character offset where it starts (`pos`; for a parenthesised expression, its "("), so errors
 * can point into the source.
 */

import type { UnitLevel } from '../../hierarchy/levels';

export type ArithmeticOp = '+' | '-' | '*' | '/';
export type CompareOp = '<' | '<=' | '>' | '>=' | '=' | '!=';
export type AggregateFn = 'max' | 'min' | 'mean' | 'sum' | 'count';

export type FormulaNode =
  | { readonly kind: 'number'; readonly value: number; readonly pos: number }
  | { readonly kind: 'indicator'; readonly code: string; readonly pos: number }
  | { readonly kind: 'negate'; readonly operand: FormulaNode; readonly pos: number }
  | {
      readonly kind: 'binary';
      readonly op: ArithmeticOp;
      readonly left: FormulaNode;
      readonly right: FormulaNode;
      readonly pos: number;
      /** Offset of the operator. */
      readonly opPos: number;
    }
  | {
      readonly kind: 'compare';
      readonly op: CompareOp;
      readonly left: FormulaNode;
      readonly right: FormulaNode;
      readonly pos: number;
      /** Offset of the operator. */
      readonly opPos: number;
    }
  /** `children(body)`: body evaluated for each child unit of the current unit. */
  | { readonly kind: 'children'; readonly body: FormulaNode; readonly pos: number }
  /** `descendants(body, level)`: body for each unit of that level below the current unit. */
  | {
      readonly kind: 'descendants';
      readonly body: FormulaNode;
      readonly level: UnitLevel;
      readonly pos: number;
    }
  /** `group(name, body)`: body for each member of the unit group as of the date. */
  | { readonly kind: 'group'; readonly group: string; readonly body: FormulaNode; readonly pos: number }
  | { readonly kind: 'aggregate'; readonly fn: AggregateFn; readonly arg: FormulaNode; readonly pos: number }
  /** `wmean(set, weight)`: mean of the set weighted by `weight` evaluated for each member. */
  | { readonly kind: 'wmean'; readonly set: FormulaNode; readonly weight: FormulaNode; readonly pos: number }
  /** `ref(body, unit)`: body evaluated for a fixed unit (e.g. 100000, China). */
  | { readonly kind: 'ref'; readonly body: FormulaNode; readonly unit: string; readonly pos: number };

export interface FormulaAst {
  readonly source: string;
  readonly root: FormulaNode;
}
