/**
 * Which of an indicator's targets count (METHODS.md §1): where several plans set a target for the same
 * unit and year the later plan governs (`governingTargets`), and per unit the target judged now is the
 * next governing target year (`nextTarget`). Shared by both bulk paths so that they agree by construction.
 */
import { governingTargets, nextTarget } from '@suocha/core';
import type { ProgressBulkTarget } from '@suocha/store';

/** Bit of `targetRoles`: superseded by a later plan's target for the same unit and year. */
export const TARGET_SUPERSEDED = 1;
/** Bit of `targetRoles`: the governing target judged now for its unit (next target year). */
export const TARGET_CURRENT = 2;

/**
 * Roles of one indicator's targets, position by position (`TARGET_SUPERSEDED`, `TARGET_CURRENT` bits). Most units have
 * one target per indicator; the general rules run only on units with several.
 */
export function targetRoles(
  indicatorCode: string,
  targets: readonly ProgressBulkTarget[],
  issued: ReadonlyMap<string, string>,
  asOf: string,
): Uint8Array {
  const roles = new Uint8Array(targets.length);
  const byUnit = new Map<string, number[]>();
  for (let i = 0; i < targets.length; i++) {
    const unit = targets[i]?.[2] ?? '';
    const list = byUnit.get(unit);
    if (list) list.push(i);
    else byUnit.set(unit, [i]);
  }
  for (const list of byUnit.values()) {
    if (list.length === 1) {
      roles[list[0] ?? 0] = TARGET_CURRENT;
      continue;
    }
    // Which plan governs matters only where several plans set the same year.
    const byYear = new Map<number, number[]>();
    for (const i of list) {
      const year = targets[i]?.[3] ?? 0;
      const g = byYear.get(year);
      if (g) g.push(i);
      else byYear.set(year, [i]);
    }
    for (const g of byYear.values()) {
      if (g.length < 2) continue;
      const ruled = governingTargets(
        g.map((i) => {
          const t = targets[i];
          return {
            indicator: indicatorCode,
            unit: t?.[2] ?? '',
            year: t?.[3] ?? 0,
            plan: t?.[1] ?? '',
            planIssuedOn: issued.get(t?.[1] ?? '') ?? '',
            i,
          };
        }),
      );
      for (const r of ruled) if (!r.governing) roles[r.i] = TARGET_SUPERSEDED;
    }
    const governing = list.filter((i) => roles[i] !== TARGET_SUPERSEDED);
    const next =
      governing.length === 1
        ? governing[0]
        : nextTarget(
            governing.map((i) => ({ year: targets[i]?.[3] ?? 0, i })),
            asOf,
          )?.i;
    if (next !== undefined) roles[next] = TARGET_CURRENT;
  }
  return roles;
}
