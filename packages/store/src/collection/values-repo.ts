/**
 * Values entered through data sets: reads for forms and validation, the save of one form's values with
 * optimistic versioning, and the history of a value or a form. Values live in `observations` (one row
 * per indicator × unit × period) with every change in the append-only `observation_history`.
 *
 * Optimistic versioning: a write carries the version the writer saw (0 for "no value yet"). The update
 * is conditional (`where id = ? and version = ?`) and an insert yields to an existing row (`on conflict
 * do nothing`), so two writers of the same value can never both succeed from the same version on
 * either engine; the loser gets a conflict with the stored value and its own.
 */
import type { ObservationStatus } from '../schema';
import type { Store } from '../db';
import { ensureForm, FORM_COLUMNS, FORM_KEY, toFormRecord, type FormRecord } from './forms-repo';
import { col, runProgram, runStep, step, type Program, type Row } from './program';

export interface StoredValue {
  readonly id: number;
  readonly indicatorCode: string;
  readonly unitCode: string;
  readonly period: string;
  readonly value: number;
  readonly status: ObservationStatus;
  readonly version: number;
  readonly comment: string;
  readonly datasetCode: string | null;
  readonly source: string;
  readonly updatedAt: string;
  readonly updatedBy: string;
}

const VALUE_COLUMNS =
  'id, indicator_code, unit_code, period, value, status, version, comment, dataset_code, source, updated_at, updated_by';

function toStoredValue(r: Row): StoredValue {
  return {
    id: col.num(r, 'id'),
    indicatorCode: col.str(r, 'indicator_code'),
    unitCode: col.str(r, 'unit_code'),
    period: col.str(r, 'period'),
    value: col.num(r, 'value'),
    // The check constraint admits only the four statuses.
    status: col.str(r, 'status') as ObservationStatus,
    version: col.num(r, 'version'),
    comment: col.str(r, 'comment'),
    datasetCode: col.strOrNull(r, 'dataset_code'),
    source: col.str(r, 'source'),
    updatedAt: col.str(r, 'updated_at'),
    updatedBy: col.str(r, 'updated_by'),
  };
}

const placeholders = (n: number) => Array.from({ length: n }, () => '?').join(', ');

/** Stored values of one unit for the given indicators and periods (a form, its history, prev/ly). */
export async function getUnitValues(
  store: Store,
  unitCode: string,
  indicatorCodes: readonly string[],
  periods: readonly string[],
): Promise<StoredValue[]> {
  if (indicatorCodes.length === 0 || periods.length === 0) return [];
  const r = await runStep(
    store,
    step(
      `select ${VALUE_COLUMNS} from observations where unit_code = ? and indicator_code in (${placeholders(indicatorCodes.length)})
       and period in (${placeholders(periods.length)}) order by indicator_code, period`,
      unitCode,
      ...indicatorCodes,
      ...periods,
    ),
  );
  return r.rows.map(toStoredValue);
}

export interface ScannedValue {
  readonly indicatorCode: string;
  readonly unitCode: string;
  readonly period: string;
  readonly id: number;
  readonly value: number;
  readonly status: ObservationStatus;
  readonly version: number;
  readonly comment: string;
  readonly datasetCode: string | null;
}

/**
 * Streams the stored values of the given periods for units whose codes lie in [fromUnit, toUnit] to
 * `onRow`, one period at a time along the (period, unit) index — one sweep per period, reading the rows
 * of each unit together — for bulk validation, which needs current values and history of many units at
 * once. Rows of other indicators or units in the range are the caller's to skip. Raw drivers: an
 * iterator on SQLite, array rows on PostgreSQL.
 */
export async function scanPeriods(
  store: Store,
  periods: readonly string[],
  unitRange: { readonly from: string; readonly to: string },
  onRow: (v: ScannedValue) => void,
): Promise<void> {
  const emit = (r: unknown[]) =>
    onRow({
      indicatorCode: String(r[0]),
      unitCode: String(r[1]),
      period: String(r[2]),
      id: Number(r[3]),
      value: Number(r[4]),
      // The check constraint admits only the four statuses.
      status: String(r[5]) as ObservationStatus,
      version: Number(r[6]),
      comment: String(r[7] ?? ''),
      datasetCode: r[8] === null || r[8] === undefined ? null : String(r[8]),
    });
  const columns = 'indicator_code, unit_code, period, id, value, status, version, comment, dataset_code';
  if (store.raw.sqlite) {
    const stmt = store.raw.sqlite
      .prepare(`select ${columns} from observations where period = ? and unit_code >= ? and unit_code <= ?`)
      .raw(true);
    for (const p of periods)
      for (const r of stmt.iterate(p, unitRange.from, unitRange.to) as Iterable<unknown[]>) emit(r);
    return;
  }
  const pool = store.raw.pg;
  if (!pool) throw new Error('store has no driver');
  for (const p of periods) {
    const r = await pool.query<unknown[]>({
      text: `select ${columns} from observations where period = $1 and unit_code >= $2 and unit_code <= $3`,
      values: [p, unitRange.from, unitRange.to],
      rowMode: 'array',
    });
    for (const row of r.rows) emit(row);
  }
}

