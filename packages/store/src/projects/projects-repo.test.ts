import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertUnits } from '../hierarchy/units-repo';
import { testEngines, type OpenedStore } from '../testing/engines';
import {
  addReports,
  bulkLoadProjects,
  currentReports,
  findProjects,
  getProject,
  insertProject,
  latestCurrentReports,
  listProjectCategories,
  plansForYear,
  plansOf,
  projectsRevision,
  projectsRevisions,
  recordStageChange,
  reportsOf,
  stageHistory,
  updateProject,
  upsertPlan,
  type NewProject,
  type NewReport,
} from './projects-repo';
import { testUnit as unit } from '../testing/units';

const cn = unit('100000', '全国', 'country', null);
const zj = unit('330000', '浙江省', 'province', cn);
const qz = unit('330800', '衢州市', 'city', zj);
const ka = unit('330824', '开化县', 'county', qz);
const hz = unit('330100', '杭州市', 'city', zj);

const project = (code: string, ownerUnit: string, over: Partial<NewProject> = {}): NewProject => ({
  code,
  name: `项目${code}`,
  ownerUnit,
  leadDepartment: 'fgw',
  category: 'county_seat',
  stage: 'planned',
  totalInvestment: 1000,
  plannedStart: '2025-03',
  plannedCompletion: '2027-12',
  actualStart: null,
  actualCompletion: null,
  synthetic: false,
  ...over,
});
const report = (
  projectCode: string,
  month: string,
  ytd: number,
  over: Partial<NewReport> = {},
): NewReport => ({
  projectCode,
  month,
  completedThisMonth: 10,
  ytdCompleted: ytd,
  started: true,
  note: '',
  problems: '',
  reason: '',
  origin: 'form',
  synthetic: false,
  ...over,
});
const meta = { by: 'tester', at: '2025-12-05T00:00:00Z' };

