import { describe, expect, it } from 'vitest';
import { matchPage } from '../router/routes';
import { choicePath, formPagePath, parseFormParam, readChoice } from './form-path';

describe('formPagePath / parseFormParam', () => {
  it('builds a path the router matches as the form sub-page, and reads it back', () => {
    for (const period of ['2026-02', '2025Q3-YTD', '2025H1', '2025']) {
      const key = { dataset: 'county_income', unit: '330822', period };
      const match = matchPage(formPagePath(key));
      expect(match?.route.key).toBe('collection');
      expect(match?.sub?.key).toBe('form');
      expect(parseFormParam(match?.sub?.param ?? '')).toEqual(key);
    }
  });

  it('refuses a parameter that is not three parts', () => {
    expect(parseFormParam('county_income/330822')).toBeNull();
    expect(parseFormParam('a/b/c/d')).toBeNull();
    expect(parseFormParam('a//c')).toBeNull();
  });
});

describe('choicePath / readChoice', () => {
  it('round-trips the chosen data set, unit and period through the query', () => {
    const key = { dataset: 'county_income', unit: '330822', period: '2026-02' };
    const path = choicePath(key);
    expect(path).toBe('/collection?dataset=county_income&unit=330822&period=2026-02');
    expect(readChoice(path.slice('/collection'.length))).toEqual(key);
    expect(choicePath({})).toBe('/collection');
    expect(readChoice('?unit=330822&period=')).toEqual({ unit: '330822' });
  });
});
