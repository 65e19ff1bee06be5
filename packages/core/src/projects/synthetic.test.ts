import { describe, expect, it } from 'vitest';
import { DEFAULT_LIGHT_RULES } from './lights';
import { latestReports, projectMetrics } from './project-metrics';
import { validateAnnualPlan, validateMonthlyReport } from './report-validation';
import { syntheticPortfolio } from './synthetic';

const options = {
  seed: 7,
  count: 400,
  units: ['330824', '330881'],
  departments: ['fgw', 'jst'],
  categories: ['county_seat', 'central_town'],
  throughMonth: '2025-11',
};

describe('syntheticPortfolio', () => {
  const a = syntheticPortfolio(options);

  it('is deterministic in the seed and differs between seeds', () => {
    expect(syntheticPortfolio(options)).toEqual(a);
    expect(syntheticPortfolio({ ...options, seed: 8 }).projects).not.toEqual(a.projects);
  });

  it('labels every project and report as synthetic', () => {
    expect(a.projects).toHaveLength(400);
    for (const p of a.projects) expect(p.name.startsWith('模拟')).toBe(true);
    for (const r of a.reports) expect(r.note).toContain('模拟数据');
  });

  it('produces plans and reports that pass the import checks (month after month)', () => {
    for (const p of a.plans) expect(validateAnnualPlan(p)).toEqual([]);
    const prev = new Map<string, (typeof a.reports)[number]>();
    for (const r of a.reports) {
      expect(validateMonthlyReport(r, { previous: prev.get(r.projectCode), now: '2025-12-05' })).toEqual([]);
      prev.set(r.projectCode, r);
    }
  });

  it('makes every light occur, so boards and benchmarks exercise all paths', () => {
    const plans = new Map(a.plans.map((p) => [p.projectCode, p]));
    const latest = latestReports(a.reports, '2025-11');
    const lights = new Set(
      a.projects.map(
        (p) =>
          projectMetrics(
            { project: p, plan: plans.get(p.code), report: latest.get(p.code), asOf: '2025-11' },
            DEFAULT_LIGHT_RULES,
          ).light,
      ),
    );
    expect([...lights].sort()).toEqual(['green', 'none', 'red', 'yellow']);
  });
});
