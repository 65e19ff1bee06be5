import { describe, expect, it } from 'vitest';
import { loginUrlFor, nextPathFrom } from './next-path';

describe('login redirects', () => {
  it('remember where the user was going', () => {
    expect(loginUrlFor('/divisions', '?group=mountain_island&asOf=2025-06-01')).toBe(
      '/login?next=%2Fdivisions%3Fgroup%3Dmountain_island%26asOf%3D2025-06-01',
    );
    expect(loginUrlFor('/', '')).toBe('/login');
    expect(loginUrlFor('/login', '?next=%2Fgaps')).toBe('/login');
    expect(nextPathFrom('?next=%2Fdivisions%3Fgroup%3Dmountain_island')).toBe(
      '/divisions?group=mountain_island',
    );
  });

  it('never leave the site or loop back to the login page', () => {
    for (const bad of [
      '//evil.example/x',
      '/\\evil.example',
      'https://evil.example',
      'javascript:alert(1)',
      '/login',
      '/login?next=/x',
    ])
      expect(nextPathFrom(`?next=${encodeURIComponent(bad)}`)).toBe('/');
    expect(nextPathFrom('')).toBe('/');
  });
});