describe.each(testEngines())('projects repository on $name', (engine) => {
  let opened: OpenedStore;
  beforeAll(async () => {
    opened = await engine.open();
    await insertUnits(opened.store, [cn, zj, qz, ka, hz]);
  });
  afterAll(async () => opened.cleanup());

  it('seeds the categories named by the seeds, each with a source', async () => {
    const cats = await listProjectCategories(opened.store);
    expect(cats.map((c) => c.code)).toEqual([
      'central_town',
      'county_seat',
      'gap_major',
      'qianwan',
      'village_cluster',
    ]);
    for (const c of cats) expect(c.source).toMatch(/\.txt/);
  });

  it('registers, refuses duplicates and unknown references, updates, finds by subtree', async () => {
    const s = opened.store;
    const r0 = await projectsRevision(s);
    expect(await insertProject(s, project('P1', '330824'), meta)).toBeNull();
    expect(
      await insertProject(
        s,
        project('P2', '330100', { leadDepartment: 'jst', category: 'central_town' }),
        meta,
      ),
    ).toBeNull();
    expect(await insertProject(s, project('P1', '330824'), meta)).toBe('PROJECT_EXISTS');
    expect(await insertProject(s, project('P3', '999999'), meta)).toBe('UNIT_NOT_FOUND');
    expect(await insertProject(s, project('P3', '330824', { category: 'nope' }), meta)).toBe(
      'CATEGORY_NOT_FOUND',
    );
    expect(await projectsRevision(s)).toBe(r0 + 2);
    // Both revisions in one read: the projects' moves with a project write, the data one with any change
    // of the data beside the projects (here a unit).
    const both = await projectsRevisions(s);
    expect(both.projects).toBe(r0 + 2);
    await insertUnits(s, [unit('330825', '常山县', 'county', qz)]);
    const later = await projectsRevisions(s);
    expect(later.projects).toBe(r0 + 2);
    expect(later.data).not.toBe(both.data);

    const p1 = await getProject(s, 'P1');
    expect(p1?.ownerPath).toBe(ka.path);
    expect(p1?.ownerUnitName).toBe('开化县');
    expect((await findProjects(s, { path: qz.path })).map((p) => p.code)).toEqual(['P1']);
    expect((await findProjects(s, { path: zj.path })).map((p) => p.code)).toEqual(['P1', 'P2']);
    expect((await findProjects(s, { department: 'jst' })).map((p) => p.code)).toEqual(['P2']);
    expect((await findProjects(s, { q: '项目P2' })).map((p) => p.code)).toEqual(['P2']);
    // A literal % in the search text matches nothing rather than everything.
    expect(await findProjects(s, { q: '%' })).toEqual([]);

    const { code: _c, stage: _s, synthetic: _y, ...fields } = project('P1', '330800', { name: '改名' });
    expect(await updateProject(s, 'P1', fields, meta)).toBeNull();
    expect((await getProject(s, 'P1'))?.ownerPath).toBe(qz.path);
    expect(await updateProject(s, 'NOPE', fields, meta)).toBe('PROJECT_NOT_FOUND');
    await updateProject(s, 'P1', { ...fields, ownerUnit: '330824', name: '项目P1' }, meta);
  });

  it('records stage changes only from the stage the project is in', async () => {
    const s = opened.store;
    const ch = { from: 'planned', to: 'reserve', date: '2025-02-01', reason: '前期完成' };
    expect(await recordStageChange(s, 'P1', ch, { actualStart: null, actualCompletion: null }, meta)).toBe(
      true,
    );
    expect(await recordStageChange(s, 'P1', ch, { actualStart: null, actualCompletion: null }, meta)).toBe(
      false,
    );
    const h = await stageHistory(s, 'P1');
    expect(h).toEqual([
      { from: 'planned', to: 'reserve', date: '2025-02-01', reason: '前期完成', by: 'tester', at: meta.at },
    ]);
    expect((await getProject(s, 'P1'))?.stage).toBe('reserve');
  });

  it('upserts plans with optional monthly amounts', async () => {
    const s = opened.store;
    await upsertPlan(
      s,
      { projectCode: 'P1', year: 2025, plannedInvestment: 120, monthlyPlanned: null },
      meta,
    );
    const monthly = [10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10];
    await upsertPlan(
      s,
      { projectCode: 'P1', year: 2025, plannedInvestment: 120, monthlyPlanned: monthly },
      meta,
    );
    await upsertPlan(s, { projectCode: 'P2', year: 2025, plannedInvestment: 50, monthlyPlanned: null }, meta);
    expect((await plansOf(s, 'P1')).map((p) => p.monthlyPlanned)).toEqual([monthly]);
    expect((await plansForYear(s, 2025, qz.path)).map((p) => p.projectCode)).toEqual(['P1']);
    expect(await plansForYear(s, 2025)).toHaveLength(2);
  });

  it('keeps every version of a corrected report; only the latest is current', async () => {
    const s = opened.store;
    expect(await addReports(s, [report('P1', '2025-10', 40), report('P1', '2025-11', 50)], meta)).toEqual([
      1, 1,
    ]);
    expect(await addReports(s, [report('P1', '2025-11', 55, { reason: '更正' })], meta)).toEqual([2]);
    const all = await reportsOf(s, 'P1');
    expect(all.map((r) => [r.month, r.version, r.current, r.ytdCompleted])).toEqual([
      ['2025-11', 2, true, 55],
      ['2025-11', 1, false, 50],
      ['2025-10', 1, true, 40],
    ]);
    const cur = await currentReports(s, { from: '2025-01', to: '2025-11', path: qz.path });
    expect(cur.map((r) => [r.month, r.ytdCompleted]).sort()).toEqual([
      ['2025-10', 40],
      ['2025-11', 55],
    ]);
    expect(await currentReports(s, { from: '2025-01', to: '2025-10', codes: ['P1', 'P2'] })).toHaveLength(1);

    // One row per project: the latest current version within the range, by subtree, codes or all.
    const latest = (range: Parameters<typeof latestCurrentReports>[1]) =>
      latestCurrentReports(s, range).then((rs) =>
        rs.map((r) => [r.projectCode, r.month, r.version, r.ytdCompleted]),
      );
    expect(await latest({ from: '2025-01', to: '2025-12', path: qz.path })).toEqual([
      ['P1', '2025-11', 2, 55],
    ]);
    expect(await latest({ from: '2025-01', to: '2025-10' })).toEqual([['P1', '2025-10', 1, 40]]);
    expect(await latest({ from: '2025-11', to: '2025-11', codes: ['P1', 'P2'] })).toEqual([
      ['P1', '2025-11', 2, 55],
    ]);
    expect(await latest({ from: '2025-01', to: '2025-12', path: hz.path })).toEqual([]);
    expect(await latest({ from: '2025-01', to: '2025-09' })).toEqual([]);
  });

  it('refuses a negative amount at the database (second line of defence)', async () => {
    await expect(addReports(opened.store, [report('P2', '2025-11', -1)], meta)).rejects.toThrow();
    expect(await reportsOf(opened.store, 'P2')).toEqual([]);
  });

  it('bulk-loads projects with plans and reports, skipping existing codes, all or nothing', async () => {
    const s = opened.store;
    const projects = [project('B1', '330824', { synthetic: true }), project('P1', '330824')];
    const res = await bulkLoadProjects(
      s,
      {
        projects,
        plans: [
          { projectCode: 'B1', year: 2025, plannedInvestment: 10, monthlyPlanned: null },
          { projectCode: 'P1', year: 2024, plannedInvestment: 10, monthlyPlanned: null },
        ],
        reports: [report('B1', '2025-01', 1, { synthetic: true })],
      },
      meta,
    );
    expect(res).toEqual({ projects: 1, plans: 1, reports: 1 });
    expect((await getProject(s, 'B1'))?.synthetic).toBe(true);
    await expect(
      bulkLoadProjects(
        s,
        { projects: [project('B2', '330824'), project('B3', '999999')], plans: [], reports: [] },
        meta,
      ),
    ).rejects.toThrow(/unknown owner unit/);
    expect(await getProject(s, 'B2')).toBeUndefined();
  });
});