/**
 * The lean variant of `scanPeriods` for history: the indicator's position in `indicatorCodes` (rows of
 * other indicators are skipped), the unit and the value, passed as arguments rather than as an object
 * per row — an import of one month reads a year of history, millions of rows.
 */
export async function scanPeriodValues(
  store: Store,
  periods: readonly string[],
  unitRange: { readonly from: string; readonly to: string },
  indicatorCodes: readonly string[],
  onRow: (indicatorIndex: number, unitCode: string, period: string, value: number) => void,
): Promise<void> {
  const index = new Map(indicatorCodes.map((c, i) => [c, i] as const));
  if (store.raw.sqlite) {
    const stmt = store.raw.sqlite
      .prepare(
        'select indicator_code, unit_code, value from observations where period = ? and unit_code >= ? and unit_code <= ?',
      )
      .raw(true);
    for (const p of periods)
      for (const r of stmt.iterate(p, unitRange.from, unitRange.to) as Iterable<[string, string, number]>) {
        const i = index.get(r[0]);
        if (i !== undefined) onRow(i, r[1], p, r[2]);
      }
    return;
  }
  const pool = store.raw.pg;
  if (!pool) throw new Error('store has no driver');
  for (const p of periods) {
    const r = await pool.query<[number, string, number]>({
      text: `select array_position($4::text[], indicator_code) - 1 as i, unit_code, value from observations
             where period = $1 and unit_code >= $2 and unit_code <= $3 and indicator_code = any($4::text[])`,
      values: [p, unitRange.from, unitRange.to, [...indicatorCodes]],
      rowMode: 'array',
    });
    for (const row of r.rows) onRow(row[0], row[1], p, row[2]);
  }
}

export interface ValueWrite {
  readonly indicatorCode: string;
  /** null clears the value (the row is deleted; the history keeps it). */
  readonly value: number | null;
  readonly comment: string;
  /** The version the writer saw; 0 when it saw no value. */
  readonly expectedVersion: number;
}

export interface ValueConflict {
  readonly indicatorCode: string;
  /** What is stored now (null: no value), and what this writer tried to write. */
  readonly stored: {
    readonly value: number;
    readonly version: number;
    readonly status: ObservationStatus;
    readonly comment: string;
    readonly updatedBy: string;
    readonly updatedAt: string;
  } | null;
  readonly attempted: { readonly value: number | null; readonly version: number; readonly comment: string };
  readonly reason: 'version' | 'not_editable';
}

export interface SaveFormInput {
  readonly datasetCode: string;
  readonly unitCode: string;
  readonly provinceCode: string;
  readonly period: string;
  readonly periodEnd: string;
  readonly values: readonly ValueWrite[];
  /** When given, the form must still be at this version. */
  readonly expectedFormVersion?: number;
  readonly by: string;
  readonly at: string;
  readonly reason: string;
  readonly source: string;
}

export type SaveFormResult =
  | { readonly kind: 'ok'; readonly written: number; readonly unchanged: number; readonly form: FormRecord }
  | { readonly kind: 'conflict'; readonly conflicts: readonly ValueConflict[] }
  | { readonly kind: 'form_state'; readonly form: FormRecord | undefined };

const HISTORY_INSERT = `insert into observation_history (observation_id, indicator_code, unit_code, province_code, period, version,
  old_value, new_value, old_status, new_status, changed_by, changed_at, reason, source, comment)
  values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`;

/**
 * Saves values of one form as drafts, all or nothing: the form must be in draft, every value must still
 * be at the version its writer saw and be a draft of this data set (or absent). A changed value is
 * updated with version + 1, a new one inserted at version 1, an equal one left alone; each change is a
 * history entry.
 */
