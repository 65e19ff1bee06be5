import { isIsoDate } from '../divisions/dates';

export type GapsTab = 'regional' | 'households';
/** Level compared: the cities of the province, or its counties (or a city's counties). */
export type RegionalLevel = 'city' | 'county';

/** The 三大差距 page state kept in the query string, so that a view can be shared as a link. */
export interface GapsUrlState {
  readonly tab: GapsTab;
  readonly indicator: string;
  /** Unit whose cities or counties are compared; null: the user's own scope. */
  readonly scope: string | null;
  readonly level: RegionalLevel;
  /** Group outlined and decomposed by (county level); null: none. */
  readonly group: string | null;
  /** Units and memberships in force on this date; null: the period's end (the server's default). */
  readonly asOf: string | null;
  /** Period compared; null: the one with the most units having a value (the server's default). */
  readonly period: string | null;
}

export const DEFAULT_INDICATOR = 'resident_income';
export const DEFAULT_GROUP = 'mountain_island';
/** Written in the URL for "no group", since an absent `group` means the default group. */
const NO_GROUP = 'none';

export const DEFAULT_GAPS_STATE: GapsUrlState = {
  tab: 'regional',
  indicator: DEFAULT_INDICATOR,
  scope: null,
  level: 'city',
  group: DEFAULT_GROUP,
  asOf: null,
  period: null,
};

const CODE = /^\d{6,12}$/;
const SLUG = /^[a-z][a-z0-9_]{0,99}$/;
// The server parses periods (2025, 2025H1, 2025Q3, 2025-11, with -YTD); this only keeps junk out of URLs.
const PERIOD = /^\d{4}(-\d{2}|H[12]|Q[1-4])?(-YTD)?$/;

/** Reads the state, dropping malformed values rather than sending them to the server. */
export function readGapsUrlState(search: string): GapsUrlState {
  const params = new URLSearchParams(search);
  const pick = (name: string, valid: (v: string) => boolean): string | null => {
    const value = params.get(name);
    return value !== null && valid(value) ? value : null;
  };
  const group = params.get('group');
  return {
    tab: params.get('tab') === 'households' ? 'households' : 'regional',
    indicator: pick('indicator', (v) => SLUG.test(v)) ?? DEFAULT_INDICATOR,
    scope: pick('scope', (v) => CODE.test(v)),
    level: params.get('level') === 'county' ? 'county' : 'city',
    group: group === NO_GROUP ? null : group !== null && SLUG.test(group) ? group : DEFAULT_GROUP,
    asOf: pick('asOf', isIsoDate),
    period: pick('period', (v) => PERIOD.test(v)),
  };
}

/** The query string of a state; defaults are left out so that plain links stay plain. */
export function writeGapsUrlState(state: GapsUrlState): URLSearchParams {
  const params = new URLSearchParams();
  if (state.tab !== 'regional') params.set('tab', state.tab);
  if (state.indicator !== DEFAULT_INDICATOR) params.set('indicator', state.indicator);
  if (state.scope !== null) params.set('scope', state.scope);
  if (state.level !== 'city') params.set('level', state.level);
  if (state.group !== DEFAULT_GROUP) params.set('group', state.group ?? NO_GROUP);
  if (state.asOf !== null) params.set('asOf', state.asOf);
  if (state.period !== null) params.set('period', state.period);
  return params;
}
