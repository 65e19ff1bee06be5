/** The platform's modules, in navigation order; `ready` ones have a page, the others a placeholder. */
export type ModuleKey =
  | 'overview'
  | 'targets'
  | 'gaps'
  | 'evaluation'
  | 'projects'
  | 'tasks'
  | 'collection'
  | 'bulletins'
  | 'divisions';

export interface RouteDef {
  readonly key: ModuleKey;
  readonly path: string;
  readonly status: 'ready' | 'planned';
}

export const ROUTES: readonly RouteDef[] = [
  { key: 'overview', path: '/', status: 'planned' },
  { key: 'targets', path: '/targets', status: 'planned' },
  { key: 'gaps', path: '/gaps', status: 'planned' },
  { key: 'evaluation', path: '/evaluation', status: 'planned' },
  { key: 'projects', path: '/projects', status: 'planned' },
  { key: 'tasks', path: '/tasks', status: 'planned' },
  { key: 'collection', path: '/collection', status: 'planned' },
  { key: 'bulletins', path: '/bulletins', status: 'planned' },
  { key: 'divisions', path: '/divisions', status: 'ready' },
];

/** `/divisions/` and `/divisions` are the same page; `/index.html` is the overview. */
export function normalisePath(pathname: string): string {
  if (pathname === '' || pathname === '/index.html') return '/';
  const trimmed = pathname.replace(/\/+$/, '');
  return trimmed === '' ? '/' : trimmed;
}

/** The route for a pathname, or undefined (not found). Sub-paths are not routes yet. */
export function matchRoute(pathname: string): RouteDef | undefined {
  const path = normalisePath(pathname);
  return ROUTES.find((route) => route.path === path);
}
