import type { Indicator, Plan, Target } from '../api/types';
import { domainRank } from '../overview/progress-table-model';

export interface CatalogueFilter {
  readonly query: string;
  readonly domain: string | null;
}

const normalise = (s: string) => s.toLowerCase().normalize('NFKC');
const compareText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Indicators matching a free-text query (every word must occur in the code, either name, the unit or the
 * definition) and a domain, ordered by domain (the three gaps first) and code.
 */
export function filterIndicators(items: readonly Indicator[], filter: CatalogueFilter): Indicator[] {
  const words = normalise(filter.query)
    .split(/\s+/)
    .filter((w) => w !== '');
  return items
    .filter((i) => filter.domain === null || i.domain === filter.domain)
    .filter((i) => {
      if (words.length === 0) return true;
      const text = normalise(`${i.code} ${i.nameZh} ${i.nameEn} ${i.unit} ${i.definition}`);
      return words.every((w) => text.includes(w));
    })
    .sort(
      (a, b) =>
        domainRank(a.domain) - domainRank(b.domain) ||
        (a.domain < b.domain ? -1 : a.domain > b.domain ? 1 : 0) ||
        (a.code < b.code ? -1 : a.code > b.code ? 1 : 0),
    );
}

/** Number of targets per indicator code. */
export function targetCounts(targets: readonly Target[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const t of targets) counts.set(t.indicatorCode, (counts.get(t.indicatorCode) ?? 0) + 1);
  return counts;
}

export interface PlanSummary {
  readonly plan: Plan;
  readonly targets: readonly Target[];
  /** Distinct units the plan sets targets for. */
  readonly units: readonly string[];
  readonly years: readonly number[];
}

/**
 * Plans by issue date, each with its targets — by domain (the three gaps first, as in the catalogue),
 * indicator, unit and year — and the units and years they cover.
 */
export function planSummaries(
  plans: readonly Plan[],
  targets: readonly Target[],
  domainOf: (indicatorCode: string) => string | undefined = () => undefined,
): PlanSummary[] {
  const rank = (code: string) => domainRank(domainOf(code) ?? '');
  return [...plans]
    .sort((a, b) => (a.issuedOn < b.issuedOn ? -1 : a.issuedOn > b.issuedOn ? 1 : a.code < b.code ? -1 : 1))
    .map((plan) => {
      const own = targets
        .filter((t) => t.planCode === plan.code)
        .sort(
          (a, b) =>
            rank(a.indicatorCode) - rank(b.indicatorCode) ||
            compareText(domainOf(a.indicatorCode) ?? '', domainOf(b.indicatorCode) ?? '') ||
            (a.indicatorCode < b.indicatorCode ? -1 : a.indicatorCode > b.indicatorCode ? 1 : 0) ||
            (a.unitCode < b.unitCode ? -1 : a.unitCode > b.unitCode ? 1 : 0) ||
            a.year - b.year,
        );
      return {
        plan,
        targets: own,
        units: [...new Set(own.map((t) => t.unitCode))].sort(),
        years: [...new Set(own.map((t) => t.year))].sort((a, b) => a - b),
      };
    });
}

/** The plan shown first: of the plans for the user's own unit, the one setting most targets; else the first. */
export function defaultPlan(summaries: readonly PlanSummary[], scope: string): PlanSummary | undefined {
  const own = summaries.filter((s) => s.plan.scopeUnit === scope);
  return [...own].sort((a, b) => b.targets.length - a.targets.length)[0] ?? summaries[0];
}
