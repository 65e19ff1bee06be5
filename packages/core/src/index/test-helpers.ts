// Shared fixtures for the index tests (not exported from the barrel).
import { mulberry32 } from '../random';
import type { AggregationLayout } from './compile-framework';
import type { Aggregation, Direction, Framework, Normalisation } from './types';

/** Layout of two domains: A = {a1, a2}, B = {b1}. */
export function twoDomainLayout(indicators: Aggregation, domains: Aggregation): AggregationLayout {
  return {
    m: 3,
    d: 2,
    domainStart: Int32Array.of(0, 2, 3),
    domainAggregation: [indicators, indicators],
    topAggregation: domains,
  };
}

/** A framework of `d` domains with `perDomain` indicators each, codes i0, i1, …, all the same method. */
export function gridFramework(
  d: number,
  perDomain: number,
  normalisation: Normalisation = { method: 'minmax' },
  aggregation: { indicators: Aggregation; domains: Aggregation } = {
    indicators: 'arithmetic',
    domains: 'arithmetic',
  },
  directions: readonly Direction[] = [],
): Framework {
  return {
    code: 'grid',
    aggregation,
    domains: Array.from({ length: d }, (_, k) => ({
      code: `d${k}`,
      weight: 1 + k,
      indicators: Array.from({ length: perDomain }, (_, i) => {
        const j = k * perDomain + i;
        const direction = directions[j] ?? 'up';
        // An efficacy target lies below its floor for a lower-is-better indicator.
        const nz: Normalisation =
          normalisation.method === 'efficacy' && direction === 'down'
            ? { method: 'efficacy', target: normalisation.floor, floor: normalisation.target }
            : normalisation;
        return { code: `i${j}`, direction, weight: 1 + (j % 3), normalisation: nz };
      }),
    })),
  };
}

/** Seeded synthetic matrix (units × m) with a share of missing cells. */
export function syntheticMatrix(n: number, m: number, seed: number, missing = 0): Float64Array {
  const rng = mulberry32(seed);
  return Float64Array.from({ length: n * m }, () =>
    rng() < missing ? Number.NaN : Math.round(rng() * 10000) / 100,
  );
}
