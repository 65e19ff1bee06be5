import { normalizePeriod } from '../../period';
import type { UnitLevel } from '../../hierarchy/levels';
import type { FormulaResolver } from './evaluate';

export interface MemoryValue {
  readonly indicator: string;
  readonly unit: string;
  readonly period: string;
  readonly value: number;
}

export interface MemoryUnit {
  readonly code: string;
  readonly parent: string | null;
  readonly level: UnitLevel;
}

export interface MemoryMembership {
  readonly group: string;
  readonly unit: string;
  /** First day of membership (inclusive); null = always. */
  readonly from: string | null;
  /** Day the membership ended (exclusive); null = still a member. */
  readonly to: string | null;
}

const canonical = (p: string): string => {
  const r = normalizePeriod(p);
  return r.ok ? r.value : p;
};

/**
 * A `FormulaResolver` over in-memory arrays, for previews, tests and benchmarks (the store provides the
 * database-backed one). Periods are matched in canonical spelling (`2025-Q3-YTD` = `2025Q3-YTD`);
 * memberships hold on days in [from, to). Unit validity dates are not modelled: every unit always exists.
 */
export function memoryResolver(data: {
  readonly values: Iterable<MemoryValue>;
  readonly units?: Iterable<MemoryUnit>;
  readonly memberships?: Iterable<MemoryMembership>;
}): FormulaResolver {
  const values = new Map<string, number>();
  const key = (indicator: string, unit: string, period: string) => `${indicator}\u0000${unit}\u0000${period}`;
  for (const v of data.values) values.set(key(v.indicator, v.unit, canonical(v.period)), v.value);
  const units = [...(data.units ?? [])];
  const byCode = new Map(units.map((u) => [u.code, u]));
  const kids = new Map<string, string[]>();
  for (const u of units) {
    if (u.parent === null) continue;
    const list = kids.get(u.parent);
    if (list) list.push(u.code);
    else kids.set(u.parent, [u.code]);
  }
  const memberships = [...(data.memberships ?? [])];
  const isBelow = (code: string, ancestor: string): boolean => {
    for (let p = byCode.get(code)?.parent ?? null; p !== null; p = byCode.get(p)?.parent ?? null)
      if (p === ancestor) return true;
    return false;
  };
  return {
    value: (indicator, unit, period) => values.get(key(indicator, unit, canonical(period))),
    children: (unit) => kids.get(unit) ?? [],
    descendants: (unit, level) =>
      units.filter((u) => u.level === level && isBelow(u.code, unit)).map((u) => u.code),
    members: (group, asOf) =>
      memberships
        .filter(
          (m) => m.group === group && (m.from === null || m.from <= asOf) && (m.to === null || asOf < m.to),
        )
        .map((m) => m.unit),
  };
}
