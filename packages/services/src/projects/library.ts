/**
 * The project library's use cases (issue 7 §1–2): register and update projects, change stage (core
 * `changeStage`, seed 001 §三十), annual plans (core `validateAnnualPlan`), monthly reports (core
 * `validateMonthlyReport`; a correction is a new version) and the project page with its S-curve.
 */
import {
  changeStage,
  monthOrdinalOf,
  projectMetrics,
  sCurve,
  STAGE_TRANSITIONS,
  validateAnnualPlan,
  validateMonthlyReport,
  type Actor,
  type ProjectStage,
} from '@suocha/core';
import type {
  AnnualPlanDto,
  AnnualPlanInputDto,
  MonthlyReportDto,
  MonthlyReportInputDto,
  ProjectDto,
  ProjectInputDto,
  ProjectMetricsDto,
  ProjectPageDto,
  ProjectUpdateDto,
  StageChangeInputDto,
} from '@suocha/contract';
import {
  addReports,
  getProject,
  getUnitPath,
  insertProject,
  plansOf,
  recordStageChange,
  reportsOf,
  stageHistory,
  updateProject,
  upsertPlan,
  type ProjectRecord,
  type ProjectWriteError,
  type ReportRecord,
  type Store,
} from '@suocha/store';
import { canReportProject, canSeeProject } from './project-access';
import { ProjectError, projectNotFound } from './project-error';
import { metricsDto, toCorePlan, toCoreProject, toCoreReport } from './snapshot';

export function projectDto(p: ProjectRecord): ProjectDto {
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
  };
}

export function reportDto(r: ReportRecord): MonthlyReportDto {
  return { ...r };
}

const writeError = (e: ProjectWriteError, code: string, unit: string, category: string): ProjectError => {
  switch (e) {
    case 'PROJECT_EXISTS':
      return new ProjectError('CONFLICT', `项目代码 ${code} 已存在 (project ${code} exists)`);
    case 'PROJECT_NOT_FOUND':
      return projectNotFound(code);
    case 'UNIT_NOT_FOUND':
      return new ProjectError('UNIT_NOT_FOUND', `区划 ${unit} 不存在 (no unit with code ${unit})`);
    case 'CATEGORY_NOT_FOUND':
      return new ProjectError(
        'VALIDATION_FAILED',
        `项目类别 ${category} 不存在 (unknown category ${category})`,
      );
  }
};

/** The project if the actor may see it; 404 otherwise (existence outside one's scope is not revealed). */
export async function visibleProject(store: Store, actor: Actor, code: string): Promise<ProjectRecord> {
  const p = await getProject(store, code);
  if (p === undefined || !canSeeProject(actor, p)) throw projectNotFound(code);
  return p;
}

async function writableProject(store: Store, actor: Actor, code: string): Promise<ProjectRecord> {
  const p = await visibleProject(store, actor, code);
  if (!canReportProject(actor, p))
    throw new ProjectError('FORBIDDEN', `无权修改或填报项目 ${code} (you may not write project ${code})`);
  return p;
}

async function checkOwnerWritable(
  store: Store,
  actor: Actor,
  unit: string,
  department: string,
): Promise<void> {
  const path = await getUnitPath(store, unit);
  if (path === undefined)
    throw new ProjectError('UNIT_NOT_FOUND', `区划 ${unit} 不存在 (no unit with code ${unit})`);
  if (!canReportProject(actor, { ownerPath: path, leadDepartment: department }))
    throw new ProjectError('FORBIDDEN', `无权为 ${unit} 登记项目 (you may not register projects of ${unit})`);
}

function checkMonths(i: {
  plannedStart: string | null;
  plannedCompletion: string | null;
  actualStart: string | null;
  actualCompletion: string | null;
}): void {
  const before = (a: string | null, b: string | null) =>
    a !== null && b !== null && monthOrdinalOf(a) > monthOrdinalOf(b);
  if (before(i.plannedStart, i.plannedCompletion) || before(i.actualStart, i.actualCompletion))
    throw new ProjectError('VALIDATION_FAILED', '完工月份早于开工月份 (completion before start)');
}

export async function registerProject(
  store: Store,
  actor: Actor,
  input: ProjectInputDto,
  now: string,
): Promise<ProjectDto> {
  await checkOwnerWritable(store, actor, input.ownerUnit, input.leadDepartment);
  checkMonths(input);
  const e = await insertProject(store, { ...input, synthetic: false }, { by: actor.username, at: now });
  if (e !== null) throw writeError(e, input.code, input.ownerUnit, input.category);
  return projectDto((await getProject(store, input.code)) as ProjectRecord);
}

export async function updateProjectFields(
  store: Store,
  actor: Actor,
  code: string,
  input: ProjectUpdateDto,
  now: string,
): Promise<ProjectDto> {
  await writableProject(store, actor, code);
  await checkOwnerWritable(store, actor, input.ownerUnit, input.leadDepartment);
  checkMonths(input);
  const e = await updateProject(store, code, input, { by: actor.username, at: now });
  if (e !== null) throw writeError(e, code, input.ownerUnit, input.category);
  return projectDto((await getProject(store, code)) as ProjectRecord);
}

