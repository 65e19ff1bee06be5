import { describe, expect, it } from 'vitest';
import { efficacyAttainment, efficacyScore, efficacyStage } from './efficacy';
import { runIndex } from './run-index';
import type { Framework } from './types';

// Zhejiang 2010 城乡统筹发展水平综合评价 as quoted in METHODS.md §4. The published inputs were rounded, so
// the published attainments are reproduced to ±0.01 points and the scores to two decimals.
const within = (actual: number, published: number) =>
  expect(Math.abs(actual - published)).toBeLessThanOrEqual(0.01 + 1e-9);

describe('efficacy coefficient (功效系数法)', () => {
  it('reproduces 二、三产业从业人员比重 (weight 6, target 90, floor 70)', () => {
    within(efficacyAttainment(81.68, 90, 70), 83.37);
    expect(efficacyScore(81.68, 90, 70, 6).toFixed(2)).toBe('5.00');
    within(efficacyAttainment(84.62, 90, 70), 89.23);
    expect(efficacyScore(84.62, 90, 70, 6).toFixed(2)).toBe('5.35');
  });
  it('reproduces 一产劳动生产率 (weight 5, target 25,000, floor 8,000 yuan/person)', () => {
    within(efficacyAttainment(17515, 25000, 8000), 82.39);
    expect(efficacyScore(17515, 25000, 8000, 5).toFixed(2)).toBe('4.12');
    within(efficacyAttainment(22406, 25000, 8000), 93.9);
    expect(efficacyScore(22406, 25000, 8000, 5).toFixed(2)).toBe('4.69');
  });
  it('is 60 at the floor, 100 at and above the target, continues below the floor and clamps at 0', () => {
    expect(efficacyAttainment(70, 90, 70)).toBe(60);
    expect(efficacyAttainment(90, 90, 70)).toBe(100);
    expect(efficacyAttainment(120, 90, 70)).toBe(100);
    expect(efficacyAttainment(60, 90, 70)).toBe(40); // 60 + 40·(−10/20)
    expect(efficacyAttainment(0, 90, 70)).toBe(0); // 60 + 40·(−70/20) = −80 → 0
    expect(efficacyAttainment(Number.NaN, 90, 70)).toBeNaN();
  });
  it('handles a lower-is-better indicator with target below floor', () => {
    // Income ratio: target 1.8, floor 2.2 → 2.0 is half-way: 60 + 40·(−0.2/−0.4) = 80.
    expect(efficacyAttainment(2.0, 1.8, 2.2)).toBeCloseTo(80, 12);
    expect(efficacyAttainment(1.7, 1.8, 2.2)).toBe(100);
  });
  it('aggregates as Σ scores / Σ weights for a domain and Σ scores for the total', () => {
    // Two units × the two published indicators, weights 6 and 5 (sum 11; the total uses them as given).
    const framework: Framework = {
      code: 'zj2010',
      aggregation: { indicators: 'arithmetic', domains: 'arithmetic' },
      domains: [
        {
          code: 'd',
          weight: 1,
          indicators: [
            {
              code: 'emp',
              direction: 'up',
              weight: 6,
              normalisation: { method: 'efficacy', target: 90, floor: 70 },
            },
            {
              code: 'lp',
              direction: 'up',
              weight: 5,
              normalisation: { method: 'efficacy', target: 25000, floor: 8000 },
            },
          ],
        },
      ],
    };
    const r = runIndex({
      framework,
      units: ['2009', '2010'],
      indicators: ['emp', 'lp'],
      values: Float64Array.of(81.68, 17515, 84.62, 22406),
    });
    if (!r.ok) throw new Error(r.error.message);
    const s2009 = efficacyScore(81.68, 90, 70, 6) + efficacyScore(17515, 25000, 8000, 5);
    const s2010 = efficacyScore(84.62, 90, 70, 6) + efficacyScore(22406, 25000, 8000, 5);
    expect(r.value.scores[0]).toBeCloseTo((100 * s2009) / 11, 10);
    expect(r.value.scores[1]).toBeCloseTo((100 * s2010) / 11, 10);
    // Published figures: 5.00 + 4.12 = 9.12 of 11 points → 82.91%.
    expect(r.value.scores[0]! * 0.11).toBeCloseTo(9.12, 1);
  });
  it('classifies totals into the four stages, a boundary belonging to the higher stage', () => {
    expect(efficacyStage(44.99).zh).toBe('初步统筹');
    expect(efficacyStage(45).zh).toBe('基本统筹');
    expect(efficacyStage(64.99).zh).toBe('基本统筹');
    expect(efficacyStage(65).zh).toBe('整体协调');
    expect(efficacyStage(85).zh).toBe('全面融合');
    expect(efficacyStage(100).code).toBe('full');
  });
});
