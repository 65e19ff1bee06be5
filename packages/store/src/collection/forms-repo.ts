/**
 * Forms (data set × unit × period) and their workflow: the form row carries the state and a version
 * bumped by every save and transition; a transition moves every value of the form to the new status in
 * the same transaction, with a history entry per value and an event in the append-only log.
 */
import type { FormAction, FormState } from '@suocha/core';
import type { Store } from '../db';
import { col, runProgram, runStep, step, type Program, type Row, type Step } from './program';

export interface FormRecord {
  readonly id: number;
  readonly datasetCode: string;
  readonly unitCode: string;
  readonly provinceCode: string;
  readonly period: string;
  readonly state: FormState;
  readonly version: number;
  readonly firstSubmittedAt: string | null;
  readonly submittedAt: string | null;
  readonly submittedBy: string | null;
  readonly approvedAt: string | null;
  readonly approvedBy: string | null;
  readonly lockedAt: string | null;
  readonly lockedBy: string | null;
  readonly updatedAt: string;
  readonly updatedBy: string;
}

export interface FormEvent {
  readonly id: number;
  readonly action: string;
  readonly fromState: string | null;
  readonly toState: string;
  readonly actor: string;
  readonly at: string;
  readonly reason: string;
}

export const FORM_COLUMNS = `id, dataset_code, unit_code, province_code, period, state, version, first_submitted_at, submitted_at,
  submitted_by, approved_at, approved_by, locked_at, locked_by, updated_at, updated_by`;

export function toFormRecord(r: Row): FormRecord {
  return {
    id: col.num(r, 'id'),
    datasetCode: col.str(r, 'dataset_code'),
    unitCode: col.str(r, 'unit_code'),
    provinceCode: col.str(r, 'province_code'),
    period: col.str(r, 'period'),
    // The check constraint admits only the four states.
    state: col.str(r, 'state') as FormState,
    version: col.num(r, 'version'),
    firstSubmittedAt: col.strOrNull(r, 'first_submitted_at'),
    submittedAt: col.strOrNull(r, 'submitted_at'),
    submittedBy: col.strOrNull(r, 'submitted_by'),
    approvedAt: col.strOrNull(r, 'approved_at'),
    approvedBy: col.strOrNull(r, 'approved_by'),
    lockedAt: col.strOrNull(r, 'locked_at'),
    lockedBy: col.strOrNull(r, 'locked_by'),
    updatedAt: col.str(r, 'updated_at'),
    updatedBy: col.str(r, 'updated_by'),
  };
}

export const FORM_KEY = 'dataset_code = ? and unit_code = ? and period = ?';

export async function getForm(
  store: Store,
  datasetCode: string,
  unitCode: string,
  period: string,
): Promise<FormRecord | undefined> {
  const r = await runStep(
    store,
    step(`select ${FORM_COLUMNS} from collection_forms where ${FORM_KEY}`, datasetCode, unitCode, period),
  );
  return r.rows[0] ? toFormRecord(r.rows[0]) : undefined;
}

/** Every form of a data set for one period (the reporting-rate view reads them all at once). */
export async function listForms(store: Store, datasetCode: string, period: string): Promise<FormRecord[]> {
  const r = await runStep(
    store,
    step(
      `select ${FORM_COLUMNS} from collection_forms where dataset_code = ? and period = ? order by unit_code`,
      datasetCode,
      period,
    ),
  );
  return r.rows.map(toFormRecord);
}

export async function getFormEvents(store: Store, formId: number): Promise<FormEvent[]> {
  const rows = await store.db
    .selectFrom('collection_events')
    .selectAll()
    .where('form_id', '=', formId)
    .orderBy('id')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    action: r.action,
    fromState: r.from_state,
    toState: r.to_state,
    actor: r.actor,
    at: r.at,
    reason: r.reason,
  }));
}

export interface FormTransitionInput {
  readonly datasetCode: string;
  readonly unitCode: string;
  readonly provinceCode: string;
  readonly period: string;
  readonly action: FormAction;
  /** States the action is allowed from, and the state it leads to (core FORM_TRANSITIONS). */
  readonly from: readonly FormState[];
  readonly to: FormState;
  /** When given, the form must still be at this version (the client's optimistic check). */
  readonly expectedVersion?: number;
  readonly by: string;
  readonly at: string;
  readonly reason: string;
}

export type FormTransitionResult =
  | { readonly kind: 'ok'; readonly form: FormRecord; readonly values: number }
  | { readonly kind: 'conflict'; readonly form: FormRecord | undefined };

