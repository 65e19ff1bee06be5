import { isIsoDate } from './dates';

/** The divisions page state that is kept in the query string so a view can be shared as a link. */
export interface DivisionsUrlState {
  readonly group: string | null;
  readonly asOf: string | null;
  readonly city: string | null;
  readonly county: string | null;
}

const CODE = /^\d{6,12}$/;
const GROUP = /^[A-Za-z0-9_-]{1,64}$/;

/** Reads the state, dropping malformed values rather than sending them to the server. */
export function readDivisionsUrlState(search: string): DivisionsUrlState {
  const params = new URLSearchParams(search);
  const pick = (name: string, valid: (v: string) => boolean) => {
    const value = params.get(name);
    return value !== null && valid(value) ? value : null;
  };
  return {
    group: pick('group', (v) => GROUP.test(v)),
    asOf: pick('asOf', isIsoDate),
    city: pick('city', (v) => CODE.test(v)),
    county: pick('county', (v) => CODE.test(v)),
  };
}

export function writeDivisionsUrlState(state: DivisionsUrlState): URLSearchParams {
  const params = new URLSearchParams();
  for (const key of ['group', 'asOf', 'city', 'county'] as const) {
    const value = state[key];
    if (value !== null) params.set(key, value);
  }
  return params;
}
