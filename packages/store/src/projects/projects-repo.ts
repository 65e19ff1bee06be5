/**
 * The project library, stage history, annual plans and versioned monthly reports (issue 7 §1–2). Every
 * write bumps `project_revision`, so a reader can cache a roll-up until the data changes. Bulk writes
 * (imports, demo and benchmark loads) use prepared statements in one transaction on SQLite and
 * multi-row batches on PostgreSQL; each is all or nothing.
 */
import type BetterSqlite3 from 'better-sqlite3';
import { sql, type Kysely, type Transaction } from 'kysely';
import type { Store } from '../db';
import { dataRevision } from '../progress/revision';
import type { Selectable } from 'kysely';
import type { Database } from '../schema';

export interface ProjectCategoryRecord {
  readonly code: string;
  readonly nameZh: string;
  readonly nameEn: string;
  readonly source: string;
}

export interface ProjectFields {
  readonly name: string;
  readonly ownerUnit: string;
  readonly leadDepartment: string;
  readonly category: string;
  readonly totalInvestment: number;
  readonly plannedStart: string | null;
  readonly plannedCompletion: string | null;
  readonly actualStart: string | null;
  readonly actualCompletion: string | null;
}

export interface NewProject extends ProjectFields {
  readonly code: string;
  readonly stage: string;
  readonly synthetic: boolean;
}

export interface ProjectRecord extends NewProject {
  readonly ownerPath: string;
  readonly ownerUnitName: string;
  readonly provinceCode: string;
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly updatedBy: string;
}

export interface StageChangeRecord {
  readonly from: string;
  readonly to: string;
  readonly date: string;
  readonly reason: string;
  readonly by: string;
  readonly at: string;
}

export interface PlanRecord {
  readonly projectCode: string;
  readonly year: number;
  readonly plannedInvestment: number;
  readonly monthlyPlanned: readonly number[] | null;
  readonly updatedAt: string;
  readonly updatedBy: string;
}

export interface NewReport {
  readonly projectCode: string;
  readonly month: string;
  readonly completedThisMonth: number;
  readonly ytdCompleted: number;
  readonly started: boolean;
  readonly note: string;
  readonly problems: string;
  readonly reason: string;
  readonly origin: string;
  readonly synthetic: boolean;
}

export interface ReportRecord extends NewReport {
  readonly version: number;
  readonly current: boolean;
  readonly reportedBy: string;
  readonly reportedAt: string;
}

export interface WriteMeta {
  readonly by: string;
  readonly at: string;
}

export interface ProjectQuery {
  /** Owner-unit subtree (materialised path prefix). */
  readonly path?: string | undefined;
  readonly department?: string | undefined;
  readonly category?: string | undefined;
  readonly stage?: string | undefined;
  /** Substring of code or name. */
  readonly q?: string | undefined;
  readonly codes?: readonly string[] | undefined;
}

type Db = Kysely<Database> | Transaction<Database>;

/** Escape LIKE wildcards so that a path or search text matches literally (both engines use `\`). */
const likeLiteral = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/**
 * The strings starting with `prefix` as a half-open range [from, to): an index range on both engines
 * (SQLite compares text bytewise, and paths are `collate "C"` on PostgreSQL), where `like 'prefix%'` is
 * not (SQLite's LIKE is case-insensitive and never uses an ordinary index).
 */
function prefixRange(prefix: string): { readonly from: string; readonly to: string } {
  const last = prefix.charCodeAt(prefix.length - 1);
  return { from: prefix, to: prefix.slice(0, -1) + String.fromCharCode(last + 1) };
}

async function bump(db: Db): Promise<void> {
  await db
    .updateTable('project_revision')
    .set({ revision: sql`revision + 1` })
    .where('id', '=', 1)
    .execute();
}

const revisionStatements = new WeakMap<BetterSqlite3.Database, BetterSqlite3.Statement<[], number>>();

/**
 * The module's revision with the store's data revision (`dataRevision`: units, observations, …), in one
 * round trip on PostgreSQL and prepared statements on SQLite: what a cached view built from projects and
 * from the reported figures beside them checks on every request.
 */
