/**
 * Data set definitions: the data set row, its fields (in form order) and its validation rules. Writes
 * go through `runProgram`, so that on SQLite they are one synchronous transaction like every other
 * collection write.
 */
import type { DataSetDefinition, DataSetField, PeriodKind, UnitLevel, ValidationRuleDef } from '@suocha/core';
import type { Store } from '../db';
import type { CollectionDatasetFieldsTable, CollectionDatasetsTable, CollectionRulesTable } from './schema';
import { col, runProgram, step, type Program, type Step } from './program';

export interface StoredDataSet extends DataSetDefinition {
  readonly version: number;
  readonly createdAt: string;
  readonly createdBy: string;
  readonly updatedAt: string;
  readonly updatedBy: string;
}

function toDataSet(
  d: CollectionDatasetsTable,
  fields: readonly CollectionDatasetFieldsTable[],
  rules: readonly CollectionRulesTable[],
): StoredDataSet {
  return {
    code: d.code,
    nameZh: d.name_zh,
    nameEn: d.name_en,
    // The check constraint admits only the four collection period kinds and the known levels.
    periodKind: d.period_kind as PeriodKind,
    ytd: d.ytd === 1,
    dueDay: d.due_day,
    dueOffsetMonths: d.due_offset_months,
    level: d.level as UnitLevel,
    scopeUnit: d.scope_unit,
    fields: fields.map((f): DataSetField => ({
      indicatorCode: f.indicator_code,
      valueType: f.value_type,
      min: f.min,
      max: f.max,
      required: f.required === 1,
      softMin: f.soft_min,
      softMax: f.soft_max,
    })),
    rules: rules.map((r): ValidationRuleDef => ({
      code: r.code,
      expression: r.expression,
      messageZh: r.message_zh,
      messageEn: r.message_en,
      severity: r.severity,
      missing: r.missing,
    })),
    outlier: { method: d.outlier_method, threshold: d.outlier_threshold, minHistory: d.outlier_min_history },
    version: d.version,
    createdAt: d.created_at,
    createdBy: d.created_by,
    updatedAt: d.updated_at,
    updatedBy: d.updated_by,
  };
}

export async function listDataSets(store: Store): Promise<StoredDataSet[]> {
  const [sets, fields, rules] = await Promise.all([
    store.db.selectFrom('collection_datasets').selectAll().orderBy('code').execute(),
    store.db
      .selectFrom('collection_dataset_fields')
      .selectAll()
      .orderBy('dataset_code')
      .orderBy('position')
      .execute(),
    store.db.selectFrom('collection_rules').selectAll().orderBy('dataset_code').orderBy('position').execute(),
  ]);
  return sets.map((d) =>
    toDataSet(
      d,
      fields.filter((f) => f.dataset_code === d.code),
      rules.filter((r) => r.dataset_code === d.code),
    ),
  );
}

export async function getDataSet(store: Store, code: string): Promise<StoredDataSet | undefined> {
  const d = await store.db
    .selectFrom('collection_datasets')
    .selectAll()
    .where('code', '=', code)
    .executeTakeFirst();
  if (!d) return undefined;
  const fields = await store.db
    .selectFrom('collection_dataset_fields')
    .selectAll()
    .where('dataset_code', '=', code)
    .orderBy('position')
    .execute();
  const rules = await store.db
    .selectFrom('collection_rules')
    .selectAll()
    .where('dataset_code', '=', code)
    .orderBy('position')
    .execute();
  return toDataSet(d, fields, rules);
}

