import { describe, expect, it } from 'vitest';
import { mulberry32, normal, randomInt } from './random';

describe('mulberry32', () => {
  it('is reproducible for a seed and differs across seeds', () => {
    const a = mulberry32(42);
    const b = mulberry32(42);
    const c = mulberry32(43);
    const xs = Array.from({ length: 5 }, () => a());
    expect(Array.from({ length: 5 }, () => b())).toEqual(xs);
    expect(Array.from({ length: 5 }, () => c())).not.toEqual(xs);
  });
  it('stays in [0, 1) with a mean near 1/2 and normals near N(0,1)', () => {
    const r = mulberry32(7);
    let s = 0;
    let s2 = 0;
    const n = 100_000;
    for (let i = 0; i < n; i++) {
      const x = r();
      expect(x >= 0 && x < 1).toBe(true);
      s += x;
    }
    expect(Math.abs(s / n - 0.5)).toBeLessThan(0.01);
    s = 0;
    for (let i = 0; i < n; i++) {
      const z = normal(r);
      s += z;
      s2 += z * z;
    }
    expect(Math.abs(s / n)).toBeLessThan(0.02);
    expect(Math.abs(s2 / n - 1)).toBeLessThan(0.03);
    const k = randomInt(r, 3);
    expect([0, 1, 2]).toContain(k);
  });
});
