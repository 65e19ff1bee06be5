import { describe, expect, it } from 'vitest';
import { readOverviewUrlState, writeOverviewUrlState } from './url-state';

describe('总览 url state', () => {
  it('round-trips plan, domain and unit', () => {
    const state = { plan: 'zj-2025-sancha', domain: 'gap_regional', unit: '330800' };
    expect(readOverviewUrlState(`?${writeOverviewUrlState(state).toString()}`)).toEqual(state);
    expect(writeOverviewUrlState({ plan: null, domain: null, unit: null }).toString()).toBe('');
  });

  it('drops malformed values', () => {
    expect(readOverviewUrlState('?plan=<script>&domain=Gap&unit=33')).toEqual({
      plan: null,
      domain: null,
      unit: null,
    });
  });
});
