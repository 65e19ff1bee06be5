import { describe, expect, it } from 'vitest';
import { annualRate, rateDefined } from './rates';

describe('annualRate (METHODS §1)', () => {
  it('compound: 100 → 121 over two years is 10% a year; linear: 10 a year', () => {
    expect(annualRate(100, 2021, 121, 2023, 'compound')).toBeCloseTo(0.1, 14);
    expect(annualRate(100, 2021, 120, 2023, 'linear')).toBe(10);
  });
  it('fractional years: 1.75 at 2024.75 → 1.73 at 2025.75 is −1.142857%', () => {
    expect(annualRate(1.75, 2024.75, 1.73, 2025.75, 'compound')).toBeCloseTo(1.73 / 1.75 - 1, 14);
  });
  it('is NaN without a span or for non-positive compound bases', () => {
    expect(annualRate(1, 2025, 2, 2025, 'compound')).toBeNaN();
    expect(annualRate(0, 2020, 2, 2025, 'compound')).toBeNaN();
    expect(annualRate(-1, 2020, 2, 2025, 'linear')).toBeCloseTo(0.6, 14);
    expect(rateDefined(0, 'compound')).toBe(false);
    expect(rateDefined(0, 'linear')).toBe(true);
    expect(rateDefined(Number.NaN, 'linear')).toBe(false);
  });
});
