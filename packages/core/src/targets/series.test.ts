import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { periodEndedBy, type Period } from '../period';
import { endedBy, selectSeries } from './series';

const periodArb: fc.Arbitrary<Period> = fc.oneof(
  fc.record({
    kind: fc.constant('year' as const),
    year: fc.integer({ min: 2018, max: 2030 }),
    index: fc.constant(1),
    ytd: fc.constant(false),
  }),
  fc.record({
    kind: fc.constant('half' as const),
    year: fc.integer({ min: 2018, max: 2030 }),
    index: fc.integer({ min: 1, max: 2 }),
    ytd: fc.boolean(),
  }),
  fc.record({
    kind: fc.constant('quarter' as const),
    year: fc.integer({ min: 2018, max: 2030 }),
    index: fc.integer({ min: 1, max: 4 }),
    ytd: fc.boolean(),
  }),
  fc.record({
    kind: fc.constant('month' as const),
    year: fc.integer({ min: 2018, max: 2030 }),
    index: fc.integer({ min: 1, max: 12 }),
    ytd: fc.boolean(),
  }),
);
const dateArb = fc
  .date({ min: new Date('2018-01-01T00:00:00Z'), max: new Date('2031-12-31T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));

describe('endedBy', () => {
  it('agrees with periodEndedBy of period.ts', () => {
    fc.assert(
      fc.property(periodArb, dateArb, (p, asOf) => {
        expect(endedBy(asOf)(p)).toBe(periodEndedBy(p, asOf));
      }),
    );
  });
  it('agrees on month ends, leap days included, and on odd as-of strings', () => {
    const feb: Period = { kind: 'month', year: 2024, index: 2, ytd: false };
    expect(endedBy('2024-02-28')(feb)).toBe(false);
    expect(endedBy('2024-02-29')(feb)).toBe(true);
    expect(endedBy('2025')(feb)).toBe(periodEndedBy(feb, '2025'));
  });
});

describe('selectSeries', () => {
  it('keeps one value per period (the last given), oldest first', () => {
    const r = selectSeries(
      [
        { period: '2023', value: 2 },
        { period: '2021', value: 1 },
        { period: '2023', value: 3 },
      ],
      '2030-01-01',
    );
    expect(r.points.map((p) => [p.period, p.value])).toEqual([
      ['2021', 1],
      ['2023', 3],
    ]);
    expect(r.caveats).toEqual(['DUPLICATE_PERIODS']);
  });
  it('canonicalises the seeds’ spellings', () => {
    const r = selectSeries([{ period: '2025-Q3-YTD', value: 1.73 }], '2025-12-15');
    expect(r.points).toEqual([{ period: '2025Q3-YTD', time: 2025.75, value: 1.73 }]);
  });
});
