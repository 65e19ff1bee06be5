/**
 * The write of a validated import, all or nothing, in ONE transaction: every form touched must still be
 * in draft, every new value must still be absent and every changed value still at the version read
 * during validation; otherwise nothing is written and the conflicts are returned. Each insert or update
 * gets its history entry.
 *
 * Raw drivers, because this is the 600k-value path (bench/collection): prepared statements in one
 * synchronous `BEGIN IMMEDIATE` transaction on SQLite; `unnest` batches inside `BEGIN … COMMIT` on
 * PostgreSQL. Forms are touched first and in sorted order, so concurrent imports and form saves take
 * their locks in the same order and cannot deadlock.
 */
import type pg from 'pg';
import type { Store } from '../db';
import { idle } from './program';

export interface ImportForm {
  readonly unitCode: string;
  readonly provinceCode: string;
  readonly period: string;
}

export interface ImportInsert {
  readonly indicatorCode: string;
  readonly unitCode: string;
  readonly provinceCode: string;
  readonly period: string;
  readonly periodEnd: string;
  readonly value: number;
  readonly comment: string;
}

export interface ImportUpdate {
  readonly id: number;
  readonly indicatorCode: string;
  readonly unitCode: string;
  readonly provinceCode: string;
  readonly period: string;
  readonly oldValue: number;
  readonly oldStatus: string;
  readonly oldVersion: number;
  readonly value: number;
  readonly comment: string;
}

export interface ImportWriteInput {
  readonly datasetCode: string;
  readonly forms: readonly ImportForm[];
  readonly inserts: readonly ImportInsert[];
  readonly updates: readonly ImportUpdate[];
  readonly by: string;
  readonly at: string;
  readonly reason: string;
  readonly source: string;
  /** Generated (模拟数据) values: benchmarks and demos. */
  readonly synthetic?: boolean;
  /** Called as rows are written (every 10,000 and at the end), inside the transaction. */
  readonly onProgress?: (written: number, total: number) => void | Promise<void>;
}

export interface ImportWriteConflict {
  readonly unitCode: string;
  readonly period: string;
  readonly indicatorCode?: string;
  readonly message: string;
}

export type ImportWriteResult =
  | { readonly kind: 'ok'; readonly inserted: number; readonly updated: number; readonly forms: number }
  | { readonly kind: 'conflict'; readonly conflicts: readonly ImportWriteConflict[] };

const PROGRESS_EVERY = 10_000;
/** New values whose history entries are written by one statement. */
const HISTORY_BATCH = 1_000;
/** Page cache of a bulk write on SQLite, in KiB. */
const BULK_CACHE_KIB = 256 * 1024;
const FORM_NOT_DRAFT = '表单已不在草稿状态 (the form left draft after validation)';
const VALUE_CHANGED = '数值在校验后被修改 (the value changed after validation)';
const VALUE_ADDED = '数值在校验后被他人录入 (someone entered the value after validation)';

/** The key of a unique violation on observations (PostgreSQL error 23505), from its detail text. */
function uniqueViolation(
  e: unknown,
): { indicatorCode: string; unitCode: string; period: string } | undefined {
  if (typeof e !== 'object' || e === null || (e as { code?: unknown }).code !== '23505') return undefined;
  const detail = String((e as { detail?: unknown }).detail ?? '');
  const m = /=\(([^,]*), ([^,]*), ([^)]*)\)/.exec(detail);
  return { indicatorCode: m?.[1] ?? '', unitCode: m?.[2] ?? '', period: m?.[3] ?? '' };
}

/**
 * Text as an SQLite string literal: single quotes doubled (SQLite has no other escapes in literals) and
 * NUL, which would end the statement text, dropped.
 */
export function sqlText(text: string): string {
  return `'${text.split('\u0000').join('').replace(/'/g, "''")}'`;
}

class Abort {
  constructor(readonly conflicts: ImportWriteConflict[]) {}
}

const byFormKey = (a: ImportForm, b: ImportForm) =>
  a.unitCode < b.unitCode
    ? -1
    : a.unitCode > b.unitCode
      ? 1
      : a.period < b.period
        ? -1
        : a.period > b.period
          ? 1
          : 0;

export async function writeImport(store: Store, input: ImportWriteInput): Promise<ImportWriteResult> {
  const forms = [...input.forms].sort(byFormKey);
  return store.raw.sqlite ? writeSqlite(store, input, forms) : writePg(store, input, forms);
}

