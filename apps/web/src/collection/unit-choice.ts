/**
 * The units a user may open forms for: those of the data set's level within both the user's scope and
 * the data set's. The subtree API lists descendants only (not the unit itself), so a county user of a
 * county data set is offered their own county.
 */

export interface UnitChoice {
  readonly code: string;
  readonly name: string;
}

export interface UnitChoiceInput {
  /** The user's scope unit. */
  readonly scope: UnitChoice & { readonly level: string };
  readonly dataset: { readonly scopeUnit: string; readonly level: string };
  /** Descendants of the user's scope at the data set's level. */
  readonly below: readonly UnitChoice[];
  /** Descendants of the data set's scope at its level; null when both scopes are the same unit. */
  readonly inDataSet: readonly UnitChoice[] | null;
}

export function unitsToChoose(input: UnitChoiceInput): UnitChoice[] {
  const { scope, dataset } = input;
  const own = scope.level === dataset.level;
  const candidates = own ? [{ code: scope.code, name: scope.name }] : input.below;
  const allowed = input.inDataSet === null ? null : new Set(input.inDataSet.map((u) => u.code));
  return candidates
    .filter((u) => allowed === null || allowed.has(u.code) || u.code === dataset.scopeUnit)
    .map((u) => ({ code: u.code, name: u.name }))
    .sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
}

/** Default unit: the one asked for, else the user's own when it reports, else the first below it. */
export function defaultUnit(
  units: readonly UnitChoice[],
  requested: string | undefined,
  own: string | undefined,
): UnitChoice | undefined {
  return units.find((u) => u.code === requested) ?? units.find((u) => u.code === own) ?? units[0];
}
