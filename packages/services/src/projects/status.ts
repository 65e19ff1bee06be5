/**
 * Status, dispatch board and list of the project library (issue 7 §3): roll-ups by unit subtree,
 * category, department and stage with lights (core `rollUp`, METHODS.md §5), every project with its
 * light, completion and 序时 gap, and the province's reported figures beside the registry's own.
 */
import {
  LIGHT_SEVERITY,
  PROJECT_STAGE_ZH,
  rollUp,
  rollUpAll,
  scheduleGapPoints,
  scheduleShareForMonth,
  type Actor,
  type Light,
  type ProjectMetrics,
  type ProjectStage,
  type RollupRow,
} from '@suocha/core';
import type {
  DispatchBoardDto,
  ProjectListResponseDto,
  ProjectRowDto,
  ProjectStatusDto,
  ReportedFigureDto,
  RollupRowDto,
} from '@suocha/contract';
import {
  getChildren,
  getUnit,
  getUnitPath,
  listProjectCategories,
  projectFigures,
  projectsRevisions,
  type ProjectRecord,
  type Store,
} from '@suocha/store';
import { canSeeProject } from './project-access';
import { ProjectError } from './project-error';
import { memoised, metricsDto, snapshotCache, type Snapshot } from './snapshot';

export interface ProjectFilter {
  readonly category?: string | undefined;
  readonly department?: string | undefined;
  readonly stage?: string | undefined;
  readonly light?: Light | undefined;
  readonly q?: string | undefined;
}

/** The month whose reports are due: the month before "now" (ISO date or date-time). */
export function defaultMonth(now: string): string {
  const y = Number(now.slice(0, 4));
  const m = Number(now.slice(5, 7));
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
}

interface Selected {
  readonly unit: { code: string; name: string; path: string };
  readonly snapshot: Snapshot;
  readonly idx: number[];
}

/** Projects of the snapshot under `unitCode` that the actor may see and that pass the filter. */
async function select(
  store: Store,
  actor: Actor,
  unitCode: string | undefined,
  month: string,
  f: ProjectFilter,
  given?: Snapshot,
): Promise<Selected> {
  const code = unitCode ?? actor.scopeUnit;
  const [u, path] = await Promise.all([getUnit(store, code), getUnitPath(store, code)]);
  if (u === undefined || path === undefined)
    throw new ProjectError('UNIT_NOT_FOUND', `区划 ${code} 不存在 (no unit with code ${code})`);
  if (!path.startsWith(actor.scopePath) && !actor.scopePath.startsWith(path))
    throw new ProjectError('FORBIDDEN', `无权查看 ${code} 的项目 (unit ${code} is outside your scope)`);
  const snapshot = given ?? (await snapshotCache.get(store, month));
  const q = f.q?.trim().toLowerCase();
  const idx: number[] = [];
  for (let i = 0; i < snapshot.projects.length; i++) {
    const p = snapshot.projects[i] as ProjectRecord;
    if (!p.ownerPath.startsWith(path) || !canSeeProject(actor, p)) continue;
    if (f.category !== undefined && p.category !== f.category) continue;
    if (f.department !== undefined && p.leadDepartment !== f.department) continue;
    if (f.stage !== undefined && p.stage !== f.stage) continue;
    if (f.light !== undefined && (snapshot.metrics[i] as ProjectMetrics).light !== f.light) continue;
    if (q !== undefined && q !== '' && !p.code.toLowerCase().includes(q) && !p.name.toLowerCase().includes(q))
      continue;
    idx.push(i);
  }
  return { unit: { code, name: u.name, path }, snapshot, idx };
}

function rowDto(s: Snapshot, i: number): ProjectRowDto {
  const p = s.projects[i] as ProjectRecord;
  return {
    code: p.code,
    name: p.name,
    ownerUnit: p.ownerUnit,
    ownerUnitName: p.ownerUnitName,
    ownerUnitPath: p.ownerPath,
    leadDepartment: p.leadDepartment,
    category: p.category,
    stage: p.stage as ProjectStage,
    totalInvestment: p.totalInvestment,
    plannedStart: p.plannedStart,
    plannedCompletion: p.plannedCompletion,
    actualStart: p.actualStart,
    actualCompletion: p.actualCompletion,
    synthetic: p.synthetic,
    createdAt: p.createdAt,
    updatedAt: p.updatedAt,
    metrics: metricsDto(s.metrics[i] as ProjectMetrics),
  };
}

function rollupDto(r: RollupRow, name: string, share: number, synthetic: number): RollupRowDto {
  return {
    ...r,
    lights: { ...r.lights },
    name,
    scheduleShare: share,
    gapPoints: r.completionRate === null ? null : scheduleGapPoints(share, r.completionRate),
    syntheticCount: synthetic,
  };
}