async function writeSqlite(
  store: Store,
  input: ImportWriteInput,
  forms: ImportForm[],
): Promise<ImportWriteResult> {
  const db = store.raw.sqlite;
  if (!db) throw new Error('no sqlite');
  const insForm = db.prepare(
    `insert into collection_forms (dataset_code, unit_code, province_code, period, state, version, updated_at, updated_by)
     values (?, ?, ?, ?, 'draft', 0, ?, ?) on conflict (dataset_code, period, unit_code) do nothing`,
  );
  const touchForm = db.prepare(
    `update collection_forms set version = version + 1, updated_at = ?, updated_by = ?
     where dataset_code = ? and unit_code = ? and period = ? and state = 'draft'`,
  );
  // The import's constants are written into this statement as literals rather than bound 600,000
  // times over (a tenth of the insert loop); `sqlText` makes any text a safe SQLite string literal.
  const insObs = db.prepare(
    `insert into observations (indicator_code, unit_code, province_code, period, period_end, value, source, note, status, version,
       synthetic, updated_at, updated_by, dataset_code, comment)
     values (?, ?, ?, ?, ?, ?, ${sqlText(input.source)}, '', 'draft', 1, ${input.synthetic ? 1 : 0}, ${sqlText(input.at)},
       ${sqlText(input.by)}, ${sqlText(input.datasetCode)}, ?) on conflict (indicator_code, unit_code, period) do nothing`,
  );
  const updObs = db.prepare(
    `update observations set value = ?, comment = ?, dataset_code = ?, source = ?, version = version + 1, updated_at = ?, updated_by = ?
     where id = ? and version = ? and status = 'draft'`,
  );
  const insHist = db.prepare(
    `insert into observation_history (observation_id, indicator_code, unit_code, province_code, period, version, old_value, new_value,
       old_status, new_status, changed_by, changed_at, reason, source, comment)
     values (?, ?, ?, ?, ?, ?, ?, ?, ?, 'draft', ?, ?, ?, ?, ?)`,
  );
  const insHistRange = db.prepare(
    `insert into observation_history (observation_id, indicator_code, unit_code, province_code, period, version, old_value,
       new_value, old_status, new_status, changed_by, changed_at, reason, source, comment)
     select id, indicator_code, unit_code, province_code, period, 1, null, value, null, 'draft', ?, ?, ?, source, comment
     from observations where id between ? and ? order by id`,
  );
  const total = input.inserts.length + input.updates.length;
  const { by, at, reason, source, datasetCode } = input;
  const tx = db.transaction(() => {
    const conflicts: ImportWriteConflict[] = [];
    for (const f of forms) {
      insForm.run(datasetCode, f.unitCode, f.provinceCode, f.period, at, by);
      if (touchForm.run(at, by, datasetCode, f.unitCode, f.period).changes === 0)
        conflicts.push({ unitCode: f.unitCode, period: f.period, message: FORM_NOT_DRAFT });
    }
    if (conflicts.length) throw new Abort(conflicts);
    let done = 0;
    // New values are inserted one by one; their history entries a batch at a time, copied inside
    // SQLite from the rows just written (ids run consecutively within this exclusive transaction).
    let first = -1;
    let last = -1;
    let pending = 0;
    const flush = () => {
      if (pending === 0) return;
      if (last - first + 1 !== pending || insHistRange.run(by, at, reason, first, last).changes !== pending)
        throw new Error('import history: observation ids of a batch are not consecutive');
      pending = 0;
    };
    for (const r of input.inserts) {
      const res = insObs.run(
        r.indicatorCode,
        r.unitCode,
        r.provinceCode,
        r.period,
        r.periodEnd,
        r.value,
        r.comment,
      );
      if (res.changes === 0)
        throw new Abort([
          { unitCode: r.unitCode, period: r.period, indicatorCode: r.indicatorCode, message: VALUE_ADDED },
        ]);
      const id = Number(res.lastInsertRowid);
      if (pending > 0 && id !== last + 1) flush();
      if (pending === 0) first = id;
      last = id;
      if (++pending === HISTORY_BATCH) flush();
      if (++done % PROGRESS_EVERY === 0) void input.onProgress?.(done, total);
    }
    flush();
    for (const u of input.updates) {
      if (updObs.run(u.value, u.comment, datasetCode, source, at, by, u.id, u.oldVersion).changes === 0)
        throw new Abort([
          { unitCode: u.unitCode, period: u.period, indicatorCode: u.indicatorCode, message: VALUE_CHANGED },
        ]);
      insHist.run(
        u.id,
        u.indicatorCode,
        u.unitCode,
        u.provinceCode,
        u.period,
        u.oldVersion + 1,
        u.oldValue,
        u.value,
        u.oldStatus,
        by,
        at,
        reason,
        source,
        u.comment,
      );
      if (++done % PROGRESS_EVERY === 0) void input.onProgress?.(done, total);
    }
    void input.onProgress?.(done, total);
  });
  await idle(db);
  // A large page cache for the duration: the index inserts of a big import touch pages all over the
  // (indicator, unit, period) index, and SQLite's default 2 MB cache turns that into re-reads.
  const cache = Number(db.pragma('cache_size', { simple: true }));
  db.pragma(`cache_size = ${-BULK_CACHE_KIB}`);
  try {
    tx.immediate();
  } catch (e) {
    if (e instanceof Abort) return { kind: 'conflict', conflicts: e.conflicts };
    throw e;
  } finally {
    db.pragma(`cache_size = ${cache}`);
  }
  return { kind: 'ok', inserted: input.inserts.length, updated: input.updates.length, forms: forms.length };
}

