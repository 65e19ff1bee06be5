import { subtreeRange, pathCodes, type Unit, type UnitLevel } from '@suocha/core';
import { sql } from 'kysely';
import type { Store } from '../db';
import type { UnitsTable } from '../schema';

export type UnitRow = UnitsTable;

const COLUMNS = ['code', 'name', 'level', 'parent_code', 'valid_from', 'valid_to'] as const;

function toUnit(r: Pick<UnitsTable, (typeof COLUMNS)[number]>): Unit {
  return {
    code: r.code,
    name: r.name,
    level: r.level,
    parentCode: r.parent_code,
    validFrom: r.valid_from,
    validTo: r.valid_to,
  };
}

export async function getUnit(store: Store, code: string): Promise<Unit | undefined> {
  const r = await store.db.selectFrom('units').select(COLUMNS).where('code', '=', code).executeTakeFirst();
  return r ? toUnit(r) : undefined;
}

export async function getUnitPath(store: Store, code: string): Promise<string | undefined> {
  const r = await store.db.selectFrom('units').select('path').where('code', '=', code).executeTakeFirst();
  return r?.path;
}

export async function getChildren(store: Store, code: string): Promise<Unit[]> {
  const rows = await store.db
    .selectFrom('units')
    .select(COLUMNS)
    .where('parent_code', '=', code)
    .orderBy('code')
    .execute();
  return rows.map(toUnit);
}

/** The unit's descendants (not itself), optionally of one level only, ordered by code. */
export async function getSubtree(store: Store, code: string, level?: UnitLevel): Promise<Unit[] | undefined> {
  const path = await getUnitPath(store, code);
  if (path === undefined) return undefined;
  const { from, to } = subtreeRange(path);
  let q = store.db.selectFrom('units').select(COLUMNS).where('path', '>', from).where('path', '<', to);
  if (level) q = q.where('level', '=', level);
  const rows = await q.orderBy('code').execute();
  return rows.map(toUnit);
}

/** Codes of the unit's descendants (and itself), for scope checks and roll-ups. */
export async function getSubtreeCodes(store: Store, code: string): Promise<string[]> {
  const path = await getUnitPath(store, code);
  if (path === undefined) return [];
  const { from, to } = subtreeRange(path);
  const rows = await store.db
    .selectFrom('units')
    .select('code')
    .where('path', '>=', from)
    .where('path', '<', to)
    .execute();
  return rows.map((r) => r.code);
}

/** Ancestors from the root down to the parent. */
export async function getAncestors(store: Store, code: string): Promise<Unit[] | undefined> {
  const path = await getUnitPath(store, code);
  if (path === undefined) return undefined;
  const codes = pathCodes(path).slice(0, -1);
  if (codes.length === 0) return [];
  const rows = await store.db
    .selectFrom('units')
    .select(COLUMNS)
    .where('code', 'in', codes)
    .orderBy('depth')
    .execute();
  return rows.map(toUnit);
}

export async function countUnitsByLevel(store: Store): Promise<Record<string, number>> {
  const rows = await store.db
    .selectFrom('units')
    .select(['level', sql<number>`count(*)`.as('n')])
    .groupBy('level')
    .execute();
  return Object.fromEntries(rows.map((r) => [r.level, Number(r.n)]));
}

/** Paths of the given codes that exist (for resolving parents while loading). */
export async function getPaths(store: Store, codes: readonly string[]): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (let i = 0; i < codes.length; i += 500) {
    const chunk = codes.slice(i, i + 500);
    const rows = await store.db
      .selectFrom('units')
      .select(['code', 'path'])
      .where('code', 'in', chunk)
      .execute();
    for (const r of rows) out.set(r.code, r.path);
  }
  return out;
}

/**
 * Inserts units that are not there yet (existing codes are left as they are, so loading twice changes
 * nothing). All rows in one transaction. Uses the raw drivers: a prepared statement on SQLite and
 * `unnest` batches on PostgreSQL, because a query builder per row would be ~10× slower on 665k units.
 * Returns the number of rows inserted.
 */
export async function insertUnits(store: Store, rows: readonly UnitRow[]): Promise<number> {
  if (store.raw.sqlite) {
    const db = store.raw.sqlite;
    const stmt = db.prepare(
      `insert into units (code, name, level, parent_code, path, depth, province_code, valid_from, valid_to, source)
       values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict (code) do nothing`,
    );
    const run = db.transaction((rs: readonly UnitRow[]) => {
      let n = 0;
      for (const r of rs) {
        n += stmt.run(
          r.code,
          r.name,
          r.level,
          r.parent_code,
          r.path,
          r.depth,
          r.province_code,
          r.valid_from,
          r.valid_to,
          r.source,
        ).changes;
      }
      return n;
    });
    return run(rows);
  }
  const pool = store.raw.pg;
  if (!pool) throw new Error('store has no driver');
  const client = await pool.connect();
  try {
    await client.query('begin');
    let n = 0;
    const batch = 20_000;
    for (let i = 0; i < rows.length; i += batch) {
      const part = rows.slice(i, i + batch);
      const res = await client.query(
        `insert into units (code, name, level, parent_code, path, depth, province_code, valid_from, valid_to, source)
         select * from unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::int[], $7::text[], $8::text[], $9::text[], $10::text[])
         on conflict (code) do nothing`,
        [
          part.map((r) => r.code),
          part.map((r) => r.name),
          part.map((r) => r.level),
          part.map((r) => r.parent_code),
          part.map((r) => r.path),
          part.map((r) => r.depth),
          part.map((r) => r.province_code),
          part.map((r) => r.valid_from),
          part.map((r) => r.valid_to),
          part.map((r) => r.source),
        ],
      );
      n += res.rowCount ?? 0;
    }
    await client.query('commit');
    return n;
  } catch (e) {
    await client.query('rollback');
    throw e;
  } finally {
    client.release();
  }
}
