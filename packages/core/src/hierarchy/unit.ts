import type { UnitLevel } from './levels';

/** A statistical division unit: province, city, county, town or village, dated when it was created or abolished. */
export interface Unit {
  readonly code: string;
  readonly name: string;
  readonly level: UnitLevel;
  readonly parentCode: string | null;
  /** Inclusive ISO date; null = since before the records start. */
  readonly validFrom: string | null;
  /** Exclusive ISO date; null = still exists. */
  readonly validTo: string | null;
}

/** Whether a dated record (unit or membership) is in force on an ISO date: from ≤ date < to. */
export function inForceOn(
  record: { readonly validFrom: string | null; readonly validTo: string | null },
  isoDate: string,
): boolean {
  return (
    (record.validFrom === null || record.validFrom <= isoDate) &&
    (record.validTo === null || isoDate < record.validTo)
  );
}