export async function projectsRevisions(store: Store): Promise<{ projects: number; data: string }> {
  const sqlite = store.raw.sqlite;
  if (sqlite) {
    let stmt = revisionStatements.get(sqlite);
    if (stmt === undefined) {
      stmt = sqlite.prepare<[], number>('select revision from project_revision where id = 1').pluck();
      revisionStatements.set(sqlite, stmt);
    }
    return { projects: stmt.get() ?? 0, data: await dataRevision(store) };
  }
  // The same row `dataRevision` reads on PostgreSQL (bumped by the triggers of migration 0005).
  const { rows } = await sql<{ p: number | null; n: string | number | null }>`
    select (select revision from project_revision where id = 1) as p,
           (select n from progress_revision where id = 1) as n`.execute(store.db);
  const row = rows[0];
  return { projects: row?.p ?? 0, data: `p${row?.n ?? 0}` };
}

/** The module's data revision: changes after every write. */
export async function projectsRevision(store: Store): Promise<number> {
  const row = await store.db
    .selectFrom('project_revision')
    .select('revision')
    .where('id', '=', 1)
    .executeTakeFirst();
  return row?.revision ?? 0;
}

export async function listProjectCategories(store: Store): Promise<ProjectCategoryRecord[]> {
  const rows = await store.db.selectFrom('project_categories').selectAll().orderBy('code').execute();
  return rows.map((r) => ({ code: r.code, nameZh: r.name_zh, nameEn: r.name_en, source: r.source }));
}

const projectColumns = [
  'p.code',
  'p.name',
  'p.owner_unit',
  'p.owner_path',
  'p.province_code',
  'p.lead_department',
  'p.category',
  'p.stage',
  'p.total_investment',
  'p.planned_start',
  'p.planned_completion',
  'p.actual_start',
  'p.actual_completion',
  'p.synthetic',
  'p.created_at',
  'p.updated_at',
  'p.updated_by',
  'u.name as unit_name',
] as const;

interface ProjectRow {
  code: string;
  name: string;
  owner_unit: string;
  owner_path: string;
  province_code: string;
  lead_department: string;
  category: string;
  stage: string;
  total_investment: number;
  planned_start: string | null;
  planned_completion: string | null;
  actual_start: string | null;
  actual_completion: string | null;
  synthetic: number;
  created_at: string;
  updated_at: string;
  updated_by: string;
  unit_name: string;
}

const toProject = (r: ProjectRow): ProjectRecord => ({
  code: r.code,
  name: r.name,
  ownerUnit: r.owner_unit,
  ownerPath: r.owner_path,
  ownerUnitName: r.unit_name,
  provinceCode: r.province_code,
  leadDepartment: r.lead_department,
  category: r.category,
  stage: r.stage,
  totalInvestment: r.total_investment,
  plannedStart: r.planned_start,
  plannedCompletion: r.planned_completion,
  actualStart: r.actual_start,
  actualCompletion: r.actual_completion,
  synthetic: r.synthetic === 1,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
  updatedBy: r.updated_by,
});

/** Projects matching the query, ordered by code. */
export async function findProjects(store: Store, query: ProjectQuery = {}): Promise<ProjectRecord[]> {
  let qb = store.db
    .selectFrom('projects as p')
    .innerJoin('units as u', 'u.code', 'p.owner_unit')
    .select(projectColumns);
  if (query.path !== undefined && query.path !== '') {
    const { from, to } = prefixRange(query.path);
    qb = qb.where('p.owner_path', '>=', from).where('p.owner_path', '<', to);
  }
  if (query.department !== undefined) qb = qb.where('p.lead_department', '=', query.department);
  if (query.category !== undefined) qb = qb.where('p.category', '=', query.category);
  if (query.stage !== undefined) qb = qb.where('p.stage', '=', query.stage);
  if (query.q !== undefined && query.q !== '') {
    const pattern = `%${likeLiteral(query.q)}%`;
    qb = qb.where(sql<boolean>`(p.code like ${pattern} escape '\\' or p.name like ${pattern} escape '\\')`);
  }
  const codes = query.codes;
  if (codes !== undefined) {
    if (codes.length === 0) return [];
    const out: ProjectRecord[] = [];
    // Bounded IN lists: SQLite allows 32,766 parameters, PostgreSQL 65,535.
    for (let i = 0; i < codes.length; i += 5000) {
      const rows = await qb.where('p.code', 'in', codes.slice(i, i + 5000)).execute();
      for (const r of rows) out.push(toProject(r));
    }
    return out.sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  }
  const rows = await qb.orderBy('p.code').execute();
  return rows.map(toProject);
}

