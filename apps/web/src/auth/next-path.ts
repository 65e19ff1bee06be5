/** The login page's `?next=` target: only a path on this site, never another origin or the login page. */
export const LOGIN_PATH = '/login';

export function loginUrlFor(pathname: string, search: string): string {
  const here = `${pathname}${search}`;
  return here === '/' || pathname === LOGIN_PATH
    ? LOGIN_PATH
    : `${LOGIN_PATH}?next=${encodeURIComponent(here)}`;
}

export function nextPathFrom(search: string): string {
  const next = new URLSearchParams(search).get('next');
  // "//evil.example" and "/\\evil" would leave the site; only plain absolute paths are followed.
  if (next === null || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return '/';
  if (next === LOGIN_PATH || next.startsWith(`${LOGIN_PATH}?`)) return '/';
  return next;
}
