import { describe, expect, it } from 'vitest';
import { maxMinRatio } from './max-min-ratio';

describe('maxMinRatio', () => {
  it('gives max/min and every unit at each end, in input order', () => {
    const r = maxMinRatio({ values: [30, 10, 60, 10], codes: ['a', 'b', 'c', 'd'] });
    expect(r.ok && r.value).toEqual({
      ratio: 6,
      max: 60,
      min: 10,
      highest: [{ index: 2, code: 'c', value: 60 }],
      lowest: [
        { index: 1, code: 'b', value: 10 },
        { index: 3, code: 'd', value: 10 },
      ],
    });
  });
  it('names units by index when no codes are given', () => {
    const r = maxMinRatio({ values: new Float64Array([2, 5]) });
    expect(r.ok && r.value.highest).toEqual([{ index: 1, code: null, value: 5 }]);
  });
  it('rejects no units, a non-positive value and mismatched codes', () => {
    expect(maxMinRatio({ values: [] })).toMatchObject({ ok: false, error: { code: 'empty' } });
    expect(maxMinRatio({ values: [3, 0] })).toMatchObject({
      ok: false,
      error: { code: 'non_positive_value', index: 1 },
    });
    expect(maxMinRatio({ values: [3, Number.NaN] })).toMatchObject({
      ok: false,
      error: { code: 'non_finite', index: 1 },
    });
    expect(maxMinRatio({ values: [3, 4], codes: ['a'] })).toMatchObject({
      ok: false,
      error: { code: 'length_mismatch', field: 'codes' },
    });
  });
});