export async function getProject(store: Store, code: string): Promise<ProjectRecord | undefined> {
  const [p] = await findProjects(store, { codes: [code] });
  return p;
}

/** Path and province of a unit, or undefined when it does not exist. */
async function unitPath(db: Db, code: string): Promise<{ path: string; province: string } | undefined> {
  const u = await db
    .selectFrom('units')
    .select(['path', 'province_code'])
    .where('code', '=', code)
    .executeTakeFirst();
  return u === undefined ? undefined : { path: u.path, province: u.province_code };
}

export type ProjectWriteError =
  'PROJECT_EXISTS' | 'PROJECT_NOT_FOUND' | 'UNIT_NOT_FOUND' | 'CATEGORY_NOT_FOUND';

async function checkRefs(
  db: Db,
  f: ProjectFields,
): Promise<ProjectWriteError | { path: string; province: string }> {
  const unit = await unitPath(db, f.ownerUnit);
  if (unit === undefined) return 'UNIT_NOT_FOUND';
  const cat = await db
    .selectFrom('project_categories')
    .select('code')
    .where('code', '=', f.category)
    .executeTakeFirst();
  if (cat === undefined) return 'CATEGORY_NOT_FOUND';
  return unit;
}

/** The stored row of a new project, with its owner's path and province. */
function projectRow(
  p: NewProject,
  unit: { readonly path: string; readonly province: string },
  meta: WriteMeta,
) {
  return {
    code: p.code,
    name: p.name,
    owner_unit: p.ownerUnit,
    owner_path: unit.path,
    province_code: unit.province,
    lead_department: p.leadDepartment,
    category: p.category,
    stage: p.stage,
    total_investment: p.totalInvestment,
    planned_start: p.plannedStart,
    planned_completion: p.plannedCompletion,
    actual_start: p.actualStart,
    actual_completion: p.actualCompletion,
    synthetic: p.synthetic ? 1 : 0,
    created_at: meta.at,
    updated_at: meta.at,
    updated_by: meta.by,
  };
}

/** Register a project; its first stage is recorded in the history as a change from itself. */
export async function insertProject(
  store: Store,
  p: NewProject,
  meta: WriteMeta,
): Promise<ProjectWriteError | null> {
  return store.db.transaction().execute(async (tx) => {
    const exists = await tx
      .selectFrom('projects')
      .select('code')
      .where('code', '=', p.code)
      .executeTakeFirst();
    if (exists !== undefined) return 'PROJECT_EXISTS';
    const unit = await checkRefs(tx, p);
    if (typeof unit === 'string') return unit;
    await tx
      .insertInto('projects')
      .values(projectRow(p, unit, meta))
      .execute();
    await bump(tx);
    return null;
  });
}

/** Change a project's descriptive fields (not its stage: see `recordStageChange`). */
export async function updateProject(
  store: Store,
  code: string,
  f: ProjectFields,
  meta: WriteMeta,
): Promise<ProjectWriteError | null> {
  return store.db.transaction().execute(async (tx) => {
    const unit = await checkRefs(tx, f);
    if (typeof unit === 'string') return unit;
    const res = await tx
      .updateTable('projects')
      .set({
        name: f.name,
        owner_unit: f.ownerUnit,
        owner_path: unit.path,
        province_code: unit.province,
        lead_department: f.leadDepartment,
        category: f.category,
        total_investment: f.totalInvestment,
        planned_start: f.plannedStart,
        planned_completion: f.plannedCompletion,
        actual_start: f.actualStart,
        actual_completion: f.actualCompletion,
        updated_at: meta.at,
        updated_by: meta.by,
      })
      .where('code', '=', code)
      .executeTakeFirst();
    if (Number(res.numUpdatedRows) === 0) return 'PROJECT_NOT_FOUND';
    await bump(tx);
    return null;
  });
}

/**
 * Record a stage change: appends to the history and sets the new stage and actual months, only if the
 * project is still in `change.from` (a concurrent change makes this return false).
 */
