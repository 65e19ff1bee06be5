import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { targetStatus } from './target-status';
import type { Comparator, ObservationInput, ProgressStatus, TargetSpec } from './types';

const AS_OF = '2100-01-01';

/** Annual series of 1–8 values in consecutive years from `start`. */
const seriesArb = (min: number, max: number) =>
  fc.record({
    start: fc.integer({ min: 2000, max: 2030 }),
    values: fc.array(fc.integer({ min, max }), { minLength: 1, maxLength: 8 }),
  });

const toObs = (start: number, values: readonly number[]): ObservationInput[] =>
  values.map((value, i) => ({ period: String(start + i), value }));

const inequality = fc.constantFrom<Comparator>('>=', '>', '<=', '<');

const RANK: Record<ProgressStatus, number> = {
  no_data: -1,
  moving_away: 0,
  limited_progress: 1,
  needs_acceleration: 2,
  on_track: 3,
  achieved: 4,
};

describe('targetStatus properties', () => {
  it('is invariant to the unit of measure (all values and the target scaled by c > 0)', () => {
    fc.assert(
      fc.property(
        seriesArb(1, 1000),
        fc.integer({ min: 1, max: 1000 }),
        inequality,
        fc.integer({ min: 0, max: 12 }),
        fc.double({ min: 1e-3, max: 1e4, noNaN: true }),
        fc.boolean(),
        ({ start, values }, targetValue, comparator, ahead, c, linear) => {
          const year = start + values.length - 1 + ahead;
          const a = targetStatus({ comparator, value: targetValue, year }, toObs(start, values), {
            asOf: AS_OF,
            linear,
          });
          const b = targetStatus(
            { comparator, value: targetValue * c, year },
            toObs(
              start,
              values.map((v) => v * c),
            ),
            { asOf: AS_OF, linear },
          );
          expect(b.status).toBe(a.status);
          expect(b.reason).toBe(a.reason);
          if (a.ratio !== null) expect(b.ratio).toBeCloseTo(a.ratio, 6);
        },
      ),
    );
  });

  it('is invariant to shifting every year by the same amount', () => {
    fc.assert(
      fc.property(
        seriesArb(1, 1000),
        fc.integer({ min: 1, max: 1000 }),
        inequality,
        fc.integer({ min: 0, max: 12 }),
        fc.integer({ min: -20, max: 20 }),
        ({ start, values }, value, comparator, ahead, k) => {
          const year = start + values.length - 1 + ahead;
          const a = targetStatus({ comparator, value, year }, toObs(start, values), { asOf: AS_OF });
          const b = targetStatus({ comparator, value, year: year + k }, toObs(start + k, values), {
            asOf: AS_OF,
          });
          expect(b.status).toBe(a.status);
        },
      ),
    );
  });

  it('a series whose latest value reaches the target is achieved, never moving away', () => {
    fc.assert(
      fc.property(seriesArb(1, 1000), inequality, ({ start, values }, comparator) => {
        const last = values[values.length - 1] ?? 1;
        const value =
          comparator === '>=' || comparator === '<=' ? last : comparator === '>' ? last - 1 : last + 1;
        const r = targetStatus({ comparator, value, year: start + values.length + 3 }, toObs(start, values), {
          asOf: AS_OF,
        });
        expect(r.status).toBe('achieved');
      }),
    );
  });

  it('a series that moves strictly towards the target from below is never moving away', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2000, max: 2030 }),
        fc.integer({ min: 1, max: 500 }),
        fc.array(fc.integer({ min: 1, max: 50 }), { minLength: 1, maxLength: 7 }),
        fc.integer({ min: 1, max: 1000 }),
        fc.integer({ min: 0, max: 10 }),
        fc.boolean(),
        (start, first, steps, beyond, ahead, linear) => {
          const values = [first];
          for (const s of steps) values.push((values[values.length - 1] ?? first) + s);
          const target: TargetSpec = {
            comparator: '>=',
            value: first + beyond,
            year: start + steps.length + ahead,
          };
          const r = targetStatus(target, toObs(start, values), { asOf: AS_OF, linear });
          expect(r.status).not.toBe('moving_away');
          expect(r.status).not.toBe('no_data');
        },
      ),
    );
  });

  it('a series that started at or beyond the target and ends short of it is moving away', () => {
    fc.assert(
      fc.property(
        seriesArb(1, 1000),
        fc.constantFrom<Comparator>('>=', '<='),
        fc.integer({ min: 0, max: 12 }),
        fc.boolean(),
        ({ start, values }, comparator, ahead, linear) => {
          const first = values[0] ?? 1;
          const last = values[values.length - 1] ?? 1;
          fc.pre(values.length >= 2 && first !== last);
          // Put the target between the two so that the first meets it and the last does not.
          const value = (first + last) / 2;
          fc.pre(comparator === '>=' ? first > last : first < last);
          const r = targetStatus(
            { comparator, value, year: start + values.length + ahead },
            toObs(start, values),
            {
              asOf: AS_OF,
              linear,
            },
          );
          expect(r.status).toBe('moving_away');
        },
      ),
    );
  });

  it('swapping polarity and negating values gives the same status (linear indicators)', () => {
    const flip: Record<Comparator, Comparator> = { '>=': '<=', '>': '<', '<=': '>=', '<': '>', '=': '=' };
    fc.assert(
      fc.property(
        seriesArb(-500, 500),
        fc.integer({ min: -500, max: 500 }),
        inequality,
        fc.integer({ min: 0, max: 12 }),
        ({ start, values }, value, comparator, ahead) => {
          const year = start + values.length - 1 + ahead;
          const a = targetStatus({ comparator, value, year }, toObs(start, values), {
            asOf: AS_OF,
            linear: true,
          });
          const b = targetStatus(
            { comparator: flip[comparator], value: -value, year },
            toObs(
              start,
              values.map((v) => -v),
            ),
            { asOf: AS_OF, linear: true },
          );
          expect(b.status).toBe(a.status);
          expect(b.polarity).not.toBe(a.polarity);
          if (a.gap !== null) expect(b.gap).toBeCloseTo(a.gap, 9);
        },
      ),
    );
  });

  it('a better latest value never gives a worse status', () => {
    fc.assert(
      fc.property(
        seriesArb(1, 1000),
        fc.integer({ min: 1, max: 200 }),
        fc.integer({ min: 1, max: 1000 }),
        fc.constantFrom<Comparator>('>=', '<='),
        fc.integer({ min: 0, max: 12 }),
        ({ start, values }, better, value, comparator, ahead) => {
          const year = start + values.length - 1 + ahead;
          const last = values[values.length - 1] ?? 1;
          const improved = comparator === '>=' ? last + better : Math.max(1, last - better);
          const a = targetStatus({ comparator, value, year }, toObs(start, values), { asOf: AS_OF });
          const b = targetStatus(
            { comparator, value, year },
            toObs(start, [...values.slice(0, -1), improved]),
            {
              asOf: AS_OF,
            },
          );
          expect(RANK[b.status]).toBeGreaterThanOrEqual(RANK[a.status]);
        },
      ),
    );
  });

  it('observations after the as-of date change nothing', () => {
    fc.assert(
      fc.property(
        seriesArb(1, 1000),
        fc.array(fc.integer({ min: 1, max: 1000 }), { minLength: 1, maxLength: 4 }),
        fc.integer({ min: 1, max: 1000 }),
        inequality,
        ({ start, values }, future, value, comparator) => {
          const asOf = `${start + values.length - 1}-12-31`;
          const target: TargetSpec = { comparator, value, year: start + values.length + 5 };
          const a = targetStatus(target, toObs(start, values), { asOf });
          const b = targetStatus(target, toObs(start, [...values, ...future]), { asOf });
          expect(b).toEqual(a);
        },
      ),
    );
  });
});
