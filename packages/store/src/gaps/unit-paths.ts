/**
 * Units with their materialised paths, by level and optionally under one path, for placing the unit codes
 * of a household file (its city and county) in one query instead of one per row.
 */
import { subtreeRange, type UnitLevel } from '@suocha/core';
import type { Store } from '../db';

export interface UnitPathRow {
  readonly code: string;
  readonly level: UnitLevel;
  readonly path: string;
}

/** Units of the given levels (in the subtree whose root has path `within`, itself included, if given). */
export async function listUnitPaths(
  store: Store,
  filter: { readonly levels: readonly UnitLevel[]; readonly within?: string },
): Promise<UnitPathRow[]> {
  if (filter.levels.length === 0) return [];
  let q = store.db.selectFrom('units').select(['code', 'level', 'path']).where('level', 'in', filter.levels);
  if (filter.within !== undefined) {
    const { from, to } = subtreeRange(filter.within);
    q = q.where('path', '>=', from).where('path', '<', to);
  }
  return q.orderBy('path').execute();
}