/** Roll-up rows of the selected projects grouped by `key`, named by `names`, in `order` (then the rest). */
function groups(
  sel: Selected,
  key: (p: ProjectRecord) => string,
  names: ReadonlyMap<string, string>,
  order: readonly string[] = [],
): RollupRowDto[] {
  const s = sel.snapshot;
  const ms = sel.idx.map((i) => s.metrics[i] as ProjectMetrics);
  const keys = sel.idx.map((i) => key(s.projects[i] as ProjectRecord));
  const synthetic = new Map<string, number>();
  sel.idx.forEach((i, j) => {
    if ((s.projects[i] as ProjectRecord).synthetic)
      synthetic.set(keys[j] as string, (synthetic.get(keys[j] as string) ?? 0) + 1);
  });
  const share = scheduleShareForMonth(Number(s.month.slice(5, 7)));
  const rows = rollUp(ms, (_m, j) => keys[j] as string).map((r) =>
    rollupDto(r, names.get(r.key) ?? r.key, share, synthetic.get(r.key) ?? 0),
  );
  const rank = new Map(order.map((k, i) => [k, i]));
  return rows.sort(
    (a, b) =>
      (rank.get(a.key) ?? Infinity) - (rank.get(b.key) ?? Infinity) ||
      (a.key < b.key ? -1 : a.key > b.key ? 1 : 0),
  );
}

function total(sel: Selected): RollupRowDto {
  const s = sel.snapshot;
  const share = scheduleShareForMonth(Number(s.month.slice(5, 7)));
  const ms = sel.idx.map((i) => s.metrics[i] as ProjectMetrics);
  const synthetic = sel.idx.filter((i) => (s.projects[i] as ProjectRecord).synthetic).length;
  return rollupDto(rollUpAll(ms, sel.unit.code), sel.unit.name, share, synthetic);
}

/** Child of `unitPath` on the way to `path` (the unit itself for its own projects). */
function childOf(unitPath: string, unitCode: string, path: string): string {
  if (path.length <= unitPath.length) return unitCode;
  const end = path.indexOf('/', unitPath.length);
  return path.slice(unitPath.length, end);
}

async function unitGroups(store: Store, sel: Selected): Promise<RollupRowDto[]> {
  const children = await getChildren(store, sel.unit.code);
  const names = new Map(children.map((c) => [c.code, c.name]));
  names.set(sel.unit.code, `${sel.unit.name}本级`);
  return groups(
    sel,
    (p) => childOf(sel.unit.path, sel.unit.code, p.ownerPath),
    names,
    children.map((c) => c.code),
  );
}

async function categoryNames(store: Store): Promise<Map<string, string>> {
  return new Map((await listProjectCategories(store)).map((c) => [c.code, c.nameZh]));
}

/**
 * The province's reported figures for the unit (observations of the `projects` indicators) with the
 * registry's value of the same quantity where one can be computed (seed 003/004 figures, issue 7 §4).
 */
export async function reportedFigures(
  store: Store,
  unitCode: string,
  sel: Selected,
): Promise<ReportedFigureDto[]> {
  const figures = await projectFigures(store, unitCode);
  const s = sel.snapshot;
  const all = sel.idx.map((i) => s.metrics[i] as ProjectMetrics);
  const totalRow = rollUpAll(all);
  const county = sel.idx.filter((i) => (s.projects[i] as ProjectRecord).category === 'county_seat');
  const countyRow = rollUpAll(county.map((i) => s.metrics[i] as ProjectMetrics));
  const registry: Record<string, number | null> = {
    major_project_investment_completion:
      totalRow.completionRate === null ? null : totalRow.completionRate * 100,
    new_project_start_rate: totalRow.startRate === null ? null : totalRow.startRate * 100,
    gap_major_projects_count: totalRow.count,
    // 万元 → 亿元.
    gap_major_projects_investment_ytd: totalRow.ytdCompleted / 10_000,
    county_seat_projects_count: countyRow.count,
    county_seat_projects_investment_ytd: countyRow.ytdCompleted / 10_000,
  };
  return figures.map((f) => ({
    indicatorCode: f.indicatorCode,
    nameZh: f.nameZh,
    nameEn: f.nameEn,
    unitCode: f.unitCode,
    period: f.period,
    value: f.value,
    measure: f.measure,
    note: f.note,
    source: f.source,
    registryValue: registry[f.indicatorCode] ?? null,
  }));
}

/** Worst first: red before yellow, then the largest gap, then code. */
function worstFirst(s: Snapshot) {
  return (a: number, b: number) => {
    const ma = s.metrics[a] as ProjectMetrics;
    const mb = s.metrics[b] as ProjectMetrics;
    const d = LIGHT_SEVERITY[mb.light] - LIGHT_SEVERITY[ma.light];
    if (d !== 0) return d;
    const g = (mb.gapPoints ?? -Infinity) - (ma.gapPoints ?? -Infinity);
    if (g !== 0 && !Number.isNaN(g)) return g;
    const ca = (s.projects[a] as ProjectRecord).code;
    const cb = (s.projects[b] as ProjectRecord).code;
    return ca < cb ? -1 : ca > cb ? 1 : 0;
  };
}

export interface StatusRequest extends ProjectFilter {
  readonly of?: string | undefined;
  readonly month: string;
  readonly includeProjects?: boolean;
}

