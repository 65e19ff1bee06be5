/**
 * Warnings (预警, issue 4 §4) with the date each was raised and closed. An evaluation compares what fires
 * now with what is open and writes the difference in one transaction: new fingerprints are raised, open
 * ones that still fire are refreshed (their numbers may have moved), open ones that no longer fire are
 * closed. History is never rewritten: `closed_on` is set once.
 */
import { subtreeRange } from '@suocha/core';
import type { Selectable } from 'kysely';
import type { Store } from '../db';
import type { WarningRule, WarningSeverity, WarningsTable } from './schema';

export interface StoredWarning {
  readonly id: number;
  readonly rule: WarningRule;
  readonly severity: WarningSeverity;
  readonly fingerprint: string;
  readonly unitCode: string;
  readonly unitName: string;
  readonly indicatorCode: string | null;
  readonly indicatorNameZh: string | null;
  readonly planCode: string | null;
  readonly targetId: number | null;
  readonly datasetCode: string | null;
  readonly period: string | null;
  readonly message: string;
  readonly details: unknown;
  readonly raisedOn: string;
  readonly closedOn: string | null;
  readonly lastSeenOn: string;
}

/** A warning that fires in an evaluation. */
export interface FiringWarning {
  readonly rule: WarningRule;
  readonly severity: WarningSeverity;
  readonly fingerprint: string;
  readonly unitCode: string;
  readonly provinceCode: string;
  readonly indicatorCode: string | null;
  readonly planCode: string | null;
  readonly targetId: number | null;
  readonly datasetCode: string | null;
  readonly period: string | null;
  readonly message: string;
  readonly details: unknown;
}

export interface OpenWarningRef {
  readonly id: number;
  readonly fingerprint: string;
  readonly severity: WarningSeverity;
  readonly message: string;
  readonly details: string;
  readonly period: string | null;
  readonly raisedOn: string;
}

export async function listOpenWarningRefs(store: Store): Promise<OpenWarningRef[]> {
  const rows = await store.db
    .selectFrom('warnings')
    .select(['id', 'fingerprint', 'severity', 'message', 'details', 'period', 'raised_on'])
    .where('closed_on', 'is', null)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    fingerprint: r.fingerprint,
    severity: r.severity,
    message: r.message,
    details: r.details,
    period: r.period,
    raisedOn: r.raised_on,
  }));
}

export interface WarningChanges {
  readonly raise: readonly FiringWarning[];
  /** Open warnings that still fire: new numbers, same raised date. */
  readonly refresh: readonly (FiringWarning & { readonly id: number })[];
  /** Open warnings that still fire unchanged: only `last_seen_on` moves. */
  readonly seen: readonly number[];
  readonly close: readonly number[];
}

/** Writes the result of one evaluation as of `asOf` in one transaction and records the evaluation. */
export async function applyWarningChanges(
  store: Store,
  asOf: string,
  changes: WarningChanges,
  evaluation: { readonly at: string; readonly revision: string },
): Promise<{ raised: number; updated: number; closed: number }> {
  return store.db.transaction().execute(async (trx) => {
    for (let i = 0; i < changes.raise.length; i += 200) {
      await trx
        .insertInto('warnings')
        .values(
          changes.raise.slice(i, i + 200).map((w) => ({
            rule: w.rule,
            severity: w.severity,
            fingerprint: w.fingerprint,
            unit_code: w.unitCode,
            province_code: w.provinceCode,
            indicator_code: w.indicatorCode,
            plan_code: w.planCode,
            target_id: w.targetId,
            dataset_code: w.datasetCode,
            period: w.period,
            message: w.message,
            details: JSON.stringify(w.details),
            raised_on: asOf,
            closed_on: null,
            last_seen_on: asOf,
          })),
        )
        .execute();
    }
    for (const w of changes.refresh)
      await trx
        .updateTable('warnings')
        .set({
          severity: w.severity,
          period: w.period,
          message: w.message,
          details: JSON.stringify(w.details),
          last_seen_on: asOf,
        })
        .where('id', '=', w.id)
        .execute();
    for (let i = 0; i < changes.seen.length; i += 500)
      await trx
        .updateTable('warnings')
        .set({ last_seen_on: asOf })
        .where('id', 'in', changes.seen.slice(i, i + 500))
        .execute();
    for (let i = 0; i < changes.close.length; i += 500)
      await trx
        .updateTable('warnings')
        .set({ closed_on: asOf })
        .where('id', 'in', changes.close.slice(i, i + 500))
        .where('closed_on', 'is', null)
        .execute();
    const counts = {
      raised: changes.raise.length,
      updated: changes.refresh.length,
      closed: changes.close.length,
    };
    await trx
      .insertInto('warning_evaluations')
      .values({ as_of: asOf, revision: evaluation.revision, evaluated_at: evaluation.at, ...counts })
      .execute();
    return counts;
  });
}

