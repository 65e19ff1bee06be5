import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MEXICO, MEXICO_YEARS } from './fixtures/mexico';
import { coefficientOfVariation } from './coefficient-of-variation';
import { maxMinRatio } from './max-min-ratio';
import { theilIndex } from './theil';

const close = (actual: number, expected: number, rel = 1e-12) =>
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(rel * Math.max(Math.abs(expected), 1e-300));

/**
 * Golden values for the Mexican states (fixtures/mexico.ts), equal weights, grouped by hanson98, computed
 * independently with numpy 2.4: T = mean((y/μ) ln(y/μ)), L = mean(ln(μ/y)), and per region g with
 * P_g = n_g/n, S_g = P_g μ_g/μ: between T = Σ S_g ln(μ_g/μ), within T = Σ S_g T_g, between L =
 * Σ P_g ln(μ/μ_g), within L = Σ P_g L_g; CV = y.std()/μ (ddof 0); max/min = y.max()/y.min().
 * The between-T column matches PySAL's TheilD(y, hanson98).bg documentation (0.0345889, 0.02816853,
 * 0.05260921, …).
 */
const GOLDEN: Record<number, readonly number[]> = {
  // [T, between T, within T, L, between L, within L, CV, max/min]
  1940: [
    0.20894344230358597, 0.03458890004670408, 0.17435454225688185, 0.20294891379900742, 0.033184523321185294,
    0.1697643904778221, 0.7085205527820183, 11.818710359408033,
  ],
  1950: [
    0.15222450526531234, 0.02816852907872259, 0.12405597618658978, 0.13819733583931082, 0.027419643415269424,
    0.1107776924240414, 0.6147744795671186, 7.9214659685863875,
  ],
  1960: [
    0.10472941488245859, 0.052609214821841964, 0.05212020006061665, 0.10068198322091979, 0.049890076361896504,
    0.05079190685902328, 0.4846915950117619, 5.597584541062802,
  ],
  1970: [
    0.10194724969688371, 0.05931219111227943, 0.04263505858460427, 0.10400096501601892, 0.056316457782592776,
    0.047684507233426154, 0.4646050547472346, 6.192351816443595,
  ],
  1980: [
    0.09560112758525613, 0.03205257097345343, 0.06354855661180273, 0.09490883146099817, 0.030281179051337537,
    0.06462765240966065, 0.4553702237599927, 5.480077619663648,
  ],
  1990: [
    0.10511256397981852, 0.029637312183149474, 0.07547525179666906, 0.10073086869722069, 0.028094279796540503,
    0.07263658890068023, 0.4898902343053215, 6.03933845245127,
  ],
  2000: [
    0.10660832349588023, 0.03635871887968051, 0.07024960461619977, 0.10490703045815394, 0.03365326249657444,
    0.07125376796157948, 0.48480744450624896, 6.25852141870106,
  ],
};

describe('theilIndex on the Mexican states (golden, numpy)', () => {
  MEXICO_YEARS.forEach((year, k) => {
    it(`${year}: T, L and their decomposition by Hanson region; CV; max/min`, () => {
      const values = MEXICO.map((s) => s.pcgdp[k]!);
      const groups = MEXICO.map((s) => String(s.hanson98));
      const g = GOLDEN[year]!;
      const r = theilIndex({ values, codes: MEXICO.map((s) => s.state) }, groups);
      if (!r.ok) throw new Error(r.error.message);
      close(r.value.theilT.total, g[0]!);
      close(r.value.theilT.between, g[1]!, 1e-11);
      close(r.value.theilT.within, g[2]!, 1e-11);
      close(r.value.theilL.total, g[3]!);
      close(r.value.theilL.between, g[4]!, 1e-11);
      close(r.value.theilL.within, g[5]!, 1e-11);
      expect(r.value.groups.map((x) => x.key).sort()).toEqual(['1', '2', '3', '4', '5']);
      expect(r.value.groups.reduce((s, x) => s + x.count, 0)).toBe(32);
      const cv = coefficientOfVariation(values);
      close(cv.ok ? cv.value.cv : Number.NaN, g[6]!);
      const mm = maxMinRatio({ values });
      close(mm.ok ? mm.value.ratio : Number.NaN, g[7]!);
    });
  });
});