/** `suocha projects status` / GET /api/projects/status: every roll-up and every project. */
export async function projectStatus(store: Store, actor: Actor, r: StatusRequest): Promise<ProjectStatusDto> {
  const sel = await select(store, actor, r.of, r.month, r);
  const s = sel.snapshot;
  const cats = await categoryNames(store);
  const stageNames = new Map(Object.entries(PROJECT_STAGE_ZH));
  const idx = [...sel.idx].sort(worstFirst(s));
  return {
    unit: { code: sel.unit.code, name: sel.unit.name },
    month: r.month,
    scheduleShare: scheduleShareForMonth(Number(r.month.slice(5, 7))),
    rulesId: s.rules.id,
    total: total(sel),
    byUnit: await unitGroups(store, sel),
    byCategory: groups(sel, (p) => p.category, cats),
    byDepartment: groups(sel, (p) => p.leadDepartment, new Map()),
    byStage: groups(sel, (p) => p.stage, stageNames, Object.keys(PROJECT_STAGE_ZH)),
    reported: await reportedFigures(store, sel.unit.code, sel),
    projects: r.includeProjects === false ? [] : idx.map((i) => rowDto(s, i)),
    synthetic: sel.idx.some((i) => (s.projects[i] as ProjectRecord).synthetic),
  };
}

export interface BoardRequest extends ProjectFilter {
  readonly unit?: string | undefined;
  readonly month: string;
  readonly listLimit?: number;
}

/**
 * GET /api/projects/board: roll-ups by child unit and category, red and yellow lists first. The answer
 * is memoised with the snapshot (same object while nothing changed: the server serialises it once), keyed
 * by the request and the actor's scope; the data revision is read first, so a change made while the board
 * is computed only costs one more computation. The object returned is shared between callers: read it,
 * never change it.
 */
export async function dispatchBoard(store: Store, actor: Actor, r: BoardRequest): Promise<DispatchBoardDto> {
  const revisions = await projectsRevisions(store);
  const snapshot = await snapshotCache.get(store, r.month, revisions.projects);
  const token = revisions.data;
  const key = JSON.stringify([
    r.unit ?? actor.scopeUnit,
    actor.role,
    actor.scopePath,
    actor.department,
    r.category,
    r.department,
    r.stage,
    r.light,
    r.q,
    r.listLimit,
  ]);
  return memoised(snapshot.boards, key, token, () => computeBoard(store, actor, r, snapshot));
}

async function computeBoard(
  store: Store,
  actor: Actor,
  r: BoardRequest,
  snapshot: Snapshot,
): Promise<DispatchBoardDto> {
  const sel = await select(store, actor, r.unit, r.month, r, snapshot);
  const s = sel.snapshot;
  const limit = r.listLimit ?? 50;
  const red: number[] = [];
  const yellow: number[] = [];
  for (const i of sel.idx) {
    const l = (s.metrics[i] as ProjectMetrics).light;
    if (l === 'red') red.push(i);
    else if (l === 'yellow') yellow.push(i);
  }
  const order = worstFirst(s);
  red.sort(order);
  yellow.sort(order);
  return {
    unit: { code: sel.unit.code, name: sel.unit.name },
    month: r.month,
    scheduleShare: scheduleShareForMonth(Number(r.month.slice(5, 7))),
    rulesId: s.rules.id,
    total: total(sel),
    byUnit: await unitGroups(store, sel),
    byCategory: groups(sel, (p) => p.category, await categoryNames(store)),
    reported: await reportedFigures(store, sel.unit.code, sel),
    red: red.slice(0, limit).map((i) => rowDto(s, i)),
    redTotal: red.length,
    yellow: yellow.slice(0, limit).map((i) => rowDto(s, i)),
    yellowTotal: yellow.length,
    synthetic: sel.idx.some((i) => (s.projects[i] as ProjectRecord).synthetic),
  };
}

export interface ListRequest extends ProjectFilter {
  readonly unit?: string | undefined;
  readonly month: string;
  readonly limit: number;
  readonly offset: number;
  readonly sort: 'light' | 'code' | 'gap';
}

/** GET /api/projects: filtered, sorted, paged. */
export async function listProjects(
  store: Store,
  actor: Actor,
  r: ListRequest,
): Promise<ProjectListResponseDto> {
  const sel = await select(store, actor, r.unit, r.month, r);
  const s = sel.snapshot;
  const idx = [...sel.idx];
  if (r.sort === 'light') idx.sort(worstFirst(s));
  else if (r.sort === 'gap')
    idx.sort(
      (a, b) =>
        ((s.metrics[b] as ProjectMetrics).gapPoints ?? -Infinity) -
        ((s.metrics[a] as ProjectMetrics).gapPoints ?? -Infinity),
    );
  const page = idx.slice(r.offset, r.offset + r.limit);
  return {
    month: r.month,
    total: idx.length,
    items: page.map((i) => rowDto(s, i)),
    synthetic: page.some((i) => (s.projects[i] as ProjectRecord).synthetic),
  };
}