export async function saveFormValues(store: Store, input: SaveFormInput): Promise<SaveFormResult> {
  const { datasetCode, unitCode, provinceCode, period } = input;
  return runProgram(store, function* (): Program<SaveFormResult> {
    yield* ensureForm(datasetCode, unitCode, provinceCode, period, input.by, input.at);
    // Bumping the form row first serialises writers of one form and fails if it left draft meanwhile.
    const touched = yield step(
      `update collection_forms set version = version + 1, updated_at = ?, updated_by = ?
       where ${FORM_KEY} and state = 'draft'${input.expectedFormVersion === undefined ? '' : ' and version = ?'}
       returning ${FORM_COLUMNS}`,
      input.at,
      input.by,
      datasetCode,
      unitCode,
      period,
      ...(input.expectedFormVersion === undefined ? [] : [input.expectedFormVersion]),
    );
    if (!touched.rows[0]) {
      const cur = yield step(
        `select ${FORM_COLUMNS} from collection_forms where ${FORM_KEY}`,
        datasetCode,
        unitCode,
        period,
      );
      return {
        commit: false,
        value: { kind: 'form_state', form: cur.rows[0] ? toFormRecord(cur.rows[0]) : undefined },
      };
    }
    const form = toFormRecord(touched.rows[0]);
    const existing = new Map<string, StoredValue>();
    const conflicts: ValueConflict[] = [];
    const storedOf = (s: StoredValue | undefined): ValueConflict['stored'] =>
      s
        ? {
            value: s.value,
            version: s.version,
            status: s.status,
            comment: s.comment,
            updatedBy: s.updatedBy,
            updatedAt: s.updatedAt,
          }
        : null;
    const attempted = (w: ValueWrite) => ({ value: w.value, version: w.expectedVersion, comment: w.comment });
    for (const w of input.values) {
      const r = yield step(
        `select ${VALUE_COLUMNS} from observations where indicator_code = ? and unit_code = ? and period = ?`,
        w.indicatorCode,
        unitCode,
        period,
      );
      const s = r.rows[0] ? toStoredValue(r.rows[0]) : undefined;
      if (s) existing.set(w.indicatorCode, s);
      if ((s?.version ?? 0) !== w.expectedVersion)
        conflicts.push({
          indicatorCode: w.indicatorCode,
          stored: storedOf(s),
          attempted: attempted(w),
          reason: 'version',
        });
      else if (s && (s.status !== 'draft' || (s.datasetCode !== null && s.datasetCode !== datasetCode)))
        conflicts.push({
          indicatorCode: w.indicatorCode,
          stored: storedOf(s),
          attempted: attempted(w),
          reason: 'not_editable',
        });
    }
    if (conflicts.length) return { commit: false, value: { kind: 'conflict', conflicts } };

    let written = 0;
    let unchanged = 0;
    for (const w of input.values) {
      const s = existing.get(w.indicatorCode);
      if (w.value === null) {
        if (!s) {
          unchanged++;
          continue;
        }
        const del = yield step('delete from observations where id = ? and version = ?', s.id, s.version);
        if (del.changes === 0)
          return {
            commit: false,
            value: {
              kind: 'conflict',
              conflicts: [
                {
                  indicatorCode: w.indicatorCode,
                  stored: storedOf(s),
                  attempted: attempted(w),
                  reason: 'version',
                },
              ],
            },
          };
        yield step(
          'insert into collection_cleared (observation_id, indicator_code, unit_code, period) values (?, ?, ?, ?)',
          s.id,
          w.indicatorCode,
          unitCode,
          period,
        );
        yield step(
          HISTORY_INSERT,
          s.id,
          w.indicatorCode,
          unitCode,
          provinceCode,
          period,
          s.version + 1,
          s.value,
          null,
          s.status,
          'draft',
          input.by,
          input.at,
          input.reason || '清除 cleared',
          input.source,
          w.comment,
        );
        written++;
        continue;
      }
      if (!s) {
        const ins = yield step(
          `insert into observations (indicator_code, unit_code, province_code, period, period_end, value, source, note, status, version,
             synthetic, updated_at, updated_by, dataset_code, comment)
           values (?, ?, ?, ?, ?, ?, ?, '', 'draft', 1, 0, ?, ?, ?, ?)
           on conflict (indicator_code, unit_code, period) do nothing returning id`,
          w.indicatorCode,
          unitCode,
          provinceCode,
          period,
          input.periodEnd,
          w.value,
          input.source,
          input.at,
          input.by,
          datasetCode,
          w.comment,
        );
        const id = ins.rows[0] ? col.num(ins.rows[0], 'id') : undefined;
        if (id === undefined) {
          // Another writer inserted it since we looked: report what is there now.
          const now = yield step(
            `select ${VALUE_COLUMNS} from observations where indicator_code = ? and unit_code = ? and period = ?`,
            w.indicatorCode,
            unitCode,
            period,
          );
          return {
            commit: false,
            value: {
              kind: 'conflict',
              conflicts: [
                {
                  indicatorCode: w.indicatorCode,
                  stored: storedOf(now.rows[0] ? toStoredValue(now.rows[0]) : undefined),
                  attempted: attempted(w),
                  reason: 'version',
                },
              ],
            },
          };
        }
        yield step(
          HISTORY_INSERT,
          id,
          w.indicatorCode,
          unitCode,
          provinceCode,
          period,
          1,
          null,
          w.value,
          null,
          'draft',
          input.by,
          input.at,
          input.reason,
          input.source,
          w.comment,
        );
        written++;
        continue;
      }
      if (s.value === w.value && s.comment === w.comment) {
        unchanged++;
        continue;
      }
      const upd = yield step(
        `update observations set value = ?, comment = ?, dataset_code = ?, source = ?, version = version + 1, updated_at = ?, updated_by = ?
         where id = ? and version = ?`,
        w.value,
        w.comment,
        datasetCode,
        input.source,
        input.at,
        input.by,
        s.id,
        s.version,
      );
      if (upd.changes === 0)
        return {
          commit: false,
          value: {
            kind: 'conflict',
            conflicts: [
              {
                indicatorCode: w.indicatorCode,
                stored: storedOf(s),
                attempted: attempted(w),
                reason: 'version',
              },
            ],
          },
        };
      yield step(
        HISTORY_INSERT,
        s.id,
        w.indicatorCode,
        unitCode,
        provinceCode,
        period,
        s.version + 1,
        s.value,
        w.value,
        s.status,
        'draft',
        input.by,
        input.at,
        input.reason,
        input.source,
        w.comment,
      );
      written++;
    }
    return { commit: true, value: { kind: 'ok', written, unchanged, form } };
  });
}

