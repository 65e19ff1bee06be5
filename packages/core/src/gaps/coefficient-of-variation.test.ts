import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { coefficientOfVariation } from './coefficient-of-variation';
import { williamsonCv } from './williamson-cv';

describe('coefficient of variation', () => {
  it('is σ/μ with the population standard deviation', () => {
    // Mean 5, population SD 2 (a textbook example).
    const r = coefficientOfVariation([2, 4, 4, 4, 5, 5, 7, 9]);
    expect(r.ok && r.value).toEqual({ mean: 5, sd: 2, cv: 0.4 });
  });
  it('Williamson weights by population', () => {
    // μ = (3·1 + 1·3)/4 = 1.5; variance = ¾·0.25 + ¼·2.25 = 0.75.
    const r = williamsonCv({ values: [1, 3], weights: [3, 1] });
    expect(r.ok && r.value.cv).toBeCloseTo(Math.sqrt(0.75) / 1.5, 15);
  });
  it('Williamson with equal populations equals the unweighted CV, and a population of 2 equals a repeated unit', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 1, max: 1e6, noNaN: true }), { minLength: 1, maxLength: 30 }),
        fc.nat({ max: 29 }),
        (values, j) => {
          const plain = coefficientOfVariation(values);
          const equal = williamsonCv({ values, weights: values.map(() => 7) });
          expect(plain.ok && equal.ok).toBe(true);
          if (!plain.ok || !equal.ok) return;
          expect(equal.value.cv).toBeCloseTo(plain.value.cv, 12);
          const k = j % values.length;
          const weights = values.map((_, i) => (i === k ? 2 : 1));
          const doubled = williamsonCv({ values, weights });
          const repeated = coefficientOfVariation([...values, values[k]!]);
          if (!doubled.ok || !repeated.ok) throw new Error('unexpected error');
          expect(doubled.value.cv).toBeCloseTo(repeated.value.cv, 12);
        },
      ),
    );
  });
  it('rejects a non-positive mean', () => {
    expect(coefficientOfVariation([-1, 1])).toMatchObject({
      ok: false,
      error: { code: 'non_positive_mean' },
    });
  });
});
