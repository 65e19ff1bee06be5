import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { mulberry32, randomInt } from '../random';
import { projectMetrics, type ProjectMetrics, type ProjectMetricsInput } from './project-metrics';
import { mergeRollupRows, rollUp, rollUpAll, startRate, type RollupRow } from './rollup';
import { PROJECT_STAGES, type MonthlyReport, type Project } from './types';

const ASOF = '2025-06';
interface Spec {
  code: string;
  unit: string;
  plan: number;
  ytd: number;
  plannedStart: string;
  started: boolean;
}
const build = (s: Spec) => {
  const project: Project = {
    code: s.code,
    name: s.code,
    ownerUnit: s.unit,
    leadDepartment: 'dept',
    category: 'cat',
    stage: s.started ? 'under_construction' : 'reserve',
    totalInvestment: s.plan * 2,
    plannedStart: s.plannedStart,
  };
  const report: MonthlyReport = {
    projectCode: s.code,
    month: ASOF,
    completedThisMonth: 0,
    ytdCompleted: s.ytd,
    started: s.started,
  };
  return projectMetrics({
    project,
    plan: { projectCode: s.code, year: 2025, plannedInvestment: s.plan },
    report,
    asOf: ASOF,
  });
};
/** County → [county, city, province] by the NBS code prefixes. */
const chain = (unit: string) => [unit, `${unit.slice(0, 4)}00`, `${unit.slice(0, 2)}0000`];

describe('roll-up (hand-computed)', () => {
  // End of June, 序时进度 50%:
  // A 100 plan, 60 done → rate 60%, ahead → green; new (planned 2025-02), started.
  // B 200 plan, 50 done → 25%, 25 points behind → yellow; planned 2024-05 (not new this year).
  // C 300 plan, 0 done, planned 2025-02, not started (4 months late) → red; new, not started.
  // D no plan, planned 2025-08 (not yet due) → green; not counted as due.
  const ms = [
    build({ code: 'A', unit: '330102', plan: 100, ytd: 60, plannedStart: '2025-02', started: true }),
    build({ code: 'B', unit: '330103', plan: 200, ytd: 50, plannedStart: '2024-05', started: true }),
    build({ code: 'C', unit: '330201', plan: 300, ytd: 0, plannedStart: '2025-02', started: false }),
    build({ code: 'D', unit: '330201', plan: 0, ytd: 0, plannedStart: '2025-08', started: false }),
  ];
  it('has the expected lights per project', () => {
    expect(ms.map((m) => m.light)).toEqual(['green', 'yellow', 'red', 'green']);
  });
  it('groups by unit subtree', () => {
    const rows = new Map(
      rollUp(ms, (m, i) => chain(['330102', '330103', '330201', '330201'][i] ?? '')).map((r) => [r.key, r]),
    );
    const hz = rows.get('330100');
    expect(hz).toMatchObject({
      count: 2,
      annualPlan: 300,
      ytdCompleted: 110,
      newStartDue: 1,
      newStartDone: 1,
      startRate: 1,
    });
    expect(hz?.completionRate).toBeCloseTo(110 / 300, 12);
    expect(hz?.lights.green).toEqual({ count: 1, annualPlan: 100, ytdCompleted: 60 });
    expect(hz?.lights.yellow).toEqual({ count: 1, annualPlan: 200, ytdCompleted: 50 });
    const nb = rows.get('330200');
    expect(nb).toMatchObject({ count: 2, annualPlan: 300, ytdCompleted: 0, completionRate: 0, startRate: 0 });
    expect(nb?.lights.red).toEqual({ count: 1, annualPlan: 300, ytdCompleted: 0 });
    const zj = rows.get('330000');
    expect(zj).toMatchObject({
      count: 4,
      annualPlan: 600,
      ytdCompleted: 110,
      newStartDue: 2,
      newStartDone: 1,
      startRate: 0.5,
    });
    expect(rows.get('330201')?.count).toBe(2);
    expect(rows.size).toBe(6);
  });
  it('counts a project once when its key list repeats a group', () => {
    const [row] = rollUp(ms, () => ['x', 'x']);
    expect(row?.count).toBe(4);
  });
  it('has a start rate only when something was due', () => {
    expect(startRate(0, 0)).toBeNull();
    expect(startRate(1581, 1815)).toBeCloseTo(0.871074, 6); // 1581/1815 = 87.1% (illustrative counts)
  });
});

// Seeded synthetic projects (模拟数据) for properties and timing.
function synthetic(n: number, seed: number): { metrics: ProjectMetrics[]; units: string[]; cats: string[] } {
  const { inputs, units, cats } = syntheticInputs(n, seed);
  return { metrics: inputs.map((x) => projectMetrics(x)), units, cats };
}

