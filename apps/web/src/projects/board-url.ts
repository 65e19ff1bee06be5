/**
 * The dispatch board's filters in the query string (`/projects?unit=330800&light=red&month=2025-11`), so a
 * filtered board can be shared and survives a reload. Values the API would refuse are dropped on reading,
 * so a hand-edited link shows the unfiltered board rather than an error.
 */
import { isMonth } from './months';

export const STAGE_FILTERS = [
  'planned',
  'reserve',
  'under_construction',
  'completed',
  'suspended',
  'cancelled',
] as const;
export const LIGHT_FILTERS = ['red', 'yellow', 'green', 'none'] as const;

export type StageFilter = (typeof STAGE_FILTERS)[number];
export type LightFilter = (typeof LIGHT_FILTERS)[number];

export interface BoardFilters {
  readonly unit?: string;
  readonly category?: string;
  readonly department?: string;
  readonly stage?: StageFilter;
  readonly light?: LightFilter;
  readonly q?: string;
  readonly month?: string;
}

const UNIT = /^\d{6,12}$/;
const CATEGORY = /^[a-z][a-z0-9_]{0,63}$/;

function oneOf<T extends string>(values: readonly T[], s: string | null): T | undefined {
  return values.find((v) => v === s);
}

/** Filters from a query string; anything malformed is left out. */
export function readBoardFilters(search: string): BoardFilters {
  const p = new URLSearchParams(search);
  const out: {
    -readonly [K in keyof BoardFilters]: BoardFilters[K];
  } = {};
  const unit = p.get('unit');
  if (unit !== null && UNIT.test(unit)) out.unit = unit;
  const category = p.get('category');
  if (category !== null && CATEGORY.test(category)) out.category = category;
  const department = p.get('department')?.trim();
  if (department !== undefined && department !== '' && department.length <= 64) out.department = department;
  const stage = oneOf(STAGE_FILTERS, p.get('stage'));
  if (stage !== undefined) out.stage = stage;
  const light = oneOf(LIGHT_FILTERS, p.get('light'));
  if (light !== undefined) out.light = light;
  const q = p.get('q')?.trim();
  if (q !== undefined && q !== '' && q.length <= 100) out.q = q;
  const month = p.get('month');
  if (month !== null && isMonth(month)) out.month = month;
  return out;
}

const KEYS = ['unit', 'category', 'department', 'stage', 'light', 'q', 'month'] as const;

/** Query parameters of the filters that are set, in a fixed order (stable links and request keys). */
export function boardParams(f: BoardFilters): URLSearchParams {
  const p = new URLSearchParams();
  for (const key of KEYS) {
    const v = f[key];
    if (v !== undefined && v !== '') p.set(key, v);
  }
  return p;
}

/** The filters with one changed; an empty value clears it. */
export function withFilter(f: BoardFilters, key: keyof BoardFilters, value: string): BoardFilters {
  const next: Record<string, string> = {};
  for (const k of KEYS) {
    const v = f[k];
    if (v !== undefined) next[k] = v;
  }
  if (value === '') delete next[key];
  else next[key] = value;
  return readBoardFilters(new URLSearchParams(next).toString());
}

/** Whether any filter other than the month (which only changes the date judged) is set. */
export function hasFilters(f: BoardFilters): boolean {
  return KEYS.some((k) => k !== 'month' && f[k] !== undefined);
}
