/**
 * Writing single observation values with their audit history: a new key is inserted with version 1, an
 * existing one is changed only if its version is still the one read (optimistic concurrency), and every
 * change appends a history entry in the same transaction. Used by `suocha observe` and by the
 * recomputation of derived values.
 */
import type { Kysely, Selectable } from 'kysely';
import type { Store } from '../db';
import type { Observation } from '../observations/observations-repo';
import type { Database, ObservationStatus, ObservationsTable } from '../schema';

export interface ObservationWithMark extends Observation {
  readonly provinceCode: string;
  /** The value was computed by its indicator's formula (it has lineage). */
  readonly derived: boolean;
}

export interface ValueWriteMeta {
  readonly by: string;
  readonly at: string;
  readonly reason: string;
}

export function toMarkedObservation(r: Selectable<ObservationsTable>, derived: boolean): ObservationWithMark {
  return {
    id: r.id,
    indicatorCode: r.indicator_code,
    unitCode: r.unit_code,
    provinceCode: r.province_code,
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
    derived,
  };
}

/** The observation of one key (canonical period), with whether it is a derived value. */
export async function findObservationByKey(
  db: Kysely<Database> | Store,
  key: { readonly indicatorCode: string; readonly unitCode: string; readonly period: string },
): Promise<ObservationWithMark | undefined> {
  const k = 'db' in db ? db.db : db;
  const r = await k
    .selectFrom('observations as o')
    .leftJoin('derived_values as d', 'd.observation_id', 'o.id')
    .selectAll('o')
    .select('d.observation_id as derived_id')
    .where('o.indicator_code', '=', key.indicatorCode)
    .where('o.unit_code', '=', key.unitCode)
    .where('o.period', '=', key.period)
    .executeTakeFirst();
  if (!r) return undefined;
  const { derived_id, ...row } = r;
  return toMarkedObservation(row, derived_id !== null);
}

export interface NewObservationValue {
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

/** Inserts a new key with version 1 and its first history entry; returns the new id. */
export async function insertObservationValue(
  db: Kysely<Database>,
  v: NewObservationValue,
  meta: ValueWriteMeta,
): Promise<number> {
  const { id } = await db
    .insertInto('observations')
    .values({
      indicator_code: v.indicatorCode,
      unit_code: v.unitCode,
      province_code: v.provinceCode,
      period: v.period,
      period_end: v.periodEnd,
      value: v.value,
      source: v.source,
      note: v.note,
      status: v.status,
      version: 1,
      synthetic: v.synthetic ? 1 : 0,
      updated_at: meta.at,
      updated_by: meta.by,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('observation_history')
    .values({
      observation_id: id,
      indicator_code: v.indicatorCode,
      unit_code: v.unitCode,
      province_code: v.provinceCode,
      period: v.period,
      version: 1,
      old_value: null,
      new_value: v.value,
      old_status: null,
      new_status: v.status,
      changed_by: meta.by,
      changed_at: meta.at,
      reason: meta.reason,
      source: v.source,
    })
    .execute();
  return id;
}

export interface ObservationRevision {
  readonly value: number;
  readonly source: string;
  readonly note: string;
  readonly status: ObservationStatus;
  readonly synthetic: boolean;
}

/** Raised when an observation changed between reading it and writing it. */
export class VersionConflictError extends Error {
  readonly code = 'VERSION_CONFLICT';
  constructor(
    readonly observationId: number,
    readonly expectedVersion: number,
  ) {
    super(
      `数据已被他人修改 (observation ${observationId} is no longer at version ${expectedVersion}; read it again)`,
    );
  }
}

/**
 * Changes an existing observation if it is still at `current.version`: version + 1 and a history entry
 * with the old and new value and status. Throws `VersionConflictError` otherwise (nothing written).
 */
export async function reviseObservationValue(
  db: Kysely<Database>,
  current: ObservationWithMark,
  next: ObservationRevision,
  meta: ValueWriteMeta,
): Promise<number> {
  const version = current.version + 1;
  const r = await db
    .updateTable('observations')
    .set({
      value: next.value,
      source: next.source,
      note: next.note,
      status: next.status,
      synthetic: next.synthetic ? 1 : 0,
      version,
      updated_at: meta.at,
      updated_by: meta.by,
    })
    .where('id', '=', current.id)
    .where('version', '=', current.version)
    .executeTakeFirst();
  if (Number(r.numUpdatedRows) !== 1) throw new VersionConflictError(current.id, current.version);
  await db
    .insertInto('observation_history')
    .values({
      observation_id: current.id,
      indicator_code: current.indicatorCode,
      unit_code: current.unitCode,
      province_code: current.provinceCode,
      period: current.period,
      version,
      old_value: current.value,
      new_value: next.value,
      old_status: current.status,
      new_status: next.status,
      changed_by: meta.by,
      changed_at: meta.at,
      reason: meta.reason,
      source: next.source,
    })
    .execute();
  return version;
}

export type RecordAction = 'inserted' | 'updated' | 'unchanged';

/**
 * Records one value for a key in one transaction: inserts it (version 1), or — if the key exists with
 * another value, source or note — revises it (version + 1, history entry). A derived value that is
 * recorded by hand becomes a recorded value: its lineage is removed, and recomputation leaves it alone.
 */
export async function recordObservationValue(
  store: Store,
  v: NewObservationValue,
  meta: ValueWriteMeta,
): Promise<{ action: RecordAction; observation: ObservationWithMark }> {
  return store.db.transaction().execute(async (trx) => {
    const current = await findObservationByKey(trx, v);
    if (!current) {
      await insertObservationValue(trx, v, meta);
    } else if (
      current.value === v.value &&
      current.source === v.source &&
      current.note === v.note &&
      current.status === v.status &&
      !current.derived
    ) {
      return { action: 'unchanged' as const, observation: current };
    } else {
      await reviseObservationValue(trx, current, v, meta);
      if (current.derived) await removeDerivedMark(trx, current.id);
    }
    const written = await findObservationByKey(trx, v);
    if (!written) throw new Error('observation vanished while recording it');
    return { action: current ? ('updated' as const) : ('inserted' as const), observation: written };
  });
}

/** Removes the lineage of a derived value (it is now a recorded value). */
export async function removeDerivedMark(db: Kysely<Database>, observationId: number): Promise<void> {
  await db.deleteFrom('derived_value_inputs').where('observation_id', '=', observationId).execute();
  await db.deleteFrom('derived_values').where('observation_id', '=', observationId).execute();
}
