/** The units a data set collects from, with what forms and imports need to know about each. */
import { subtreeRange, type UnitLevel } from '@suocha/core';
import type { Store } from '../db';

export interface ReportingUnit {
  readonly code: string;
  readonly name: string;
  readonly level: UnitLevel;
  readonly parentCode: string | null;
  readonly path: string;
  readonly provinceCode: string;
  readonly validFrom: string | null;
  readonly validTo: string | null;
}

const COLUMNS = [
  'code',
  'name',
  'level',
  'parent_code',
  'path',
  'province_code',
  'valid_from',
  'valid_to',
] as const;

const toUnit = (r: {
  code: string;
  name: string;
  level: UnitLevel;
  parent_code: string | null;
  path: string;
  province_code: string;
  valid_from: string | null;
  valid_to: string | null;
}): ReportingUnit => ({
  code: r.code,
  name: r.name,
  level: r.level,
  parentCode: r.parent_code,
  path: r.path,
  provinceCode: r.province_code,
  validFrom: r.valid_from,
  validTo: r.valid_to,
});

export async function getReportingUnit(store: Store, code: string): Promise<ReportingUnit | undefined> {
  const r = await store.db.selectFrom('units').select(COLUMNS).where('code', '=', code).executeTakeFirst();
  return r ? toUnit(r) : undefined;
}

/** Units of one level in the subtree of `rootPath` (the root itself included), ordered by code. */
export async function listReportingUnits(
  store: Store,
  rootPath: string,
  level: UnitLevel,
): Promise<ReportingUnit[]> {
  const { from, to } = subtreeRange(rootPath);
  const rows = await store.db
    .selectFrom('units')
    .select(COLUMNS)
    .where('path', '>=', from)
    .where('path', '<', to)
    .where('level', '=', level)
    .orderBy('code')
    .execute();
  return rows.map(toUnit);
}
