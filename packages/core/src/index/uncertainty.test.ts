import { describe, expect, it } from 'vitest';
import { mulberry32, randomInt } from '../random';
import type { NormalisationChoice } from './prepare-matrix';
import { runIndex } from './run-index';
import type { AggregationChoice } from './scenario-engine';
import { gridFramework, syntheticMatrix } from './test-helpers';
import type { Framework, IndexInput } from './types';
import { indexUncertainty, type IndexUncertainty, type UncertaintyOptions } from './uncertainty';

const unwrap = (input: IndexInput, options: UncertaintyOptions): IndexUncertainty => {
  const r = indexUncertainty(input, options);
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
};
const synthetic = (n: number, seed: number, f: Framework = gridFramework(2, 3)): IndexInput => ({
  framework: f,
  units: Array.from({ length: n }, (_, u) => `u${u}`),
  indicators: Array.from({ length: 6 }, (_, j) => `i${j}`),
  values: syntheticMatrix(n, 6, seed, 0.05),
});

/**
 * Independent, slow implementation of METHODS.md §4 "Uncertainty": per sample, build a framework with the
 * drawn weights (and methods) and call runIndex; then nearest-rank percentiles by sorting.
 */
function slowMonteCarlo(
  input: IndexInput,
  samples: number,
  seed: number,
  normalisations: readonly NormalisationChoice[],
  aggregations: readonly AggregationChoice[],
) {
  const rng = mulberry32(seed);
  const n = input.units.length;
  const draws: number[][] = Array.from({ length: n }, () => []);
  const f = input.framework;
  for (let s = 0; s < samples; s++) {
    const nz =
      normalisations.length > 1 ? normalisations[randomInt(rng, normalisations.length)]! : normalisations[0]!;
    const ag =
      aggregations.length > 1 ? aggregations[randomInt(rng, aggregations.length)]! : aggregations[0]!;
    const indicatorWeights = f.domains.flatMap((d) =>
      d.indicators.map((i) => i.weight * (1 + 0.25 * (2 * rng() - 1))),
    );
    const domainWeights = f.domains.map((d) => d.weight * (1 + 0.25 * (2 * rng() - 1)));
    let j = 0;
    const drawn: Framework = {
      ...f,
      aggregation: ag === 'framework' ? f.aggregation : { indicators: ag, domains: ag },
      domains: f.domains.map((d, k) => ({
        ...d,
        weight: domainWeights[k]!,
        indicators: d.indicators.map((i) => ({
          ...i,
          weight: indicatorWeights[j++]!,
          normalisation: nz === 'framework' ? i.normalisation : { method: nz },
        })),
      })),
    };
    const r = runIndex({ ...input, framework: drawn });
    if (!r.ok) throw new Error(r.error.message);
    r.value.ranks.forEach((rank, u) => draws[u]!.push(rank));
  }
  const pick = (xs: number[], p: number) =>
    [...xs].sort((a, b) => a - b)[Math.max(Math.ceil((p / 100) * xs.length), 1) - 1]!;
  return {
    median: draws.map((d) => pick(d, 50)),
    p5: draws.map((d) => pick(d, 5)),
    p95: draws.map((d) => pick(d, 95)),
  };
}

