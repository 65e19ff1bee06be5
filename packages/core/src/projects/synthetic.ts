/**
 * Seeded synthetic project portfolios for tests, benchmarks and the demo — never shipped as data. Every
 * project's name starts with 模拟 and its note says 模拟数据, so nothing generated can pass for a real
 * figure. Shapes follow the seeds loosely (most projects under construction, some new ones due to start
 * this year, a spread of performance so that every light occurs); the numbers themselves are random.
 */
import { mulberry32, normal, randomInt } from '../random';
import { formatYearMonth, monthOrdinalOf } from './calendar';
import type { AnnualPlan, MonthlyReport, Project, ProjectStage } from './types';

export interface SyntheticOptions {
  readonly seed: number;
  readonly count: number;
  /** Owner units to spread projects over (e.g. the counties of the province). */
  readonly units: readonly string[];
  readonly departments: readonly string[];
  readonly categories: readonly string[];
  /** Last month with reports, `YYYY-MM`; reports run from January of its year. */
  readonly throughMonth: string;
  /** Prefix of the generated codes (default `SIM`). */
  readonly codePrefix?: string;
}

export interface SyntheticPortfolio {
  readonly projects: readonly Project[];
  readonly plans: readonly AnnualPlan[];
  readonly reports: readonly MonthlyReport[];
}

export const SYNTHETIC_NOTE = '模拟数据 (synthetic)';

const pick = <T>(rng: () => number, xs: readonly T[]): T => xs[randomInt(rng, xs.length)] as T;

/** Monthly weights of a slow-fast-slow year (an S-curve), summing to 1. */
const S_WEIGHTS = (() => {
  const raw = [0.4, 0.6, 0.8, 0.9, 1, 1.1, 1.1, 1.1, 1.1, 1.1, 1, 0.9];
  const sum = raw.reduce((a, b) => a + b, 0);
  return raw.map((w) => w / sum);
})();

/**
 * Generate `count` projects with plans for the year of `throughMonth` and one report per month from
 * January to `throughMonth` for every project that is under way; deterministic in `seed`.
 */
export function syntheticPortfolio(o: SyntheticOptions): SyntheticPortfolio {
  const rng = mulberry32(o.seed);
  const through = monthOrdinalOf(o.throughMonth);
  const year = Math.floor(through / 12);
  const lastMonth = through - year * 12 + 1;
  const prefix = o.codePrefix ?? 'SIM';
  const projects: Project[] = [];
  const plans: AnnualPlan[] = [];
  const reports: MonthlyReport[] = [];
  for (let i = 0; i < o.count; i++) {
    const code = `${prefix}-${o.seed}-${String(i + 1).padStart(6, '0')}`;
    const u = rng();
    // 70% under way from earlier years, 15% new this year, 8% reserve, 4% planned, 3% suspended.
    const kind =
      u < 0.7 ? 'ongoing' : u < 0.85 ? 'new' : u < 0.93 ? 'reserve' : u < 0.97 ? 'planned' : 'suspended';
    const total = Math.round(Math.exp(9 + 1.2 * normal(rng))); // 万元, median ≈ 8,100
    const annual = Math.round(total * (0.15 + 0.35 * rng()));
    let stage: ProjectStage = 'under_construction';
    let plannedStart: string | undefined;
    let actualStart: string | undefined;
    let startOrd: number | undefined;
    if (kind === 'ongoing') {
      startOrd = year * 12 - 1 - randomInt(rng, 36);
      plannedStart = formatYearMonth(startOrd);
      actualStart = plannedStart;
    } else if (kind === 'new') {
      const ps = year * 12 + randomInt(rng, 12);
      plannedStart = formatYearMonth(ps);
      // Most start on time; some one or two months late, a few much later (yellow and red start lights).
      const v = rng();
      const delay = v < 0.7 ? 0 : v < 0.85 ? 1 + randomInt(rng, 2) : 3 + randomInt(rng, 4);
      if (ps + delay <= through) {
        startOrd = ps + delay;
        actualStart = formatYearMonth(startOrd);
      } else stage = 'reserve';
    } else if (kind === 'reserve') {
      stage = 'reserve';
      plannedStart = formatYearMonth(year * 12 + 12 + randomInt(rng, 12));
    } else if (kind === 'planned') {
      stage = 'planned';
    } else {
      stage = 'suspended';
      startOrd = year * 12 - 1 - randomInt(rng, 24);
      plannedStart = formatYearMonth(startOrd);
      actualStart = plannedStart;
    }
    projects.push({
      code,
      name: `模拟项目${String(i + 1).padStart(6, '0')}`,
      ownerUnit: pick(rng, o.units),
      leadDepartment: pick(rng, o.departments),
      category: pick(rng, o.categories),
      stage,
      totalInvestment: total,
      ...(plannedStart === undefined ? {} : { plannedStart }),
      plannedCompletion: formatYearMonth(year * 12 + 12 + randomInt(rng, 36)),
      ...(actualStart === undefined ? {} : { actualStart }),
    });
    // Nothing is planned for this year before a project is due to start: 谋划 projects and reserve projects
    // due next year get no annual plan (an annual plan would light them red at 0 %).
    if (stage === 'planned' || kind === 'reserve') continue;
    const monthly = rng() < 0.5 ? S_WEIGHTS.map((w) => Math.round(w * annual * 100) / 100) : undefined;
    // Make the monthly plan sum exactly to the annual amount (rounding goes into December).
    if (monthly !== undefined) {
      const rest = monthly.slice(0, 11).reduce((a, b) => a + b, 0);
      monthly[11] = Math.round((annual - rest) * 100) / 100;
    }
    plans.push({
      projectCode: code,
      year,
      plannedInvestment: annual,
      ...(monthly === undefined ? {} : { monthlyPlanned: monthly }),
    });
    // Performance factor: most near plan, a tail well behind (yellow and red schedule lights).
    const perf = Math.max(0, 0.95 + 0.3 * normal(rng));
    let ytd = 0;
    for (let m = 1; m <= lastMonth; m++) {
      const ord = year * 12 + m - 1;
      const started = startOrd !== undefined && startOrd <= ord && stage !== 'suspended';
      const wasStarted = startOrd !== undefined && startOrd <= ord;
      let amount = 0;
      if (started)
        amount = Math.round(annual * (S_WEIGHTS[m - 1] ?? 0) * perf * (0.7 + 0.6 * rng()) * 100) / 100;
      ytd = Math.round((ytd + amount) * 100) / 100;
      reports.push({
        projectCode: code,
        month: formatYearMonth(ord),
        completedThisMonth: amount,
        ytdCompleted: ytd,
        started: wasStarted,
        note: SYNTHETIC_NOTE,
      });
    }
  }
  return { projects, plans, reports };
}
