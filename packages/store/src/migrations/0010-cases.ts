/**
 * Pilots (试点) and the case library (典型案例) with Chinese full-text search (issue 8 §3).
 *
 * A case keeps normalised copies of its text (see `tasks/cases/search-text.ts`): a query term matches when it
 * is a substring of `search_text`, on both engines, so both return the same rows. The indexes only narrow
 * the candidates before that exact check:
 * - SQLite: FTS5 `cases_trgm` (trigram tokenizer) for terms of three or more characters, and FTS5
 *   `cases_grams` over the 1- and 2-character grams for shorter terms (the trigram tokenizer cannot answer
 *   those). Both are external-content tables kept in step with `cases` by triggers.
 * - PostgreSQL: a GIN index over the gram array (`cases_gram_array(grams)`); a term's grams must all be
 *   present. pg_trgm is not used: in a database with the C locale (as here) it extracts no trigrams from
 *   CJK text, while the gram array works under any locale.
 */
import { sql, type ColumnDefinitionBuilder, type Kysely, type Migration } from 'kysely';
import type { Engine } from '../db';

const notBlank = (column: string) => sql.raw(`length(trim(${column})) > 0`);

export function casesMigration(engine: Engine): Migration {
  const pg = engine === 'postgres';
  return {
    async up(db: Kysely<unknown>) {
      const id = pg ? ('serial' as const) : ('integer' as const);
      const idBuild = (c: ColumnDefinitionBuilder) => (pg ? c.primaryKey() : c.primaryKey().autoIncrement());

      await db.schema
        .createTable('pilots')
        .addColumn('code', 'text', (c) => c.primaryKey())
        .addColumn('name', 'text', (c) => c.notNull().check(notBlank('name')))
        .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('全域综合试点', '专项试点')`))
        .addColumn('theme', 'text', (c) => c.notNull())
        .addColumn('start_date', 'text')
        .addColumn('status', 'text', (c) =>
          c.notNull().check(sql`status in ('planned', 'active', 'completed')`),
        )
        .addColumn('units_note', 'text', (c) => c.notNull())
        .addColumn('source', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('pilot_units')
        .addColumn('pilot_code', 'text', (c) => c.notNull().references('pilots.code').onDelete('cascade'))
        .addColumn('unit_code', 'text', (c) => c.notNull().references('units.code'))
        .addPrimaryKeyConstraint('pilot_units_pk', ['pilot_code', 'unit_code'])
        .execute();

      await db.schema
        .createTable('cases')
        .addColumn('id', id, idBuild)
        .addColumn('title', 'text', (c) => c.notNull().check(notBlank('title')))
        .addColumn('unit_code', 'text', (c) => c.notNull().references('units.code'))
        .addColumn('tags', 'text', (c) => c.notNull())
        .addColumn('summary', 'text', (c) => c.notNull().check(notBlank('summary')))
        .addColumn('body', 'text', (c) => c.notNull().check(notBlank('body')))
        .addColumn('pilot_code', 'text', (c) => c.references('pilots.code'))
        .addColumn('source', 'text', (c) => c.notNull())
        .addColumn('version', 'integer', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('created_by', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .addColumn('updated_by', 'text', (c) => c.notNull())
        .addColumn('title_norm', 'text', (c) => c.notNull())
        .addColumn('tags_norm', 'text', (c) => c.notNull())
        .addColumn('summary_norm', 'text', (c) => c.notNull())
        .addColumn('body_norm', 'text', (c) => c.notNull())
        .addColumn('search_text', 'text', (c) => c.notNull())
        .addColumn('grams', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('cases_unit').on('cases').column('unit_code').execute();
      await db.schema.createIndex('cases_pilot').on('cases').column('pilot_code').execute();
      await db.schema.createIndex('cases_updated').on('cases').columns(['updated_at', 'id']).execute();

      await db.schema
        .createTable('case_tags')
        .addColumn('case_id', 'integer', (c) => c.notNull().references('cases.id').onDelete('cascade'))
        .addColumn('tag', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('case_tags_pk', ['case_id', 'tag'])
        .execute();
      await db.schema.createIndex('case_tags_tag').on('case_tags').column('tag').execute();

      if (pg) {
        // A PL/pgSQL wrapper with a high declared cost: with the built-in string_to_array (cost 1) the planner
        // prices a sequential scan of the small, TOASTed heap below the GIN index and then splits every
        // row's grams (seconds for a few thousand cases); priced honestly, it takes the index.
        await sql`create function cases_gram_array(grams text) returns text[]
          language plpgsql immutable strict parallel safe cost 10000
          as $$ begin return string_to_array(grams, ' '); end $$`.execute(db);
        await sql`create index cases_grams_gin on cases using gin (cases_gram_array(grams))`.execute(db);
        return;
      }
      // case_sensitive 1: the text is already folded by the normaliser, so FTS5 must not fold it differently.
      await sql`create virtual table cases_trgm using fts5(search_text, content='cases', content_rowid='id',
        tokenize = 'trigram case_sensitive 1')`.execute(db);
      await sql`create virtual table cases_grams using fts5(grams, content='cases', content_rowid='id',
        tokenize = 'unicode61 remove_diacritics 0')`.execute(db);
      await sql`create trigger cases_fts_insert after insert on cases begin
        insert into cases_trgm(rowid, search_text) values (new.id, new.search_text);
        insert into cases_grams(rowid, grams) values (new.id, new.grams);
      end`.execute(db);
      await sql`create trigger cases_fts_delete after delete on cases begin
        insert into cases_trgm(cases_trgm, rowid, search_text) values ('delete', old.id, old.search_text);
        insert into cases_grams(cases_grams, rowid, grams) values ('delete', old.id, old.grams);
      end`.execute(db);
      await sql`create trigger cases_fts_update after update of search_text, grams on cases begin
        insert into cases_trgm(cases_trgm, rowid, search_text) values ('delete', old.id, old.search_text);
        insert into cases_grams(cases_grams, rowid, grams) values ('delete', old.id, old.grams);
        insert into cases_trgm(rowid, search_text) values (new.id, new.search_text);
        insert into cases_grams(rowid, grams) values (new.id, new.grams);
      end`.execute(db);
    },
  };
}
