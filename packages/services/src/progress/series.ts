/**
 * GET /api/indicators/:code/series?unit=… (issue 4 §5): every value of an indicator for a unit, oldest
 * first, each with its source, status and version and — for derived values — the lineage: the formula and
 * the input observations it was computed from with their sources (and whether an input has changed since).
 * The targets set for the indicator and unit come with it. This is the evidence behind a progress row or
 * a warning.
 */
import {
  COUNTED_STATUSES,
  getIndicator,
  getLineage,
  getUnit,
  listObservations,
  listTargets,
  type DerivedLineage,
  type ObservationStatus,
  type Store,
  type Target,
} from '@suocha/store';
import { ensureDerivedValues } from './derived';
import { ProgressError } from './errors';

export interface IndicatorSeriesPoint {
  readonly observationId: number;
  readonly period: string;
  readonly periodEnd: string;
  readonly value: number;
  readonly source: string;
  readonly note: string;
  readonly status: ObservationStatus;
  /** Approved or locked: the value counts for progress. */
  readonly counted: boolean;
  readonly version: number;
  readonly synthetic: boolean;
  readonly updatedAt: string;
  readonly derived: DerivedLineage | null;
}

export interface IndicatorSeries {
  readonly indicator: {
    readonly code: string;
    readonly nameZh: string;
    readonly nameEn: string;
    readonly unit: string;
    readonly polarity: 'up' | 'down';
    readonly definition: string;
  };
  readonly unit: { readonly code: string; readonly name: string };
  readonly items: readonly IndicatorSeriesPoint[];
  readonly targets: readonly Target[];
}

export async function indicatorSeries(
  store: Store,
  indicatorCode: string,
  unitCode: string,
): Promise<IndicatorSeries> {
  const indicator = await getIndicator(store, indicatorCode);
  if (!indicator)
    throw new ProgressError('INDICATOR_NOT_FOUND', `未知指标 (unknown indicator) "${indicatorCode}"`);
  const unit = await getUnit(store, unitCode);
  if (!unit)
    throw new ProgressError('UNIT_NOT_FOUND', `区划 ${unitCode} 不存在 (no unit with code ${unitCode})`);
  await ensureDerivedValues(store);
  const obs = await listObservations(store, { indicatorCode, unitCode });
  const lineage = await getLineage(
    store,
    obs.map((o) => o.id),
  );
  return {
    indicator: {
      code: indicator.code,
      nameZh: indicator.nameZh,
      nameEn: indicator.nameEn,
      unit: indicator.unit,
      polarity: indicator.polarity,
      definition: indicator.definition,
    },
    unit: { code: unit.code, name: unit.name },
    items: obs.map((o) => ({
      observationId: o.id,
      period: o.period,
      periodEnd: o.periodEnd,
      value: o.value,
      source: o.source,
      note: o.note,
      status: o.status,
      counted: COUNTED_STATUSES.includes(o.status),
      version: o.version,
      synthetic: o.synthetic,
      updatedAt: o.updatedAt,
      derived: lineage.get(o.id) ?? null,
    })),
    targets: await listTargets(store, { indicatorCode, unitCode }),
  };
}
