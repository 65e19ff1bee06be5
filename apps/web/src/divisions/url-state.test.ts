import { describe, expect, it } from 'vitest';
import { readDivisionsUrlState, writeDivisionsUrlState } from './url-state';

describe('divisions URL state', () => {
  it('round-trips a full state', () => {
    const state = { group: 'mountain_island', asOf: '2025-06-01', city: '330300', county: '330327' };
    const search = writeDivisionsUrlState(state).toString();
    expect(search).toBe('group=mountain_island&asOf=2025-06-01&city=330300&county=330327');
    expect(readDivisionsUrlState(`?${search}`)).toEqual(state);
  });

  it('omits empty parts and drops malformed values', () => {
    expect(
      writeDivisionsUrlState({ group: null, asOf: '2025-01-01', city: null, county: null }).toString(),
    ).toBe('asOf=2025-01-01');
    expect(readDivisionsUrlState('?group=a%20b&asOf=2025-02-30&city=33&county=x')).toEqual({
      group: null,
      asOf: null,
      city: null,
      county: null,
    });
  });
});
