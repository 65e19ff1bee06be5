import type { ProgressRow } from '../api/types';
import { PROGRESS_STATUSES } from '../targets/progress-status';
import type { ProgressStatus } from '../api/types';

export interface ProgressFilter {
  readonly plan: string | null;
  readonly domain: string | null;
}

/** Domains in the order the page lists them: the three gaps first, then the rest alphabetically. */
const DOMAIN_ORDER = ['gap_urban_rural', 'gap_regional', 'income'];

export function domainRank(domain: string): number {
  const i = DOMAIN_ORDER.indexOf(domain);
  return i === -1 ? DOMAIN_ORDER.length : i;
}

const compareText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Domains present, in page order. */
export function domainsOf(domains: Iterable<string>): string[] {
  return [...new Set(domains)].sort((a, b) => domainRank(a) - domainRank(b) || compareText(a, b));
}

/** Rows of the chosen plan and domain (`domainOf` maps an indicator code to its catalogue domain). */
export function filterProgressRows(
  rows: readonly ProgressRow[],
  filter: ProgressFilter,
  domainOf: (indicatorCode: string) => string | undefined,
): ProgressRow[] {
  return rows.filter(
    (r) =>
      (filter.plan === null || r.plan.code === filter.plan) &&
      (filter.domain === null || domainOf(r.indicator.code) === filter.domain),
  );
}

/**
 * Table order: by domain (the three gaps first), indicator, unit, target year, then plan issue date —
 * so a superseded target sits right above the one that replaced it.
 */
export function sortProgressRows(
  rows: readonly ProgressRow[],
  domainOf: (indicatorCode: string) => string | undefined,
): ProgressRow[] {
  return [...rows].sort((a, b) => {
    const da = domainOf(a.indicator.code) ?? '';
    const db = domainOf(b.indicator.code) ?? '';
    return (
      domainRank(da) - domainRank(db) ||
      compareText(da, db) ||
      compareText(a.indicator.code, b.indicator.code) ||
      compareText(a.unit.code, b.unit.code) ||
      a.year - b.year ||
      compareText(a.plan.issuedOn, b.plan.issuedOn) ||
      a.targetId - b.targetId
    );
  });
}

/** Status counts of the targets judged now (one per indicator and unit), in status order. */
export function currentStatusCounts(
  rows: readonly ProgressRow[],
): { status: ProgressStatus; count: number }[] {
  return PROGRESS_STATUSES.map((status) => ({
    status,
    count: rows.filter((r) => r.current && r.status === status).length,
  }));
}

/** Plans present in the rows, by issue date. */
export function plansOf(rows: readonly ProgressRow[]): ProgressRow['plan'][] {
  const byCode = new Map<string, ProgressRow['plan']>();
  for (const r of rows) byCode.set(r.plan.code, r.plan);
  return [...byCode.values()].sort(
    (a, b) => compareText(a.issuedOn, b.issuedOn) || compareText(a.code, b.code),
  );
}
