/**
 * Frozen index runs: the run with its complete result, one summary row per unit, and the observation
 * versions it used — written in one transaction and never changed afterwards (database triggers).
 */
import type { UnitLevel } from '@suocha/core';
import { sql } from 'kysely';
import type { Store } from '../db';
import type { IndexInputRole } from './schema';

export interface RunUnitRow {
  readonly unitCode: string;
  readonly score: number | null;
  /** 0 = not ranked. */
  readonly rank: number;
  readonly coverage: number;
  readonly belowCoverage: boolean;
}

export interface RunInput {
  readonly observationId: number;
  readonly indicatorCode: string;
  readonly unitCode: string;
  readonly period: string;
  readonly version: number;
  readonly value: number;
  readonly synthetic: boolean;
  readonly role: IndexInputRole;
  readonly usedFor: string;
}

export interface NewIndexRun {
  readonly frameworkId: number;
  readonly frameworkCode: string;
  readonly frameworkVersion: number;
  readonly scopeUnit: string;
  readonly level: UnitLevel;
  readonly period: string;
  readonly asOf: string;
  readonly createdAt: string;
  readonly createdBy: string;
  /** JSON text. */
  readonly params: string;
  readonly dataFingerprint: string;
  readonly synthetic: boolean;
  readonly previousRunId: number | null;
  /** JSON text of the complete result. */
  readonly results: string;
  readonly units: readonly RunUnitRow[];
  readonly inputs: readonly RunInput[];
}

export interface IndexRunHeader {
  readonly id: number;
  readonly frameworkId: number;
  readonly frameworkCode: string;
  readonly frameworkVersion: number;
  readonly scopeUnit: string;
  readonly level: UnitLevel;
  readonly period: string;
  readonly asOf: string;
  readonly createdAt: string;
  readonly createdBy: string;
  readonly params: string;
  readonly dataFingerprint: string;
  readonly synthetic: boolean;
  readonly previousRunId: number | null;
}

export interface StoredIndexRun extends IndexRunHeader {
  readonly results: string;
}

const HEADER = [
  'id',
  'framework_id',
  'framework_code',
  'framework_version',
  'scope_unit',
  'level',
  'period',
  'as_of',
  'created_at',
  'created_by',
  'params',
  'data_fingerprint',
  'synthetic',
  'previous_run_id',
] as const;

interface HeaderRow {
  id: number;
  framework_id: number;
  framework_code: string;
  framework_version: number;
  scope_unit: string;
  level: UnitLevel;
  period: string;
  as_of: string;
  created_at: string;
  created_by: string;
  params: string;
  data_fingerprint: string;
  synthetic: number;
  previous_run_id: number | null;
}

const toHeader = (r: HeaderRow): IndexRunHeader => ({
  id: r.id,
  frameworkId: r.framework_id,
  frameworkCode: r.framework_code,
  frameworkVersion: r.framework_version,
  scopeUnit: r.scope_unit,
  level: r.level,
  period: r.period,
  asOf: r.as_of,
  createdAt: r.created_at,
  createdBy: r.created_by,
  params: r.params,
  dataFingerprint: r.data_fingerprint,
  synthetic: r.synthetic === 1,
  previousRunId: r.previous_run_id,
});

/** Rows per multi-row INSERT: well under SQLite's 32,766 and PostgreSQL's 65,535 bound parameters. */
const CHUNK = 500;

