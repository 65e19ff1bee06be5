import { describe, expect, it } from 'vitest';
import { weatherStatus } from './weather';
import type { ObservationInput } from './types';

const obs = (...pairs: [string, number][]): ObservationInput[] =>
  pairs.map(([period, value]) => ({ period, value }));
const asOf = '2030-01-01';

describe('weatherStatus (Germany, METHODS §1)', () => {
  // 100, 104, …, 116 in 2018–2022: mean change 4 a year; latest at t = 2023; a 2025 target is at T = 2026,
  // so the projection is 116 + 4·3 = 128.
  const s = obs(['2018', 100], ['2019', 104], ['2020', 108], ['2021', 112], ['2022', 116]);
  it('sun when the projection reaches the target', () => {
    const r = weatherStatus({ comparator: '>=', value: 128, year: 2025 }, s, { asOf });
    expect(r.meanAnnualChange).toBeCloseTo(4, 12);
    expect(r.projected).toBeCloseTo(128, 12);
    expect(r.status).toBe('sun');
    // miss 0.6 of 12.6 still to go = 4.8% < 5% → sun.
    expect(weatherStatus({ comparator: '>=', value: 128.6, year: 2025 }, s, { asOf }).status).toBe('sun');
  });
  it('partly cloudy for a miss of 5–20% of the distance, cloudy above', () => {
    // ≥ 130: miss 2 of 14 = 14.3%.
    const pc = weatherStatus({ comparator: '>=', value: 130, year: 2025 }, s, { asOf });
    expect(pc.relativeMiss).toBeCloseTo(2 / 14, 12);
    expect(pc.status).toBe('partly_cloudy');
    // ≥ 140: miss 12 of 24 = 50%.
    expect(weatherStatus({ comparator: '>=', value: 140, year: 2025 }, s, { asOf }).status).toBe('cloudy');
  });
  it('thunderstorm when moving the wrong way', () => {
    expect(weatherStatus({ comparator: '<=', value: 90, year: 2025 }, s, { asOf }).status).toBe(
      'thunderstorm',
    );
  });
  it('uses only the last five years', () => {
    // A collapse in 2010–2016 is outside the window that ends in 2022: from = 2017 (t = 2018 = 2023 − 5).
    const long = obs(
      ['2010', 500],
      ['2016', 90],
      ['2017', 96],
      ...s.map((o): [string, number] => [o.period, o.value]),
    );
    const r = weatherStatus({ comparator: '>=', value: 128, year: 2025 }, long, { asOf });
    expect(r.from?.period).toBe('2017');
    expect(r.meanAnnualChange).toBeCloseTo(20 / 5, 12);
    expect(r.status).toBe('sun');
  });
  it('already met: sun, flagged achieved; one observation: no data', () => {
    expect(weatherStatus({ comparator: '>=', value: 110, year: 2025 }, s, { asOf })).toMatchObject({
      status: 'sun',
      achieved: true,
    });
    expect(
      weatherStatus({ comparator: '>=', value: 150, year: 2027 }, obs(['2025', 136]), { asOf }),
    ).toMatchObject({
      status: 'no_data',
      reason: 'SINGLE_OBSERVATION',
    });
  });
});
