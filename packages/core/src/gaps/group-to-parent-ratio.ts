/**
 * Group-to-parent ratio (METHODS.md §2): the population-weighted mean of a group of units divided by the
 * parent's value, e.g. mean per-capita income of the 山区海岛县 over the provincial figure.
 */
import { err, ok, type Result } from '../result';
import { gapsError, type GapsError } from './gaps-error';
import { checkUnitValues, type UnitValues } from './unit-values';

export interface GroupToParentRatio {
  /** Σ p_i y_i over the group's units, p_i their population shares within the group. */
  readonly groupMean: number;
  readonly parentValue: number;
  readonly ratio: number;
}

/** mean_g(y) / y_parent; equal weights when the group's populations are not given. */
export function groupToParentRatio(
  group: UnitValues,
  parentValue: number,
): Result<GroupToParentRatio, GapsError> {
  if (!Number.isFinite(parentValue) || parentValue <= 0)
    return err(
      gapsError('non_positive_value', `parent value ${parentValue} must be > 0`, { field: 'parentValue' }),
    );
  const checked = checkUnitValues(group);
  if (!checked.ok) return checked;
  const groupMean = checked.value.mean;
  return ok({ groupMean, parentValue, ratio: groupMean / parentValue });
}
