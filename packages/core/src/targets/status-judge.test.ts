import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createStatusJudge } from './status-judge';
import { targetStatus } from './target-status';
import type { Comparator, ObservationInput, ProgressOptions, TargetSpec } from './types';

// Periods of several seasonalities and spellings (2023-Q3-YTD is 2023Q3-YTD, a duplicate), some not yet
// ended at the as-of dates drawn below, and some invalid, so that every branch of selectSeries is taken.
const PERIODS = [
  '2019',
  '2020',
  '2021',
  '2022',
  '2023',
  '2024',
  '2025',
  '2026',
  '2022Q3-YTD',
  '2023Q3-YTD',
  '2023-Q3-YTD',
  '2024Q3-YTD',
  '2025Q3-YTD',
  '2024H1',
  '2025H1',
  '2024-12',
  '2025-06',
  '2024Q4',
  'not a period',
  '2024YTD',
];
const AS_OFS = ['2023-12-31', '2024-06-30', '2025-06-29', '2025-06-30', '2025-12-31', '2030-01-01'];

const value = fc.oneof(
  { weight: 12, arbitrary: fc.double({ min: -50, max: 500, noNaN: true }) },
  { weight: 4, arbitrary: fc.integer({ min: 1, max: 200 }) },
  { weight: 1, arbitrary: fc.constantFrom(0, Number.NaN, Number.POSITIVE_INFINITY) },
);
const observation = fc.record({ period: fc.constantFrom(...PERIODS), value });
const comparator = fc.constantFrom<Comparator>('>=', '>', '<=', '<', '=');
const target: fc.Arbitrary<TargetSpec> = fc
  .record({
    comparator,
    value: fc.oneof(fc.double({ min: -50, max: 500, noNaN: true }), fc.integer({ min: 0, max: 200 })),
    year: fc.integer({ min: 2020, max: 2032 }),
    baseline: fc.option(
      fc.record({
        period: fc.constantFrom('2020', '2021', '2023Q3-YTD', '2024H1', 'bad', '2027'),
        value: fc.oneof(fc.double({ min: -10, max: 300, noNaN: true }), fc.constant(Number.NaN)),
      }),
      { nil: undefined },
    ),
  })
  .map(({ baseline, ...t }) => (baseline === undefined ? t : { ...t, baseline }));
const options: fc.Arbitrary<ProgressOptions> = fc.record({
  asOf: fc.constantFrom(...AS_OFS),
  polarity: fc.constantFrom<'up' | 'down'>('up', 'down'),
  linear: fc.boolean(),
  series: fc.constantFrom<'latest' | 'annual'>('latest', 'annual'),
  tolerance: fc.constantFrom(0, 0.5),
  achievedRule: fc.constantFrom<'latest' | 'ever'>('latest', 'ever'),
});

describe('createStatusJudge', () => {
  it('gives the status of targetStatus on random series, targets and options (fast-check)', () => {
    fc.assert(
      fc.property(
        fc.array(observation, { maxLength: 10 }),
        target,
        options,
        fc.integer({ min: 0, max: 5 }),
        (obs, t, opts, pad) => {
          const judge = createStatusJudge(opts);
          // The values sit at an offset in a longer flat array, as the bulk path gives them.
          const flat = [...Array.from({ length: pad }, () => -1), ...obs.map((o) => o.value)];
          const layout = judge.layout(obs.map((o) => o.period));
          expect(judge.status(t, layout, flat, pad)).toBe(targetStatus(t, obs, opts).status);
        },
      ),
      { numRuns: 3000 },
    );
  });

  it('agrees on smooth annual series, where every status class occurs (fast-check)', () => {
    const seen = new Set<string>();
    fc.assert(
      fc.property(
        fc.double({ min: 1, max: 1000, noNaN: true }),
        fc.integer({ min: -100, max: 150 }).map((g) => g / 1000),
        fc.integer({ min: -30, max: 60 }).map((a) => a / 100),
        fc.constantFrom<Comparator>('>=', '<='),
        fc.boolean(),
        (level, growth, ambition, cmp, linear) => {
          const obs: ObservationInput[] = Array.from({ length: 6 }, (_, k) => ({
            period: String(2019 + k),
            value: linear ? level + growth * level * k : level * (1 + growth) ** k,
          }));
          const last = obs[5]?.value ?? level;
          const t: TargetSpec = {
            comparator: cmp,
            value: cmp === '>=' ? last * (1 + ambition) : last / (1 + ambition),
            year: 2027,
          };
          const opts = { asOf: '2025-06-30', linear };
          const judge = createStatusJudge(opts);
          const expected = targetStatus(t, obs, opts).status;
          seen.add(expected);
          expect(
            judge.status(
              t,
              judge.layout(obs.map((o) => o.period)),
              obs.map((o) => o.value),
            ),
          ).toBe(expected);
        },
      ),
      { numRuns: 2000 },
    );
    // The comparison above must have covered each class of the method, not one or two.
    expect([...seen].sort()).toEqual(
      ['achieved', 'limited_progress', 'moving_away', 'needs_acceleration', 'on_track'].sort(),
    );
  });

  it('judges by hand-checked figures: 100 → 121 over 2 years against 133.1 by 2024 is on track', () => {
    // Times are period ends: 2020 → 2021.0, 2022 → 2023.0, target year 2024 → 2025.0. r_obs =
    // (121/100)^(1/2) − 1 = 10.0% a year; r_req = (133.1/100)^(1/4) − 1 = 7.41%; R = 1.35 ≥ 0.95: on track.
    const judge = createStatusJudge({ asOf: '2023-06-30' });
    const layout = judge.layout(['2020', '2021', '2022']);
    expect(Array.from(layout.index)).toEqual([0, 1, 2]);
    expect(Array.from(layout.times)).toEqual([2021, 2022, 2023]);
    expect(judge.status({ comparator: '>=', value: 133.1, year: 2024 }, layout, [100, 110, 121])).toBe(
      'on_track',
    );
    // Values moving down against a ≥ target: R < 0, moving away; the latest meeting it: achieved.
    expect(judge.status({ comparator: '>=', value: 133.1, year: 2024 }, layout, [100, 95, 90])).toBe(
      'moving_away',
    );
    expect(judge.status({ comparator: '>=', value: 120, year: 2024 }, layout, [100, 110, 121])).toBe(
      'achieved',
    );
  });

  it('lays out a series once per list of periods: the latest seasonality, ended periods, oldest first', () => {
    const judge = createStatusJudge({ asOf: '2025-10-31' });
    // 2025Q3-YTD is the latest; its series is the Q3-YTD values, whatever order they are given in.
    const layout = judge.layout(['2024', '2025Q3-YTD', '2023Q3-YTD', '2024Q3-YTD', '2025', 'x']);
    expect(Array.from(layout.index)).toEqual([2, 3, 1]);
    expect(layout.seasonality).toMatchObject({ kind: 'quarter', index: 3, ytd: true });
    expect(layout.orderSensitive).toBe(false);
    expect(judge.layout([]).index.length).toBe(0);
    // Two spellings of one period: the one given last counts, so the order matters.
    const twice = judge.layout(['2023Q3-YTD', '2024Q3-YTD', '2023-Q3-YTD']);
    expect(twice.orderSensitive).toBe(true);
    expect(Array.from(twice.index)).toEqual([2, 1]);
  });
});
