/**
 * `suocha observe <indicator> <unit> <period> <value> --source "…"` (issue 4 §5): records one published
 * value with its source. Everything is checked before anything is written — unknown indicator or unit, a
 * period that does not exist, a value that is not a finite number, an empty source — and the value then
 * lands with its history entry; the derived values that use it are recomputed right after.
 */
import { formatPeriod, parsePeriod, periodEndDate, provinceOf } from '@suocha/core';
import {
  getIndicator,
  getUnitPath,
  recordObservationValue,
  VersionConflictError,
  type ObservationWithMark,
  type RecordAction,
  type Store,
} from '@suocha/store';
import { recomputeDerivedValues, type DerivedSummary } from './derived';
import { ProgressError } from './errors';

export interface ObserveInput {
  readonly indicatorCode: string;
  readonly unitCode: string;
  /** Any spelling `parsePeriod` accepts; stored canonically. */
  readonly period: string;
  /** The value as given: a number, or text that must be one (e.g. "1.73", "1e3"). */
  readonly value: number | string;
  readonly source: string;
  readonly note?: string;
}

export interface ObserveResult {
  readonly action: RecordAction;
  readonly observation: ObservationWithMark;
  readonly derived: DerivedSummary;
}

/** Parses a value given as text: a plain decimal number (thousands separators and units are refused). */
export function parseObservedValue(v: number | string): number | undefined {
  if (typeof v === 'number') return Number.isFinite(v) ? v : undefined;
  const s = v.trim();
  if (!/^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/.test(s)) return undefined;
  const n = Number(s);
  return Number.isFinite(n) ? n : undefined;
}

export async function recordObservation(
  store: Store,
  input: ObserveInput,
  meta: { readonly by: string; readonly now: string },
): Promise<ObserveResult> {
  const indicator = await getIndicator(store, input.indicatorCode);
  if (!indicator)
    throw new ProgressError(
      'INDICATOR_NOT_FOUND',
      `未知指标 (unknown indicator) "${input.indicatorCode}"; see \`suocha indicators\``,
    );
  const path = await getUnitPath(store, input.unitCode);
  if (path === undefined)
    throw new ProgressError(
      'UNIT_NOT_FOUND',
      `区划 ${input.unitCode} 不存在 (no unit with code ${input.unitCode})`,
    );
  const period = parsePeriod(input.period);
  if (!period.ok) throw new ProgressError('BAD_PERIOD', period.error.message);
  const value = parseObservedValue(input.value);
  if (value === undefined)
    throw new ProgressError('BAD_VALUE', `数值无效 (not a number): "${String(input.value)}"`);
  const source = input.source.trim();
  if (source === '')
    throw new ProgressError(
      'EMPTY_SOURCE',
      '必须注明来源 (a source is required: where the figure was published)',
    );
  let written: { action: RecordAction; observation: ObservationWithMark };
  try {
    written = await recordObservationValue(
      store,
      {
        indicatorCode: indicator.code,
        unitCode: input.unitCode,
        provinceCode: provinceOf(path),
        period: formatPeriod(period.value),
        periodEnd: periodEndDate(period.value),
        value,
        source,
        note: input.note?.trim() ?? '',
        status: 'approved',
        synthetic: false,
      },
      { by: meta.by, at: meta.now, reason: 'recorded (suocha observe)' },
    );
  } catch (e) {
    if (e instanceof VersionConflictError) throw new ProgressError('VERSION_CONFLICT', e.message);
    throw e;
  }
  const derived =
    written.action === 'unchanged'
      ? { inserted: 0, updated: 0, unchanged: 0, skipped: 0, failed: [], conflicts: [] }
      : await recomputeDerivedValues(store, { now: meta.now, by: meta.by, inputs: [indicator.code] });
  return { ...written, derived };
}
