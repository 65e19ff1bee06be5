/**
 * The fast path of the roll-up (`loadSnapshot`: one latest current report per project read by the store)
 * against a straightforward computation (every version of every report of each project read one project
 * at a time, the latest current one of the year picked here, then core `projectMetrics` and `rollUp`) on
 * a seeded synthetic library (模拟数据), on both engines. The library reaches the corners: corrected
 * reports (versions 2 and 3), months without a report, reports of the year before, reports after the
 * month judged, projects without plans or reports, owners at every level.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  childPath,
  mulberry32,
  pathCodes,
  projectMetrics,
  provinceOf,
  rollUp,
  syntheticPortfolio,
  type Actor,
  type ProjectMetrics,
} from '@suocha/core';
import {
  addReports,
  bulkLoadProjects,
  findProjects,
  insertUnits,
  listProjectCategories,
  plansOf,
  reportsOf,
  type NewReport,
  type PlanRecord,
  type ProjectRecord,
  type ReportRecord,
  type Store,
  type UnitRow,
} from '@suocha/store';
import { testEngines, type OpenedStore } from '@suocha/store/testing';
import { loadSnapshot, toCorePlan, toCoreProject, toCoreReport } from './snapshot';
import { dispatchBoard } from './status';

const META = { by: 'test', at: '2026-01-05T00:00:00.000Z' };

function unit(code: string, level: UnitRow['level'], parent: UnitRow | null): UnitRow {
  const path = childPath(parent?.path ?? null, code);
  return {
    code,
    name: `单位${code}`,
    level,
    parent_code: parent?.code ?? null,
    path,
    depth: ['country', 'province', 'city', 'county'].indexOf(level),
    province_code: provinceOf(path),
    valid_from: null,
    valid_to: null,
    source: 'test',
  };
}

const cn = unit('100000', 'country', null);
const zj = unit('330000', 'province', cn);
const cities = [1, 2, 3].map((c) => unit(`3301${c}0`, 'city', zj));
const counties = cities.flatMap((city, c) => [1, 2, 3].map((k) => unit(`3301${c + 1}${k}`, 'county', city)));

const report = (r: {
  projectCode: string;
  month: string;
  completedThisMonth: number;
  ytdCompleted: number;
  started: boolean;
}): NewReport => ({ ...r, note: '', problems: '', reason: '', origin: 'test', synthetic: true });

/** A seeded library (模拟数据) with corrections, gaps and reports outside the year judged. */
async function loadLibrary(store: Store, seed: number): Promise<void> {
  await insertUnits(store, [cn, zj, ...cities, ...counties]);
  const categories = (await listProjectCategories(store)).map((c) => c.code);
  const owners = [zj, ...cities, ...counties, ...counties].map((u) => u.code);
  const p = syntheticPortfolio({
    seed,
    count: 160,
    units: owners,
    departments: ['fgw', 'jst'],
    categories,
    throughMonth: '2025-12',
  });
  const rng = mulberry32(seed + 1);
  // One report in eight left out (a month not reported); a December of the year before for some.
  const kept = p.reports.filter(() => rng() >= 0.125).map(report);
  const before = p.projects
    .filter(() => rng() < 0.2)
    .map((x) =>
      report({
        projectCode: x.code,
        month: '2024-12',
        completedThisMonth: 5,
        ytdCompleted: 1e6,
        started: true,
      }),
    );
  await bulkLoadProjects(
    store,
    {
      projects: p.projects.map((x) => ({
        code: x.code,
        name: x.name,
        ownerUnit: x.ownerUnit,
        leadDepartment: x.leadDepartment,
        category: x.category,
        stage: x.stage,
        totalInvestment: x.totalInvestment,
        plannedStart: x.plannedStart ?? null,
        plannedCompletion: x.plannedCompletion ?? null,
        actualStart: x.actualStart ?? null,
        actualCompletion: x.actualCompletion ?? null,
        synthetic: true,
      })),
      plans: p.plans.map((x) => ({ ...x, monthlyPlanned: x.monthlyPlanned ?? null })),
      reports: [...kept, ...before],
    },
    META,
  );
  // Corrections: new versions of some reports (a few corrected twice), changing the year-to-date figure.
  for (let round = 0; round < 2; round++) {
    const corrected = kept
      .filter(() => rng() < (round === 0 ? 0.1 : 0.02))
      .map((r) => ({ ...r, ytdCompleted: Math.round(r.ytdCompleted * (0.5 + rng()) * 100) / 100 }));
    await addReports(store, corrected, META);
  }
}

