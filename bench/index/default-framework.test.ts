// The shipped default framework runs end to end through core on synthetic (模拟) data.
import { describe, expect, it } from 'vitest';
import { indexUncertainty, runIndex } from '../../packages/core/src/index/index';
import { defaultFramework, syntheticCounties } from './synthetic';

describe('default framework on synthetic data', () => {
  it('scores and ranks 90 counties over 4 domains and 18 indicators', () => {
    const input = syntheticCounties(defaultFramework(), 90, 7);
    const r = runIndex(input);
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.indicators.length).toBe(18);
    expect(r.value.domains).toEqual(['qiangcheng', 'xingcun', 'ronghe', 'fumin']);
    const ranked = Array.from(r.value.ranks).filter((x) => x > 0);
    expect(ranked.length).toBe(90 - r.value.belowCoverage.reduce((a, b) => a + b, 0));
    expect(Math.min(...ranked)).toBe(1);
    for (const s of r.value.scores) expect(s >= 0 && s <= 100).toBe(true);
    const mc = indexUncertainty(input, { samples: 50, seed: 3 });
    expect(mc.ok && mc.value.factors.length).toBe(1 + 18);
  });
  it('is reproducible from its seed', () => {
    const a = syntheticCounties(defaultFramework(), 30, 1);
    const b = syntheticCounties(defaultFramework(), 30, 1);
    expect(Array.from(b.values)).toEqual(Array.from(a.values));
  });
});