function syntheticInputs(
  n: number,
  seed: number,
): { inputs: ProjectMetricsInput[]; units: string[]; cats: string[] } {
  const rng = mulberry32(seed);
  const inputs: ProjectMetricsInput[] = [];
  const units: string[] = [];
  const cats: string[] = [];
  for (let i = 0; i < n; i++) {
    const unit = `33${String(1 + randomInt(rng, 11)).padStart(2, '0')}${String(1 + randomInt(rng, 9)).padStart(2, '0')}`;
    const plan = randomInt(rng, 10) === 0 ? 0 : 100 + randomInt(rng, 100_000);
    const started = rng() < 0.8;
    const ps = 2024 * 12 + randomInt(rng, 24);
    const plannedStart = `${Math.floor(ps / 12)}-${String((ps % 12) + 1).padStart(2, '0')}`;
    const monthly = plan > 0 && rng() < 0.5 ? Array.from({ length: 12 }, () => plan / 12) : undefined;
    const stage = PROJECT_STAGES[randomInt(rng, PROJECT_STAGES.length)] ?? 'reserve';
    const project: Project = {
      code: `P${i}`,
      name: `P${i}`,
      ownerUnit: unit,
      leadDepartment: `D${randomInt(rng, 38)}`,
      category: `C${randomInt(rng, 6)}`,
      stage,
      totalInvestment: plan * 3,
      plannedStart,
    };
    const ytd = started ? Math.round(plan * rng() * 1.2) : 0;
    const report: MonthlyReport = {
      projectCode: project.code,
      month: ASOF,
      completedThisMonth: 0,
      ytdCompleted: ytd,
      started,
    };
    inputs.push({
      project,
      plan: monthly
        ? { projectCode: project.code, year: 2025, plannedInvestment: plan, monthlyPlanned: monthly }
        : { projectCode: project.code, year: 2025, plannedInvestment: plan },
      report,
      asOf: ASOF,
    });
    units.push(unit);
    cats.push(project.category);
  }
  return { inputs, units, cats };
}

function expectRowsClose(a: RollupRow, b: RollupRow) {
  expect(a.count).toBe(b.count);
  expect(a.newStartDue).toBe(b.newStartDue);
  expect(a.newStartDone).toBe(b.newStartDone);
  expect(a.startRate).toBe(b.startRate);
  for (const l of ['green', 'yellow', 'red', 'none'] as const) {
    expect(a.lights[l].count).toBe(b.lights[l].count);
    expect(a.lights[l].annualPlan).toBeCloseTo(b.lights[l].annualPlan, 3);
    expect(a.lights[l].ytdCompleted).toBeCloseTo(b.lights[l].ytdCompleted, 3);
  }
  expect(a.annualPlan).toBeCloseTo(b.annualPlan, 3);
  expect(a.ytdCompleted).toBeCloseTo(b.ytdCompleted, 3);
  expect(a.pv).toBeCloseTo(b.pv, 3);
  expect(a.ev).toBeCloseTo(b.ev, 3);
  if (a.completionRate === null || b.completionRate === null) expect(a.completionRate).toBe(b.completionRate);
  else expect(a.completionRate).toBeCloseTo(b.completionRate, 9);
  if (a.spi === null || b.spi === null) expect(a.spi).toBe(b.spi);
  else expect(a.spi).toBeCloseTo(b.spi, 9);
}

describe('roll-up properties', () => {
  it('merging the roll-ups of any partition gives the roll-up of the whole', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 2 ** 31 }),
        fc.integer({ min: 0, max: 60 }),
        fc.integer({ min: 1, max: 5 }),
        (seed, n, k) => {
          const { metrics } = synthetic(n, seed);
          const rng = mulberry32(seed ^ 0x5bd1e995);
          const part = metrics.map(() => String(randomInt(rng, k)));
          const rows = rollUp(metrics, (_m, i) => part[i] ?? '0');
          const whole = rollUpAll(metrics);
          const merged = rows.reduce((acc, r) => mergeRollupRows(acc, r, 'all'), rollUpAll([]));
          expectRowsClose(merged, whole);
        },
      ),
      { numRuns: 200 },
    );
  });
  it('the groups of a partitioning key sum to the whole', () => {
    const { metrics, cats } = synthetic(500, 7);
    const rows = rollUp(metrics, (_m, i) => cats[i] ?? '');
    expect(rows.reduce((s, r) => s + r.count, 0)).toBe(500);
    expectRowsClose(
      rows.reduce((acc, r) => mergeRollupRows(acc, r, 'all'), rollUpAll([])),
      rollUpAll(metrics),
    );
  });
});