/** Metrics computed the long way: every stored version of each project's reports, filtered here. */
function straightforward(
  projects: readonly ProjectRecord[],
  plans: ReadonlyMap<string, readonly PlanRecord[]>,
  reports: ReadonlyMap<string, readonly ReportRecord[]>,
  month: string,
): ProjectMetrics[] {
  const year = Number(month.slice(0, 4));
  return projects.map((p) => {
    let latest: ReportRecord | undefined;
    for (const r of reports.get(p.code) ?? [])
      if (
        r.current &&
        r.month >= `${year}-01` &&
        r.month <= month &&
        (latest === undefined || r.month > latest.month)
      )
        latest = r;
    const plan = (plans.get(p.code) ?? []).find((x) => x.year === year);
    return projectMetrics({
      project: toCoreProject(p),
      plan: plan === undefined ? undefined : toCorePlan(plan),
      report: latest === undefined ? undefined : toCoreReport(latest),
      asOf: month,
    });
  });
}

/** Roll-up by the owner's province, city and county (each project counts in every ancestor). */
const byAncestors = (projects: readonly ProjectRecord[], ms: readonly ProjectMetrics[]) =>
  rollUp(ms, (_m, i) => pathCodes((projects[i] as ProjectRecord).ownerPath).slice(1));

describe.each(testEngines())('project roll-up fast path on $name', (engine) => {
  let opened: OpenedStore;
  beforeAll(async () => {
    opened = await engine.open();
    await loadLibrary(opened.store, 20251);
  });
  afterAll(async () => opened.cleanup());

  it('gives the same metrics and roll-up as the straightforward computation, month by month', async () => {
    const s = opened.store;
    const projects = await findProjects(s);
    expect(projects).toHaveLength(160);
    const plans = new Map<string, PlanRecord[]>();
    const reports = new Map<string, ReportRecord[]>();
    for (const p of projects) {
      plans.set(p.code, await plansOf(s, p.code));
      reports.set(p.code, await reportsOf(s, p.code));
    }
    // The library does reach the corners the fast path must get right.
    const all = [...reports.values()].flat();
    expect(all.some((r) => r.version === 3)).toBe(true);
    expect(all.some((r) => !r.current)).toBe(true);
    expect(all.some((r) => r.month === '2024-12')).toBe(true);

    for (const month of ['2025-01', '2025-06', '2025-11', '2025-12', '2026-02']) {
      const snap = await loadSnapshot(s, month);
      expect(snap.projects.map((p) => p.code)).toEqual(projects.map((p) => p.code));
      const slow = straightforward(projects, plans, reports, month);
      expect(snap.metrics).toEqual(slow);
      const fastRows = byAncestors(snap.projects, snap.metrics);
      expect(fastRows).toEqual(byAncestors(projects, slow));
      expect(fastRows.find((r) => r.key === '330000')?.count).toBe(160);
      if (month === '2025-11') expect(slow.filter((m) => m.ytdCompleted > 0).length).toBeGreaterThan(80);
    }
  });

  it('serves the same board object until the data changes, and a fresh one after', async () => {
    const s = opened.store;
    const admin: Actor = {
      userId: 1,
      username: 'admin',
      role: 'province_admin',
      scopeUnit: '330000',
      scopePath: zj.path,
      department: null,
      via: 'session',
    };
    const city: Actor = {
      ...admin,
      role: 'city',
      scopeUnit: '330110',
      scopePath: (cities[0] as UnitRow).path,
    };
    const req = { month: '2025-11', unit: '330000' } as const;
    const first = await dispatchBoard(s, admin, req);
    expect(await dispatchBoard(s, admin, req)).toBe(first);
    // Another filter or another scope is another answer.
    const red = await dispatchBoard(s, admin, { ...req, light: 'red' });
    expect(red).not.toBe(first);
    expect(red.total.count).toBe(first.redTotal);
    const mine = await dispatchBoard(s, city, { month: '2025-11', unit: '330110' });
    expect(mine.total.count).toBeLessThan(first.total.count);
    await expect(dispatchBoard(s, city, { ...req, unit: '330120' })).rejects.toThrow(/outside your scope/);

    // A new report moves the projects' revision: the board is computed again and shows it.
    const code = first.red[0]?.code ?? first.yellow[0]?.code;
    expect(code).toBeDefined();
    const before = first.total.ytdCompleted;
    const row = [...first.red, ...first.yellow].find((r) => r.code === code);
    const ytd = (row?.metrics.ytdCompleted ?? 0) + 1000;
    await addReports(
      s,
      [
        report({
          projectCode: code as string,
          month: '2025-11',
          completedThisMonth: 1000,
          ytdCompleted: ytd,
          started: true,
        }),
      ],
      META,
    );
    const after = await dispatchBoard(s, admin, req);
    expect(after).not.toBe(first);
    expect(after.total.ytdCompleted).toBeCloseTo(before + 1000, 6);

    // A change outside the projects' tables (a new unit) moves the data revision: computed again, same figures.
    await insertUnits(s, [unit('330134', 'county', cities[2] as UnitRow)]);
    const again = await dispatchBoard(s, admin, req);
    expect(again).not.toBe(after);
    expect(again.total).toEqual(after.total);
  });
});
