/**
 * Unit groups (e.g. 山区海岛县) and their dated memberships: groups_meta.csv names the groups, groups.csv
 * lists memberships (group, unit_code, unit_name, valid_from, valid_to, source). Checked in full first.
 */
import { basename } from 'node:path';
import type { ImportProblem } from '@suocha/core';
import { insertGroups, type MembershipRow, type Store, type UnitGroup } from '@suocha/store';
import { readCsvFile, RowReader } from '../io/csv';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

export async function loadGroups(
  store: Store,
  metaPath: string,
  membersPath: string,
): Promise<{ ok: true; groups: number; inserted: number } | { ok: false; problems: ImportProblem[] }> {
  const meta = await readCsvFile(metaPath, {
    required: ['group', 'name_zh', 'name_en', 'description', 'source'],
  });
  const members = await readCsvFile(membersPath, {
    required: ['group', 'unit_code', 'valid_from', 'valid_to', 'source'],
  });
  const problems = [...meta.problems, ...members.problems];
  if (problems.length) return { ok: false, problems };
  const groups: UnitGroup[] = [];
  const rm = new RowReader(basename(metaPath), problems);
  for (const row of meta.rows) {
    groups.push({
      code: rm.text(row, 'group', { required: true }),
      nameZh: rm.text(row, 'name_zh', { required: true }),
      nameEn: rm.text(row, 'name_en', { required: true }),
      description: rm.text(row, 'description'),
      source: rm.text(row, 'source'),
    });
  }
  const groupCodes = new Set(groups.map((g) => g.code));
  const r = new RowReader(basename(membersPath), problems);
  const codes = [...new Set(members.rows.map((row) => (row.values.unit_code ?? '').trim()))];
  const existing = new Set<string>();
  for (let i = 0; i < codes.length; i += 500) {
    const rows = await store.db
      .selectFrom('units')
      .select('code')
      .where('code', 'in', codes.slice(i, i + 500))
      .execute();
    for (const u of rows) existing.add(u.code);
  }
  const out: MembershipRow[] = [];
  for (const row of members.rows) {
    const groupCode = r.text(row, 'group', { required: true });
    const unitCode = r.text(row, 'unit_code', { required: true });
    const validFrom = r.text(row, 'valid_from') || null;
    const validTo = r.text(row, 'valid_to') || null;
    if (groupCode && !groupCodes.has(groupCode))
      r.problem(row, 'group', 'UNKNOWN_GROUP', `未定义的分组 unknown group "${groupCode}"`);
    if (unitCode && !existing.has(unitCode))
      r.problem(row, 'unit_code', 'UNKNOWN_UNIT', `区划 ${unitCode} 不存在 (unknown unit)`);
    for (const [col, v] of [
      ['valid_from', validFrom],
      ['valid_to', validTo],
    ] as const) {
      if (v !== null && !DATE.test(v)) r.problem(row, col, 'BAD_DATE', `日期格式应为 YYYY-MM-DD: "${v}"`);
    }
    if (validFrom && validTo && validFrom >= validTo)
      r.problem(row, 'valid_to', 'BAD_RANGE', `结束日期须晚于开始日期 (valid_to must be after valid_from)`);
    out.push({ groupCode, unitCode, validFrom, validTo, source: r.text(row, 'source') });
  }
  if (problems.length) return { ok: false, problems };
  const inserted = await insertGroups(store, groups, out);
  return { ok: true, groups: groups.length, inserted };
}