export interface ValueHistoryEntry {
  readonly observationId: number;
  readonly indicatorCode: string;
  readonly unitCode: string;
  readonly period: string;
  readonly version: number;
  readonly oldValue: number | null;
  readonly newValue: number | null;
  readonly oldStatus: string | null;
  readonly newStatus: string;
  readonly changedBy: string;
  readonly changedAt: string;
  readonly reason: string;
  readonly source: string;
  readonly comment: string;
}

/**
 * The history of one value (indicator × unit × period), or of every value of a unit and period when no
 * indicator is given, in the order it happened. By key rather than row id, so a value cleared and
 * entered again shows its whole story.
 */
export async function getValueHistory(
  store: Store,
  key: {
    readonly unitCode: string;
    readonly period: string;
    readonly indicatorCode?: string;
    readonly indicatorCodes?: readonly string[];
  },
): Promise<ValueHistoryEntry[]> {
  // The values' ids: those there now, and those cleared from forms (history is indexed by id).
  const idsOf = async (table: 'observations' | 'collection_cleared', idColumn: 'id' | 'observation_id') => {
    let q = store.db
      .selectFrom(table)
      .select(`${idColumn} as id`)
      .where('unit_code', '=', key.unitCode)
      .where('period', '=', key.period);
    if (key.indicatorCode !== undefined) q = q.where('indicator_code', '=', key.indicatorCode);
    if (key.indicatorCodes !== undefined)
      q = key.indicatorCodes.length
        ? q.where('indicator_code', 'in', key.indicatorCodes)
        : q.where('indicator_code', '=', '');
    return (await q.execute()).map((r) => r.id);
  };
  const ids = [
    ...(await idsOf('observations', 'id')),
    ...(await idsOf('collection_cleared', 'observation_id')),
  ];
  if (ids.length === 0) return [];
  const rows = [];
  for (let i = 0; i < ids.length; i += 500)
    rows.push(
      ...(await store.db
        .selectFrom('observation_history')
        .selectAll()
        .where('observation_id', 'in', ids.slice(i, i + 500))
        .execute()),
    );
  rows.sort((a, b) => a.id - b.id);
  return rows.map((r) => ({
    observationId: r.observation_id,
    indicatorCode: r.indicator_code,
    unitCode: r.unit_code,
    period: r.period,
    version: r.version,
    oldValue: r.old_value,
    newValue: r.new_value,
    oldStatus: r.old_status,
    newStatus: r.new_status,
    changedBy: r.changed_by,
    changedAt: r.changed_at,
    reason: r.reason,
    source: r.source,
    comment: r.comment,
  }));
}

/** Values of a data set for one period, optionally only for some units (exports). */
export async function listDataSetValues(
  store: Store,
  datasetCode: string,
  period: string,
  unitCodes?: ReadonlySet<string>,
): Promise<StoredValue[]> {
  const r = await runStep(
    store,
    step(
      `select ${VALUE_COLUMNS} from observations where dataset_code = ? and period = ? order by unit_code, indicator_code`,
      datasetCode,
      period,
    ),
  );
  const all = r.rows.map(toStoredValue);
  return unitCodes ? all.filter((v) => unitCodes.has(v.unitCode)) : all;
}
