/**
 * Monthly reports grouped by month for the project page (issue 7 §2: a corrected report is a new version,
 * never an overwrite): newest month first; within a month the current version first, then the versions it
 * replaced, newest first.
 */
import type { MonthlyReportDto } from '@suocha/contract';
import { monthIndex } from './months';

export interface MonthReports {
  readonly month: string;
  /** The version the metrics use (undefined only if the server marked none current). */
  readonly current: MonthlyReportDto | undefined;
  /** Every version of the month, current first then by version descending. */
  readonly versions: readonly MonthlyReportDto[];
}

export function groupReportVersions(reports: readonly MonthlyReportDto[]): MonthReports[] {
  const byMonth = new Map<string, MonthlyReportDto[]>();
  for (const r of reports) {
    const list = byMonth.get(r.month);
    if (list === undefined) byMonth.set(r.month, [r]);
    else list.push(r);
  }
  return [...byMonth.entries()]
    .sort(([a], [b]) => monthIndex(b) - monthIndex(a) || b.localeCompare(a))
    .map(([month, list]) => {
      const versions = [...list].sort(
        (a, b) => Number(b.current) - Number(a.current) || b.version - a.version,
      );
      return { month, current: versions.find((v) => v.current), versions };
    });
}
