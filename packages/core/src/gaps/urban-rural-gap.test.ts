import { describe, expect, it } from 'vitest';
import { theilIndex } from './theil';
import { urbanRuralGaps } from './urban-rural-gap';

describe('urbanRuralGaps', () => {
  it('gives ratio, difference and the between-group Theil of the two halves', () => {
    const r = urbanRuralGaps([
      { code: '330100', urban: 60_000, rural: 30_000, urbanPopulation: 600, ruralPopulation: 400 },
      { code: '330200', urban: 50_000, rural: 40_000 },
    ]);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const [a, b] = r.value;
    expect(a).toMatchObject({ code: '330100', ratio: 2, difference: 30_000 });
    // By hand: μ = 48 000, urban income share 0.75; T = 0.75 ln 1.25 + 0.25 ln 0.625 = 0.0498568…,
    // L = −0.6 ln 1.25 − 0.4 ln 0.625 = 0.0541153….
    expect(a!.theil!.mean).toBe(48_000);
    expect(a!.theil!.urbanIncomeShare).toBeCloseTo(0.75, 15);
    expect(a!.theil!.theilT).toBeCloseTo(0.75 * Math.log(1.25) + 0.25 * Math.log(0.625), 15);
    expect(a!.theil!.theilL).toBeCloseTo(-0.6 * Math.log(1.25) - 0.4 * Math.log(0.625), 15);
    expect(a!.theil!.theilT).toBeCloseTo(0.0498568, 7);
    expect(a!.theil!.theilL).toBeCloseTo(0.0541153, 7);
    expect(b).toEqual({
      code: '330200',
      urban: 50_000,
      rural: 40_000,
      ratio: 1.25,
      difference: 10_000,
      theil: null,
    });
  });
  it('agrees with the Theil of two units weighted by population', () => {
    const gap = urbanRuralGaps([
      { code: 'x', urban: 71_000, rural: 33_000, urbanPopulation: 7, ruralPopulation: 3 },
    ]);
    const theil = theilIndex({ values: [71_000, 33_000], weights: [7, 3] }, ['u', 'r']);
    if (!gap.ok || !theil.ok) throw new Error('unexpected error');
    expect(gap.value[0]!.theil!.theilT).toBeCloseTo(theil.value.theilT.between, 14);
    expect(gap.value[0]!.theil!.theilL).toBeCloseTo(theil.value.theilL.between, 14);
    expect(theil.value.theilT.within).toBeCloseTo(0, 14);
  });
  it('a half with no population gives zero Theil', () => {
    const r = urbanRuralGaps([{ code: 'x', urban: 10, rural: 5, urbanPopulation: 0, ruralPopulation: 9 }]);
    expect(r.ok && r.value[0]!.theil).toMatchObject({ theilT: 0, theilL: 0, mean: 5 });
  });
  it('rejects invalid units with their index', () => {
    expect(urbanRuralGaps([])).toMatchObject({ ok: false, error: { code: 'empty' } });
    expect(
      urbanRuralGaps([
        { code: 'a', urban: 1, rural: 1 },
        { code: 'b', urban: 1, rural: 0 },
      ]),
    ).toMatchObject({
      ok: false,
      error: { code: 'non_positive_value', index: 1 },
    });
    expect(
      urbanRuralGaps([{ code: 'a', urban: 2, rural: 1, urbanPopulation: -1, ruralPopulation: 1 }]),
    ).toMatchObject({
      ok: false,
      error: { code: 'negative_weight', index: 0 },
    });
    expect(
      urbanRuralGaps([{ code: 'a', urban: 2, rural: 1, urbanPopulation: 0, ruralPopulation: 0 }]),
    ).toMatchObject({
      ok: false,
      error: { code: 'zero_total_weight' },
    });
  });
});
