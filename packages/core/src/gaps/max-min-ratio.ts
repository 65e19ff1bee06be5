/**
 * Max/min ratio across units (METHODS.md §2): max y / min y, with the units at each end (all of them when
 * several tie), e.g. the highest-to-lowest county income ratio that the 2025 targets set a ceiling on.
 */
import { ok, type Result } from '../result';
import type { GapsError } from './gaps-error';
import { checkUnitValues, gapUnitRef, type GapUnitRef, type UnitValues } from './unit-values';

export interface MaxMinRatio {
  readonly ratio: number;
  readonly max: number;
  readonly min: number;
  /** Units holding the maximum (several when tied), in input order. */
  readonly highest: readonly GapUnitRef[];
  /** Units holding the minimum (several when tied), in input order. */
  readonly lowest: readonly GapUnitRef[];
}

/** max/min over units; values must be > 0 so the ratio is defined. Weights, if any, are ignored. */
export function maxMinRatio(input: UnitValues): Result<MaxMinRatio, GapsError> {
  const checked = checkUnitValues({ values: input.values, codes: input.codes }, { positive: true });
  if (!checked.ok) return checked;
  const { y, n } = checked.value;
  let max = -Infinity;
  let min = Infinity;
  for (let i = 0; i < n; i++) {
    const v = y[i]!;
    if (v > max) max = v;
    if (v < min) min = v;
  }
  const highest: GapUnitRef[] = [];
  const lowest: GapUnitRef[] = [];
  for (let i = 0; i < n; i++) {
    const v = y[i]!;
    if (v === max) highest.push(gapUnitRef(input, i, v));
    if (v === min) lowest.push(gapUnitRef(input, i, v));
  }
  return ok({ ratio: max / min, max, min, highest, lowest });
}
