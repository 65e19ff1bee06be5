/**
 * What the evaluation of derived-indicator formulas reads, in bulk: the counted observations of the
 * indicators a formula uses, the units (with their validity dates) and the group memberships, so that the
 * resolver of the formula language can answer synchronously from memory.
 */
import type { UnitLevel } from '@suocha/core';
import type { Store } from '../db';
import { COUNTED_STATUSES } from './progress-read';

export interface FormulaInputObservation {
  readonly id: number;
  readonly indicatorCode: string;
  readonly unitCode: string;
  readonly provinceCode: string;
  readonly period: string;
  readonly value: number;
  readonly version: number;
  readonly synthetic: boolean;
  readonly source: string;
}

/** Counted observations (approved or locked) of the given indicators, every unit and period. */
export async function listInputObservations(
  store: Store,
  indicatorCodes: readonly string[],
): Promise<FormulaInputObservation[]> {
  if (indicatorCodes.length === 0) return [];
  const rows = await store.db
    .selectFrom('observations')
    .select([
      'id',
      'indicator_code',
      'unit_code',
      'province_code',
      'period',
      'value',
      'version',
      'synthetic',
      'source',
    ])
    .where('indicator_code', 'in', [...new Set(indicatorCodes)])
    .where('status', 'in', COUNTED_STATUSES)
    .orderBy('id')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    indicatorCode: r.indicator_code,
    unitCode: r.unit_code,
    provinceCode: r.province_code,
    period: r.period,
    value: r.value,
    version: r.version,
    synthetic: r.synthetic === 1,
    source: r.source,
  }));
}

export interface FormulaUnit {
  readonly code: string;
  readonly parentCode: string | null;
  readonly level: UnitLevel;
  readonly path: string;
  readonly provinceCode: string;
  readonly validFrom: string | null;
  readonly validTo: string | null;
}

/** Every unit with its parent, level, path and validity (for set formulas). */
export async function listFormulaUnits(store: Store): Promise<FormulaUnit[]> {
  const rows = await store.db
    .selectFrom('units')
    .select(['code', 'parent_code', 'level', 'path', 'province_code', 'valid_from', 'valid_to'])
    .orderBy('code')
    .execute();
  return rows.map((r) => ({
    code: r.code,
    parentCode: r.parent_code,
    level: r.level,
    path: r.path,
    provinceCode: r.province_code,
    validFrom: r.valid_from,
    validTo: r.valid_to,
  }));
}

export interface FormulaMembership {
  readonly group: string;
  readonly unit: string;
  readonly from: string | null;
  readonly to: string | null;
}

export async function listFormulaMemberships(store: Store): Promise<FormulaMembership[]> {
  const rows = await store.db
    .selectFrom('unit_group_members')
    .select(['group_code', 'unit_code', 'valid_from', 'valid_to'])
    .orderBy('id')
    .execute();
  return rows.map((r) => ({ group: r.group_code, unit: r.unit_code, from: r.valid_from, to: r.valid_to }));
}

export async function listGroupCodes(store: Store): Promise<string[]> {
  return (await store.db.selectFrom('unit_groups').select('code').execute()).map((r) => r.code);
}

/** Indicators with their definitions (the formula text of derived ones). */
export async function listIndicatorDefinitions(
  store: Store,
): Promise<{ code: string; definition: string; polarity: 'up' | 'down' }[]> {
  return store.db
    .selectFrom('indicators')
    .select(['code', 'definition', 'polarity'])
    .orderBy('code')
    .execute();
}

/** Sets an indicator's definition (a formula, checked by the caller). Returns whether it existed. */
export async function setIndicatorDefinition(
  store: Store,
  code: string,
  definition: string,
): Promise<boolean> {
  const r = await store.db
    .updateTable('indicators')
    .set({ definition })
    .where('code', '=', code)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Keys (unit, period) that hold a value of the indicator, in any status. */
export async function listObservationKeys(
  store: Store,
  indicatorCode: string,
): Promise<{ unitCode: string; period: string }[]> {
  const rows = await store.db
    .selectFrom('observations')
    .select(['unit_code', 'period'])
    .where('indicator_code', '=', indicatorCode)
    .execute();
  return rows.map((r) => ({ unitCode: r.unit_code, period: r.period }));
}