describe('indexUncertainty', () => {
  it('agrees with an independent slow implementation (weights only, and with methods drawn)', () => {
    const input = synthetic(30, 11);
    const cases: [NormalisationChoice[], AggregationChoice[]][] = [
      [['framework'], ['framework']],
      [
        ['framework', 'zscore', 'rank'],
        ['arithmetic', 'geometric'],
      ],
    ];
    for (const [normalisations, aggregations] of cases) {
      const fast = unwrap(input, { samples: 61, seed: 5, normalisations, aggregations, sensitivity: false });
      const slow = slowMonteCarlo(input, 61, 5, normalisations, aggregations);
      expect(Array.from(fast.medianRank)).toEqual(slow.median);
      expect(Array.from(fast.p5Rank)).toEqual(slow.p5);
      expect(Array.from(fast.p95Rank)).toEqual(slow.p95);
    }
  });
  it('same seed ⇒ same result; another seed ⇒ other draws', () => {
    const input = synthetic(40, 3);
    const opts = {
      samples: 200,
      normalisations: ['framework', 'rank'] as const,
      aggregations: ['arithmetic', 'geometric'] as const,
    };
    const a = unwrap(input, { ...opts, seed: 42 });
    const b = unwrap(input, { ...opts, seed: 42 });
    const c = unwrap(input, { ...opts, seed: 43 });
    expect(b).toEqual(a);
    expect(c.joint.meanAbsShift).not.toBe(a.joint.meanAbsShift);
  });
  it('orders p5 ≤ median ≤ p95, and collapses to the nominal ranks without any perturbation', () => {
    const input = synthetic(50, 8);
    const r = unwrap(input, { samples: 300, seed: 1 });
    for (let u = 0; u < 50; u++) {
      expect(r.p5Rank[u]).toBeLessThanOrEqual(r.medianRank[u]!);
      expect(r.medianRank[u]).toBeLessThanOrEqual(r.p95Rank[u]!);
    }
    expect(r.joint.meanAbsShift).toBeGreaterThan(0);
    const still = unwrap(input, { samples: 20, spread: 0 });
    expect(Array.from(still.medianRank)).toEqual(Array.from(still.nominalRanks));
    expect(Array.from(still.p5Rank)).toEqual(Array.from(still.nominalRanks));
    expect(Array.from(still.p95Rank)).toEqual(Array.from(still.nominalRanks));
    expect(still.joint).toEqual({ meanAbsShift: 0, maxAbsShift: 0 });
  });
  it('drops each indicator in turn and names the factor that moves ranks most', () => {
    // One domain; i0 (weight 2) ranks u0 > u1 > u2, i1 (weight 1) the reverse. Weights ±25% cannot flip
    // the order (2·0.75 > 1·1.25); dropping i0 reverses it (shifts 2, 0, 2 → mean 4/3); dropping i1 does nothing.
    const f: Framework = {
      code: 'f',
      aggregation: { indicators: 'arithmetic', domains: 'arithmetic' },
      domains: [
        {
          code: 'd',
          weight: 1,
          indicators: [
            { code: 'i0', direction: 'up', weight: 2, normalisation: { method: 'minmax' } },
            { code: 'i1', direction: 'up', weight: 1, normalisation: { method: 'minmax' } },
          ],
        },
      ],
    };
    const input: IndexInput = {
      framework: f,
      units: ['u0', 'u1', 'u2'],
      indicators: ['i0', 'i1'],
      values: Float64Array.of(3, 1, 2, 2, 1, 3),
    };
    const r = unwrap(input, { samples: 100, seed: 9 });
    expect(Array.from(r.nominalRanks)).toEqual([1, 2, 3]);
    expect(Array.from(r.dropOne[0]!.ranks)).toEqual([3, 2, 1]);
    expect(r.dropOne[0]!.meanAbsShift).toBeCloseTo(4 / 3, 12);
    expect(r.dropOne[1]!.meanAbsShift).toBe(0);
    expect(r.factors[0]).toEqual({ factor: 'drop', option: 'i0', meanAbsShift: 4 / 3, maxAbsShift: 2 });
    expect(r.factors.find((x) => x.factor === 'weights')).toEqual({
      factor: 'weights',
      option: '±25%',
      meanAbsShift: 0,
      maxAbsShift: 0,
    });
    expect(Array.from(r.medianRank)).toEqual([1, 2, 3]);
  });
  it('reports each allowed alternative method as a factor', () => {
    const r = unwrap(synthetic(30, 4), {
      samples: 50,
      normalisations: ['framework', 'zscore', 'rank'],
      aggregations: ['framework', 'geometric'],
    });
    const options = r.factors.map((x) => `${x.factor}:${x.option}`).sort();
    expect(options).toEqual(
      [
        'weights:±25%',
        'normalisation:zscore',
        'normalisation:rank',
        'aggregation:geometric',
        ...Array.from({ length: 6 }, (_, j) => `drop:i${j}`),
      ].sort(),
    );
    for (let k = 1; k < r.factors.length; k++)
      expect(r.factors[k - 1]!.meanAbsShift).toBeGreaterThanOrEqual(r.factors[k]!.meanAbsShift);
  });
  it('leaves units below the coverage threshold unranked', () => {
    const input = synthetic(10, 2);
    const values = Float64Array.from(input.values);
    for (let j = 0; j < 5; j++) values[3 * 6 + j] = Number.NaN;
    const r = unwrap(
      { ...input, values, framework: { ...input.framework, coverageThreshold: 0.5 } },
      { samples: 30 },
    );
    expect(r.nominalRanks[3]).toBe(0);
    expect(r.medianRank[3]).toBe(0);
    expect(r.meanAbsShift[3]).toBeNaN();
    expect(Math.max(...r.p95Rank)).toBeLessThanOrEqual(9);
  });
  it('rejects bad options', () => {
    const input = synthetic(5, 1);
    for (const o of [{ samples: 0 }, { spread: 1.5 }, { normalisations: [] }] as UncertaintyOptions[]) {
      const r = indexUncertainty(input, o);
      expect(r.ok ? '' : r.error.code).toBe('INDEX_BAD_PARAMETER');
    }
  });
});