export async function recordStageChange(
  store: Store,
  code: string,
  change: { readonly from: string; readonly to: string; readonly date: string; readonly reason: string },
  months: { readonly actualStart: string | null; readonly actualCompletion: string | null },
  meta: WriteMeta,
): Promise<boolean> {
  return store.db.transaction().execute(async (tx) => {
    const res = await tx
      .updateTable('projects')
      .set({
        stage: change.to,
        actual_start: months.actualStart,
        actual_completion: months.actualCompletion,
        updated_at: meta.at,
        updated_by: meta.by,
      })
      .where('code', '=', code)
      .where('stage', '=', change.from)
      .executeTakeFirst();
    if (Number(res.numUpdatedRows) === 0) return false;
    await tx
      .insertInto('project_stage_changes')
      .values({
        project_code: code,
        from_stage: change.from,
        to_stage: change.to,
        date: change.date,
        reason: change.reason,
        changed_by: meta.by,
        changed_at: meta.at,
      })
      .execute();
    await bump(tx);
    return true;
  });
}

export async function stageHistory(store: Store, code: string): Promise<StageChangeRecord[]> {
  const rows = await store.db
    .selectFrom('project_stage_changes')
    .selectAll()
    .where('project_code', '=', code)
    .orderBy('id')
    .execute();
  return rows.map((r) => ({
    from: r.from_stage,
    to: r.to_stage,
    date: r.date,
    reason: r.reason,
    by: r.changed_by,
    at: r.changed_at,
  }));
}

const toPlan = (r: Database['project_plans']): PlanRecord => ({
  projectCode: r.project_code,
  year: r.year,
  plannedInvestment: r.planned_investment,
  monthlyPlanned: r.monthly_planned === null ? null : (JSON.parse(r.monthly_planned) as number[]),
  updatedAt: r.updated_at,
  updatedBy: r.updated_by,
});

/** Insert or replace the plan of a project and year. */
export async function upsertPlan(
  store: Store,
  plan: {
    projectCode: string;
    year: number;
    plannedInvestment: number;
    monthlyPlanned: readonly number[] | null;
  },
  meta: WriteMeta,
): Promise<void> {
  const monthly = plan.monthlyPlanned === null ? null : JSON.stringify(plan.monthlyPlanned);
  await store.db.transaction().execute(async (tx) => {
    await tx
      .insertInto('project_plans')
      .values({
        project_code: plan.projectCode,
        year: plan.year,
        planned_investment: plan.plannedInvestment,
        monthly_planned: monthly,
        updated_at: meta.at,
        updated_by: meta.by,
      })
      .onConflict((oc) =>
        oc.columns(['project_code', 'year']).doUpdateSet({
          planned_investment: plan.plannedInvestment,
          monthly_planned: monthly,
          updated_at: meta.at,
          updated_by: meta.by,
        }),
      )
      .execute();
    await bump(tx);
  });
}

export async function plansOf(store: Store, code: string): Promise<PlanRecord[]> {
  const rows = await store.db
    .selectFrom('project_plans')
    .selectAll()
    .where('project_code', '=', code)
    .orderBy('year')
    .execute();
  return rows.map(toPlan);
}

/** Plans of one year for the projects of a subtree (all projects when no path). */
export async function plansForYear(store: Store, year: number, path?: string): Promise<PlanRecord[]> {
  let qb = store.db.selectFrom('project_plans as pl').selectAll('pl').where('pl.year', '=', year);
  if (path !== undefined && path !== '') {
    const { from, to } = prefixRange(path);
    qb = qb
      .innerJoin('projects as p', 'p.code', 'pl.project_code')
      .where('p.owner_path', '>=', from)
      .where('p.owner_path', '<', to);
  }
  const rows = await qb.execute();
  return rows.map(toPlan);
}

const toReport = (r: Selectable<Database['project_reports']>): ReportRecord => ({
  projectCode: r.project_code,
  month: r.month,
  version: r.version,
  current: r.current === 1,
  completedThisMonth: r.completed_this_month,
  ytdCompleted: r.ytd_completed,
  started: r.started === 1,
  note: r.note,
  problems: r.problems,
  reason: r.reason,
  origin: r.origin,
  reportedBy: r.reported_by,
  reportedAt: r.reported_at,
  synthetic: r.synthetic === 1,
});

