import { describe, expect, it } from 'vitest';
import { unitsBelowLine } from './units-below-line';

describe('unitsBelowLine', () => {
  const input = { values: [5, 10, 15], weights: [1, 2, 1], codes: ['x', 'y', 'z'] };
  it('lists the units strictly below the line with their population share', () => {
    const r = unitsBelowLine(input, 10);
    expect(r.ok && r.value).toEqual({
      line: 10,
      count: 1,
      populationShare: 0.25,
      units: [{ index: 0, code: 'x', value: 5 }],
    });
  });
  it('includes units on the line when asked', () => {
    const r = unitsBelowLine(input, 10, { inclusive: true });
    expect(r.ok && [r.value.count, r.value.populationShare]).toEqual([2, 0.75]);
  });
  it('rejects empty input', () => {
    expect(unitsBelowLine({ values: [] }, 1)).toMatchObject({ ok: false, error: { code: 'empty' } });
  });
});
