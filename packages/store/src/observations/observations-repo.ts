import { sql } from 'kysely';
import type { Store } from '../db';
import type { ObservationStatus } from '../schema';

export interface Observation {
  readonly id: number;
  readonly indicatorCode: string;
  readonly unitCode: string;
  readonly period: string;
  readonly periodEnd: string;
  readonly value: number;
  readonly source: string;
  readonly note: string;
  readonly status: ObservationStatus;
  readonly version: number;
  readonly synthetic: boolean;
  readonly updatedAt: string;
  readonly updatedBy: string;
}

export interface NewObservation {
  readonly indicatorCode: string;
  readonly unitCode: string;
  readonly provinceCode: string;
  readonly period: string;
  readonly periodEnd: string;
  readonly value: number;
  readonly source: string;
  readonly note: string;
  readonly status: ObservationStatus;
  readonly synthetic: boolean;
}

export interface HistoryEntry {
  readonly id: number;
  readonly observationId: number;
  readonly version: number;
  readonly oldValue: number | null;
  readonly newValue: number | null;
  readonly oldStatus: string | null;
  readonly newStatus: string;
  readonly changedBy: string;
  readonly changedAt: string;
  readonly reason: string;
  readonly source: string;
}

/**
 * Inserts observations whose (indicator, unit, period) is not there yet, each with its first history entry,
 * all in one transaction: either every new row and its history lands, or nothing does. Existing keys are
 * left unchanged (loading a dataset twice changes nothing). Returns the number inserted.
 */
export async function insertNewObservations(
  store: Store,
  rows: readonly NewObservation[],
  meta: { readonly by: string; readonly at: string; readonly reason: string },
): Promise<number> {
  return store.db.transaction().execute(async (trx) => {
    let n = 0;
    for (const r of rows) {
      const inserted = await trx
        .insertInto('observations')
        .values({
          indicator_code: r.indicatorCode,
          unit_code: r.unitCode,
          province_code: r.provinceCode,
          period: r.period,
          period_end: r.periodEnd,
          value: r.value,
          source: r.source,
          note: r.note,
          status: r.status,
          version: 1,
          synthetic: r.synthetic ? 1 : 0,
          updated_at: meta.at,
          updated_by: meta.by,
        })
        .onConflict((oc) => oc.columns(['indicator_code', 'unit_code', 'period']).doNothing())
        .returning('id')
        .executeTakeFirst();
      if (!inserted) continue;
      n++;
      await trx
        .insertInto('observation_history')
        .values({
          observation_id: inserted.id,
          indicator_code: r.indicatorCode,
          unit_code: r.unitCode,
          province_code: r.provinceCode,
          period: r.period,
          version: 1,
          old_value: null,
          new_value: r.value,
          old_status: null,
          new_status: r.status,
          changed_by: meta.by,
          changed_at: meta.at,
          reason: meta.reason,
          source: r.source,
        })
        .execute();
    }
    return n;
  });
}

export async function listObservations(
  store: Store,
  filter: {
    indicatorCode?: string;
    unitCode?: string;
    unitCodes?: readonly string[];
    periodEndBy?: string;
  } = {},
): Promise<Observation[]> {
  let q = store.db.selectFrom('observations').selectAll();
  if (filter.indicatorCode) q = q.where('indicator_code', '=', filter.indicatorCode);
  if (filter.unitCode) q = q.where('unit_code', '=', filter.unitCode);
  if (filter.unitCodes)
    q = filter.unitCodes.length ? q.where('unit_code', 'in', filter.unitCodes) : q.where(sql<boolean>`1 = 0`);
  if (filter.periodEndBy) q = q.where('period_end', '<=', filter.periodEndBy);
  const rows = await q
    .orderBy('indicator_code')
    .orderBy('unit_code')
    .orderBy('period_end')
    .orderBy('period')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    indicatorCode: r.indicator_code,
    unitCode: r.unit_code,
    period: r.period,
    periodEnd: r.period_end,
    value: r.value,
    source: r.source,
    note: r.note,
    status: r.status,
    version: r.version,
    synthetic: r.synthetic === 1,
    updatedAt: r.updated_at,
    updatedBy: r.updated_by,
  }));
}

export async function getHistory(store: Store, observationId: number): Promise<HistoryEntry[]> {
  const rows = await store.db
    .selectFrom('observation_history')
    .selectAll()
    .where('observation_id', '=', observationId)
    .orderBy('version')
    .orderBy('id')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    observationId: r.observation_id,
    version: r.version,
    oldValue: r.old_value,
    newValue: r.new_value,
    oldStatus: r.old_status,
    newStatus: r.new_status,
    changedBy: r.changed_by,
    changedAt: r.changed_at,
    reason: r.reason,
    source: r.source,
  }));
}

export async function countRows(store: Store): Promise<Record<string, number>> {
  const tables = [
    'units',
    'unit_groups',
    'unit_group_members',
    'indicators',
    'plans',
    'targets',
    'observations',
    'observation_history',
    'tasks',
  ] as const;
  const out: Record<string, number> = {};
  for (const t of tables) {
    const r = await store.db
      .selectFrom(t)
      .select(sql<number>`count(*)`.as('n'))
      .executeTakeFirstOrThrow();
    out[t] = Number(r.n);
  }
  return out;
}

export async function recordDatasetLoad(
  store: Store,
  name: string,
  at: string,
  summary: string,
): Promise<void> {
  await store.db.insertInto('dataset_loads').values({ name, loaded_at: at, summary }).execute();
}

export async function listDatasetLoads(
  store: Store,
): Promise<{ name: string; loadedAt: string; summary: string }[]> {
  const rows = await store.db.selectFrom('dataset_loads').selectAll().orderBy('id').execute();
  return rows.map((r) => ({ name: r.name, loadedAt: r.loaded_at, summary: r.summary }));
}
