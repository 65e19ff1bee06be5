import { describe, expect, it } from 'vitest';
import { ROUTES, countyHealthPath, indicatorPath, matchPage, matchRoute, normalisePath } from './routes';

describe('routes', () => {
  it('has one route per module with unique paths', () => {
    expect(ROUTES.map((r) => r.key)).toEqual([
      'overview',
      'targets',
      'gaps',
      'evaluation',
      'projects',
      'tasks',
      'collection',
      'bulletins',
      'divisions',
    ]);
    expect(new Set(ROUTES.map((r) => r.path)).size).toBe(ROUTES.length);
    // No route may live under /api: the server owns that prefix.
    expect(ROUTES.some((r) => r.path.startsWith('/api'))).toBe(false);
    // Every module is built.
    expect(ROUTES.filter((r) => r.status !== 'ready').map((r) => r.key)).toEqual([]);
  });

  it('matches paths with or without a trailing slash', () => {
    expect(matchRoute('/divisions')?.key).toBe('divisions');
    expect(matchRoute('/divisions/')?.key).toBe('divisions');
    expect(matchRoute('/')?.key).toBe('overview');
    expect(matchRoute('/index.html')?.key).toBe('overview');
    expect(matchRoute('')?.key).toBe('overview');
  });

  it('does not match unknown paths or undeclared sub-paths', () => {
    expect(matchRoute('/nope')).toBeUndefined();
    expect(matchRoute('/divisions/330327')).toBeUndefined();
    expect(matchRoute('/Divisions')).toBeUndefined();
    expect(matchRoute('/evaluation/330822')).toBeUndefined();
    expect(matchRoute('/evaluation/county/')).toBeUndefined();
    expect(matchRoute('/evaluation/county/33082x')).toBeUndefined();
    expect(matchRoute('/evaluation/county/330822/more')).toBeUndefined();
    // A module path is not a prefix match: /evaluationx is not /evaluation.
    expect(matchRoute('/evaluationx/county/330822')).toBeUndefined();
  });

  it('matches the county health check below 县域评价 with its code', () => {
    expect(matchPage('/evaluation')).toEqual({ route: ROUTES[3], sub: null });
    expect(matchPage('/evaluation/county/330822')?.sub).toEqual({ key: 'county', param: '330822' });
    expect(matchPage('/evaluation/county/330822/')?.sub).toEqual({ key: 'county', param: '330822' });
    expect(matchRoute('/evaluation/county/330822')?.key).toBe('evaluation');
  });

  it('builds health-check paths that match back to the same county', () => {
    expect(countyHealthPath('330822')).toBe('/evaluation/county/330822');
    expect(countyHealthPath('330822', 7)).toBe('/evaluation/county/330822?run=7');
    expect(countyHealthPath('330822', null)).toBe('/evaluation/county/330822');
    expect(matchPage(countyHealthPath('331181'))?.sub?.param).toBe('331181');
  });

  it('matches the indicator drill-down below 指标与目标 and builds its path', () => {
    expect(matchPage('/targets')).toEqual({ route: ROUTES[1], sub: null });
    expect(matchPage('/targets/indicator/urban_rural_income_ratio')?.sub).toEqual({
      key: 'indicator',
      param: 'urban_rural_income_ratio',
    });
    expect(matchRoute('/targets/indicator/Urban')).toBeUndefined();
    expect(matchRoute('/targets/indicator/')).toBeUndefined();
    expect(matchRoute('/targets/indicator/a-b')).toBeUndefined();
    expect(indicatorPath('resident_income', '330000')).toBe('/targets/indicator/resident_income?unit=330000');
    expect(indicatorPath('resident_income', '330800', 18)).toBe(
      '/targets/indicator/resident_income?unit=330800&target=18',
    );
    const path = indicatorPath('urban_rural_income_ratio', '330000', null);
    expect(matchPage(path.split('?')[0] ?? '')?.sub?.param).toBe('urban_rural_income_ratio');
  });

  it('normalises repeated trailing slashes', () => {
    expect(normalisePath('/gaps///')).toBe('/gaps');
    expect(normalisePath('///')).toBe('/');
  });
});
