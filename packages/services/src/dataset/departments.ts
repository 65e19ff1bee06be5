/**
 * The provincial departments of the default dataset (data/departments.csv): a few 省政府组成部门 named by
 * public reports, each with its source; the rest are added by the administrator. A file with any problem writes nothing.
 */
import { basename } from 'node:path';
import type { ImportProblem } from '@suocha/core';
import { insertDepartment, type Store } from '@suocha/store';
import { readCsvFile } from '../io/csv';

const COLUMNS = ['code', 'name_zh', 'name_en', 'source'];
const CODE = /^[a-z][a-z0-9_-]{0,31}$/;

export async function loadDepartments(
  store: Store,
  file: string,
  createdAt: string,
): Promise<{ ok: true; inserted: number } | { ok: false; problems: ImportProblem[] }> {
  const csv = await readCsvFile(file, { required: COLUMNS });
  const problems = [...csv.problems];
  const name = basename(file);
  const seen = new Set<string>();
  const rows: { code: string; nameZh: string; nameEn: string }[] = [];
  for (const { line, values: v } of csv.rows) {
    const problem = (column: string, message: string) =>
      problems.push({ code: 'INVALID_VALUE', file: name, line, column, message });
    const code = (v.code ?? '').trim();
    if (!CODE.test(code)) problem('code', `部门代码无效 (invalid department code "${code}")`);
    if (seen.has(code)) problem('code', `部门代码重复 (duplicate department code "${code}")`);
    seen.add(code);
    const nameZh = (v.name_zh ?? '').trim();
    if (nameZh === '') problem('name_zh', '部门名称不能为空 (name_zh must not be empty)');
    if ((v.source ?? '').trim() === '') problem('source', '每行须注明来源 (every row needs a source)');
    rows.push({ code, nameZh, nameEn: (v.name_en ?? '').trim() });
  }
  if (problems.length > 0) return { ok: false, problems };
  // Every row is checked before the first is written; an existing code is left as it is (idempotent).
  let inserted = 0;
  for (const d of rows) if (await insertDepartment(store, d, createdAt)) inserted++;
  return { ok: true, inserted };
}
