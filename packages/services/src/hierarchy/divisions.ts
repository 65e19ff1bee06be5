/**
 * Loads statistical divisions (code, name, level, parent_code[, valid_from, valid_to, source]) into units.
 * Every row is checked before anything is written: unknown level, duplicate code, unknown parent, a parent
 * that is not above its child, or a cycle stop the load with the file, line and column of each problem.
 * A province without a parent hangs under the national root 100000.
 */
import { basename } from 'node:path';
import {
  childPath,
  isUnitLevel,
  levelDepth,
  provinceOf,
  type ImportProblem,
  type UnitLevel,
} from '@suocha/core';
import { getPaths, insertUnits, type Store, type UnitRow } from '@suocha/store';
import { readCsvFile, RowReader, type CsvRow } from '../io/csv';

export const COUNTRY_CODE = '100000';

interface Parsed {
  readonly line: number;
  readonly code: string;
  readonly name: string;
  readonly level: UnitLevel;
  readonly parent: string | null;
  readonly validFrom: string | null;
  readonly validTo: string | null;
  readonly source: string;
  /** Materialised path, once resolved (kept on the row: a second 665k-entry map costs ~0.5 s). */
  path?: string;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

export interface DivisionsRead {
  readonly units: UnitRow[];
  readonly problems: ImportProblem[];
  /** Rows deliberately not loaded, with the reason (not errors). */
  readonly notices: { readonly file: string; readonly line: number; readonly reason: string }[];
}

/** Reads and validates a divisions file; parents may be in the file or already in the store. */
export async function readDivisions(
  store: Store,
  path: string,
  defaultSource: string,
  onProgress?: (n: number) => void,
): Promise<DivisionsRead> {
  const file = basename(path);
  const problems: ImportProblem[] = [];
  const r = new RowReader(file, problems);
  const notices: DivisionsRead['notices'] = [];
  const byCode = new Map<string, Parsed>();
  const onRow = (row: CsvRow): void => {
    const code = r.text(row, 'code', { required: true });
    const name = r.text(row, 'name', { required: true });
    const levelText = r.text(row, 'level', { required: true });
    let parent: string | null = r.text(row, 'parent_code') || null;
    const validFrom = r.text(row, 'valid_from') || null;
    const validTo = r.text(row, 'valid_to') || null;
    if (code && !/^\d{6,12}$/.test(code))
      r.problem(row, 'code', 'BAD_CODE', `区划代码应为 6–12 位数字 (code must be 6–12 digits): "${code}"`);
    if (levelText && !isUnitLevel(levelText)) {
      r.problem(
        row,
        'level',
        'BAD_LEVEL',
        `未知层级 unknown level "${levelText}" (country/province/city/county/town/village)`,
      );
      return;
    }
    if (validFrom !== null && !DATE.test(validFrom))
      r.problem(row, 'valid_from', 'BAD_DATE', `日期格式应为 YYYY-MM-DD: "${validFrom}"`);
    if (validTo !== null && !DATE.test(validTo))
      r.problem(row, 'valid_to', 'BAD_DATE', `日期格式应为 YYYY-MM-DD: "${validTo}"`);
    if (!code || !name || !levelText) return;
    const level = levelText as UnitLevel;
    if (level === 'province' && parent === null) parent = COUNTRY_CODE;
    // 不设区的地级市 (东莞, 中山, 儋州): NBS lists the city again as its own county, same code, parent itself.
    // One unit stands for both levels; its towns hang directly under it.
    if (parent === code && byCode.get(code)?.level !== undefined) {
      notices.push({
        file,
        line: row.line,
        reason: `${name} ${code}: 不设区的地级市, the ${level} row repeats the ${byCode.get(code)?.level} (same code); loaded once`,
      });
      return;
    }
    if (byCode.has(code)) {
      r.problem(
        row,
        'code',
        'DUPLICATE_CODE',
        `重复的区划代码 duplicate code ${code} (first on line ${byCode.get(code)?.line})`,
      );
      return;
    }
    byCode.set(code, {
      line: row.line,
      code,
      name,
      level,
      parent,
      validFrom,
      validTo,
      source: r.text(row, 'source') || defaultSource,
    });
  };
  const csv = await readCsvFile(path, {
    required: ['code', 'name', 'level', 'parent_code'],
    onRow,
    ...(onProgress ? { onProgress } : {}),
  });
  problems.push(...csv.problems);
  if (csv.problems.length) return { units: [], problems, notices: [] };
  // Parents outside the file must already be in the store.
  const outside = [
    ...new Set(
      [...byCode.values()].map((p) => p.parent).filter((c): c is string => c !== null && !byCode.has(c)),
    ),
  ];
  const known = await getPaths(store, outside);
  const knownLevels = new Map<string, UnitLevel>();
  if (known.size) {
    const rows = await store.db
      .selectFrom('units')
      .select(['code', 'level'])
      .where('code', 'in', [...known.keys()])
      .execute();
    for (const k of rows) knownLevels.set(k.code, k.level);
  }
  const pathOf = (code: string): string | undefined => byCode.get(code)?.path ?? known.get(code);
  const units: UnitRow[] = [];
  // Parents usually come before children (files are sorted by level), so the parent's path is a map hit;
  // otherwise walk up, remembering the trail to detect cycles.
  const resolve = (p: Parsed): string | undefined => {
    const done = p.path;
    if (done !== undefined) return done;
    if (p.parent === null) {
      const path = childPath(null, p.code);
      p.path = path;
      return path;
    }
    const direct = pathOf(p.parent);
    if (direct !== undefined) {
      const path = childPath(direct, p.code);
      p.path = path;
      return path;
    }
    const chain: Parsed[] = [p];
    const trail = new Set<string>([p.code]);
    let top: string | undefined;
    for (let cur = byCode.get(p.parent); ;) {
      if (!cur || trail.has(cur.code)) return undefined;
      trail.add(cur.code);
      chain.push(cur);
      if (cur.parent === null) {
        top = childPath(null, cur.code);
        chain.pop();
        cur.path = top;
        break;
      }
      const base = pathOf(cur.parent);
      if (base !== undefined) {
        top = base;
        break;
      }
      cur = byCode.get(cur.parent);
    }
    for (let k = chain.length - 1; k >= 0; k--) {
      const c = chain[k] as Parsed;
      top = childPath(top, c.code);
      c.path = top;
    }
    return p.path;
  };
  for (const p of byCode.values()) {
    const row = { line: p.line, values: {} };
    if (p.parent !== null) {
      const parentLevel = byCode.get(p.parent)?.level ?? knownLevels.get(p.parent);
      if (parentLevel === undefined) {
        r.problem(row, 'parent_code', 'UNKNOWN_PARENT', `上级区划 ${p.parent} 不存在 (unknown parent code)`);
        continue;
      }
      if (levelDepth(parentLevel) >= levelDepth(p.level)) {
        r.problem(
          row,
          'parent_code',
          'PARENT_NOT_ABOVE',
          `上级 ${p.parent} (${parentLevel}) 不高于 ${p.code} (${p.level}) (parent must be a higher level)`,
        );
        continue;
      }
    }
    const path = resolve(p);
    if (path === undefined) {
      r.problem(
        row,
        'parent_code',
        'PARENT_CYCLE',
        `上级关系成环或断开 (parent chain of ${p.code} is broken or cyclic)`,
      );
      continue;
    }
    units.push({
      code: p.code,
      name: p.name,
      level: p.level,
      parent_code: p.parent,
      path,
      depth: levelDepth(p.level),
      province_code: provinceOf(path),
      valid_from: p.validFrom,
      valid_to: p.validTo,
      source: p.source,
    });
  }
  problems.sort((a, b) => a.line - b.line);
  return { units: problems.length ? [] : units, problems, notices };
}

/** Validates the whole file, then inserts the units that are new; nothing is written if any row is bad. */
export async function loadDivisions(
  store: Store,
  path: string,
  defaultSource: string,
  onProgress?: (n: number) => void,
): Promise<
  | { ok: true; read: number; inserted: number; notices: DivisionsRead['notices'] }
  | { ok: false; problems: ImportProblem[] }
> {
  const { units, problems, notices } = await readDivisions(store, path, defaultSource, onProgress);
  if (problems.length) return { ok: false, problems };
  const inserted = await insertUnits(store, units);
  return { ok: true, read: units.length, inserted, notices };
}