/** Every version of every report of a project: newest month first, then newest version first. */
export async function reportsOf(store: Store, code: string): Promise<ReportRecord[]> {
  const rows = await store.db
    .selectFrom('project_reports')
    .selectAll()
    .where('project_code', '=', code)
    .orderBy('month', 'desc')
    .orderBy('version', 'desc')
    .execute();
  return rows.map(toReport);
}

/** Current versions of reports with `from ≤ month ≤ to`, for a subtree or for given projects. */
export async function currentReports(
  store: Store,
  range: {
    readonly from: string;
    readonly to: string;
    readonly path?: string;
    readonly codes?: readonly string[];
  },
): Promise<ReportRecord[]> {
  let qb = store.db
    .selectFrom('project_reports as r')
    .selectAll('r')
    .where('r.current', '=', 1)
    .where('r.month', '>=', range.from)
    .where('r.month', '<=', range.to);
  if (range.path !== undefined && range.path !== '') {
    const { from, to } = prefixRange(range.path);
    qb = qb
      .innerJoin('projects as p', 'p.code', 'r.project_code')
      .where('p.owner_path', '>=', from)
      .where('p.owner_path', '<', to);
  }
  const codes = range.codes;
  if (codes === undefined) return (await qb.execute()).map(toReport);
  const out: ReportRecord[] = [];
  for (let i = 0; i < codes.length; i += 5000) {
    const rows = await qb.where('r.project_code', 'in', codes.slice(i, i + 5000)).execute();
    for (const r of rows) out.push(toReport(r));
  }
  return out;
}

/**
 * The latest current report of each project with `from ≤ month ≤ to` (at most one row per project), for
 * a subtree, for given projects, or for all. One index seek per project on the partial index
 * `project_reports_current (project_code, month) where current = 1` for the month, one for the row, so a
 * roll-up reads one row per project instead of every month of the year.
 */
export async function latestCurrentReports(
  store: Store,
  range: {
    readonly from: string;
    readonly to: string;
    readonly path?: string;
    readonly codes?: readonly string[];
  },
): Promise<ReportRecord[]> {
  let qb = store.db
    .selectFrom('projects as p')
    .innerJoin('project_reports as r', (j) =>
      j
        .onRef('r.project_code', '=', 'p.code')
        .on('r.current', '=', 1)
        .on('r.month', '=', (eb) =>
          eb
            .selectFrom('project_reports as l')
            .select((e) => e.fn.max('l.month').as('m'))
            .whereRef('l.project_code', '=', 'p.code')
            .where('l.current', '=', 1)
            .where('l.month', '>=', range.from)
            .where('l.month', '<=', range.to),
        ),
    )
    .selectAll('r');
  if (range.path !== undefined && range.path !== '') {
    const { from, to } = prefixRange(range.path);
    qb = qb.where('p.owner_path', '>=', from).where('p.owner_path', '<', to);
  }
  const codes = range.codes;
  if (codes === undefined) return (await qb.execute()).map(toReport);
  const out: ReportRecord[] = [];
  for (let i = 0; i < codes.length; i += 5000) {
    const rows = await qb.where('p.code', 'in', codes.slice(i, i + 5000)).execute();
    for (const r of rows) out.push(toReport(r));
  }
  return out;
}

const REPORT_COLUMNS = [
  'project_code',
  'month',
  'version',
  'current',
  'completed_this_month',
  'ytd_completed',
  'started',
  'note',
  'problems',
  'reason',
  'origin',
  'reported_by',
  'reported_at',
  'synthetic',
] as const;

/**
 * Store reports, each as the next version of its project and month (the previous version stays, no
 * longer current). All or nothing. Returns the version given to each report, in input order.
 */