/** Inserts the form row in draft if it is not there yet (a first save or import creates it). */
export function* ensureForm(
  datasetCode: string,
  unitCode: string,
  provinceCode: string,
  period: string,
  by: string,
  at: string,
): Generator<Step, void, unknown> {
  yield step(
    `insert into collection_forms (dataset_code, unit_code, province_code, period, state, version, updated_at, updated_by)
     values (?, ?, ?, ?, 'draft', 0, ?, ?) on conflict (dataset_code, period, unit_code) do nothing`,
    datasetCode,
    unitCode,
    provinceCode,
    period,
    at,
    by,
  );
}

/**
 * Moves the form from one of `from` to `to` if it is still there (and at `expectedVersion` when given);
 * otherwise nothing changes and the current form is returned as a conflict. Stamps who submitted,
 * approved or locked it and when; a reopen clears the approval stamps.
 */
export async function applyFormTransition(
  store: Store,
  t: FormTransitionInput,
): Promise<FormTransitionResult> {
  return runProgram(store, function* (): Program<FormTransitionResult> {
    if (t.action === 'submit')
      yield* ensureForm(t.datasetCode, t.unitCode, t.provinceCode, t.period, t.by, t.at);
    const cur = yield step(
      `select ${FORM_COLUMNS} from collection_forms where ${FORM_KEY}`,
      t.datasetCode,
      t.unitCode,
      t.period,
    );
    const before = cur.rows[0] ? toFormRecord(cur.rows[0]) : undefined;
    if (
      !before ||
      !t.from.includes(before.state) ||
      (t.expectedVersion !== undefined && before.version !== t.expectedVersion)
    )
      return { commit: false, value: { kind: 'conflict', form: before } };
    let stamps = '';
    const stampParams: string[] = [];
    if (t.to === 'submitted') {
      stamps = ', submitted_at = ?, submitted_by = ?, first_submitted_at = coalesce(first_submitted_at, ?)';
      stampParams.push(t.at, t.by, t.at);
    } else if (t.to === 'approved') {
      stamps = ', approved_at = ?, approved_by = ?';
      stampParams.push(t.at, t.by);
    } else if (t.to === 'locked') {
      stamps = ', locked_at = ?, locked_by = ?';
      stampParams.push(t.at, t.by);
    } else if (t.action === 'reopen') {
      stamps = ', approved_at = null, approved_by = null, locked_at = null, locked_by = null';
    }
    // Conditional on the state and version just read: a concurrent transition makes this a no-op.
    const upd = yield step(
      `update collection_forms set state = ?, version = version + 1, updated_at = ?, updated_by = ?${stamps}
       where id = ? and state = ? and version = ? returning ${FORM_COLUMNS}`,
      t.to,
      t.at,
      t.by,
      ...stampParams,
      before.id,
      before.state,
      before.version,
    );
    if (!upd.rows[0]) return { commit: false, value: { kind: 'conflict', form: before } };
    const form = toFormRecord(upd.rows[0]);
    const vals = yield step(
      `update observations set status = ?, version = version + 1, updated_at = ?, updated_by = ?
       where unit_code = ? and period = ? and dataset_code = ?
       returning id, indicator_code, value, version, comment, source`,
      t.to,
      t.at,
      t.by,
      t.unitCode,
      t.period,
      t.datasetCode,
    );
    for (const v of vals.rows)
      yield step(
        `insert into observation_history (observation_id, indicator_code, unit_code, province_code, period, version, old_value,
           new_value, old_status, new_status, changed_by, changed_at, reason, source, comment)
         values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        col.num(v, 'id'),
        col.str(v, 'indicator_code'),
        t.unitCode,
        t.provinceCode,
        t.period,
        col.num(v, 'version'),
        col.num(v, 'value'),
        col.num(v, 'value'),
        before.state,
        t.to,
        t.by,
        t.at,
        t.reason || t.action,
        col.str(v, 'source'),
        col.str(v, 'comment'),
      );
    yield step(
      `insert into collection_events (form_id, dataset_code, unit_code, province_code, period, action, from_state, to_state, actor, at, reason)
       values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      form.id,
      t.datasetCode,
      t.unitCode,
      t.provinceCode,
      t.period,
      t.action,
      before.state,
      t.to,
      t.by,
      t.at,
      t.reason,
    );
    return { commit: true, value: { kind: 'ok', form, values: vals.rows.length } };
  });
}