describe('theilIndex', () => {
  it('a single group holds everything: between = 0 and the group equals the total', () => {
    const r = theilIndex({ values: [1, 2, 3, 10], weights: [1, 1, 2, 1] });
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.theilT.between).toBeCloseTo(0, 15);
    expect(r.value.groups).toHaveLength(1);
    expect(r.value.groups[0]!.theilT).toBeCloseTo(r.value.theilT.total, 14);
    expect(r.value.groups[0]!.theilL).toBeCloseTo(r.value.theilL.total, 14);
  });
  it('is zero for equal incomes', () => {
    const r = theilIndex({ values: [5, 5, 5] }, ['a', 'b', 'a']);
    if (!r.ok) throw new Error(r.error.message);
    expect(Math.abs(r.value.theilT.total)).toBeLessThan(1e-15);
    expect(Math.abs(r.value.theilL.total)).toBeLessThan(1e-15);
  });
  it('between + within = total exactly, shares sum to one, and matches the direct formulas', () => {
    const unit = fc.record({
      y: fc.double({ min: 1, max: 1e6, noNaN: true }),
      w: fc.double({ min: 0.01, max: 100, noNaN: true }),
      g: fc.constantFrom('a', 'b', 'c', 'd'),
    });
    fc.assert(
      fc.property(fc.array(unit, { minLength: 1, maxLength: 60 }), (units) => {
        const r = theilIndex(
          { values: units.map((u) => u.y), weights: units.map((u) => u.w) },
          units.map((u) => u.g),
        );
        if (!r.ok) throw new Error(r.error.message);
        const { theilT, theilL, groups } = r.value;
        const scale = Math.max(theilT.total, 1e-3);
        expect(Math.abs(theilT.between + theilT.within - theilT.total)).toBeLessThanOrEqual(1e-12 * scale);
        expect(Math.abs(theilL.between + theilL.within - theilL.total)).toBeLessThanOrEqual(
          1e-12 * Math.max(theilL.total, 1e-3),
        );
        expect(groups.reduce((s, g) => s + g.populationShare, 0)).toBeCloseTo(1, 12);
        expect(groups.reduce((s, g) => s + g.incomeShare, 0)).toBeCloseTo(1, 12);
        // Direct two-pass formulas.
        const W = units.reduce((s, u) => s + u.w, 0);
        const mu = units.reduce((s, u) => s + u.w * u.y, 0) / W;
        const T = units.reduce((s, u) => s + (u.w / W) * (u.y / mu) * Math.log(u.y / mu), 0);
        const L = units.reduce((s, u) => s + (u.w / W) * Math.log(mu / u.y), 0);
        expect(Math.abs(theilT.total - T)).toBeLessThanOrEqual(1e-10 * Math.max(T, 1e-4));
        expect(Math.abs(theilL.total - L)).toBeLessThanOrEqual(1e-10 * Math.max(L, 1e-4));
        expect(theilT.total).toBeGreaterThanOrEqual(-1e-15);
        expect(theilL.total).toBeGreaterThanOrEqual(-1e-15);
      }),
    );
  });
  it('rejects non-positive values and mismatched group keys', () => {
    expect(theilIndex({ values: [1, 0] })).toMatchObject({
      ok: false,
      error: { code: 'non_positive_value', index: 1 },
    });
    expect(theilIndex({ values: [1, 2] }, ['a'])).toMatchObject({
      ok: false,
      error: { code: 'length_mismatch' },
    });
    expect(theilIndex({ values: [] })).toMatchObject({ ok: false, error: { code: 'empty' } });
  });
});
