/**
 * The formula language's resolver (core `FormulaResolver`) over data read from the store in bulk: values
 * by (indicator, unit, canonical period), units with their validity dates — a unit abolished before the
 * membership date is no child of anyone on that date — and dated group memberships.
 */
import { inForceOn, type FormulaResolver, type UnitLevel } from '@suocha/core';
import type { FormulaMembership, FormulaInputObservation, FormulaUnit } from '@suocha/store';

export const formulaValueKey = (indicator: string, unit: string, period: string): string =>
  `${indicator}\u0000${unit}\u0000${period}`;

export interface StoreResolverData {
  readonly values: ReadonlyMap<string, FormulaInputObservation>;
  readonly units: readonly FormulaUnit[];
  readonly memberships: readonly FormulaMembership[];
}

export function storeResolver(data: StoreResolverData): FormulaResolver {
  const byCode = new Map(data.units.map((u) => [u.code, u]));
  const kids = new Map<string, FormulaUnit[]>();
  const byLevel = new Map<UnitLevel, FormulaUnit[]>();
  for (const u of data.units) {
    if (u.parentCode !== null) {
      const list = kids.get(u.parentCode);
      if (list) list.push(u);
      else kids.set(u.parentCode, [u]);
    }
    const l = byLevel.get(u.level);
    if (l) l.push(u);
    else byLevel.set(u.level, [u]);
  }
  const dated = (u: FormulaUnit, asOf: string) =>
    inForceOn({ validFrom: u.validFrom, validTo: u.validTo }, asOf);
  return {
    value: (indicator, unit, period) => data.values.get(formulaValueKey(indicator, unit, period))?.value,
    children: (unit, asOf) => (kids.get(unit) ?? []).filter((u) => dated(u, asOf)).map((u) => u.code),
    descendants: (unit, level, asOf) => {
      const root = byCode.get(unit);
      if (!root) return [];
      return (byLevel.get(level) ?? [])
        .filter((u) => u.path.startsWith(root.path) && u.code !== unit && dated(u, asOf))
        .map((u) => u.code);
    },
    members: (group, asOf) =>
      data.memberships
        .filter((m) => m.group === group && inForceOn({ validFrom: m.from, validTo: m.to }, asOf))
        .map((m) => m.unit),
  };
}
