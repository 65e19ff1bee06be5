/** Value rules of run inputs (pure): which observation wins, derived ratios, last-period lookups, fingerprints. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parsePeriod, type Period } from '@suocha/core';
import type { IndexObservation, RunInput, ScopedUnit } from '@suocha/store';
import { gatherInputs, ObservationLookup } from './inputs';
import { dataFingerprint } from './run';

let nextId = 1;
const o = (
  indicatorCode: string,
  unitCode: string,
  period: string,
  value: number,
  synthetic = false,
): IndexObservation => ({
  id: nextId++,
  indicatorCode,
  unitCode,
  period,
  periodEnd: '',
  value,
  version: 1,
  synthetic,
});
const county = (code: string): ScopedUnit => ({
  code,
  name: code,
  level: 'county',
  parentCode: '330100',
  validFrom: null,
  validTo: null,
  provinceCode: '330000',
});
const period = (s: string): Period => {
  const p = parsePeriod(s);
  if (!p.ok) throw new Error(s);
  return p.value;
};
const RATIO = 'resident_income_province_ratio';

describe('ObservationLookup.cell', () => {
  const u = county('330102');
  it('prefers a stored real value, then a real derivation, then synthetic stored, then synthetic derived', () => {
    const province = o('resident_income', '330000', '2025', 50000);
    const own = o('resident_income', '330102', '2025', 60000);
    const real = new ObservationLookup([o(RATIO, '330102', '2025', 111), own, province]);
    expect(real.cell(RATIO, u, '2025')).toMatchObject({ value: 111, derived: false, synthetic: false });

    const derivedReal = new ObservationLookup([o(RATIO, '330102', '2025', 99, true), own, province]);
    expect(derivedReal.cell(RATIO, u, '2025')).toMatchObject({ value: 120, derived: true, synthetic: false });
    expect(derivedReal.cell(RATIO, u, '2025')?.sources).toEqual([own, province]);

    const synthOwn = o('resident_income', '330102', '2025', 70000, true);
    const bothSynthetic = new ObservationLookup([o(RATIO, '330102', '2025', 99, true), synthOwn, province]);
    expect(bothSynthetic.cell(RATIO, u, '2025')).toMatchObject({
      value: 99,
      derived: false,
      synthetic: true,
    });

    const onlyDerived = new ObservationLookup([synthOwn, province]);
    expect(onlyDerived.cell(RATIO, u, '2025')).toMatchObject({ value: 140, derived: true, synthetic: true });
  });
  it('derives nothing without both parts, from a zero province value, or for the province itself', () => {
    const own = o('resident_income', '330102', '2025', 60000);
    expect(new ObservationLookup([own]).cell(RATIO, u, '2025')).toBeUndefined();
    expect(
      new ObservationLookup([own, o('resident_income', '330000', '2025', 0)]).cell(RATIO, u, '2025'),
    ).toBeUndefined();
    const zj = { ...county('330000'), level: 'province' as const };
    expect(
      new ObservationLookup([o('resident_income', '330000', '2025', 5)]).cell(RATIO, zj, '2025'),
    ).toBeUndefined();
    // Other periods do not mix: the province value must be of the same period.
    expect(
      new ObservationLookup([own, o('resident_income', '330000', '2024', 50000)]).cell(RATIO, u, '2025'),
    ).toBeUndefined();
  });
});

describe('earlierComparable', () => {
  it('lists earlier periods of the same seasonality, latest first', () => {
    const lookup = new ObservationLookup(
      ['2022', '2024', '2025', '2026', '2024Q3-YTD', '2023Q3-YTD', '2024Q3', '2025-01'].map((p) =>
        o('x', 'u', p, 1),
      ),
    );
    expect(lookup.earlierComparable(period('2025'))).toEqual(['2024', '2022']);
    expect(lookup.earlierComparable(period('2025Q3-YTD'))).toEqual(['2024Q3-YTD', '2023Q3-YTD']);
  });
});

describe('gatherInputs', () => {
  it('fills the last period only for flagged, missing cells, and records each observation once per use', () => {
    const units = [county('a'), county('b')];
    const obs = [
      o('x', 'a', '2025', 1),
      o('x', 'b', '2023', 7),
      o('y', 'a', '2024', 5),
      o('y', 'b', '2025', 2),
      o('resident_income', 'a', '2025', 30),
      o('resident_income', 'b', '2025', 60),
      o('resident_income', '330000', '2025', 60),
    ];
    const g = gatherInputs(
      new ObservationLookup(obs),
      units,
      ['x', 'y', RATIO],
      [true, false, false],
      period('2025'),
    );
    const N = Number.NaN;
    expect(Array.from(g.values)).toEqual([1, N, 50, N, 2, 100]);
    // x of b comes from 2023 (the latest earlier year with a value); y is not imputed by last period.
    expect(Array.from(g.previous ?? [])).toEqual([N, N, N, 7, N, N]);
    const key = (x: RunInput) => `${x.indicatorCode}/${x.unitCode}/${x.period}/${x.role}/${x.usedFor}`;
    expect(g.inputs.map(key).sort()).toEqual(
      [
        'x/a/2025/value/x',
        'x/b/2023/last_period/x',
        'y/b/2025/value/y',
        `resident_income/a/2025/value/${RATIO}`,
        `resident_income/330000/2025/value/${RATIO}`,
        `resident_income/b/2025/value/${RATIO}`,
      ].sort(),
    );
    expect(g.derivedCount).toEqual([0, 0, 2]);
    expect(g.syntheticUnits.size).toBe(0);
  });
  it('builds no previous matrix when no indicator is imputed by last period', () => {
    const g = gatherInputs(
      new ObservationLookup([o('x', 'a', '2025', 1, true)]),
      [county('a')],
      ['x'],
      [false],
      period('2025'),
    );
    expect(g.previous).toBeUndefined();
    expect([...g.syntheticUnits]).toEqual(['a']);
  });
});

describe('dataFingerprint', () => {
  const input = fc.record({
    observationId: fc.nat(),
    indicatorCode: fc.constantFrom('a', 'b', 'c'),
    unitCode: fc.constantFrom('330102', '330824'),
    period: fc.constantFrom('2024', '2025'),
    version: fc.integer({ min: 1, max: 5 }),
    value: fc.double({ noNaN: true, noDefaultInfinity: true }),
    synthetic: fc.boolean(),
    role: fc.constantFrom('value' as const, 'last_period' as const),
    usedFor: fc.constantFrom('a', 'b', 'c'),
  });
  it('does not depend on order or repetition', () => {
    const arb = fc
      .array(input, { minLength: 1, maxLength: 20 })
      .chain((xs) =>
        fc.tuple(
          fc.constant(xs),
          fc.shuffledSubarray(xs, { minLength: xs.length, maxLength: xs.length }),
          fc.nat(),
        ),
      );
    fc.assert(
      fc.property(arb, ([xs, shuffled, k]) => {
        expect(dataFingerprint(shuffled)).toBe(dataFingerprint(xs));
        expect(dataFingerprint([...xs, xs[k % xs.length]!])).toBe(dataFingerprint(xs));
      }),
    );
  });
  it('changes when a version or a value changes', () => {
    fc.assert(
      fc.property(fc.array(input, { minLength: 1, maxLength: 20 }), fc.nat(), (xs, k) => {
        const i = k % xs.length;
        const x = xs[i]!;
        // Only meaningful when no other input has the same key (its line would still be there).
        fc.pre(
          xs.filter(
            (y) => y.indicatorCode === x.indicatorCode && y.unitCode === x.unitCode && y.period === x.period,
          ).length === 1,
        );
        const bumped = xs.map((y, j) => (j === i ? { ...y, version: y.version + 10 } : y));
        const changed = xs.map((y, j) => (j === i ? { ...y, value: y.value === 0 ? 1 : -y.value } : y));
        expect(dataFingerprint(bumped)).not.toBe(dataFingerprint(xs));
        expect(dataFingerprint(changed)).not.toBe(dataFingerprint(xs));
      }),
    );
  });
});
