import type { LeagueRow } from '../api/types';

/** Columns the league table sorts by; `domain:<code>` sorts by one domain's score. */
export type SortKey =
  'rank' | 'change' | 'name' | 'city' | 'score' | 'coverage' | 'interval' | `domain:${string}`;
export type SortDir = 'asc' | 'desc';
export interface SortState {
  readonly key: SortKey;
  readonly dir: SortDir;
}

/** 山区海岛县 (membership on the run's as-of date), the other counties, or all. */
export type GroupFilter = 'all' | 'mountain_island' | 'other';

export interface LeagueFilter {
  readonly city: string | null;
  readonly group: GroupFilter;
}

export const DEFAULT_SORT: SortState = { key: 'rank', dir: 'asc' };

const DOMAIN_KEY = /^domain:[A-Za-z0-9_.-]{1,64}$/;
const FIXED_KEYS: readonly string[] = ['rank', 'change', 'name', 'city', 'score', 'coverage', 'interval'];

export function isSortKey(value: string): value is SortKey {
  return FIXED_KEYS.includes(value) || DOMAIN_KEY.test(value);
}

/**
 * The direction a first click sorts in: the best first (rank 1, highest score, largest rise), names in
 * collation order.
 */
export function defaultDir(key: SortKey): SortDir {
  return key === 'rank' || key === 'name' || key === 'city' || key === 'interval' ? 'asc' : 'desc';
}

/** Clicking a column: a new column sorts in its default direction, the same column reverses. */
export function nextSort(current: SortState, clicked: SortKey): SortState {
  if (current.key !== clicked) return { key: clicked, dir: defaultDir(clicked) };
  return { key: clicked, dir: current.dir === 'asc' ? 'desc' : 'asc' };
}

const collator = new Intl.Collator('zh-CN');

function sortValue(row: LeagueRow, key: SortKey): number | string | null {
  switch (key) {
    case 'rank':
      return row.rank;
    case 'change':
      return row.rankChange;
    case 'name':
      return row.name;
    case 'city':
      return row.parentName;
    case 'score':
      return row.score;
    case 'coverage':
      return row.coverage;
    case 'interval':
      return row.rankInterval?.p5 ?? null;
    default:
      return row.domainScores[key.slice('domain:'.length)] ?? null;
  }
}

function compareValues(a: number | string, b: number | string): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return collator.compare(String(a), String(b));
}

/**
 * Rows sorted by one column. Missing values (unranked, no score, no previous rank) always come last,
 * whichever the direction, so that sorting never puts a county without data at the top; ties keep the
 * league order (rank, then the order the server gave).
 */
export function sortRows(rows: readonly LeagueRow[], sort: SortState): LeagueRow[] {
  const sign = sort.dir === 'asc' ? 1 : -1;
  const order = new Map(rows.map((row, i) => [row.unitCode, i]));
  return [...rows].sort((x, y) => {
    const a = sortValue(x, sort.key);
    const b = sortValue(y, sort.key);
    if (a === null && b !== null) return 1;
    if (b === null && a !== null) return -1;
    const byValue = a === null || b === null ? 0 : sign * compareValues(a, b);
    return byValue || (order.get(x.unitCode) ?? 0) - (order.get(y.unitCode) ?? 0);
  });
}

/** Rows of one city and/or one group. */
export function filterRows(rows: readonly LeagueRow[], filter: LeagueFilter): LeagueRow[] {
  return rows.filter(
    (row) =>
      (filter.city === null || row.parentCode === filter.city) &&
      (filter.group === 'all' || row.mountainIsland === (filter.group === 'mountain_island')),
  );
}

/** The cities (parents) of the rows, by code, for the city filter. */
export function citiesOf(rows: readonly LeagueRow[]): { readonly code: string; readonly name: string }[] {
  const cities = new Map<string, string>();
  for (const row of rows)
    if (row.parentCode !== null) cities.set(row.parentCode, row.parentName ?? row.parentCode);
  return [...cities]
    .map(([code, name]) => ({ code, name }))
    .sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
}