/** Stage change by the core rules; the history keeps date, reason, who and when. */
export async function changeProjectStage(
  store: Store,
  actor: Actor,
  code: string,
  input: StageChangeInputDto,
  now: string,
): Promise<ProjectDto> {
  const p = await writableProject(store, actor, code);
  const history = await stageHistory(store, code);
  const res = changeStage(
    {
      ...toCoreProject(p),
      stageHistory: history.map((h) => ({
        from: h.from as ProjectStage,
        to: h.to as ProjectStage,
        date: h.date,
        reason: h.reason,
      })),
    },
    input,
  );
  if (!res.ok) throw new ProjectError('VALIDATION_FAILED', `${res.error.message} [${res.error.code}]`);
  const next = res.value;
  const done = await recordStageChange(
    store,
    code,
    { from: p.stage, to: input.to, date: input.date, reason: input.reason.trim() },
    { actualStart: next.actualStart ?? null, actualCompletion: next.actualCompletion ?? null },
    { by: actor.username, at: now },
  );
  if (!done)
    throw new ProjectError('CONFLICT', '项目阶段已被他人修改, 请刷新 (stage changed meanwhile; reload)');
  return projectDto((await getProject(store, code)) as ProjectRecord);
}

export async function setAnnualPlan(
  store: Store,
  actor: Actor,
  code: string,
  year: number,
  input: AnnualPlanInputDto,
  now: string,
): Promise<AnnualPlanDto> {
  await writableProject(store, actor, code);
  const plan = {
    projectCode: code,
    year,
    plannedInvestment: input.plannedInvestment,
    ...(input.monthlyPlanned === null ? {} : { monthlyPlanned: input.monthlyPlanned }),
  };
  const issues = validateAnnualPlan(plan);
  if (issues.length > 0) throw new ProjectError('VALIDATION_FAILED', issues.map((i) => i.message).join('; '));
  await upsertPlan(
    store,
    {
      projectCode: code,
      year,
      plannedInvestment: input.plannedInvestment,
      monthlyPlanned: input.monthlyPlanned,
    },
    { by: actor.username, at: now },
  );
  const saved = (await plansOf(store, code)).find((p) => p.year === year);
  return { ...(saved as AnnualPlanDto) };
}

/** The previous month's current report of the same year, and the month's own current one. */
export function neighbours(reports: readonly ReportRecord[], month: string) {
  const o = monthOrdinalOf(month);
  const year = month.slice(0, 4);
  let previous: ReportRecord | undefined;
  let same: ReportRecord | undefined;
  for (const r of reports) {
    if (!r.current || r.month.slice(0, 4) !== year) continue;
    const ro = monthOrdinalOf(r.month);
    if (ro === o) same = r;
    else if (ro < o && (previous === undefined || monthOrdinalOf(previous.month) < ro)) previous = r;
  }
  return { previous, same };
}

/** Enter a month's report from the form; a second report of a month is a new version and needs a reason. */
export async function enterMonthlyReport(
  store: Store,
  actor: Actor,
  code: string,
  input: MonthlyReportInputDto,
  now: string,
): Promise<{ report: MonthlyReportDto; metrics: ProjectMetricsDto }> {
  const p = await writableProject(store, actor, code);
  const reports = await reportsOf(store, code);
  const { previous, same } = neighbours(reports, input.month);
  const row = {
    projectCode: code,
    month: input.month,
    completedThisMonth: input.completedThisMonth,
    ytdCompleted: input.ytdCompleted,
    started: input.started,
  };
  const issues = validateMonthlyReport(row, {
    previous: previous === undefined ? undefined : toCoreReport(previous),
    now: now.slice(0, 10),
  });
  if (issues.length > 0)
    throw new ProjectError('VALIDATION_FAILED', issues.map((i) => `${i.message} [${i.code}]`).join('; '));
  if (same !== undefined && input.reason.trim() === '')
    throw new ProjectError(
      'VALIDATION_FAILED',
      `${input.month} 已有报告 (第${same.version}版), 更正须说明理由 (a correction needs a reason)`,
    );
  await addReports(
    store,
    [
      {
        ...row,
        note: input.note,
        problems: input.problems,
        reason: input.reason.trim(),
        origin: 'form',
        synthetic: false,
      },
    ],
    { by: actor.username, at: now },
  );
  const page = await projectPage(store, actor, code, input.month);
  const saved = page.reports.find((r) => r.month === input.month && r.current) as MonthlyReportDto;
  void p;
  return { report: saved, metrics: page.metrics };
}

/** GET /api/projects/:code — project, metrics for the month, S-curve, plans, every report version, history. */
export async function projectPage(
  store: Store,
  actor: Actor,
  code: string,
  month: string,
): Promise<ProjectPageDto> {
  const p = await visibleProject(store, actor, code);
  const [plans, reports, history] = await Promise.all([
    plansOf(store, code),
    reportsOf(store, code),
    stageHistory(store, code),
  ]);
  const year = Number(month.slice(0, 4));
  const plan = plans.find((x) => x.year === year);
  const current = reports.filter((r) => r.current && monthOrdinalOf(r.month) <= monthOrdinalOf(month));
  const latest = current.find((r) => r.month.slice(0, 4) === String(year));
  const metrics = projectMetrics({
    project: toCoreProject(p),
    plan: plan === undefined ? undefined : toCorePlan(plan),
    report: latest === undefined ? undefined : toCoreReport(latest),
    asOf: month,
  });
  return {
    project: projectDto(p),
    month,
    metrics: metricsDto(metrics),
    sCurve: (() => {
      const c = sCurve(year, plan === undefined ? undefined : toCorePlan(plan), current.map(toCoreReport));
      return { ...c, points: [...c.points] };
    })(),
    plans: plans.map((x) => ({
      ...x,
      monthlyPlanned: x.monthlyPlanned === null ? null : [...x.monthlyPlanned],
    })),
    reports: reports.map(reportDto),
    stageHistory: history.map((h) => ({ ...h, from: h.from as ProjectStage, to: h.to as ProjectStage })),
    allowedStages: [...STAGE_TRANSITIONS[p.stage as ProjectStage]],
    canWrite: canReportProject(actor, p),
  };
}