/** Writes a run, its unit rows and its inputs in one transaction; returns the run id. */
export async function insertIndexRun(store: Store, run: NewIndexRun): Promise<number> {
  return store.db.transaction().execute(async (trx) => {
    const { id } = await trx
      .insertInto('index_runs')
      .values({
        framework_id: run.frameworkId,
        framework_code: run.frameworkCode,
        framework_version: run.frameworkVersion,
        scope_unit: run.scopeUnit,
        level: run.level,
        period: run.period,
        as_of: run.asOf,
        created_at: run.createdAt,
        created_by: run.createdBy,
        params: run.params,
        data_fingerprint: run.dataFingerprint,
        synthetic: run.synthetic ? 1 : 0,
        previous_run_id: run.previousRunId,
        results: run.results,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    for (let i = 0; i < run.units.length; i += CHUNK) {
      await trx
        .insertInto('index_run_units')
        .values(
          run.units.slice(i, i + CHUNK).map((u) => ({
            run_id: id,
            unit_code: u.unitCode,
            score: u.score,
            rank: u.rank,
            coverage: u.coverage,
            below_coverage: u.belowCoverage ? 1 : 0,
          })),
        )
        .execute();
    }
    for (let i = 0; i < run.inputs.length; i += CHUNK) {
      await trx
        .insertInto('index_run_inputs')
        .values(
          run.inputs.slice(i, i + CHUNK).map((x) => ({
            run_id: id,
            observation_id: x.observationId,
            indicator_code: x.indicatorCode,
            unit_code: x.unitCode,
            period: x.period,
            version: x.version,
            value: x.value,
            synthetic: x.synthetic ? 1 : 0,
            role: x.role,
            used_for: x.usedFor,
          })),
        )
        .execute();
    }
    return id;
  });
}

export async function getIndexRun(store: Store, id: number): Promise<StoredIndexRun | undefined> {
  const r = await store.db
    .selectFrom('index_runs')
    .select([...HEADER, 'results'])
    .where('id', '=', id)
    .executeTakeFirst();
  return r ? { ...toHeader(r), results: r.results } : undefined;
}

export interface RunFilter {
  readonly frameworkCode?: string;
  readonly scopeUnit?: string;
  /** Runs whose scope unit is one of these (e.g. the units a user may read). */
  readonly scopeUnits?: readonly string[];
  readonly level?: UnitLevel;
  readonly period?: string;
  readonly limit?: number;
}

/** Run headers, newest first. */
export async function listIndexRuns(store: Store, filter: RunFilter = {}): Promise<IndexRunHeader[]> {
  let q = store.db.selectFrom('index_runs').select(HEADER);
  if (filter.frameworkCode !== undefined) q = q.where('framework_code', '=', filter.frameworkCode);
  if (filter.scopeUnit !== undefined) q = q.where('scope_unit', '=', filter.scopeUnit);
  if (filter.scopeUnits !== undefined) {
    if (filter.scopeUnits.length === 0) return [];
    q = q.where('scope_unit', 'in', filter.scopeUnits);
  }
  if (filter.level !== undefined) q = q.where('level', '=', filter.level);
  if (filter.period !== undefined) q = q.where('period', '=', filter.period);
  q = q.orderBy('id', 'desc');
  if (filter.limit !== undefined) q = q.limit(filter.limit);
  return (await q.execute()).map(toHeader);
}

/** The latest run of a framework version over a scope, level and period with the given synthetic flag. */
export async function findLatestRun(
  store: Store,
  key: {
    readonly frameworkId: number;
    readonly scopeUnit: string;
    readonly level: UnitLevel;
    readonly period: string;
    readonly synthetic: boolean;
  },
): Promise<IndexRunHeader | undefined> {
  const r = await store.db
    .selectFrom('index_runs')
    .select(HEADER)
    .where('framework_id', '=', key.frameworkId)
    .where('scope_unit', '=', key.scopeUnit)
    .where('level', '=', key.level)
    .where('period', '=', key.period)
    .where('synthetic', '=', key.synthetic ? 1 : 0)
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
  return r ? toHeader(r) : undefined;
}

export async function getRunUnits(store: Store, runId: number): Promise<RunUnitRow[]> {
  const rows = await store.db
    .selectFrom('index_run_units')
    .selectAll()
    .where('run_id', '=', runId)
    .orderBy('unit_code')
    .execute();
  return rows.map((r) => ({
    unitCode: r.unit_code,
    score: r.score,
    rank: r.rank,
    coverage: r.coverage,
    belowCoverage: r.below_coverage === 1,
  }));
}

/** The inputs of a run, ordered by indicator, unit, period, role. */
export async function getRunInputs(store: Store, runId: number): Promise<RunInput[]> {
  const rows = await store.db
    .selectFrom('index_run_inputs')
    .selectAll()
    .where('run_id', '=', runId)
    .orderBy('indicator_code')
    .orderBy('unit_code')
    .orderBy('period')
    .orderBy('role')
    .orderBy('used_for')
    .execute();
  return rows.map((r) => ({
    observationId: r.observation_id,
    indicatorCode: r.indicator_code,
    unitCode: r.unit_code,
    period: r.period,
    version: r.version,
    value: r.value,
    synthetic: r.synthetic === 1,
    role: r.role,
    usedFor: r.used_for,
  }));
}

export interface RankHistoryEntry {
  readonly runId: number;
  readonly period: string;
  readonly asOf: string;
  readonly createdAt: string;
  readonly frameworkVersion: number;
  readonly synthetic: boolean;
  readonly score: number | null;
  readonly rank: number;
  readonly coverage: number;
  readonly belowCoverage: boolean;
}

/** A unit's results in every run of a framework code over a scope and level, by period then run. */
export async function getRankHistory(
  store: Store,
  key: {
    readonly unitCode: string;
    readonly frameworkCode: string;
    readonly scopeUnit: string;
    readonly level: UnitLevel;
  },
): Promise<RankHistoryEntry[]> {
  const rows = await store.db
    .selectFrom('index_run_units as u')
    .innerJoin('index_runs as r', 'r.id', 'u.run_id')
    .select([
      'r.id',
      'r.period',
      'r.as_of',
      'r.created_at',
      'r.framework_version',
      'r.synthetic',
      'u.score',
      'u.rank',
      'u.coverage',
      'u.below_coverage',
    ])
    .where('u.unit_code', '=', key.unitCode)
    .where('r.framework_code', '=', key.frameworkCode)
    .where('r.scope_unit', '=', key.scopeUnit)
    .where('r.level', '=', key.level)
    .orderBy('r.period')
    .orderBy('r.id')
    .execute();
  return rows.map((r) => ({
    runId: r.id,
    period: r.period,
    asOf: r.as_of,
    createdAt: r.created_at,
    frameworkVersion: r.framework_version,
    synthetic: r.synthetic === 1,
    score: r.score,
    rank: r.rank,
    coverage: r.coverage,
    belowCoverage: r.below_coverage === 1,
  }));
}

/** The newest run that includes the unit (for a county's health check without a named run). */
export async function latestRunWithUnit(store: Store, unitCode: string): Promise<number | undefined> {
  const r = await store.db
    .selectFrom('index_run_units')
    .select('run_id')
    .where('unit_code', '=', unitCode)
    .orderBy('run_id', 'desc')
    .limit(1)
    .executeTakeFirst();
  return r?.run_id;
}

export interface RunUnitCounts {
  readonly units: number;
  readonly ranked: number;
  readonly belowCoverage: number;
  /** Units without a score. */
  readonly noScore: number;
}

/** Per run: how many units, ranked, below the coverage threshold and without a score. */
export async function countRunUnits(
  store: Store,
  runIds: readonly number[],
): Promise<Map<number, RunUnitCounts>> {
  const out = new Map<number, RunUnitCounts>();
  if (runIds.length === 0) return out;
  const rows = await store.db
    .selectFrom('index_run_units')
    .select([
      'run_id',
      sql<number>`count(*)`.as('units'),
      sql<number>`sum(case when rank > 0 then 1 else 0 end)`.as('ranked'),
      sql<number>`sum(below_coverage)`.as('below'),
      sql<number>`sum(case when score is null then 1 else 0 end)`.as('no_score'),
    ])
    .where('run_id', 'in', runIds)
    .groupBy('run_id')
    .execute();
  for (const r of rows)
    out.set(r.run_id, {
      units: Number(r.units),
      ranked: Number(r.ranked ?? 0),
      belowCoverage: Number(r.below ?? 0),
      noScore: Number(r.no_score ?? 0),
    });
  return out;
}
