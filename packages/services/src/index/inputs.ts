/**
 * The inputs of an index run: the approved observations of the framework's indicators for the units of
 * the run and the period, as a units × indicators matrix; for indicators imputed from the last period,
 * the latest earlier comparable period's value (same seasonality: 2024 for 2025, 2024Q3-YTD for
 * 2025Q3-YTD); and every observation version used, so that the run records its data version.
 *
 * One derived indicator is computed where no value is stored: `resident_income_province_ratio` =
 * 100 × resident_income(unit) / resident_income(the unit's province), same period. A stored value wins
 * over a derived one, and real data over synthetic: direct real → derived real → direct synthetic →
 * derived synthetic.
 */
import {
  comparePeriods,
  formatPeriod,
  parsePeriod,
  periodEndDate,
  sameSeasonality,
  type Period,
} from '@suocha/core';
import {
  listIndexObservations,
  type IndexObservation,
  type ObservationStatus,
  type RunInput,
  type ScopedUnit,
  type Store,
} from '@suocha/store';

/** Only reviewed values enter an index run: drafts and submissions waiting for approval do not. */
export const INDEX_STATUSES: readonly ObservationStatus[] = ['approved', 'locked'];

/** Indicators derived as 100 × component(unit) / component(province) when not stored. */
export const PROVINCE_RATIOS: ReadonlyMap<string, string> = new Map([
  ['resident_income_province_ratio', 'resident_income'],
]);

export function derivedDescription(indicator: string): string | null {
  const component = PROVINCE_RATIOS.get(indicator);
  return component ? `100 × ${component} / ${component}(province)` : null;
}

export interface CellValue {
  readonly value: number;
  readonly synthetic: boolean;
  readonly derived: boolean;
  readonly sources: readonly IndexObservation[];
}

const key = (indicator: string, unit: string, period: string) => `${indicator}\u0000${unit}\u0000${period}`;

/** Observations by (indicator, unit, period), with the value rules above. */
export class ObservationLookup {
  private readonly byKey = new Map<string, IndexObservation>();
  readonly periods: ReadonlySet<string>;

  constructor(observations: readonly IndexObservation[]) {
    const periods = new Set<string>();
    for (const o of observations) {
      this.byKey.set(key(o.indicatorCode, o.unitCode, o.period), o);
      periods.add(o.period);
    }
    this.periods = periods;
  }

  direct(indicator: string, unit: string, period: string): IndexObservation | undefined {
    return this.byKey.get(key(indicator, unit, period));
  }

  /** The value of an indicator for a unit and period, by the preference order above. */
  cell(indicator: string, unit: ScopedUnit, period: string): CellValue | undefined {
    const direct = this.direct(indicator, unit.code, period);
    const component = PROVINCE_RATIOS.get(indicator);
    let derived: CellValue | undefined;
    if (component !== undefined && unit.code !== unit.provinceCode) {
      const own = this.direct(component, unit.code, period);
      const province = this.direct(component, unit.provinceCode, period);
      if (own && province && province.value !== 0)
        derived = {
          value: (100 * own.value) / province.value,
          synthetic: own.synthetic || province.synthetic,
          derived: true,
          sources: [own, province],
        };
    }
    const stored: CellValue | undefined = direct
      ? { value: direct.value, synthetic: direct.synthetic, derived: false, sources: [direct] }
      : undefined;
    const candidates = [stored, derived].filter((c): c is CellValue => c !== undefined);
    return candidates.find((c) => !c.synthetic) ?? candidates[0];
  }

  /** Periods present that are comparable with `period` and earlier, latest first. */
  earlierComparable(period: Period): string[] {
    const out: Period[] = [];
    for (const text of this.periods) {
      const p = parsePeriod(text);
      if (p.ok && sameSeasonality(p.value, period) && comparePeriods(p.value, period) < 0) out.push(p.value);
    }
    return out.sort((a, b) => comparePeriods(b, a)).map(formatPeriod);
  }
}

/** Reads the observations needed for `indicators` of `units` up to the end of `period`. */
export async function loadObservationLookup(
  store: Store,
  indicators: readonly string[],
  units: readonly ScopedUnit[],
  period: Period,
): Promise<ObservationLookup> {
  const codes = new Set(indicators);
  for (const i of indicators) {
    const c = PROVINCE_RATIOS.get(i);
    if (c) codes.add(c);
  }
  const unitCodes = new Set<string>();
  for (const u of units) {
    unitCodes.add(u.code);
    unitCodes.add(u.provinceCode);
  }
  const observations = await listIndexObservations(store, {
    indicators: [...codes],
    unitCodes: [...unitCodes],
    periodEndBy: periodEndDate(period),
    statuses: INDEX_STATUSES,
  });
  return new ObservationLookup(observations);
}

export interface GatheredInputs {
  /** units × indicators (row-major, NaN = missing), columns in the order of `indicators`. */
  readonly values: Float64Array;
  /** Last available earlier comparable value, only for indicators imputed by `last_period`. */
  readonly previous: Float64Array | undefined;
  /** Every observation version used (deduplicated), for the run's data version and fingerprint. */
  readonly inputs: readonly RunInput[];
  /** Units with at least one synthetic input. */
  readonly syntheticUnits: ReadonlySet<string>;
  /** Per indicator: cells whose value was derived rather than stored. */
  readonly derivedCount: readonly number[];
}

/**
 * The matrix of a run. `lastPeriod[j]` says whether indicator j is imputed from the last period: only then
 * is an earlier value looked up, and only for cells missing in the period.
 */
export function gatherInputs(
  lookup: ObservationLookup,
  units: readonly ScopedUnit[],
  indicators: readonly string[],
  lastPeriod: readonly boolean[],
  period: Period,
): GatheredInputs {
  const n = units.length;
  const m = indicators.length;
  const current = formatPeriod(period);
  const values = new Float64Array(n * m).fill(Number.NaN);
  const needPrevious = lastPeriod.some(Boolean);
  const previous = needPrevious ? new Float64Array(n * m).fill(Number.NaN) : undefined;
  const earlier = needPrevious ? lookup.earlierComparable(period) : [];
  const inputs = new Map<string, RunInput>();
  const syntheticUnits = new Set<string>();
  const derivedCount = new Array<number>(m).fill(0);
  const record = (cell: CellValue, unit: string, usedFor: string, role: RunInput['role']) => {
    if (cell.synthetic) syntheticUnits.add(unit);
    for (const o of cell.sources) {
      const k = `${o.id}|${role}|${usedFor}`;
      if (!inputs.has(k))
        inputs.set(k, {
          observationId: o.id,
          indicatorCode: o.indicatorCode,
          unitCode: o.unitCode,
          period: o.period,
          version: o.version,
          value: o.value,
          synthetic: o.synthetic,
          role,
          usedFor,
        });
    }
  };
  units.forEach((unit, u) => {
    indicators.forEach((indicator, j) => {
      const cell = lookup.cell(indicator, unit, current);
      if (cell) {
        values[u * m + j] = cell.value;
        if (cell.derived) derivedCount[j]!++;
        record(cell, unit.code, indicator, 'value');
        return;
      }
      if (!previous || !lastPeriod[j]) return;
      for (const p of earlier) {
        const before = lookup.cell(indicator, unit, p);
        if (!before) continue;
        previous[u * m + j] = before.value;
        record(before, unit.code, indicator, 'last_period');
        break;
      }
    });
  });
  return { values, previous, inputs: [...inputs.values()], syntheticUnits, derivedCount };
}
