/**
 * The case library (典型案例, issue 8 §3): writes keep the normalised search columns and the tag rows in step
 * with the text in one transaction; one query lists, filters and searches. A term matches a case when it is
 * a substring of the normalised text (`search-text.ts`): the engine indexes (FTS5 on SQLite, a GIN gram
 * index on PostgreSQL) only narrow the candidates before that exact check, and the score is integer
 * arithmetic on the same string functions on both engines, so both return the same rows in the same order.
 */
import { subtreeRange } from '@suocha/core';
import { sql, type RawBuilder } from 'kysely';
import type { Store } from '../../db';
import { caseSearchColumns, charLength, termGrams } from './search-text';

export interface CaseFields {
  readonly title: string;
  readonly unitCode: string;
  readonly tags: readonly string[];
  readonly summary: string;
  readonly body: string;
  readonly pilotCode: string | null;
  readonly source: string;
}

export interface CaseRecord extends CaseFields {
  readonly id: number;
  readonly unitName: string;
  readonly pilotName: string | null;
  readonly version: number;
  readonly createdAt: string;
  readonly createdBy: string;
  readonly updatedAt: string;
  readonly updatedBy: string;
}

export interface CaseHit extends CaseRecord {
  /** Rank of the match (0 when there are no terms); see `scoreOf`. */
  readonly score: number;
}

export interface WriteStamp {
  readonly at: string;
  readonly by: string;
}

/** Weights of a term found in the title, tags and summary; body occurrences count once each, up to a cap. */
export const SCORE_WEIGHTS = { title: 100, tags: 40, summary: 20, bodyCap: 20 } as const;

function columnsOf(f: CaseFields) {
  return {
    title: f.title,
    unit_code: f.unitCode,
    tags: JSON.stringify(f.tags),
    summary: f.summary,
    body: f.body,
    pilot_code: f.pilotCode,
    source: f.source,
    ...caseSearchColumns(f),
  };
}

/** Inserts a case and its tags; returns its id. */
export async function insertCase(store: Store, fields: CaseFields, stamp: WriteStamp): Promise<number> {
  return store.db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto('cases')
      .values({
        ...columnsOf(fields),
        version: 1,
        created_at: stamp.at,
        created_by: stamp.by,
        updated_at: stamp.at,
        updated_by: stamp.by,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    if (fields.tags.length > 0)
      await trx
        .insertInto('case_tags')
        .values(fields.tags.map((tag) => ({ case_id: row.id, tag })))
        .execute();
    return row.id;
  });
}

/**
 * Replaces a case's fields if its version is still `expectedVersion`; returns the new version, or says why
 * nothing was written.
 */
export async function updateCase(
  store: Store,
  id: number,
  expectedVersion: number,
  fields: CaseFields,
  stamp: WriteStamp,
): Promise<{ readonly version: number } | 'not_found' | 'conflict'> {
  return store.db.transaction().execute(async (trx) => {
    const current = await trx.selectFrom('cases').select('version').where('id', '=', id).executeTakeFirst();
    if (!current) return 'not_found' as const;
    if (current.version !== expectedVersion) return 'conflict' as const;
    const version = expectedVersion + 1;
    const r = await trx
      .updateTable('cases')
      .set({ ...columnsOf(fields), version, updated_at: stamp.at, updated_by: stamp.by })
      .where('id', '=', id)
      .where('version', '=', expectedVersion)
      .executeTakeFirst();
    if (Number(r.numUpdatedRows) !== 1) return 'conflict' as const;
    await trx.deleteFrom('case_tags').where('case_id', '=', id).execute();
    if (fields.tags.length > 0)
      await trx
        .insertInto('case_tags')
        .values(fields.tags.map((tag) => ({ case_id: id, tag })))
        .execute();
    return { version };
  });
}

export interface CaseQuery {
  /** Normalised search terms (`searchTerms`); all must match. Empty: every case, newest first. */
  readonly terms: readonly string[];
  /** Only cases of units in this subtree (a unit path). */
  readonly unitPath?: string;
  readonly pilotCode?: string;
  readonly tag?: string;
  readonly limit: number;
  readonly offset: number;
}

interface CaseRow {
  id: number;
  title: string;
  unit_code: string;
  unit_name: string;
  tags: string;
  summary: string;
  body: string;
  pilot_code: string | null;
  pilot_name: string | null;
  source: string;
  version: number;
  created_at: string;
  created_by: string;
  updated_at: string;
  updated_by: string;
  score: number;
}

function recordOf(r: CaseRow): CaseHit {
  return {
    id: r.id,
    title: r.title,
    unitCode: r.unit_code,
    unitName: r.unit_name,
    tags: JSON.parse(r.tags) as string[],
    summary: r.summary,
    body: r.body,
    pilotCode: r.pilot_code,
    pilotName: r.pilot_name,
    source: r.source,
    version: r.version,
    createdAt: r.created_at,
    createdBy: r.created_by,
    updatedAt: r.updated_at,
    updatedBy: r.updated_by,
    score: Number(r.score),
  };
}

