/**
 * Derived values (issue 4 §1): observations computed by an indicator's formula, stored in `observations`
 * like any other value (so progress, series and exports read them the same way) and marked in
 * `derived_values` with their lineage — each input observation and the version of it that was read.
 */
import type { Store } from '../db';
import type { ObservationStatus } from '../schema';
import {
  findObservationByKey,
  insertObservationValue,
  reviseObservationValue,
  type NewObservationValue,
  type ObservationWithMark,
  type ValueWriteMeta,
} from './observation-writes';

export interface DerivedInputRef {
  readonly observationId: number;
  readonly version: number;
}

export interface StoredDerivedValue {
  readonly observationId: number;
  readonly indicatorCode: string;
  readonly unitCode: string;
  readonly period: string;
  readonly value: number;
  readonly version: number;
  readonly status: ObservationStatus;
  readonly synthetic: boolean;
  readonly formula: string;
  readonly computedAt: string;
  readonly inputs: readonly DerivedInputRef[];
}

/** Every stored derived value of the given indicators, with its input references. */
export async function listDerivedValues(
  store: Store,
  indicatorCodes: readonly string[],
): Promise<StoredDerivedValue[]> {
  if (indicatorCodes.length === 0) return [];
  const rows = await store.db
    .selectFrom('derived_values as d')
    .innerJoin('observations as o', 'o.id', 'd.observation_id')
    .select([
      'd.observation_id',
      'd.indicator_code',
      'd.formula',
      'd.computed_at',
      'o.unit_code',
      'o.period',
      'o.value',
      'o.version',
      'o.status',
      'o.synthetic',
    ])
    .where('d.indicator_code', 'in', indicatorCodes)
    .orderBy('d.observation_id')
    .execute();
  if (rows.length === 0) return [];
  const inputs = new Map<number, DerivedInputRef[]>();
  const ids = rows.map((r) => r.observation_id);
  for (let i = 0; i < ids.length; i += 500) {
    const part = await store.db
      .selectFrom('derived_value_inputs')
      .select(['observation_id', 'input_observation_id', 'input_version'])
      .where('observation_id', 'in', ids.slice(i, i + 500))
      .orderBy('id')
      .execute();
    for (const p of part) {
      const list = inputs.get(p.observation_id) ?? [];
      list.push({ observationId: p.input_observation_id, version: p.input_version });
      inputs.set(p.observation_id, list);
    }
  }
  return rows.map((r) => ({
    observationId: r.observation_id,
    indicatorCode: r.indicator_code,
    unitCode: r.unit_code,
    period: r.period,
    value: r.value,
    version: r.version,
    status: r.status,
    synthetic: r.synthetic === 1,
    formula: r.formula,
    computedAt: r.computed_at,
    inputs: inputs.get(r.observation_id) ?? [],
  }));
}

export interface DerivedInsert extends NewObservationValue {
  readonly formula: string;
  readonly inputs: readonly DerivedInputRef[];
}

export interface DerivedUpdate {
  /** The stored derived value as read (its version guards the update). */
  readonly observationId: number;
  readonly expectedVersion: number;
  readonly value: number;
  /** `draft` takes a derived value out of the counted data when its inputs are gone. */
  readonly status: ObservationStatus;
  readonly synthetic: boolean;
  readonly source: string;
  readonly note: string;
  readonly formula: string;
  readonly inputs: readonly DerivedInputRef[];
  /** Reason recorded in the history. */
  readonly reason: string;
}

export interface DerivedWriteResult {
  readonly inserted: number;
  readonly updated: number;
  /** Keys that a recorded value took in the meantime; left alone. */
  readonly skipped: number;
}

/**
 * Writes new and changed derived values in one transaction, each with a history entry and its lineage.
 * A key that meanwhile holds a recorded (not derived) value is skipped: recorded values always win. An
 * update whose observation moved past the version read fails the whole transaction (VersionConflictError).
 */
