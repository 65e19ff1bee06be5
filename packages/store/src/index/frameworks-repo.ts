/**
 * Index frameworks, versioned and immutable: each stored version is frozen (database triggers refuse
 * changes), and a changed framework is stored as the next version of its code.
 */
import type { Store } from '../db';
import type { IndexFrameworksTable } from './schema';

export interface StoredFramework {
  readonly id: number;
  readonly code: string;
  readonly version: number;
  readonly nameZh: string;
  readonly nameEn: string;
  /** The framework file as JSON text, with its `version` field equal to `version`. */
  readonly json: string;
  readonly contentHash: string;
  readonly createdAt: string;
  readonly createdBy: string;
}

export interface NewFramework {
  readonly code: string;
  readonly nameZh: string;
  readonly nameEn: string;
  readonly contentHash: string;
  /** The JSON text for the version number the store assigns. */
  readonly render: (version: number) => string;
  readonly createdAt: string;
  readonly createdBy: string;
}

type Row = Omit<IndexFrameworksTable, 'id'> & { id: number };

const toFramework = (r: Row): StoredFramework => ({
  id: r.id,
  code: r.code,
  version: r.version,
  nameZh: r.name_zh,
  nameEn: r.name_en,
  json: r.json,
  contentHash: r.content_hash,
  createdAt: r.created_at,
  createdBy: r.created_by,
});

/** Stores `f` as the next version of its code (1 for a new code) and returns it. */
export async function insertFrameworkVersion(store: Store, f: NewFramework): Promise<StoredFramework> {
  return store.db.transaction().execute(async (trx) => {
    const last = await trx
      .selectFrom('index_frameworks')
      .select((eb) => eb.fn.max('version').as('v'))
      .where('code', '=', f.code)
      .executeTakeFirst();
    const version = Number(last?.v ?? 0) + 1;
    const row = await trx
      .insertInto('index_frameworks')
      .values({
        code: f.code,
        version,
        name_zh: f.nameZh,
        name_en: f.nameEn,
        json: f.render(version),
        content_hash: f.contentHash,
        created_at: f.createdAt,
        created_by: f.createdBy,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    return toFramework(row);
  });
}

/** A version of a framework code; the latest one without `version`. */
export async function getFramework(
  store: Store,
  code: string,
  version?: number,
): Promise<StoredFramework | undefined> {
  let q = store.db.selectFrom('index_frameworks').selectAll().where('code', '=', code);
  if (version !== undefined) q = q.where('version', '=', version);
  const r = await q.orderBy('version', 'desc').limit(1).executeTakeFirst();
  return r ? toFramework(r) : undefined;
}

export async function getFrameworkById(store: Store, id: number): Promise<StoredFramework | undefined> {
  const r = await store.db.selectFrom('index_frameworks').selectAll().where('id', '=', id).executeTakeFirst();
  return r ? toFramework(r) : undefined;
}

/** The latest version of `code` whose content hash is `hash` (a re-submission of an existing version). */
export async function findFrameworkByContent(
  store: Store,
  code: string,
  hash: string,
): Promise<StoredFramework | undefined> {
  const r = await store.db
    .selectFrom('index_frameworks')
    .selectAll()
    .where('code', '=', code)
    .where('content_hash', '=', hash)
    .orderBy('version', 'desc')
    .limit(1)
    .executeTakeFirst();
  return r ? toFramework(r) : undefined;
}

/** Every stored version, by code then version. */
export async function listFrameworks(store: Store): Promise<StoredFramework[]> {
  const rows = await store.db
    .selectFrom('index_frameworks')
    .selectAll()
    .orderBy('code')
    .orderBy('version')
    .execute();
  return rows.map(toFramework);
}
