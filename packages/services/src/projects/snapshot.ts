/**
 * The whole library's metrics for one month, computed once and kept until the module's data revision
 * moves (one cheap query per request), so that the dispatch board answers 50 concurrent clients from
 * memory. Everything here is the core rules (METHODS.md §5) applied to stored rows.
 */
import {
  DEFAULT_LIGHT_RULES,
  latestReports,
  projectMetrics,
  type LightRules,
  type MonthlyReport,
  type Project,
  type ProjectMetrics,
  type ProjectStage,
} from '@suocha/core';
import type { DispatchBoardDto, ProjectMetricsDto } from '@suocha/contract';
import {
  findProjects,
  latestCurrentReports,
  plansForYear,
  projectsRevision,
  type PlanRecord,
  type ProjectRecord,
  type ReportRecord,
  type Store,
} from '@suocha/store';

/** Core's project from a stored one (optional fields left out rather than undefined). */
export function toCoreProject(p: ProjectRecord): Project {
  return {
    code: p.code,
    name: p.name,
    ownerUnit: p.ownerUnit,
    leadDepartment: p.leadDepartment,
    category: p.category,
    stage: p.stage as ProjectStage,
    totalInvestment: p.totalInvestment,
    ...(p.plannedStart === null ? {} : { plannedStart: p.plannedStart }),
    ...(p.plannedCompletion === null ? {} : { plannedCompletion: p.plannedCompletion }),
    ...(p.actualStart === null ? {} : { actualStart: p.actualStart }),
    ...(p.actualCompletion === null ? {} : { actualCompletion: p.actualCompletion }),
  };
}

export function toCorePlan(p: PlanRecord) {
  return {
    projectCode: p.projectCode,
    year: p.year,
    plannedInvestment: p.plannedInvestment,
    ...(p.monthlyPlanned === null ? {} : { monthlyPlanned: p.monthlyPlanned }),
  };
}

export function toCoreReport(r: ReportRecord): MonthlyReport {
  return {
    projectCode: r.projectCode,
    month: r.month,
    completedThisMonth: r.completedThisMonth,
    ytdCompleted: r.ytdCompleted,
    started: r.started,
    note: r.note,
    problems: r.problems,
  };
}

/** The metrics as the API shows them (lights serialised with their sentences). */
export function metricsDto(m: ProjectMetrics): ProjectMetricsDto {
  const light = (e: ProjectMetrics['scheduleLight']) => ({
    kind: e.kind,
    light: e.light,
    ruleId: e.ruleId,
    rulesId: e.rulesId,
    numbers: { ...e.numbers },
    ...(e.plannedStart === undefined ? {} : { plannedStart: e.plannedStart }),
    zh: e.zh,
    en: e.en,
  });
  return {
    asOf: m.asOf,
    annualPlan: m.annualPlan,
    ytdCompleted: m.ytdCompleted,
    completionRate: m.completionRate,
    scheduleShare: m.scheduleShare,
    gapPoints: m.gapPoints,
    pv: m.pv,
    spi: m.spi,
    started: m.started,
    newStartDue: m.newStartDue,
    newStartDone: m.newStartDone,
    light: m.light,
    scheduleLight: light(m.scheduleLight),
    startLight: light(m.startLight),
  };
}

/** A view computed from a snapshot and the data revision (units, observations) it was read under. */
export interface MemoEntry<T> {
  readonly token: string;
  readonly value: Promise<T>;
}

export interface Snapshot {
  readonly revision: number;
  readonly month: string;
  readonly rules: LightRules;
  /** Parallel arrays: project i has metrics i. */
  readonly projects: readonly ProjectRecord[];
  readonly metrics: readonly ProjectMetrics[];
  /**
   * Dispatch-board answers by request key (unit, filters, the actor's scope), dropped with the snapshot
   * when the projects' revision moves; each also checks the data revision (unit names, reported figures).
   */
  readonly boards: Map<string, MemoEntry<DispatchBoardDto>>;
}

/**
 * The memoised value of `key` in `memo` if it was made under `token`, else `make()` remembered under it
 * (at most `limit` entries; a failed value is forgotten, so errors are never served from the memo).
 */
export function memoised<T>(
  memo: Map<string, MemoEntry<T>>,
  key: string,
  token: string,
  make: () => Promise<T>,
  limit = 256,
): Promise<T> {
  const hit = memo.get(key);
  if (hit !== undefined && hit.token === token) return hit.value;
  const value = make();
  if (memo.size >= limit && hit === undefined) memo.clear();
  memo.set(key, { token, value });
  value.catch(() => {
    if (memo.get(key)?.value === value) memo.delete(key);
  });
  return value;
}

/** Metrics of the given projects for `month`, from the year's plans and current reports. */
export function computeMetrics(
  projects: readonly ProjectRecord[],
  plans: readonly PlanRecord[],
  reports: readonly ReportRecord[],
  month: string,
  rules: LightRules = DEFAULT_LIGHT_RULES,
): ProjectMetrics[] {
  const planBy = new Map(plans.map((p) => [p.projectCode, toCorePlan(p)]));
  const latest = latestReports(reports.map(toCoreReport), month);
  return projects.map((p) =>
    projectMetrics(
      { project: toCoreProject(p), plan: planBy.get(p.code), report: latest.get(p.code), asOf: month },
      rules,
    ),
  );
}

/** Load and compute the whole library for `month` (no cache). */
export async function loadSnapshot(
  store: Store,
  month: string,
  rules: LightRules = DEFAULT_LIGHT_RULES,
): Promise<Snapshot> {
  const revision = await projectsRevision(store);
  const year = Number(month.slice(0, 4));
  // The latest report of the year per project is all the metrics use (one row per project).
  const [projects, plans, reports] = await Promise.all([
    findProjects(store),
    plansForYear(store, year),
    latestCurrentReports(store, { from: `${year}-01`, to: month }),
  ]);
  return {
    revision,
    month,
    rules,
    projects,
    metrics: computeMetrics(projects, plans, reports, month, rules),
    boards: new Map(),
  };
}

/**
 * Snapshots per store and month, refreshed when the revision moved. Bounded to a few months per store
 * (a board looks at this month and maybe a few before).
 */
export class SnapshotCache {
  readonly #byStore = new WeakMap<Store, Map<string, Promise<Snapshot>>>();

  /** The snapshot of `month` at the current revision (`revision` when the caller has just read it). */
  async get(store: Store, month: string, known?: number): Promise<Snapshot> {
    let months = this.#byStore.get(store);
    if (months === undefined) {
      months = new Map();
      this.#byStore.set(store, months);
    }
    const revision = known ?? (await projectsRevision(store));
    const cached = months.get(month);
    if (cached !== undefined) {
      const s = await cached.catch(() => undefined);
      if (s !== undefined && s.revision === revision) return s;
    }
    const next = loadSnapshot(store, month);
    months.set(month, next);
    if (months.size > 6) {
      const oldest = months.keys().next().value;
      if (oldest !== undefined && oldest !== month) months.delete(oldest);
    }
    return next;
  }
}

export const snapshotCache = new SnapshotCache();
