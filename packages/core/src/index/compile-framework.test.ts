import { describe, expect, it } from 'vitest';
import { compileFramework } from './compile-framework';
import { gridFramework } from './test-helpers';
import type { Framework, FrameworkIndicator } from './types';

const withIndicator = (spec: FrameworkIndicator): Framework => ({
  code: 'f',
  aggregation: { indicators: 'arithmetic', domains: 'geometric' },
  domains: [{ code: 'a', weight: 1, indicators: [spec] }],
});
const codeOf = (f: Framework, cols: string[] = ['x', 'i0', 'i1', 'i2', 'i3']) => {
  const r = compileFramework(f, cols);
  return r.ok ? 'ok' : r.error.code;
};

describe('compileFramework', () => {
  it('flattens the tree in framework order with input columns, weights and aggregation per level', () => {
    const f = gridFramework(2, 2);
    const r = compileFramework(
      { ...f, domains: [f.domains[0]!, { ...f.domains[1]!, aggregation: 'geometric' }] },
      ['i3', 'i2', 'x', 'i1', 'i0'],
    );
    if (!r.ok) throw new Error(r.error.message);
    const c = r.value;
    expect(c.codes).toEqual(['i0', 'i1', 'i2', 'i3']);
    expect(Array.from(c.columns)).toEqual([4, 3, 1, 0]);
    expect(Array.from(c.domainStart)).toEqual([0, 2, 4]);
    expect(Array.from(c.domainOf)).toEqual([0, 0, 1, 1]);
    expect(Array.from(c.indicatorWeights)).toEqual([1, 2, 3, 1]);
    expect(Array.from(c.domainWeights)).toEqual([1, 2]);
    expect(c.domainAggregation).toEqual(['arithmetic', 'geometric']);
    expect(c.topAggregation).toBe('arithmetic');
    expect(c.imputations).toEqual(['none', 'none', 'none', 'none']);
    expect(c.coverageThreshold).toBe(0);
  });
  it('rejects unknown, duplicate and empty parts', () => {
    expect(codeOf(gridFramework(2, 2), ['i0', 'i1', 'i2'])).toBe('INDEX_UNKNOWN_INDICATOR');
    const f = gridFramework(2, 1);
    expect(codeOf({ ...f, domains: [f.domains[0]!, f.domains[0]!] })).toBe('INDEX_DUPLICATE_INDICATOR');
    expect(codeOf({ ...f, domains: [] })).toBe('INDEX_EMPTY_FRAMEWORK');
    expect(codeOf({ ...f, domains: [{ code: 'e', weight: 1, indicators: [] }] })).toBe(
      'INDEX_EMPTY_FRAMEWORK',
    );
  });
  it('rejects bad parameters', () => {
    const base: FrameworkIndicator = {
      code: 'x',
      direction: 'up',
      weight: 1,
      normalisation: { method: 'minmax' },
    };
    expect(codeOf(withIndicator(base))).toBe('ok');
    expect(codeOf(withIndicator({ ...base, weight: -1 }))).toBe('INDEX_BAD_PARAMETER');
    expect(codeOf(withIndicator({ ...base, normalisation: { method: 'goalposts', lo: 5, hi: 5 } }))).toBe(
      'INDEX_BAD_PARAMETER',
    );
    expect(
      codeOf(withIndicator({ ...base, normalisation: { method: 'distance_to_target', target: 0 } })),
    ).toBe('INDEX_BAD_PARAMETER');
    expect(
      codeOf(withIndicator({ ...base, normalisation: { method: 'efficacy', target: 70, floor: 90 } })),
    ).toBe('INDEX_BAD_PARAMETER');
    expect(
      codeOf(
        withIndicator({
          ...base,
          direction: 'down',
          normalisation: { method: 'efficacy', target: 70, floor: 90 },
        }),
      ),
    ).toBe('ok');
    expect(codeOf(withIndicator({ ...base, outliers: { method: 'winsorise', lower: 95, upper: 5 } }))).toBe(
      'INDEX_BAD_PARAMETER',
    );
    expect(codeOf({ ...withIndicator(base), coverageThreshold: 1.5 })).toBe('INDEX_BAD_PARAMETER');
    const f = withIndicator(base);
    expect(codeOf({ ...f, domains: [{ ...f.domains[0]!, weight: Number.NaN }] })).toBe('INDEX_BAD_PARAMETER');
  });
});