export async function addReports(
  store: Store,
  reports: readonly NewReport[],
  meta: WriteMeta,
): Promise<number[]> {
  if (reports.length === 0) return [];
  const sqlite = store.raw.sqlite;
  if (sqlite) {
    const latest = sqlite.prepare(
      'select max(version) as v from project_reports where project_code = ? and month = ?',
    );
    const retire = sqlite.prepare(
      'update project_reports set current = 0 where project_code = ? and month = ? and current = 1',
    );
    const insert = sqlite.prepare(
      `insert into project_reports (${REPORT_COLUMNS.join(', ')}) values (?, ?, ?, 1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const bumpStmt = sqlite.prepare('update project_revision set revision = revision + 1 where id = 1');
    const run = sqlite.transaction((rs: readonly NewReport[]) => {
      const versions: number[] = [];
      for (const r of rs) {
        const row = latest.get(r.projectCode, r.month) as { v: number | null } | undefined;
        const version = (row?.v ?? 0) + 1;
        if (version > 1) retire.run(r.projectCode, r.month);
        insert.run(
          r.projectCode,
          r.month,
          version,
          r.completedThisMonth,
          r.ytdCompleted,
          r.started ? 1 : 0,
          r.note,
          r.problems,
          r.reason,
          r.origin,
          meta.by,
          meta.at,
          r.synthetic ? 1 : 0,
        );
        versions.push(version);
      }
      bumpStmt.run();
      return versions;
    });
    return run(reports);
  }
  return store.db.transaction().execute(async (tx) => {
    // Versions so far, per project and month, read in bounded batches.
    const months = [...new Set(reports.map((r) => r.month))];
    const codes = [...new Set(reports.map((r) => r.projectCode))];
    const max = new Map<string, number>();
    for (let i = 0; i < codes.length; i += 5000) {
      const rows = await tx
        .selectFrom('project_reports')
        .select(['project_code', 'month', (eb) => eb.fn.max('version').as('v')])
        .where('project_code', 'in', codes.slice(i, i + 5000))
        .where('month', 'in', months)
        .groupBy(['project_code', 'month'])
        .execute();
      for (const r of rows) max.set(`${r.project_code}|${r.month}`, Number(r.v));
    }
    const versions: number[] = [];
    const retire: { code: string; month: string }[] = [];
    const values = reports.map((r) => {
      const key = `${r.projectCode}|${r.month}`;
      const version = (max.get(key) ?? 0) + 1;
      max.set(key, version);
      versions.push(version);
      if (version > 1) retire.push({ code: r.projectCode, month: r.month });
      return {
        project_code: r.projectCode,
        month: r.month,
        version,
        current: 1,
        completed_this_month: r.completedThisMonth,
        ytd_completed: r.ytdCompleted,
        started: r.started ? 1 : 0,
        note: r.note,
        problems: r.problems,
        reason: r.reason,
        origin: r.origin,
        reported_by: meta.by,
        reported_at: meta.at,
        synthetic: r.synthetic ? 1 : 0,
      };
    });
    for (const { code, month } of retire)
      await tx
        .updateTable('project_reports')
        .set({ current: 0 })
        .where('project_code', '=', code)
        .where('month', '=', month)
        .where('current', '=', 1)
        .execute();
    for (let i = 0; i < values.length; i += 2000)
      await tx
        .insertInto('project_reports')
        .values(values.slice(i, i + 2000))
        .execute();
    await bump(tx);
    return versions;
  });
}

/**
 * Bulk load of new projects with their plans and first-version reports (demo and benchmark data). Owner
 * units must exist; projects whose code exists are skipped, with their plans and reports. All or nothing.
 */
export async function bulkLoadProjects(
  store: Store,
  data: {
    readonly projects: readonly NewProject[];
    readonly plans: readonly {
      projectCode: string;
      year: number;
      plannedInvestment: number;
      monthlyPlanned: readonly number[] | null;
    }[];
    readonly reports: readonly NewReport[];
  },
  meta: WriteMeta,
): Promise<{ projects: number; plans: number; reports: number }> {
  const units = new Map<string, { path: string; province: string }>();
  const unitCodes = [...new Set(data.projects.map((p) => p.ownerUnit))];
  for (let i = 0; i < unitCodes.length; i += 5000) {
    const rows = await store.db
      .selectFrom('units')
      .select(['code', 'path', 'province_code'])
      .where('code', 'in', unitCodes.slice(i, i + 5000))
      .execute();
    for (const r of rows) units.set(r.code, { path: r.path, province: r.province_code });
  }
  const existing = new Set(
    (await findProjects(store, { codes: data.projects.map((p) => p.code) })).map((p) => p.code),
  );
  const fresh = data.projects.filter((p) => !existing.has(p.code));
  for (const p of fresh)
    if (!units.has(p.ownerUnit)) throw new Error(`unknown owner unit ${p.ownerUnit} of project ${p.code}`);
  const freshCodes = new Set(fresh.map((p) => p.code));
  const projectRows = fresh.map((p) =>
    projectRow(p, units.get(p.ownerUnit) as { path: string; province: string }, meta),
  );
  const planRows = data.plans
    .filter((pl) => freshCodes.has(pl.projectCode))
    .map((pl) => ({
      project_code: pl.projectCode,
      year: pl.year,
      planned_investment: pl.plannedInvestment,
      monthly_planned: pl.monthlyPlanned === null ? null : JSON.stringify(pl.monthlyPlanned),
      updated_at: meta.at,
      updated_by: meta.by,
    }));
  const reportRows = data.reports
    .filter((r) => freshCodes.has(r.projectCode))
    .map((r) => ({
      project_code: r.projectCode,
      month: r.month,
      version: 1,
      current: 1,
      completed_this_month: r.completedThisMonth,
      ytd_completed: r.ytdCompleted,
      started: r.started ? 1 : 0,
      note: r.note,
      problems: r.problems,
      reason: r.reason,
      origin: r.origin,
      reported_by: meta.by,
      reported_at: meta.at,
      synthetic: r.synthetic ? 1 : 0,
    }));
  const sqlite = store.raw.sqlite;
  if (sqlite) {
    const insertAll = <T extends object>(table: string, rows: readonly T[]) => {
      const first = rows[0];
      if (first === undefined) return;
      const cols = Object.keys(first);
      const stmt = sqlite.prepare(
        `insert into ${table} (${cols.join(', ')}) values (${cols.map(() => '?').join(', ')})`,
      );
      for (const r of rows) stmt.run(...(Object.values(r) as unknown[]));
    };
    sqlite.transaction(() => {
      insertAll('projects', projectRows);
      insertAll('project_plans', planRows);
      insertAll('project_reports', reportRows);
      sqlite.prepare('update project_revision set revision = revision + 1 where id = 1').run();
    })();
  } else {
    await store.db.transaction().execute(async (tx) => {
      for (let i = 0; i < projectRows.length; i += 2000)
        await tx
          .insertInto('projects')
          .values(projectRows.slice(i, i + 2000))
          .execute();
      for (let i = 0; i < planRows.length; i += 5000)
        await tx
          .insertInto('project_plans')
          .values(planRows.slice(i, i + 5000))
          .execute();
      for (let i = 0; i < reportRows.length; i += 3000)
        await tx
          .insertInto('project_reports')
          .values(reportRows.slice(i, i + 3000))
          .execute();
      await bump(tx);
    });
    // Fresh statistics after a bulk load, so that the planner does not take 200,000 reports for a few
    // dozen until autovacuum gets round to it (the latest-report query is planned per project).
    await sql`analyze projects, project_plans, project_reports`.execute(store.db);
  }
  return { projects: projectRows.length, plans: planRows.length, reports: reportRows.length };
}

export interface ProjectFigureRecord {
  readonly indicatorCode: string;
  readonly nameZh: string;
  readonly nameEn: string;
  readonly measure: string;
  readonly unitCode: string;
  readonly period: string;
  readonly periodEnd: string;
  readonly value: number;
  readonly note: string;
  readonly source: string;
}

/** Observations of the project-dispatch indicators (domain `projects`) of one unit, latest period last. */
export async function projectFigures(store: Store, unitCode: string): Promise<ProjectFigureRecord[]> {
  const rows = await store.db
    .selectFrom('observations as o')
    .innerJoin('indicators as i', 'i.code', 'o.indicator_code')
    .select([
      'o.indicator_code',
      'i.name_zh',
      'i.name_en',
      'i.unit',
      'o.unit_code',
      'o.period',
      'o.period_end',
      'o.value',
      'o.note',
      'o.source',
    ])
    .where('i.domain', '=', 'projects')
    .where('o.unit_code', '=', unitCode)
    .where('o.synthetic', '=', 0)
    .orderBy('o.indicator_code')
    .orderBy('o.period_end')
    .execute();
  return rows.map((r) => ({
    indicatorCode: r.indicator_code,
    nameZh: r.name_zh,
    nameEn: r.name_en,
    measure: r.unit,
    unitCode: r.unit_code,
    period: r.period,
    periodEnd: r.period_end,
    value: r.value,
    note: r.note,
    source: r.source,
  }));
}
