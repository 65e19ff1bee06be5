import { describe, expect, it } from 'vitest';
import { DEFAULT_GAPS_STATE, readGapsUrlState, writeGapsUrlState } from './url-state';
import type { GapsUrlState } from './url-state';

describe('gaps URL state', () => {
  it('reads the defaults from an empty query and writes them as an empty query', () => {
    expect(readGapsUrlState('')).toEqual(DEFAULT_GAPS_STATE);
    expect(writeGapsUrlState(DEFAULT_GAPS_STATE).toString()).toBe('');
  });

  it('round-trips every field', () => {
    const state: GapsUrlState = {
      tab: 'households',
      indicator: 'rural_income',
      scope: '330800',
      level: 'county',
      group: null,
      asOf: '2024-12-31',
      period: '2024Q3-YTD',
    };
    const search = writeGapsUrlState(state).toString();
    expect(search).toBe(
      'tab=households&indicator=rural_income&scope=330800&level=county&group=none&asOf=2024-12-31&period=2024Q3-YTD',
    );
    expect(readGapsUrlState(`?${search}`)).toEqual(state);
  });

  it('drops malformed values instead of sending them to the server', () => {
    expect(
      readGapsUrlState(
        '?tab=x&indicator=DROP%20TABLE&scope=33&level=town&group=%3Cb%3E&asOf=2025-02-30&period=last',
      ),
    ).toEqual(DEFAULT_GAPS_STATE);
    expect(readGapsUrlState('?period=2025-11').period).toBe('2025-11');
    expect(readGapsUrlState('?period=2025H1-YTD').period).toBe('2025H1-YTD');
  });
});
