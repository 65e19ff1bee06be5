import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { LeagueRow } from '../api/types';
import {
  DEFAULT_SORT,
  citiesOf,
  defaultDir,
  filterRows,
  isSortKey,
  nextSort,
  sortRows,
} from './league-model';
import type { SortKey } from './league-model';
import { leagueRow } from './test-rows';

// Four real counties (codes and cities from data/divisions_zhejiang.csv) with made-up test scores.
const rows: LeagueRow[] = [
  leagueRow({
    unitCode: '330726',
    name: '浦江县',
    parentName: '金华市',
    score: 93.5,
    rank: 1,
    rankChange: 1,
    domainScores: { fumin: 88 },
    rankInterval: { p5: 1, median: 1, p95: 1 },
  }),
  leagueRow({
    unitCode: '330822',
    name: '常山县',
    parentName: '衢州市',
    mountainIsland: true,
    score: 60.2,
    rank: 2,
    rankChange: -3,
    domainScores: { fumin: 42.7 },
    rankInterval: { p5: 2, median: 2, p95: 3 },
  }),
  leagueRow({
    unitCode: '330127',
    name: '淳安县',
    parentName: '杭州市',
    mountainIsland: true,
    score: 55,
    rank: 3,
    rankChange: null,
    domainScores: { fumin: null },
    rankInterval: { p5: 2, median: 3, p95: 3 },
    coverage: 0.9,
  }),
  leagueRow({
    unitCode: '331127',
    name: '景宁畲族自治县',
    parentName: '丽水市',
    mountainIsland: true,
    score: 66.5,
    rank: null,
    belowCoverage: true,
    coverage: 0.5625,
    domainScores: { fumin: 70 },
  }),
];

const names = (list: readonly LeagueRow[]) => list.map((r) => r.name);

describe('sortRows', () => {
  it('sorts by rank with unranked counties last in both directions', () => {
    expect(names(sortRows(rows, { key: 'rank', dir: 'asc' }))).toEqual([
      '浦江县',
      '常山县',
      '淳安县',
      '景宁畲族自治县',
    ]);
    expect(names(sortRows(rows, { key: 'rank', dir: 'desc' }))).toEqual([
      '淳安县',
      '常山县',
      '浦江县',
      '景宁畲族自治县',
    ]);
  });

  it('sorts by score, including scored but unranked counties', () => {
    expect(names(sortRows(rows, { key: 'score', dir: 'desc' }))).toEqual([
      '浦江县',
      '景宁畲族自治县',
      '常山县',
      '淳安县',
    ]);
  });

  it('sorts by a domain score and by rank change, missing values last', () => {
    expect(names(sortRows(rows, { key: 'domain:fumin', dir: 'asc' }))).toEqual([
      '常山县',
      '景宁畲族自治县',
      '浦江县',
      '淳安县',
    ]);
    expect(names(sortRows(rows, { key: 'change', dir: 'desc' }))).toEqual([
      '浦江县',
      '常山县',
      '淳安县',
      '景宁畲族自治县',
    ]);
  });

  it('sorts names and cities by Chinese collation (pinyin)', () => {
    // chang < chun < jing < pu
    expect(names(sortRows(rows, { key: 'name', dir: 'asc' }))).toEqual([
      '常山县',
      '淳安县',
      '景宁畲族自治县',
      '浦江县',
    ]);
    // hang(州) < jin(华) < li(水) < qu(州)
    expect(sortRows(rows, { key: 'city', dir: 'asc' }).map((r) => r.parentName)).toEqual([
      '杭州市',
      '金华市',
      '丽水市',
      '衢州市',
    ]);
  });

  it('breaks ties by the league order and does not touch its input', () => {
    const before = names(rows);
    const tied = sortRows(rows, { key: 'interval', dir: 'asc' });
    expect(names(tied)).toEqual(['浦江县', '常山县', '淳安县', '景宁畲族自治县']);
    expect(names(rows)).toEqual(before);
  });

  it('is a permutation with non-missing values ordered and missing ones last (property)', () => {
    const score = fc.option(fc.double({ min: 0, max: 100, noNaN: true }), { nil: null });
    fc.assert(
      fc.property(fc.array(score, { maxLength: 40 }), fc.boolean(), (scores, asc) => {
        const input = scores.map((s, i) =>
          leagueRow({ unitCode: String(330100 + i), name: `县${i}`, score: s }),
        );
        const out = sortRows(input, { key: 'score', dir: asc ? 'asc' : 'desc' });
        expect(out.map((r) => r.unitCode).sort()).toEqual(input.map((r) => r.unitCode).sort());
        const values = out.map((r) => r.score);
        const firstNull = values.indexOf(null);
        const present = firstNull === -1 ? values : values.slice(0, firstNull);
        if (firstNull !== -1) expect(values.slice(firstNull).every((v) => v === null)).toBe(true);
        for (let i = 1; i < present.length; i++) {
          const [a, b] = [present[i - 1] ?? 0, present[i] ?? 0];
          expect(asc ? a <= b : a >= b).toBe(true);
        }
      }),
    );
  });
});

describe('filterRows and citiesOf', () => {
  it('filters by city and by group', () => {
    expect(names(filterRows(rows, { city: '330800', group: 'all' }))).toEqual(['常山县']);
    expect(names(filterRows(rows, { city: null, group: 'mountain_island' }))).toEqual([
      '常山县',
      '淳安县',
      '景宁畲族自治县',
    ]);
    expect(names(filterRows(rows, { city: null, group: 'other' }))).toEqual(['浦江县']);
    expect(filterRows(rows, { city: '330700', group: 'mountain_island' })).toEqual([]);
    expect(filterRows(rows, { city: null, group: 'all' })).toHaveLength(4);
  });

  it('lists the cities of the rows once each, by code', () => {
    expect(citiesOf([...rows, rows[1]!])).toEqual([
      { code: '330100', name: '杭州市' },
      { code: '330700', name: '金华市' },
      { code: '330800', name: '衢州市' },
      { code: '331100', name: '丽水市' },
    ]);
  });
});

describe('sort state', () => {
  it('sorts a new column best-first and reverses on a second click', () => {
    expect(DEFAULT_SORT).toEqual({ key: 'rank', dir: 'asc' });
    expect(nextSort(DEFAULT_SORT, 'score')).toEqual({ key: 'score', dir: 'desc' });
    expect(nextSort({ key: 'score', dir: 'desc' }, 'score')).toEqual({ key: 'score', dir: 'asc' });
    expect(nextSort({ key: 'score', dir: 'asc' }, 'name')).toEqual({ key: 'name', dir: 'asc' });
    const keys: SortKey[] = ['rank', 'name', 'city', 'interval'];
    expect(keys.map(defaultDir)).toEqual(['asc', 'asc', 'asc', 'asc']);
    expect((['score', 'coverage', 'change', 'domain:fumin'] as SortKey[]).map(defaultDir)).toEqual([
      'desc',
      'desc',
      'desc',
      'desc',
    ]);
  });

  it('accepts only known sort keys', () => {
    expect(isSortKey('score')).toBe(true);
    expect(isSortKey('domain:qiangcheng')).toBe(true);
    expect(isSortKey('domain:')).toBe(false);
    expect(isSortKey('domain:<script>')).toBe(false);
    expect(isSortKey('population')).toBe(false);
  });
});