/** `"term"` as an FTS5 phrase (terms hold only letters and digits, but quotes are doubled regardless). */
const ftsPhrase = (term: string) => `"${term.replaceAll('"', '""')}"`;

/** The candidate filter of one term: the engine's index, then the exact substring check. */
function termCondition(store: Store, term: string): RawBuilder<unknown> {
  if (store.engine === 'postgres') {
    const grams = termGrams(term).map((g) => sql`${g}`);
    return sql`cases_gram_array(c.grams) @> array[${sql.join(grams)}]::text[] and strpos(c.search_text, ${term}) > 0`;
  }
  const fts = charLength(term) >= 3 ? sql.raw('cases_trgm') : sql.raw('cases_grams');
  return sql`c.id in (select rowid from ${fts} where ${fts} match ${ftsPhrase(term)}) and instr(c.search_text, ${term}) > 0`;
}

/**
 * Score of a case for the terms: per term, 100 if in the title, 40 if in the tags, 20 if in the summary,
 * plus its occurrences in the body (non-overlapping, capped at 20). Integer arithmetic on both engines.
 */
function scoreOf(store: Store, terms: readonly string[]): RawBuilder<number> {
  if (terms.length === 0) return sql<number>`0`;
  const pos = sql.raw(store.engine === 'postgres' ? 'strpos' : 'instr');
  const W = SCORE_WEIGHTS;
  const parts = terms.map((t) => {
    const len = sql.lit(charLength(t));
    const occ = sql`((length(c.body_norm) - length(replace(c.body_norm, ${t}, ''))) / ${len})`;
    return sql`(case when ${pos}(c.title_norm, ${t}) > 0 then ${sql.lit(W.title)} else 0 end
      + case when ${pos}(c.tags_norm, ${t}) > 0 then ${sql.lit(W.tags)} else 0 end
      + case when ${pos}(c.summary_norm, ${t}) > 0 then ${sql.lit(W.summary)} else 0 end
      + case when ${occ} > ${sql.lit(W.bodyCap)} then ${sql.lit(W.bodyCap)} else ${occ} end)`;
  });
  return sql<number>`(${sql.join(parts, sql` + `)})`;
}

function whereOf(store: Store, q: CaseQuery): RawBuilder<unknown> {
  const conds: RawBuilder<unknown>[] = q.terms.map((t) => termCondition(store, t));
  if (q.unitPath !== undefined) {
    const { from, to } = subtreeRange(q.unitPath);
    conds.push(sql`u.path >= ${from} and u.path < ${to}`);
  }
  if (q.pilotCode !== undefined) conds.push(sql`c.pilot_code = ${q.pilotCode}`);
  if (q.tag !== undefined)
    conds.push(sql`exists (select 1 from case_tags t where t.case_id = c.id and t.tag = ${q.tag})`);
  return conds.length === 0 ? sql`1 = 1` : sql.join(conds, sql` and `);
}

/** Cases matching every term and filter, best match first (then newest, then by id); and how many match. */
export async function queryCases(
  store: Store,
  q: CaseQuery,
): Promise<{ readonly total: number; readonly items: CaseHit[] }> {
  const where = whereOf(store, q);
  const from = sql`from cases c join units u on u.code = c.unit_code left join pilots p on p.code = c.pilot_code`;
  const total = await sql<{ n: number }>`select count(*) as n ${from} where ${where}`.execute(store.db);
  const rows = await sql<CaseRow>`select c.id, c.title, c.unit_code, u.name as unit_name, c.tags, c.summary,
      c.body, c.pilot_code, p.name as pilot_name, c.source, c.version, c.created_at, c.created_by,
      c.updated_at, c.updated_by, ${scoreOf(store, q.terms)} as score
    ${from} where ${where}
    order by score desc, c.updated_at desc, c.id desc
    limit ${sql.lit(Math.max(0, Math.trunc(q.limit)))} offset ${sql.lit(Math.max(0, Math.trunc(q.offset)))}`.execute(
    store.db,
  );
  return { total: Number(total.rows[0]?.n ?? 0), items: rows.rows.map(recordOf) };
}

export async function getCase(store: Store, id: number): Promise<CaseRecord | undefined> {
  const r = await sql<CaseRow>`select c.id, c.title, c.unit_code, u.name as unit_name, c.tags, c.summary,
      c.body, c.pilot_code, p.name as pilot_name, c.source, c.version, c.created_at, c.created_by,
      c.updated_at, c.updated_by, 0 as score
    from cases c join units u on u.code = c.unit_code left join pilots p on p.code = c.pilot_code
    where c.id = ${id}`.execute(store.db);
  const row = r.rows[0];
  if (!row) return undefined;
  const { score, ...rest } = recordOf(row);
  void score;
  return rest;
}

/** Tags in use with the number of cases carrying each, most used first. */
export async function listCaseTags(store: Store): Promise<{ tag: string; count: number }[]> {
  const rows = await store.db
    .selectFrom('case_tags')
    .select(['tag', (eb) => eb.fn.countAll<number>().as('n')])
    .groupBy('tag')
    .orderBy('n', 'desc')
    .orderBy('tag')
    .execute();
  return rows.map((r) => ({ tag: r.tag, count: Number(r.n) }));
}
