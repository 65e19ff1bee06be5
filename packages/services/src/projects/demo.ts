/**
 * Loads a seeded synthetic portfolio (core `syntheticPortfolio`) for demos, tests and benchmarks. Every
 * project is stored with the synthetic flag, so every output labels it 模拟数据.
 */
import { syntheticPortfolio } from '@suocha/core';
import {
  bulkLoadProjects,
  getSubtree,
  listDepartments,
  listProjectCategories,
  type Store,
} from '@suocha/store';
import { ProjectError } from './project-error';

export interface DemoOptions {
  readonly seed: number;
  readonly count: number;
  /** Last month with reports, `YYYY-MM`. */
  readonly month: string;
  /** Root of the owner units (default the province of Zhejiang, 330000). */
  readonly under?: string;
  readonly by?: string;
  readonly now: string;
}

/** Spread projects over the counties under `under` (or its own children when it has no counties). */
export async function loadDemoProjects(
  store: Store,
  o: DemoOptions,
): Promise<{ projects: number; plans: number; reports: number; synthetic: true }> {
  const under = o.under ?? '330000';
  const counties = await getSubtree(store, under, 'county');
  if (counties === undefined)
    throw new ProjectError('UNIT_NOT_FOUND', `区划 ${under} 不存在 (no unit ${under})`);
  const units = counties.length > 0 ? counties.map((u) => u.code) : [under];
  const departments = (await listDepartments(store)).map((d) => d.code);
  const categories = (await listProjectCategories(store)).map((c) => c.code);
  const portfolio = syntheticPortfolio({
    seed: o.seed,
    count: o.count,
    units,
    departments: departments.length > 0 ? departments : ['fgw'],
    categories,
    throughMonth: o.month,
  });
  const res = await bulkLoadProjects(
    store,
    {
      projects: portfolio.projects.map((p) => ({
        code: p.code,
        name: p.name,
        ownerUnit: p.ownerUnit,
        leadDepartment: p.leadDepartment,
        category: p.category,
        stage: p.stage,
        totalInvestment: p.totalInvestment,
        plannedStart: p.plannedStart ?? null,
        plannedCompletion: p.plannedCompletion ?? null,
        actualStart: p.actualStart ?? null,
        actualCompletion: p.actualCompletion ?? null,
        synthetic: true,
      })),
      plans: portfolio.plans.map((p) => ({
        projectCode: p.projectCode,
        year: p.year,
        plannedInvestment: p.plannedInvestment,
        monthlyPlanned: p.monthlyPlanned ?? null,
      })),
      reports: portfolio.reports.map((r) => ({
        projectCode: r.projectCode,
        month: r.month,
        completedThisMonth: r.completedThisMonth,
        ytdCompleted: r.ytdCompleted,
        started: r.started,
        note: r.note ?? '',
        problems: r.problems ?? '',
        reason: '',
        origin: 'synthetic',
        synthetic: true,
      })),
    },
    { by: o.by ?? 'demo', at: o.now },
  );
  return { ...res, synthetic: true };
}
