/**
 * The unit codes a household file may use and where each lies (its city and county), for one user's
 * scope: every unit at county level or below in the scope's province is loaded in two queries; codes of
 * the province outside the scope, and codes above county level, are refused with their own problem code
 * (a county user cannot analyse households of another county; a city code cannot be placed in a county).
 */
import { pathCodes, type UnitLevel } from '@suocha/core';
import { getUnitPath, listUnitPaths, type Store } from '@suocha/store';
import type { HouseholdUnitLookup, HouseholdUnitPlacement, HouseholdUnitRefusal } from './household-table';

const PLACEABLE: readonly UnitLevel[] = ['county', 'town', 'village'];
const ABOVE_COUNTY: readonly UnitLevel[] = ['country', 'province', 'city'];

export interface HouseholdUnitScope {
  /** Code of the scope unit (the actor's, or the root for the command line). */
  readonly scopeUnit: string;
}

/**
 * The lookup for household files analysed within `scopeUnit`'s subtree; undefined when the unit does not
 * exist. Units are placed by the county and city on their path (a county directly under a province is its
 * own city).
 */
export async function householdUnitLookup(
  store: Store,
  scope: HouseholdUnitScope,
): Promise<HouseholdUnitLookup | undefined> {
  const scopePath = await getUnitPath(store, scope.scopeUnit);
  if (scopePath === undefined) return undefined;
  const codes = pathCodes(scopePath);
  // The scope's province (or the whole country for a national scope): codes there outside the scope are
  // refused by name rather than called unknown.
  const province = codes.length >= 2 ? `/${codes[0]}/${codes[1]}/` : scopePath;
  const [rows, upper] = await Promise.all([
    listUnitPaths(store, { levels: PLACEABLE, within: province }),
    listUnitPaths(store, { levels: ABOVE_COUNTY, within: province }),
  ]);
  const cities = new Set(upper.filter((u) => u.level === 'city').map((u) => u.code));
  const counties = new Set(rows.filter((u) => u.level === 'county').map((u) => u.code));
  const placements = new Map<string, HouseholdUnitPlacement>();
  const shared = new Map<string, HouseholdUnitPlacement>();
  const refusals = new Map<string, HouseholdUnitRefusal>();
  const outside: HouseholdUnitRefusal = {
    refused: 'OUT_OF_SCOPE',
    message: `区划不在您的范围内 (unit outside your scope ${scope.scopeUnit})`,
  };
  for (const u of rows) {
    if (!u.path.startsWith(scopePath)) {
      refusals.set(u.code, outside);
      continue;
    }
    const along = pathCodes(u.path);
    const county = along.find((c) => counties.has(c));
    if (county === undefined) continue;
    const city = along.find((c) => cities.has(c)) ?? county;
    const key = `${city}/${county}`;
    let p = shared.get(key);
    if (!p) {
      p = { city, county };
      shared.set(key, p);
    }
    placements.set(u.code, p);
  }
  for (const u of upper)
    refusals.set(
      u.code,
      u.path.startsWith(scopePath)
        ? {
            refused: 'UNIT_ABOVE_COUNTY',
            message: `区划代码须为县级或以下 (unit ${u.code} is a ${u.level}: use a county, town or village code)`,
          }
        : outside,
    );
  return (code) => placements.get(code) ?? refusals.get(code);
}