export interface WarningEvaluationRecord {
  readonly asOf: string;
  readonly revision: string;
  readonly evaluatedAt: string;
}

/** The latest evaluation date, and the latest evaluation of a given date (if any). */
export async function warningEvaluationState(
  store: Store,
  asOf: string,
): Promise<{ latestAsOf: string | null; ofDate: WarningEvaluationRecord | null }> {
  const latest = await store.db
    .selectFrom('warning_evaluations')
    .select('as_of')
    .orderBy('as_of', 'desc')
    .limit(1)
    .executeTakeFirst();
  const of = await store.db
    .selectFrom('warning_evaluations')
    .select(['as_of', 'revision', 'evaluated_at'])
    .where('as_of', '=', asOf)
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
  return {
    latestAsOf: latest?.as_of ?? null,
    ofDate: of ? { asOf: of.as_of, revision: of.revision, evaluatedAt: of.evaluated_at } : null,
  };
}

type Joined = Selectable<WarningsTable> & { unit_name: string; indicator_name_zh: string | null };

const toWarning = (r: Joined): StoredWarning => ({
  id: r.id,
  rule: r.rule,
  severity: r.severity,
  fingerprint: r.fingerprint,
  unitCode: r.unit_code,
  unitName: r.unit_name,
  indicatorCode: r.indicator_code,
  indicatorNameZh: r.indicator_name_zh,
  planCode: r.plan_code,
  targetId: r.target_id,
  datasetCode: r.dataset_code,
  period: r.period,
  message: r.message,
  details: JSON.parse(r.details) as unknown,
  raisedOn: r.raised_on,
  closedOn: r.closed_on,
  lastSeenOn: r.last_seen_on,
});

/**
 * Warnings of units in the subtree of `unitCode` (itself included), in one of three views of the period
 * [since, asOf]: `open` on `asOf` (raised on or before it, not closed by it), `raised` in the period, or
 * `closed` in the period. Ordered by severity (red first), then unit, indicator and rule.
 */
export async function listWarnings(
  store: Store,
  filter: {
    readonly unitCode: string;
    readonly asOf: string;
    readonly since?: string;
    readonly view: 'open' | 'raised' | 'closed';
  },
): Promise<StoredWarning[]> {
  const path = await store.db
    .selectFrom('units')
    .select('path')
    .where('code', '=', filter.unitCode)
    .executeTakeFirst();
  if (!path) return [];
  const { from, to } = subtreeRange(path.path);
  let q = store.db
    .selectFrom('warnings as w')
    .innerJoin('units as u', 'u.code', 'w.unit_code')
    .leftJoin('indicators as i', 'i.code', 'w.indicator_code')
    .selectAll('w')
    .select(['u.name as unit_name', 'i.name_zh as indicator_name_zh'])
    .where('u.path', '>=', from)
    .where('u.path', '<', to);
  const since = filter.since ?? filter.asOf;
  if (filter.view === 'open')
    q = q
      .where('w.raised_on', '<=', filter.asOf)
      .where((eb) => eb.or([eb('w.closed_on', 'is', null), eb('w.closed_on', '>', filter.asOf)]));
  else if (filter.view === 'raised')
    q = q.where('w.raised_on', '>=', since).where('w.raised_on', '<=', filter.asOf);
  else q = q.where('w.closed_on', '>=', since).where('w.closed_on', '<=', filter.asOf);
  const rows = await q
    .orderBy('w.unit_code')
    .orderBy('w.indicator_code')
    .orderBy('w.rule')
    .orderBy('w.id')
    .execute();
  const rank = { red: 0, orange: 1, yellow: 2 } as const;
  return rows.map(toWarning).sort((a, b) => rank[a.severity] - rank[b.severity]);
}
