import { describe, expect, it } from 'vitest';
import { groupToParentRatio } from './group-to-parent-ratio';

describe('groupToParentRatio', () => {
  it('divides the population-weighted group mean by the parent value', () => {
    // (3·100 + 1·200)/4 = 125; 125/250 = 0.5.
    const r = groupToParentRatio({ values: [100, 200], weights: [3, 1] }, 250);
    expect(r.ok && r.value).toEqual({ groupMean: 125, parentValue: 250, ratio: 0.5 });
  });
  it('uses equal weights without populations', () => {
    const r = groupToParentRatio({ values: [100, 200] }, 300);
    expect(r.ok && r.value.ratio).toBe(0.5);
  });
  it('rejects a non-positive parent, negative weights and zero total weight', () => {
    expect(groupToParentRatio({ values: [1] }, 0)).toMatchObject({
      ok: false,
      error: { code: 'non_positive_value' },
    });
    expect(groupToParentRatio({ values: [1, 2], weights: [1, -1] }, 1)).toMatchObject({
      ok: false,
      error: { code: 'negative_weight', index: 1 },
    });
    expect(groupToParentRatio({ values: [1, 2], weights: [0, 0] }, 1)).toMatchObject({
      ok: false,
      error: { code: 'zero_total_weight' },
    });
    expect(groupToParentRatio({ values: [1, 2], weights: [1] }, 1)).toMatchObject({
      ok: false,
      error: { code: 'length_mismatch', field: 'weights' },
    });
  });
});
