import { inForceOn } from './unit';

/** A dated membership of a unit in a group (e.g. 山区海岛县), valid from (inclusive) to (exclusive). */
export interface Membership {
  readonly groupCode: string;
  readonly unitCode: string;
  readonly validFrom: string | null;
  readonly validTo: string | null;
}

/**
 * Members of a group on a date: a computation "as of" a date uses the membership of that date
 * (DESIGN.md data model; 山区海岛县 changed on 2024-08-01 and 2025-05-28).
 */
export function membersAsOf(
  memberships: readonly Membership[],
  groupCode: string,
  isoDate: string,
): string[] {
  const codes = new Set<string>();
  for (const m of memberships) if (m.groupCode === groupCode && inForceOn(m, isoDate)) codes.add(m.unitCode);
  return [...codes].sort();
}

/** Dates on which a group's membership changes, sorted: useful to show a group's history as a timeline. */
export function membershipChangeDates(memberships: readonly Membership[], groupCode: string): string[] {
  const dates = new Set<string>();
  for (const m of memberships) {
    if (m.groupCode !== groupCode) continue;
    if (m.validFrom) dates.add(m.validFrom);
    if (m.validTo) dates.add(m.validTo);
  }
  return [...dates].sort();
}