function* writeParts(def: DataSetDefinition): Generator<Step, void, unknown> {
  let i = 0;
  for (const f of def.fields)
    yield step(
      `insert into collection_dataset_fields (dataset_code, position, indicator_code, value_type, min, max, required, soft_min, soft_max)
       values (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      def.code,
      i++,
      f.indicatorCode,
      f.valueType,
      f.min,
      f.max,
      f.required ? 1 : 0,
      f.softMin,
      f.softMax,
    );
  i = 0;
  for (const r of def.rules)
    yield step(
      `insert into collection_rules (dataset_code, position, code, expression, message_zh, message_en, severity, missing)
       values (?, ?, ?, ?, ?, ?, ?, ?)`,
      def.code,
      i++,
      r.code,
      r.expression,
      r.messageZh,
      r.messageEn,
      r.severity,
      r.missing,
    );
}

/** Stores a new data set; 'exists' when the code is taken (nothing written). */
export async function createDataSet(
  store: Store,
  def: DataSetDefinition,
  meta: { readonly by: string; readonly at: string },
): Promise<'created' | 'exists'> {
  return runProgram(store, function* (): Program<'created' | 'exists'> {
    const ins = yield step(
      `insert into collection_datasets (code, name_zh, name_en, period_kind, ytd, due_day, due_offset_months, level, scope_unit,
         outlier_method, outlier_threshold, outlier_min_history, version, created_at, created_by, updated_at, updated_by)
       values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?, ?, ?) on conflict (code) do nothing`,
      def.code,
      def.nameZh,
      def.nameEn,
      def.periodKind,
      def.ytd ? 1 : 0,
      def.dueDay,
      def.dueOffsetMonths,
      def.level,
      def.scopeUnit,
      def.outlier.method,
      def.outlier.threshold,
      def.outlier.minHistory,
      meta.at,
      meta.by,
      meta.at,
      meta.by,
    );
    if (ins.changes === 0) return { commit: false, value: 'exists' };
    for (const s of writeParts(def)) yield s;
    return { commit: true, value: 'created' };
  });
}

/**
 * Replaces a data set's definition if its version is still `expectedVersion` (optimistic), bumping the
 * version. Values already entered stay; forms show the new fields from now on.
 */
export async function updateDataSet(
  store: Store,
  def: DataSetDefinition,
  expectedVersion: number,
  meta: { readonly by: string; readonly at: string },
): Promise<
  { kind: 'updated'; version: number } | { kind: 'not_found' } | { kind: 'conflict'; version: number }
> {
  type R =
    { kind: 'updated'; version: number } | { kind: 'not_found' } | { kind: 'conflict'; version: number };
  return runProgram(store, function* (): Program<R> {
    const upd = yield step(
      `update collection_datasets set name_zh = ?, name_en = ?, period_kind = ?, ytd = ?, due_day = ?, due_offset_months = ?,
         level = ?, scope_unit = ?, outlier_method = ?, outlier_threshold = ?, outlier_min_history = ?,
         version = version + 1, updated_at = ?, updated_by = ?
       where code = ? and version = ? returning version`,
      def.nameZh,
      def.nameEn,
      def.periodKind,
      def.ytd ? 1 : 0,
      def.dueDay,
      def.dueOffsetMonths,
      def.level,
      def.scopeUnit,
      def.outlier.method,
      def.outlier.threshold,
      def.outlier.minHistory,
      meta.at,
      meta.by,
      def.code,
      expectedVersion,
    );
    if (upd.rows.length === 0) {
      const cur = yield step('select version from collection_datasets where code = ?', def.code);
      const row = cur.rows[0];
      return {
        commit: false,
        value: row ? { kind: 'conflict', version: col.num(row, 'version') } : { kind: 'not_found' },
      };
    }
    yield step('delete from collection_dataset_fields where dataset_code = ?', def.code);
    yield step('delete from collection_rules where dataset_code = ?', def.code);
    for (const s of writeParts(def)) yield s;
    return { commit: true, value: { kind: 'updated', version: col.num(upd.rows[0], 'version') } };
  });
}

/** Deletes a data set that has no forms yet ('in_use' otherwise: entered data keep their data set). */
export async function deleteDataSet(store: Store, code: string): Promise<'deleted' | 'not_found' | 'in_use'> {
  return runProgram(store, function* (): Program<'deleted' | 'not_found' | 'in_use'> {
    const used = yield step('select 1 as x from collection_forms where dataset_code = ? limit 1', code);
    if (used.rows.length) return { commit: false, value: 'in_use' };
    const usedValues = yield step('select 1 as x from observations where dataset_code = ? limit 1', code);
    if (usedValues.rows.length) return { commit: false, value: 'in_use' };
    yield step('delete from collection_dataset_fields where dataset_code = ?', code);
    yield step('delete from collection_rules where dataset_code = ?', code);
    const del = yield step('delete from collection_datasets where code = ?', code);
    return { commit: del.changes > 0, value: del.changes > 0 ? 'deleted' : 'not_found' };
  });
}

/** Whether any form (entered data) exists for the data set. */
export async function dataSetHasForms(store: Store, code: string): Promise<boolean> {
  const r = await store.db
    .selectFrom('collection_forms')
    .select('id')
    .where('dataset_code', '=', code)
    .limit(1)
    .executeTakeFirst();
  return r !== undefined;
}

/** Owning department of each indicator that has one. */
export async function getIndicatorDepartments(store: Store): Promise<Map<string, string>> {
  const rows = await store.db
    .selectFrom('indicators')
    .select(['code', 'department_code'])
    .where('department_code', 'is not', null)
    .execute();
  return new Map(rows.map((r) => [r.code, r.department_code ?? '']));
}

/** Sets (or clears) the owning department of an indicator; false when there is no such indicator. */
export async function setIndicatorDepartment(
  store: Store,
  indicatorCode: string,
  department: string | null,
): Promise<boolean> {
  return runProgram(store, function* (): Program<boolean> {
    const r = yield step(
      'update indicators set department_code = ? where code = ?',
      department,
      indicatorCode,
    );
    return { commit: true, value: r.changes > 0 };
  });
}
