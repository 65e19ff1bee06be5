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

/** A page below a module's path, e.g. `county` for `/evaluation/county/330822`. */
export interface SubPageDef {
  readonly key: string;
  /** Matches the rest of the path after the module's path; the first group is the page's parameter. */
  readonly pattern: RegExp;
}

export interface RouteDef {
  readonly key: ModuleKey;
  readonly path: string;
  readonly status: 'ready' | 'planned';
  readonly subPages?: readonly SubPageDef[];
}

/** NBS division codes as they appear in paths (6 digits for a county, up to 12 for a village). */
const CODE_SEGMENT = /^\/county\/(\d{6,12})$/;
/** Project codes: letters, digits, `-`, `_` and `.` (e.g. `ZJ-2025-0001`). */
const PROJECT_SEGMENT = /^\/project\/([A-Za-z0-9_.-]+)$/;
/** Indicator codes as the catalogue writes them (`urban_rural_income_ratio`). */
const INDICATOR_SEGMENT = /^\/indicator\/([a-z][a-z0-9_]*)$/;

export const ROUTES: readonly RouteDef[] = [
  { key: 'overview', path: '/', status: 'ready' },
  {
    key: 'targets',
    path: '/targets',
    status: 'ready',
    subPages: [{ key: 'indicator', pattern: INDICATOR_SEGMENT }],
  },
  { key: 'gaps', path: '/gaps', status: 'ready' },
  {
    key: 'evaluation',
    path: '/evaluation',
    status: 'ready',
    subPages: [{ key: 'county', pattern: CODE_SEGMENT }],
  },
  {
    key: 'projects',
    path: '/projects',
    status: 'ready',
    subPages: [
      { key: 'project', pattern: PROJECT_SEGMENT },
      { key: 'import', pattern: /^\/(import)$/ },
    ],
  },
  {
    key: 'tasks',
    path: '/tasks',
    status: 'ready',
    subPages: [
      { key: 'order', pattern: /^\/order\/(\d+)$/ },
      { key: 'task', pattern: /^\/task\/([A-Za-z0-9_.-]+)$/ },
      { key: 'case', pattern: /^\/case\/(\d+)$/ },
    ],
  },
  {
    key: 'collection',
    path: '/collection',
    status: 'ready',
    subPages: [{ key: 'form', pattern: /^\/form\/([a-z0-9_-]+\/\d{6,12}\/[0-9A-Z-]+)$/ }],
  },
  {
    key: 'bulletins',
    path: '/bulletins',
    status: 'ready',
    subPages: [{ key: 'month', pattern: /^\/(\d{4}-\d{2})$/ }],
  },
  { key: 'divisions', path: '/divisions', status: 'ready' },
];

/** A matched page: the module, and the sub-page with its parameter when the path goes below the module. */
export interface PageMatch {
  readonly route: RouteDef;
  readonly sub: { readonly key: string; readonly param: string } | null;
}

/** `/divisions/` and `/divisions` are the same page; `/index.html` is the overview. */
export function normalisePath(pathname: string): string {
  if (pathname === '' || pathname === '/index.html') return '/';
  const trimmed = pathname.replace(/\/+$/, '');
  return trimmed === '' ? '/' : trimmed;
}

/** The page for a pathname, or undefined (not found). Only declared sub-pages match below a module. */
export function matchPage(pathname: string): PageMatch | undefined {
  const path = normalisePath(pathname);
  for (const route of ROUTES) {
    if (route.path === path) return { route, sub: null };
    if (route.path === '/' || !path.startsWith(`${route.path}/`)) continue;
    const rest = path.slice(route.path.length);
    for (const sub of route.subPages ?? []) {
      const match = sub.pattern.exec(rest);
      if (match !== null) return { route, sub: { key: sub.key, param: match[1] ?? '' } };
    }
  }
  return undefined;
}

/** The module of a pathname, or undefined (not found). */
export function matchRoute(pathname: string): RouteDef | undefined {
  return matchPage(pathname)?.route;
}

/** Path of a county's health check (县域体检表), optionally from one run. */
export function countyHealthPath(code: string, runId?: number | null): string {
  const base = `/evaluation/county/${encodeURIComponent(code)}`;
  return runId === undefined || runId === null ? base : `${base}?run=${runId}`;
}

/** Path of an indicator's drill-down for a unit (series, target path, projection). */
export function indicatorPath(code: string, unitCode: string, targetId?: number | null): string {
  const base = `/targets/indicator/${encodeURIComponent(code)}?unit=${encodeURIComponent(unitCode)}`;
  return targetId === undefined || targetId === null ? base : `${base}&target=${targetId}`;
}
