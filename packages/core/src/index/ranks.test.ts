import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ranksWithinGroups } from './group-ranks';
import { rankChange } from './rank-change';
import { competitionRanks, leaderOf, RankWorkspace } from './ranks';

const N = Number.NaN;

describe('competition ranks', () => {
  it('ranks 1 = best with ties sharing the lower number ("1224")', () => {
    expect(Array.from(competitionRanks(Float64Array.of(90, 80, 80, 70)))).toEqual([1, 2, 2, 4]);
    expect(Array.from(competitionRanks(Float64Array.of(5, 9, 9, 9, 1)))).toEqual([4, 1, 1, 1, 5]);
  });
  it('leaves out units without a score or not eligible, ranking the rest among themselves', () => {
    const r = competitionRanks(Float64Array.of(50, N, 70, 90, 60), Uint8Array.of(1, 1, 1, 0, 1));
    expect(Array.from(r)).toEqual([3, 0, 1, 0, 2]);
    expect(leaderOf(r)).toBe(2);
    expect(leaderOf(Int32Array.of(0, 0))).toBe(-1);
  });
  it('treats scores within 1e-9 as ties', () => {
    expect(Array.from(competitionRanks(Float64Array.of(0.1 + 0.2, 0.3, 0.2)))).toEqual([1, 1, 3]);
  });
  it('equals 1 + the number of strictly better units, and is permutation-consistent', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 20 }), { minLength: 1, maxLength: 40 }),
        fc.integer(),
        (xs, seed) => {
          const s = Float64Array.from(xs);
          const r = competitionRanks(s);
          xs.forEach((v, i) => expect(r[i]).toBe(1 + xs.filter((w) => w > v).length));
          // Permute the units: each unit keeps its rank.
          const order = xs
            .map((_, i) => i)
            .sort((a, b) => ((a * 7919 + seed) % 101) - ((b * 7919 + seed) % 101) || a - b);
          const rp = competitionRanks(Float64Array.from(order, (i) => s[i]!));
          order.forEach((i, k) => expect(rp[k]).toBe(r[i]));
        },
      ),
    );
  });
  it('a reused workspace ranks successive score vectors, including NaN, infinities and near-equal keys', () => {
    const ws = new RankWorkspace(4, Uint8Array.of(1, 0, 1, 1));
    const out = new Int32Array(4);
    ws.rank(Float64Array.of(1, 3, 2, N), out);
    expect(Array.from(out)).toEqual([2, 0, 1, 0]);
    ws.rank(Float64Array.of(Infinity, 0, -Infinity, -0), out);
    expect(Array.from(out)).toEqual([1, 0, 3, 2]);
    // Gaps of 1.5e-9 (beyond the tolerance) keep three distinct ranks; gaps of 5e-10 and 1e-13 (the latter
    // near the precision of the packed keys) are ties.
    ws.rank(Float64Array.of(50 + 3e-9, 0, 50, 50 + 1.5e-9), out);
    expect(Array.from(out)).toEqual([1, 0, 3, 2]);
    ws.rank(Float64Array.of(50 + 5e-10, 0, 50, 50 + 1e-13), out);
    expect(Array.from(out)).toEqual([1, 0, 1, 1]);
  });
  it('agrees with counting strictly better units on arbitrary doubles, reused across calls', () => {
    const ws = new RankWorkspace(30);
    const out = new Int32Array(30);
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.double({ noNaN: false }), fc.constantFrom(0, 1, 1 + 1e-12)), {
          minLength: 30,
          maxLength: 30,
        }),
        (xs) => {
          ws.rank(Float64Array.from(xs), out);
          xs.forEach((v, i) => {
            if (Number.isNaN(v)) expect(out[i]).toBe(0);
            else expect(out[i]).toBe(1 + xs.filter((w) => w > v + 1e-9).length);
          });
        },
      ),
    );
  });
});

describe('ranks within groups', () => {
  it('ranks each group separately; units without a group get 0', () => {
    const s = Float64Array.of(10, 20, 30, 40, 50, 45);
    const g = ['a', 'b', 'a', undefined, 'b', 'b'];
    expect(Array.from(ranksWithinGroups(s, g))).toEqual([2, 3, 1, 0, 1, 2]);
    expect(Array.from(ranksWithinGroups(s, g, Uint8Array.of(1, 1, 1, 1, 0, 1)))).toEqual([2, 2, 1, 0, 0, 1]);
  });
});

describe('rank change', () => {
  it('is previous − current (positive = moved up), NaN when unknown', () => {
    const prev = new Map([
      ['a', 3],
      ['b', 1],
      ['c', 2],
    ]);
    const r = rankChange(['a', 'b', 'c', 'd'], Int32Array.of(1, 2, 0, 3), prev);
    expect(Array.from(r)).toEqual([2, -1, N, N]);
  });
});
