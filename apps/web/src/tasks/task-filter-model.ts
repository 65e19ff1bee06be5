/**
 * Filters of the task lists (清单, 规划章节, 牵头部门, 责任单位, 状态, 逾期, 临期, search) and their place in
 * the query string, so a filtered list can be shared as a link. Pure.
 */
import type { TaskRowDto } from '@suocha/contract';

export interface TaskFilter {
  readonly list: string | null;
  readonly section: string | null;
  readonly department: string | null;
  readonly unit: string | null;
  readonly status: string | null;
  readonly overdue: boolean;
  readonly dueSoon: boolean;
  readonly q: string;
}

export const EMPTY_FILTER: TaskFilter = {
  list: null,
  section: null,
  department: null,
  unit: null,
  status: null,
  overdue: false,
  dueSoon: false,
  q: '',
};

/** The fields a row needs to be filtered (the API's task rows have these and more). */
export interface FilterableTask {
  readonly code: string;
  readonly title: string;
  readonly list: string;
  readonly section?: string | null | undefined;
  /** Lead and co-departments (codes): the department filter matches either role. */
  readonly departments: readonly string[];
  readonly unit?: string | null | undefined;
  readonly status: string;
  /** Deadline state as of the server's date (`overdue`, `due_soon`, …). */
  readonly deadline: string;
}

const TOKEN = /^[\p{L}\p{N}_.()（）、-]{1,64}$/u;
const clean = (v: string | null): string | null => (v !== null && TOKEN.test(v) ? v : null);

/** Reads the filter from a query string, dropping values that could not be a code or a section. */
export function readTaskFilter(search: string): TaskFilter {
  const p = new URLSearchParams(search);
  return {
    list: clean(p.get('list')),
    section: clean(p.get('section')),
    department: clean(p.get('dept')),
    unit: clean(p.get('unit')),
    status: clean(p.get('status')),
    overdue: p.get('overdue') === '1',
    dueSoon: p.get('soon') === '1',
    q: (p.get('q') ?? '').slice(0, 100),
  };
}

/** Writes the filter into `params` (other keys, e.g. the tab, are kept); empty filters leave no key. */
export function writeTaskFilter(filter: TaskFilter, params: URLSearchParams): URLSearchParams {
  const out = new URLSearchParams(params);
  const set = (key: string, value: string | null) => {
    if (value === null || value === '') out.delete(key);
    else out.set(key, value);
  };
  set('list', filter.list);
  set('section', filter.section);
  set('dept', filter.department);
  set('unit', filter.unit);
  set('status', filter.status);
  set('overdue', filter.overdue ? '1' : null);
  set('soon', filter.dueSoon ? '1' : null);
  set('q', filter.q.trim());
  return out;
}

export function isEmptyFilter(filter: TaskFilter): boolean {
  return writeTaskFilter(filter, new URLSearchParams()).toString() === '';
}

/**
 * The rows that pass every set filter. "Overdue" and "due soon" together mean either (both are alerts);
 * the search matches the code or the title, case-insensitively.
 */
export function filterTasks<T extends FilterableTask>(rows: readonly T[], filter: TaskFilter): T[] {
  const q = filter.q.trim().toLowerCase();
  return rows.filter((r) => {
    if (filter.list !== null && r.list !== filter.list) return false;
    if (filter.section !== null && (r.section ?? null) !== filter.section) return false;
    if (filter.department !== null && !r.departments.includes(filter.department)) return false;
    if (filter.unit !== null && (r.unit ?? null) !== filter.unit) return false;
    if (filter.status !== null && r.status !== filter.status) return false;
    if (filter.overdue || filter.dueSoon) {
      const hit =
        (filter.overdue && r.deadline === 'overdue') || (filter.dueSoon && r.deadline === 'due_soon');
      if (!hit) return false;
    }
    if (q !== '' && !r.code.toLowerCase().includes(q) && !r.title.toLowerCase().includes(q)) return false;
    return true;
  });
}

/** The filterable fields of an API task row. */
export function filterable(row: TaskRowDto): FilterableTask {
  return {
    code: row.code,
    title: row.title,
    list: row.list,
    section: row.section,
    departments: [
      ...(row.leadDepartment === null ? [] : [row.leadDepartment.code]),
      ...row.coDepartments.map((d) => d.code),
    ],
    unit: row.unit?.code ?? null,
    status: row.status,
    deadline: row.deadline.state,
  };
}

/** How many rows each list has, in the order of seed 004's four lists then custom. */
export function listCounts(
  rows: readonly FilterableTask[],
): { readonly list: string; readonly count: number }[] {
  const order = ['key_indicators', 'major_policies', 'major_reforms', 'key_projects', 'custom'];
  return order.map((list) => ({ list, count: rows.filter((r) => r.list === list).length }));
}

/** Compares plan sections such as `二(一)`, `二(十)`, `三(九)` in document order (Chinese numerals). */
export function compareSections(a: string, b: string): number {
  const ka = sectionKey(a);
  const kb = sectionKey(b);
  for (let i = 0; i < Math.max(ka.length, kb.length); i++) {
    const x = ka[i] ?? -1;
    const y = kb[i] ?? -1;
    if (x !== y) return x - y;
  }
  return a < b ? -1 : a > b ? 1 : 0;
}

const DIGIT: Readonly<Record<string, number>> = {
  一: 1,
  二: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};

/** Value of a Chinese numeral up to 99 (十, 十二, 二十, 二十三); NaN when it is not one. */
export function chineseNumeral(s: string): number {
  if (s === '') return NaN;
  const ten = s.indexOf('十');
  if (ten === -1) return s.length === 1 ? (DIGIT[s] ?? NaN) : NaN;
  const tens = ten === 0 ? 1 : s.length > 0 && ten === 1 ? (DIGIT[s[0] ?? ''] ?? NaN) : NaN;
  const rest = s.slice(ten + 1);
  const ones = rest === '' ? 0 : rest.length === 1 ? (DIGIT[rest] ?? NaN) : NaN;
  return tens * 10 + ones;
}

function sectionKey(section: string): number[] {
  const parts = section.split(/[()（）]/).filter((p) => p !== '');
  return parts.map((p) => {
    const n = chineseNumeral(p);
    return Number.isNaN(n) ? 1000 : n;
  });
}

/** Distinct non-empty values of a field, sorted (sections in document order, others by code point). */
export function optionsOf<T>(rows: readonly T[], pick: (row: T) => string | null | undefined): string[] {
  const set = new Set<string>();
  for (const r of rows) {
    const v = pick(r);
    if (v !== null && v !== undefined && v !== '') set.add(v);
  }
  return [...set].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

export function sectionOptions<T extends FilterableTask>(rows: readonly T[]): string[] {
  return optionsOf(rows, (r) => r.section).sort(compareSections);
}