export async function writeDerivedValues(
  store: Store,
  changes: { readonly inserts: readonly DerivedInsert[]; readonly updates: readonly DerivedUpdate[] },
  meta: ValueWriteMeta,
): Promise<DerivedWriteResult> {
  if (changes.inserts.length === 0 && changes.updates.length === 0)
    return { inserted: 0, updated: 0, skipped: 0 };
  return store.db.transaction().execute(async (trx) => {
    let inserted = 0;
    let updated = 0;
    let skipped = 0;
    const writeInputs = async (observationId: number, inputs: readonly DerivedInputRef[]) => {
      await trx.deleteFrom('derived_value_inputs').where('observation_id', '=', observationId).execute();
      const seen = new Set<number>();
      const rows = inputs.filter((i) => !seen.has(i.observationId) && seen.add(i.observationId));
      for (let i = 0; i < rows.length; i += 200)
        await trx
          .insertInto('derived_value_inputs')
          .values(
            rows.slice(i, i + 200).map((r) => ({
              observation_id: observationId,
              input_observation_id: r.observationId,
              input_version: r.version,
            })),
          )
          .execute();
    };
    for (const ins of changes.inserts) {
      if (await findObservationByKey(trx, ins)) {
        skipped++;
        continue;
      }
      const id = await insertObservationValue(trx, ins, meta);
      await trx
        .insertInto('derived_values')
        .values({
          observation_id: id,
          indicator_code: ins.indicatorCode,
          formula: ins.formula,
          computed_at: meta.at,
        })
        .execute();
      await writeInputs(id, ins.inputs);
      inserted++;
    }
    for (const up of changes.updates) {
      const current = await trx
        .selectFrom('observations')
        .selectAll()
        .where('id', '=', up.observationId)
        .executeTakeFirst();
      const mark = await trx
        .selectFrom('derived_values')
        .select('observation_id')
        .where('observation_id', '=', up.observationId)
        .executeTakeFirst();
      if (!current || !mark) {
        skipped++;
        continue;
      }
      const obs: ObservationWithMark = {
        id: current.id,
        indicatorCode: current.indicator_code,
        unitCode: current.unit_code,
        provinceCode: current.province_code,
        period: current.period,
        periodEnd: current.period_end,
        value: current.value,
        source: current.source,
        note: current.note,
        status: current.status,
        version: up.expectedVersion,
        synthetic: current.synthetic === 1,
        updatedAt: current.updated_at,
        updatedBy: current.updated_by,
        derived: true,
      };
      await reviseObservationValue(
        trx,
        obs,
        { value: up.value, source: up.source, note: up.note, status: up.status, synthetic: up.synthetic },
        { ...meta, reason: up.reason },
      );
      await trx
        .updateTable('derived_values')
        .set({ formula: up.formula, computed_at: meta.at })
        .where('observation_id', '=', up.observationId)
        .execute();
      await writeInputs(up.observationId, up.inputs);
      updated++;
    }
    return { inserted, updated, skipped };
  });
}

export interface DerivedLineageInput {
  readonly observationId: number;
  readonly indicatorCode: string;
  readonly unitCode: string;
  readonly period: string;
  /** The input's value now. */
  readonly value: number;
  /** The input's version now, and the version the derived value was computed from. */
  readonly version: number;
  readonly usedVersion: number;
  readonly source: string;
  readonly status: string;
  readonly synthetic: boolean;
}

export interface DerivedLineage {
  readonly formula: string;
  readonly computedAt: string;
  readonly inputs: readonly DerivedLineageInput[];
  /** Some input changed since the value was computed (recomputation pending). */
  readonly stale: boolean;
}

/** The lineage of derived observations: formula, inputs with their sources, whether it is stale. */
export async function getLineage(
  store: Store,
  observationIds: readonly number[],
): Promise<Map<number, DerivedLineage>> {
  const out = new Map<number, DerivedLineage>();
  for (let i = 0; i < observationIds.length; i += 500) {
    const ids = observationIds.slice(i, i + 500);
    const marks = await store.db
      .selectFrom('derived_values')
      .select(['observation_id', 'formula', 'computed_at'])
      .where('observation_id', 'in', ids)
      .execute();
    if (marks.length === 0) continue;
    const rows = await store.db
      .selectFrom('derived_value_inputs as l')
      .innerJoin('observations as o', 'o.id', 'l.input_observation_id')
      .select([
        'l.observation_id',
        'l.input_version',
        'o.id',
        'o.indicator_code',
        'o.unit_code',
        'o.period',
        'o.value',
        'o.version',
        'o.source',
        'o.status',
        'o.synthetic',
      ])
      .where(
        'l.observation_id',
        'in',
        marks.map((m) => m.observation_id),
      )
      .orderBy('l.id')
      .execute();
    const byObs = new Map<number, DerivedLineageInput[]>();
    for (const r of rows) {
      const list = byObs.get(r.observation_id) ?? [];
      list.push({
        observationId: r.id,
        indicatorCode: r.indicator_code,
        unitCode: r.unit_code,
        period: r.period,
        value: r.value,
        version: r.version,
        usedVersion: r.input_version,
        source: r.source,
        status: r.status,
        synthetic: r.synthetic === 1,
      });
      byObs.set(r.observation_id, list);
    }
    for (const m of marks) {
      const inputs = byObs.get(m.observation_id) ?? [];
      out.set(m.observation_id, {
        formula: m.formula,
        computedAt: m.computed_at,
        inputs,
        stale: inputs.some((x) => x.version !== x.usedVersion),
      });
    }
  }
  return out;
}
