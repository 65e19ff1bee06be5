import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { projectValue, requiredAnnualChange } from './projection';

describe('projectValue and requiredAnnualChange (METHODS §1)', () => {
  it('compound: 121 growing 10% a year for 2 years is 146.41', () => {
    expect(projectValue(121, 0.1, 2023, 2025)).toBeCloseTo(146.41, 9);
  });
  it('linear: change per year times the years left', () => {
    expect(projectValue(10, -1.5, 2024, 2028, 'linear')).toBe(4);
    expect(requiredAnnualChange(10, 4, 2024, 2028, 'linear')).toBe(-1.5);
  });
  it('required change from now: caregivers 25.16 → 27 in two years is sqrt(27/25.16) − 1', () => {
    // python3: (27/25.16)**0.5 - 1 = 0.035920824911294336
    expect(requiredAnnualChange(25.16, 27, 2026, 2028)).toBeCloseTo(0.035920824911294336, 14);
  });
  it('is null without time left or for non-positive compound values', () => {
    expect(requiredAnnualChange(1, 2, 2028, 2028)).toBeNull();
    expect(requiredAnnualChange(0, 2, 2020, 2028)).toBeNull();
    expect(requiredAnnualChange(-1, 2, 2020, 2028, 'linear')).toBeCloseTo(3 / 8, 14);
  });
  it('projecting at the required rate lands on the target', () => {
    // Realistic ranges: targets within a factor 100 of today, at least a year ahead. (Near r = −1 the
    // representation 1 + r loses digits, so extreme ratios are excluded rather than tested loosely.)
    fc.assert(
      fc.property(
        fc.double({ min: 0.01, max: 1e6, noNaN: true }),
        fc.double({ min: 0.01, max: 100, noNaN: true }),
        fc.double({ min: 1, max: 20, noNaN: true }),
        fc.constantFrom<'compound' | 'linear'>('compound', 'linear'),
        (y, factor, years, method) => {
          const yStar = y * factor;
          const r = requiredAnnualChange(y, yStar, 2025, 2025 + years, method);
          expect(r).not.toBeNull();
          const landed = projectValue(y, r ?? 0, 2025, 2025 + years, method);
          // Relative to the larger magnitude: the linear path cancels y against r·years.
          expect(Math.abs(landed - yStar)).toBeLessThanOrEqual(1e-12 * Math.max(y, yStar));
        },
      ),
    );
  });
});