const BATCH = 10_000;

async function writePg(
  store: Store,
  input: ImportWriteInput,
  forms: ImportForm[],
): Promise<ImportWriteResult> {
  const pool = store.raw.pg;
  if (!pool) throw new Error('store has no driver');
  const client = await pool.connect();
  let broken: Error | undefined;
  try {
    await client.query('begin');
    const r = await writePgIn(client, input, forms);
    await client.query(r.kind === 'ok' ? 'commit' : 'rollback');
    return r;
  } catch (e) {
    await client.query('rollback').catch((x: unknown) => {
      broken = x instanceof Error ? x : new Error(String(x));
    });
    throw e;
  } finally {
    client.release(broken);
  }
}

async function writePgIn(
  client: pg.PoolClient,
  input: ImportWriteInput,
  forms: ImportForm[],
): Promise<ImportWriteResult> {
  const { by, at, reason, source, datasetCode } = input;
  const total = input.inserts.length + input.updates.length;
  for (let i = 0; i < forms.length; i += BATCH) {
    const part = forms.slice(i, i + BATCH);
    const units = part.map((f) => f.unitCode);
    const periods = part.map((f) => f.period);
    await client.query(
      `insert into collection_forms (dataset_code, unit_code, province_code, period, state, version, updated_at, updated_by)
       select $1, u, pr, p, 'draft', 0, $5, $6 from unnest($2::text[], $3::text[], $4::text[]) as k(u, pr, p)
       on conflict (dataset_code, period, unit_code) do nothing`,
      [datasetCode, units, part.map((f) => f.provinceCode), periods, at, by],
    );
    const touched = await client.query<{ unit_code: string; period: string }>(
      `update collection_forms f set version = f.version + 1, updated_at = $4, updated_by = $5
       from unnest($2::text[], $3::text[]) as k(u, p)
       where f.dataset_code = $1 and f.unit_code = k.u and f.period = k.p and f.state = 'draft'
       returning f.unit_code, f.period`,
      [datasetCode, units, periods, at, by],
    );
    if ((touched.rowCount ?? 0) !== part.length) {
      const ok = new Set(touched.rows.map((r) => `${r.unit_code}|${r.period}`));
      return {
        kind: 'conflict',
        conflicts: part
          .filter((f) => !ok.has(`${f.unitCode}|${f.period}`))
          .map((f) => ({ unitCode: f.unitCode, period: f.period, message: FORM_NOT_DRAFT })),
      };
    }
  }
  let done = 0;
  const progress = async () => {
    if (input.onProgress) await input.onProgress(done, total);
  };
  // Each batch writes its values and their history entries in one statement; the count of history
  // entries written tells whether every row went in (an insert meeting an existing key writes none).
  for (let i = 0; i < input.inserts.length; i += BATCH) {
    const part = input.inserts.slice(i, i + BATCH);
    // A plain insert (no `on conflict`: speculative insertion costs about a tenth of the write); a value
    // that is there already fails the statement, and the transaction is rolled back by the caller.
    let res: pg.QueryResult<{ n: number }>;
    try {
      res = await client.query<{ n: number }>(
        `with ins as (
         insert into observations (indicator_code, unit_code, province_code, period, period_end, value, source, note, status, version,
           synthetic, updated_at, updated_by, dataset_code, comment)
         select i, u, pc, p, pe, v, $7, '', 'draft', 1, $8, $9, $10, $11, c
         from unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::float8[], $12::text[]) as k(i, u, pc, p, pe, v, c)
         returning id, indicator_code, unit_code, province_code, period, value, comment),
       hist as (
         insert into observation_history (observation_id, indicator_code, unit_code, province_code, period, version, old_value, new_value,
           old_status, new_status, changed_by, changed_at, reason, source, comment)
         select id, indicator_code, unit_code, province_code, period, 1, null, value, null, 'draft', $9, $10, $13, $7, comment from ins
         returning 1)
       select count(*)::int as n from hist`,
        [
          part.map((r) => r.indicatorCode),
          part.map((r) => r.unitCode),
          part.map((r) => r.provinceCode),
          part.map((r) => r.period),
          part.map((r) => r.periodEnd),
          part.map((r) => r.value),
          source,
          input.synthetic ? 1 : 0,
          by,
          at,
          datasetCode,
          part.map((r) => r.comment),
          reason,
        ],
      );
    } catch (e) {
      const clash = uniqueViolation(e);
      if (!clash) throw e;
      return { kind: 'conflict', conflicts: [{ ...clash, message: VALUE_ADDED }] };
    }
    // Every row went in (a clash would have failed the statement), each with its history entry.
    if ((res.rows[0]?.n ?? 0) !== part.length)
      throw new Error('import: history entries do not match the values inserted');
    done += part.length;
    await progress();
  }
  for (let i = 0; i < input.updates.length; i += BATCH) {
    const part = input.updates.slice(i, i + BATCH);
    const res = await client.query<{ n: number }>(
      `with upd as (
         update observations o set value = k.v, comment = k.c, dataset_code = $9, source = $10, version = o.version + 1,
           updated_at = $11, updated_by = $12
         from unnest($1::int[], $2::int[], $3::float8[], $4::text[], $5::float8[], $6::text[], $7::text[], $8::text[])
           as k(id, ver, v, c, ov, os, i, p)
         where o.id = k.id and o.version = k.ver and o.status = 'draft'
         returning o.id, o.indicator_code, o.unit_code, o.province_code, o.period, o.version, k.ov, k.v, k.os, k.c),
       hist as (
         insert into observation_history (observation_id, indicator_code, unit_code, province_code, period, version, old_value, new_value,
           old_status, new_status, changed_by, changed_at, reason, source, comment)
         select id, indicator_code, unit_code, province_code, period, version, ov, v, os, 'draft', $12, $11, $13, $10, c from upd
         returning observation_id)
       select count(*)::int as n from hist`,
      [
        part.map((u) => u.id),
        part.map((u) => u.oldVersion),
        part.map((u) => u.value),
        part.map((u) => u.comment),
        part.map((u) => u.oldValue),
        part.map((u) => u.oldStatus),
        part.map((u) => u.indicatorCode),
        part.map((u) => u.period),
        datasetCode,
        source,
        at,
        by,
        reason,
      ],
    );
    if ((res.rows[0]?.n ?? 0) !== part.length) {
      const now = await client.query<{ id: number; version: number; status: string }>(
        'select id, version, status from observations where id = any($1::int[])',
        [part.map((u) => u.id)],
      );
      const cur = new Map(now.rows.map((r) => [r.id, r] as const));
      const lost =
        part.find((u) => cur.get(u.id)?.version !== u.oldVersion + 1 || cur.get(u.id)?.status !== 'draft') ??
        part[0];
      return {
        kind: 'conflict',
        conflicts: lost
          ? [
              {
                unitCode: lost.unitCode,
                period: lost.period,
                indicatorCode: lost.indicatorCode,
                message: VALUE_CHANGED,
              },
            ]
          : [],
      };
    }
    done += part.length;
    await progress();
  }
  return { kind: 'ok', inserted: input.inserts.length, updated: input.updates.length, forms: forms.length };
}
