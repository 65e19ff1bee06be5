import { describe, expect, it } from 'vitest';
import { sCurve } from './s-curve';

const report = (month: string, ytd: number) => ({
  projectCode: 'P',
  month,
  completedThisMonth: 0,
  ytdCompleted: ytd,
  started: true,
});

describe('sCurve', () => {
  it('uses the monthly plan when there is one (cumulative sums by hand: 5, 15, 30, …)', () => {
    const monthly = [5, 10, 15, 10, 10, 10, 10, 10, 10, 10, 5, 5];
    const c = sCurve(
      2025,
      { projectCode: 'P', year: 2025, plannedInvestment: 110, monthlyPlanned: monthly },
      [report('2025-02', 12), report('2024-02', 99)],
    );
    expect(c.plannedBasis).toBe('monthly');
    expect(c.points.slice(0, 3).map((p) => p.plannedCumulative)).toEqual([5, 15, 30]);
    expect(c.points[11]?.plannedCumulative).toBe(110);
    expect(c.points.map((p) => p.completedCumulative)).toEqual([null, 12, ...Array<null>(10).fill(null)]);
  });

  it('falls back to the 序时 line (plan·m/12) and to no plan at all', () => {
    const c = sCurve(2025, { projectCode: 'P', year: 2025, plannedInvestment: 120 }, []);
    expect(c.plannedBasis).toBe('linear');
    expect(c.points[2]?.plannedCumulative).toBe(30);
    const none = sCurve(2025, { projectCode: 'P', year: 2024, plannedInvestment: 120 }, []);
    expect(none.plannedBasis).toBe('none');
    expect(none.annualPlan).toBeNull();
    expect(none.points.every((p) => p.plannedCumulative === null)).toBe(true);
  });
});
