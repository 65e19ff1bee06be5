import type { Unit } from '@suocha/core';
import type { Store } from '../db';
import type { UnitGroupsTable } from '../schema';

export interface UnitGroup {
  readonly code: string;
  readonly nameZh: string;
  readonly nameEn: string;
  readonly description: string;
  readonly source: string;
}

export interface GroupMember extends Unit {
  readonly memberFrom: string | null;
  readonly memberTo: string | null;
  readonly source: string;
}

export interface MembershipRow {
  readonly groupCode: string;
  readonly unitCode: string;
  readonly validFrom: string | null;
  readonly validTo: string | null;
  readonly source: string;
}

const toGroup = (r: UnitGroupsTable): UnitGroup => ({
  code: r.code,
  nameZh: r.name_zh,
  nameEn: r.name_en,
  description: r.description,
  source: r.source,
});

export async function listGroups(store: Store): Promise<UnitGroup[]> {
  const rows = await store.db.selectFrom('unit_groups').selectAll().orderBy('code').execute();
  return rows.map(toGroup);
}

export async function getGroup(store: Store, code: string): Promise<UnitGroup | undefined> {
  const r = await store.db.selectFrom('unit_groups').selectAll().where('code', '=', code).executeTakeFirst();
  return r ? toGroup(r) : undefined;
}

/**
 * Members of a group on a date (membership from ≤ date < to), ordered by code. Without a date: every
 * membership ever recorded, with its dates.
 */
export async function getGroupMembers(
  store: Store,
  groupCode: string,
  asOf?: string,
): Promise<GroupMember[]> {
  let q = store.db
    .selectFrom('unit_group_members as m')
    .innerJoin('units as u', 'u.code', 'm.unit_code')
    .select([
      'u.code',
      'u.name',
      'u.level',
      'u.parent_code',
      'u.valid_from',
      'u.valid_to',
      'm.valid_from as member_from',
      'm.valid_to as member_to',
      'm.source',
    ])
    .where('m.group_code', '=', groupCode);
  if (asOf !== undefined) {
    q = q
      .where((eb) => eb.or([eb('m.valid_from', 'is', null), eb('m.valid_from', '<=', asOf)]))
      .where((eb) => eb.or([eb('m.valid_to', 'is', null), eb('m.valid_to', '>', asOf)]));
  }
  const rows = await q.orderBy('u.code').orderBy('m.valid_from').execute();
  return rows.map((r) => ({
    code: r.code,
    name: r.name,
    level: r.level,
    parentCode: r.parent_code,
    validFrom: r.valid_from,
    validTo: r.valid_to,
    memberFrom: r.member_from,
    memberTo: r.member_to,
    source: r.source,
  }));
}

/** Groups and memberships in one transaction; rows already present (same group, unit, start) are kept. */
export async function insertGroups(
  store: Store,
  groups: readonly UnitGroup[],
  members: readonly MembershipRow[],
): Promise<number> {
  return store.db.transaction().execute(async (trx) => {
    for (const g of groups) {
      await trx
        .insertInto('unit_groups')
        .values({
          code: g.code,
          name_zh: g.nameZh,
          name_en: g.nameEn,
          description: g.description,
          source: g.source,
        })
        .onConflict((oc) => oc.column('code').doNothing())
        .execute();
    }
    let n = 0;
    for (const m of members) {
      const exists = await trx
        .selectFrom('unit_group_members')
        .select('id')
        .where('group_code', '=', m.groupCode)
        .where('unit_code', '=', m.unitCode)
        .where((eb) =>
          m.validFrom === null ? eb('valid_from', 'is', null) : eb('valid_from', '=', m.validFrom),
        )
        .executeTakeFirst();
      if (exists) continue;
      await trx
        .insertInto('unit_group_members')
        .values({
          group_code: m.groupCode,
          unit_code: m.unitCode,
          valid_from: m.validFrom,
          valid_to: m.validTo,
          source: m.source,
        })
        .execute();
      n++;
    }
    return n;
  });
}
