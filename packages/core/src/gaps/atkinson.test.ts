import { describe, expect, it } from 'vitest';
import { atkinsonIndex } from './atkinson';

describe('atkinsonIndex', () => {
  it("reproduces PySAL's golden values for [10, 20, 30, 40, 50]", () => {
    // PySAL inequality test suite: 0.0631534 (ε = 0.5) and 0.1316096 (ε = 1).
    const a = atkinsonIndex([10, 20, 30, 40, 50], 0.5);
    const b = atkinsonIndex([10, 20, 30, 40, 50], 1);
    expect(a.ok && a.value.value).toBeCloseTo(0.0631534, 7);
    expect(b.ok && b.value.value).toBeCloseTo(0.1316096, 7);
  });
  it('ε = 2 is one minus the harmonic over the arithmetic mean', () => {
    // Harmonic mean of 1, 2, 4 = 3/(1 + 0.5 + 0.25) = 12/7; arithmetic mean 7/3.
    const r = atkinsonIndex([1, 2, 4], 2);
    expect(r.ok && r.value.value).toBeCloseTo(1 - 12 / 7 / (7 / 3), 14);
  });
  it('a weight of 3 equals three copies', () => {
    const w = atkinsonIndex([5, 9, 20], 1.5, [1, 3, 1]);
    const c = atkinsonIndex([5, 9, 9, 9, 20], 1.5);
    expect(w.ok && c.ok && w.value.value - c.value.value).toBeCloseTo(0, 14);
  });
  it('excludes y < 0 for ε < 1 and y ≤ 0 for ε ≥ 1, and counts them', () => {
    const half = atkinsonIndex([0, -2, 10, 20], 0.5, [1, 1, 1, 1]);
    expect(half.ok && half.value.excluded).toEqual({ count: 1, weightShare: 0.25 });
    const one = atkinsonIndex([0, -2, 10, 20], 1);
    expect(one.ok && one.value.excluded).toEqual({ count: 2, weightShare: 0.5 });
    const same = atkinsonIndex([10, 20], 1);
    expect(one.ok && same.ok && one.value.value).toBe(same.ok && same.value.value);
  });
  it('rejects a bad epsilon and an all-excluded sample', () => {
    expect(atkinsonIndex([1, 2], 0)).toMatchObject({ ok: false, error: { code: 'invalid_option' } });
    expect(atkinsonIndex([0, -1], 1)).toMatchObject({ ok: false, error: { code: 'non_positive_mean' } });
  });
});
