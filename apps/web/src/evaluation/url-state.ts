import { DEFAULT_SORT, isSortKey } from './league-model';
import type { GroupFilter, SortState } from './league-model';

/** The 县域评价 page state kept in the query string, so that a view can be shared as a link. */
export interface EvaluationUrlState {
  readonly run: number | null;
  readonly city: string | null;
  readonly group: GroupFilter;
  readonly sort: SortState;
}

const CODE = /^\d{6,12}$/;
const RUN_ID = /^[1-9]\d{0,9}$/;

/** Reads the state, dropping malformed values rather than sending them to the server. */
export function readEvaluationUrlState(search: string): EvaluationUrlState {
  const params = new URLSearchParams(search);
  const run = params.get('run');
  const city = params.get('city');
  const group = params.get('group');
  const sort = params.get('sort');
  const dir = params.get('dir');
  return {
    run: run !== null && RUN_ID.test(run) ? Number(run) : null,
    city: city !== null && CODE.test(city) ? city : null,
    group: group === 'mountain_island' || group === 'other' ? group : 'all',
    sort:
      sort !== null && isSortKey(sort) ? { key: sort, dir: dir === 'desc' ? 'desc' : 'asc' } : DEFAULT_SORT,
  };
}

/** The query string of a state; defaults are left out so that plain links stay plain. */
export function writeEvaluationUrlState(state: EvaluationUrlState): URLSearchParams {
  const params = new URLSearchParams();
  if (state.run !== null) params.set('run', String(state.run));
  if (state.city !== null) params.set('city', state.city);
  if (state.group !== 'all') params.set('group', state.group);
  if (state.sort.key !== DEFAULT_SORT.key || state.sort.dir !== DEFAULT_SORT.dir) {
    params.set('sort', state.sort.key);
    params.set('dir', state.sort.dir);
  }
  return params;
}

/** The run a health-check link came from (`?run=7`), or null for the latest run with the county. */
export function readRunParam(search: string): number | null {
  const run = new URLSearchParams(search).get('run');
  return run !== null && RUN_ID.test(run) ? Number(run) : null;
}
