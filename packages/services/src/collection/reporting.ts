/**
 * The reporting-rate view of a data set for one period (issue 3 §5): which units under a root have
 * reported, on time or late, and which have not, with totals for the root and for each of its children
 * (a province sees its cities, a city its counties). Also the overdue warnings the progress module
 * shows. Definitions in core/collection/reporting-rate.ts (DHIS2 reporting rate).
 */
import {
  dueDate,
  formatPeriod,
  inScope,
  pathCodes,
  reportingTotals,
  reportingWarnings,
  unitReporting,
  type ReportingTotals,
  type ReportingWarning,
  type UnitReporting,
} from '@suocha/core';
import { getReportingUnit, getUnit, listForms, listReportingUnits, type Store } from '@suocha/store';
import { datasetPeriod, unitReports } from './context';
import { requireDataSet } from './datasets';
import { CollectionError } from './errors';

export interface ReportingRequest {
  readonly datasetCode: string;
  readonly period: string;
  /** Root of the view (default: the data set's scope unit). */
  readonly rootUnit?: string;
  /** ISO timestamp of "now". */
  readonly now: string;
  /** Days overdue from which a warning is red (core default otherwise). */
  readonly redAfterDays?: number;
}

export interface ReportingView {
  readonly datasetCode: string;
  readonly period: string;
  readonly dueDate: string;
  readonly asOf: string;
  readonly root: { readonly code: string; readonly name: string };
  readonly totals: ReportingTotals;
  readonly byChild: readonly {
    readonly code: string;
    readonly name: string;
    readonly totals: ReportingTotals;
  }[];
  readonly units: readonly (UnitReporting & { readonly parentCode: string | null })[];
  readonly warnings: readonly ReportingWarning[];
}

export async function reportingRate(store: Store, req: ReportingRequest): Promise<ReportingView> {
  const dataset = await requireDataSet(store, req.datasetCode);
  const period = datasetPeriod(dataset, req.period);
  const periodText = formatPeriod(period);
  const rootCode = req.rootUnit ?? dataset.scopeUnit;
  const root = await getReportingUnit(store, rootCode);
  if (!root)
    throw new CollectionError('UNIT_NOT_FOUND', `区划 ${rootCode} 不存在 (no unit with code ${rootCode})`);
  const scope = await getReportingUnit(store, dataset.scopeUnit);
  // Expected: units of the data set's level under both the root and the data set's scope, existing in the period.
  const base =
    scope && inScope(scope.path, root.path)
      ? root
      : scope && inScope(root.path, scope.path)
        ? scope
        : undefined;
  const candidates = base ? await listReportingUnits(store, base.path, dataset.level) : [];
  const expected = candidates.filter((u) => unitReports(dataset, scope?.path ?? '', u, period) === undefined);
  const forms = await listForms(store, dataset.code, periodText);
  const due = dueDate(period, dataset);
  const units = unitReporting(
    expected.map((u) => ({ code: u.code, name: u.name })),
    forms.map((f) => ({ unitCode: f.unitCode, state: f.state, firstSubmittedAt: f.firstSubmittedAt })),
    due,
    req.now,
  );
  const parentOf = new Map(expected.map((u) => [u.code, u.parentCode] as const));
  // Group by the root's child on each unit's path.
  const depth = pathCodes(root.path).length;
  const childOf = new Map(expected.map((u) => [u.code, pathCodes(u.path)[depth]] as const));
  const groups = new Map<string, UnitReporting[]>();
  for (const u of units) {
    const c = childOf.get(u.code);
    if (c === undefined || c === u.code) continue;
    let g = groups.get(c);
    if (!g) groups.set(c, (g = []));
    g.push(u);
  }
  const byChild = [];
  for (const [code, list] of [...groups].sort((a, b) => a[0].localeCompare(b[0]))) {
    const unit = await getUnit(store, code);
    byChild.push({ code, name: unit?.name ?? code, totals: reportingTotals(list) });
  }
  return {
    datasetCode: dataset.code,
    period: periodText,
    dueDate: due,
    asOf: req.now,
    root: { code: root.code, name: root.name },
    totals: reportingTotals(units),
    byChild,
    units: units.map((u) => ({ ...u, parentCode: parentOf.get(u.code) ?? null })),
    warnings: reportingWarnings(
      units,
      req.redAfterDays === undefined ? {} : { redAfterDays: req.redAfterDays },
    ),
  };
}
