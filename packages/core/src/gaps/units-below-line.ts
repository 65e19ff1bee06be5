/**
 * Units below a reference line (METHODS.md §2, "counts below a line"): which units have y < line, how
 * many, and what share of the population they hold, e.g. counties whose rural income is below the
 * provincial rural average.
 */
import { ok, type Result } from '../result';
import type { GapsError } from './gaps-error';
import { checkUnitValues, gapUnitRef, type GapUnitRef, type UnitValues } from './unit-values';

export interface UnitsBelowLine {
  readonly line: number;
  readonly count: number;
  /** Population share of those units (unit share when no weights were given). */
  readonly populationShare: number;
  readonly units: readonly GapUnitRef[];
}

/** Units with y strictly below `line` (or ≤ line with `inclusive`). */
export function unitsBelowLine(
  input: UnitValues,
  line: number,
  options: { inclusive?: boolean } = {},
): Result<UnitsBelowLine, GapsError> {
  const checked = checkUnitValues(input);
  if (!checked.ok) return checked;
  const { y, p, n } = checked.value;
  const units: GapUnitRef[] = [];
  let populationShare = 0;
  for (let i = 0; i < n; i++) {
    const v = y[i]!;
    if (v < line || (options.inclusive === true && v === line)) {
      units.push(gapUnitRef(input, i, v));
      populationShare += p[i]!;
    }
  }
  return ok({ line, count: units.length, populationShare, units });
}
