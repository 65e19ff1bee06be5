import { describe, expect, it } from 'vitest';
import { DEFAULT_SORT } from './league-model';
import { readEvaluationUrlState, readRunParam, writeEvaluationUrlState } from './url-state';

describe('evaluation URL state', () => {
  it('round-trips a full state', () => {
    const state = {
      run: 12,
      city: '330800',
      group: 'mountain_island' as const,
      sort: { key: 'domain:fumin' as const, dir: 'desc' as const },
    };
    const search = writeEvaluationUrlState(state).toString();
    expect(search).toBe('run=12&city=330800&group=mountain_island&sort=domain%3Afumin&dir=desc');
    expect(readEvaluationUrlState(`?${search}`)).toEqual(state);
  });

  it('leaves defaults out of the link', () => {
    expect(
      writeEvaluationUrlState({ run: null, city: null, group: 'all', sort: DEFAULT_SORT }).toString(),
    ).toBe('');
    expect(readEvaluationUrlState('')).toEqual({ run: null, city: null, group: 'all', sort: DEFAULT_SORT });
  });

  it('drops malformed values', () => {
    expect(readEvaluationUrlState('?run=0&city=33&group=rich&sort=drop table&dir=up')).toEqual({
      run: null,
      city: null,
      group: 'all',
      sort: DEFAULT_SORT,
    });
    expect(readEvaluationUrlState('?run=-3').run).toBeNull();
    expect(readEvaluationUrlState('?run=1e3').run).toBeNull();
    expect(readEvaluationUrlState('?sort=score').sort).toEqual({ key: 'score', dir: 'asc' });
  });

  it('reads the run of a health-check link', () => {
    expect(readRunParam('?run=7')).toBe(7);
    expect(readRunParam('?run=x')).toBeNull();
    expect(readRunParam('')).toBeNull();
  });
});
