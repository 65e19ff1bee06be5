import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { LIGHT_SEVERITY } from './lights';
import { hasStarted, latestReports, projectMetrics } from './project-metrics';
import type { MonthlyReport, Project } from './types';

const project = (extra: Partial<Project> = {}): Project => ({
  code: 'P1',
  name: '中心镇污水处理设施',
  ownerUnit: '330102',
  leadDepartment: '省建设厅',
  category: 'central_town',
  stage: 'under_construction',
  totalInvestment: 5000,
  plannedStart: '2025-02',
  ...extra,
});
const report = (month: string, ytd: number, started = true): MonthlyReport => ({
  projectCode: 'P1',
  month,
  completedThisMonth: 0,
  ytdCompleted: ytd,
  started,
});

describe('project metrics for a month (METHODS §5)', () => {
  it('computes rate, gap, PV, SPI and lights by hand', () => {
    // Plan 1200 with 100 a month; end of April: PV = 400, 序时进度 = 4/12; YTD 300 ⇒ rate 0.25,
    // gap = (1/3 − 1/4)·100 = 8.333… points (green band), SPI = 300/400 = 0.75.
    const m = projectMetrics({
      project: project(),
      plan: { projectCode: 'P1', year: 2025, plannedInvestment: 1200, monthlyPlanned: Array(12).fill(100) },
      report: report('2025-04', 300),
      asOf: '2025-04',
    });
    expect(m.completionRate).toBe(0.25);
    expect(m.gapPoints).toBeCloseTo(25 / 3, 9);
    expect(m.pv).toBe(400);
    expect(m.spi).toBe(0.75);
    expect(m.scheduleLight.ruleId).toBe('schedule.green_band');
    expect(m.startLight.ruleId).toBe('start.started');
    expect(m.light).toBe('green');
    expect([m.newStartDue, m.newStartDone]).toEqual([true, true]);
  });
  it('uses the worse light and flags a late start', () => {
    // Not started, planned 2025-02, judged 2025-06: 4 months late ⇒ red; no plan ⇒ schedule not judged.
    const m = projectMetrics({
      project: project({ stage: 'reserve' }),
      report: report('2025-06', 0, false),
      asOf: '2025-06',
    });
    expect([m.scheduleLight.light, m.startLight.light, m.light]).toEqual(['none', 'red', 'red']);
    expect(m.startLight.numbers.monthsLate).toBe(4);
    expect([m.newStartDue, m.newStartDone]).toEqual([true, false]);
  });
  it('ignores a report of another year or of a later month', () => {
    const plan = { projectCode: 'P1', year: 2025, plannedInvestment: 100 };
    const old = projectMetrics({ project: project(), plan, report: report('2024-12', 90), asOf: '2025-03' });
    expect(old.ytdCompleted).toBe(0);
    const later = projectMetrics({
      project: project(),
      plan,
      report: report('2025-05', 90),
      asOf: '2025-03',
    });
    expect(later.ytdCompleted).toBe(0);
    const otherPlanYear = projectMetrics({
      project: project(),
      plan: { ...plan, year: 2024 },
      report: report('2025-03', 10),
      asOf: '2025-03',
    });
    expect(otherPlanYear.completionRate).toBeNull();
  });
  it('does not judge cancelled projects nor count them as new projects due', () => {
    const m = projectMetrics({
      project: project({ stage: 'cancelled' }),
      plan: { projectCode: 'P1', year: 2025, plannedInvestment: 100 },
      asOf: '2025-09',
    });
    expect([m.scheduleLight.ruleId, m.startLight.ruleId, m.light]).toEqual([
      'schedule.cancelled',
      'start.not_applicable',
      'none',
    ]);
    expect(m.newStartDue).toBe(false);
  });
  it('only counts projects planned to start in the asOf year as new', () => {
    const carried = projectMetrics({ project: project({ plannedStart: '2024-10' }), asOf: '2025-03' });
    expect(carried.newStartDue).toBe(false);
    const future = projectMetrics({ project: project({ plannedStart: '2025-07' }), asOf: '2025-03' });
    expect(future.newStartDue).toBe(false);
  });
  it('decides whether a project had started by a month', () => {
    expect(hasStarted(project({ actualStart: '2025-05' }), undefined, '2025-04')).toBe(false);
    expect(hasStarted(project({ actualStart: '2025-05' }), undefined, '2025-05')).toBe(true);
    expect(hasStarted(project({ stage: 'reserve' }), undefined, '2025-05')).toBe(false);
    expect(hasStarted(project({ stage: 'reserve' }), report('2025-05', 0, true), '2025-05')).toBe(true);
    expect(hasStarted(project({ stage: 'under_construction' }), undefined, '2025-05')).toBe(true);
  });
  it('picks the latest report of the year up to asOf', () => {
    const rs: MonthlyReport[] = [
      report('2025-02', 20),
      report('2025-04', 40),
      report('2025-03', 30),
      report('2025-06', 60),
      report('2024-12', 99),
      { ...report('2025-01', 5), projectCode: 'P2' },
    ];
    const got = latestReports(rs, '2025-05');
    expect(got.get('P1')?.month).toBe('2025-04');
    expect(got.get('P2')?.ytdCompleted).toBe(5);
    expect(got.size).toBe(2);
  });
  it('never gives a better overall light when YTD completion falls (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 100_000 }),
        fc.nat({ max: 150_000 }),
        fc.nat({ max: 150_000 }),
        fc.boolean(),
        (month, plan, a, b, started) => {
          const asOf = `2025-${String(month).padStart(2, '0')}`;
          const light = (ytd: number) =>
            projectMetrics({
              project: project({ stage: started ? 'under_construction' : 'reserve' }),
              plan: { projectCode: 'P1', year: 2025, plannedInvestment: plan },
              report: report(asOf, ytd, started),
              asOf,
            }).light;
          expect(LIGHT_SEVERITY[light(Math.min(a, b))]).toBeGreaterThanOrEqual(
            LIGHT_SEVERITY[light(Math.max(a, b))],
          );
        },
      ),
    );
  });
});
