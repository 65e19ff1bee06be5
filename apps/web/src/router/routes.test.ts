import { describe, expect, it } from 'vitest';
import { ROUTES, matchRoute, normalisePath } from './routes';

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
  });

  it('matches paths with or without a trailing slash', () => {
    expect(matchRoute('/divisions')?.key).toBe('divisions');
    expect(matchRoute('/divisions/')?.key).toBe('divisions');
    expect(matchRoute('/')?.key).toBe('overview');
    expect(matchRoute('/index.html')?.key).toBe('overview');
    expect(matchRoute('')?.key).toBe('overview');
  });

  it('does not match unknown paths or sub-paths', () => {
    expect(matchRoute('/nope')).toBeUndefined();
    expect(matchRoute('/divisions/330327')).toBeUndefined();
    expect(matchRoute('/Divisions')).toBeUndefined();
  });

  it('normalises repeated trailing slashes', () => {
    expect(normalisePath('/gaps///')).toBe('/gaps');
    expect(normalisePath('///')).toBe('/');
  });
});
