import { describe, expect, it } from 'vitest';
import { unsdProgress } from './unsd-progress';
import type { ObservationInput } from './types';

const obs = (...pairs: [string, number][]): ObservationInput[] =>
  pairs.map(([period, value]) => ({ period, value }));
const asOf = '2030-01-01';

describe('unsdProgress (UNSD / EUSTAT ratio Q)', () => {
  // 100 (2020, t0 = 2021) → 121 (2022, t = 2023): r_obs = 0.1; projected to T = 2025: 121·1.1² = 146.41.
  const s = obs(['2020', 100], ['2022', 121]);
  it('Q = (146.41 − 100)/(160 − 100) = 0.7735 → acceleration needed', () => {
    const r = unsdProgress({ comparator: '>=', value: 160, year: 2024 }, s, { asOf });
    expect(r.q).toBeCloseTo(46.41 / 60, 9);
    expect(r.status).toBe('acceleration_needed');
  });
  it('Q = 1 when the projection lands on the target → on track', () => {
    const r = unsdProgress({ comparator: '>=', value: 146.41, year: 2024 }, s, { asOf });
    expect(r.q).toBeCloseTo(1, 9);
    expect(r.status).toBe('on_track');
  });
  it('Q < 0.10 → stagnation or regression', () => {
    // 100 → 101: projected 101·1.01 = 102.01, Q = 2.01/60 = 0.0335.
    const slow = unsdProgress(
      { comparator: '>=', value: 160, year: 2024 },
      obs(['2020', 100], ['2022', 101]),
      {
        asOf,
      },
    );
    expect(slow.q).toBeCloseTo(2.01 / 60, 9);
    expect(slow.status).toBe('stagnation_or_regression');
    const down = unsdProgress(
      { comparator: '>=', value: 160, year: 2024 },
      obs(['2020', 100], ['2022', 90]),
      {
        asOf,
      },
    );
    expect(down.q).toBeLessThan(0);
    expect(down.status).toBe('stagnation_or_regression');
  });
  it('lower is better: Q keeps its meaning', () => {
    // 2.0 → 1.8 over two years, ≤ 1.5 by 2024: projected 1.8·0.9 = 1.62, Q = (1.62 − 2)/(1.5 − 2) = 0.76.
    const r = unsdProgress({ comparator: '<=', value: 1.5, year: 2024 }, obs(['2020', 2], ['2022', 1.8]), {
      asOf,
    });
    expect(r.q).toBeCloseTo(0.76, 9);
    expect(r.status).toBe('acceleration_needed');
  });
  it('passes achieved and no data through', () => {
    expect(unsdProgress({ comparator: '>=', value: 100, year: 2024 }, s, { asOf }).status).toBe('achieved');
    expect(
      unsdProgress({ comparator: '>=', value: 200, year: 2024 }, obs(['2022', 121]), { asOf }),
    ).toMatchObject({
      status: 'no_data',
      reason: 'SINGLE_OBSERVATION',
    });
  });
  it('a baseline already beyond the target that slipped back counts as regression', () => {
    const r = unsdProgress({ comparator: '<=', value: 1.8, year: 2027 }, obs(['2020', 1.7], ['2022', 1.85]), {
      asOf,
    });
    expect(r).toMatchObject({ status: 'stagnation_or_regression', q: null });
  });
});
