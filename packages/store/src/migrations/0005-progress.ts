/**
 * Warnings (预警) and the lineage of derived values (issue 4). Written once for both engines; the few
 * differences are spelled out inline.
 *
 * - `derived_values` marks an observation as computed by an indicator's formula; `derived_value_inputs`
 *   lists the input observations and the version of each that was read, so a derived value names exactly
 *   which observations (and through them which sources) it came from, and is stale when an input's
 *   version moves on.
 * - `warnings` keeps every warning with the date it was raised and the date it was closed; a partial
 *   unique index allows only one open warning per fingerprint (rule × target × unit, or rule × data set ×
 *   unit × period), so re-evaluating never duplicates one.
 * - `warning_evaluations` records each evaluation (as-of date, data revision), so an evaluation is not
 *   repeated on unchanged data and never rewrites history as of an earlier date.
 * - `progress_revision` (bumped by statement-level triggers on PostgreSQL) tells caches that the inputs of
 *   progress changed; SQLite answers the same question with `PRAGMA data_version` and `total_changes()`,
 *   which cost nothing per row, where a row trigger would triple the time of a bulk load.
 */
import { sql, type ColumnDefinitionBuilder, type Kysely, type Migration } from 'kysely';
import type { Engine } from '../db';

type AnyDb = Kysely<unknown>;

/** Tables whose changes invalidate computed progress (PostgreSQL revision triggers). */
const REVISION_TABLES = ['observations', 'targets', 'indicators', 'plans', 'units', 'unit_group_members'];

export function progress(engine: Engine): Migration {
  const pg = engine === 'postgres';
  return {
    async up(db: AnyDb) {
      const id = pg ? ('serial' as const) : ('integer' as const);
      const idBuild = (c: ColumnDefinitionBuilder) => (pg ? c.primaryKey() : c.primaryKey().autoIncrement());

      await db.schema
        .createTable('derived_values')
        .addColumn('observation_id', 'integer', (c) => c.primaryKey().references('observations.id'))
        .addColumn('indicator_code', 'text', (c) => c.notNull().references('indicators.code'))
        .addColumn('formula', 'text', (c) => c.notNull())
        .addColumn('computed_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('derived_values_indicator')
        .on('derived_values')
        .column('indicator_code')
        .execute();

      await db.schema
        .createTable('derived_value_inputs')
        .addColumn('id', id, idBuild)
        .addColumn('observation_id', 'integer', (c) => c.notNull().references('observations.id'))
        .addColumn('input_observation_id', 'integer', (c) => c.notNull().references('observations.id'))
        .addColumn('input_version', 'integer', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('derived_value_inputs_key')
        .on('derived_value_inputs')
        .columns(['observation_id', 'input_observation_id'])
        .unique()
        .execute();
      await db.schema
        .createIndex('derived_value_inputs_input')
        .on('derived_value_inputs')
        .column('input_observation_id')
        .execute();

      await db.schema
        .createTable('warnings')
        .addColumn('id', id, idBuild)
        .addColumn('rule', 'text', (c) =>
          c
            .notNull()
            .check(sql`rule in ('off_track', 'target_missed', 'wrong_direction', 'missing_submission')`),
        )
        .addColumn('severity', 'text', (c) => c.notNull().check(sql`severity in ('yellow', 'orange', 'red')`))
        .addColumn('fingerprint', 'text', (c) => c.notNull())
        .addColumn('unit_code', 'text', (c) => c.notNull().references('units.code'))
        .addColumn('province_code', 'text', (c) => c.notNull())
        .addColumn('indicator_code', 'text', (c) => c.references('indicators.code'))
        .addColumn('plan_code', 'text', (c) => c.references('plans.code'))
        .addColumn('target_id', 'integer', (c) => c.references('targets.id'))
        .addColumn('dataset_code', 'text')
        .addColumn('period', 'text')
        .addColumn('message', 'text', (c) => c.notNull())
        .addColumn('details', 'text', (c) => c.notNull())
        .addColumn('raised_on', 'text', (c) => c.notNull())
        /** Exclusive: the first evaluation date on which the rule no longer fired. */
        .addColumn('closed_on', 'text')
        .addColumn('last_seen_on', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('warnings_one_open')
        .on('warnings')
        .column('fingerprint')
        .unique()
        .where(sql.ref('closed_on'), 'is', null)
        .execute();
      await db.schema
        .createIndex('warnings_unit')
        .on('warnings')
        .columns(['unit_code', 'raised_on'])
        .execute();
      await db.schema.createIndex('warnings_raised').on('warnings').column('raised_on').execute();
      await db.schema.createIndex('warnings_closed').on('warnings').column('closed_on').execute();

      await db.schema
        .createTable('warning_evaluations')
        .addColumn('id', id, idBuild)
        .addColumn('as_of', 'text', (c) => c.notNull())
        .addColumn('revision', 'text', (c) => c.notNull())
        .addColumn('evaluated_at', 'text', (c) => c.notNull())
        .addColumn('raised', 'integer', (c) => c.notNull())
        .addColumn('updated', 'integer', (c) => c.notNull())
        .addColumn('closed', 'integer', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('warning_evaluations_as_of')
        .on('warning_evaluations')
        .column('as_of')
        .execute();

      await db.schema
        .createTable('progress_revision')
        .addColumn('id', 'integer', (c) => c.primaryKey())
        .addColumn('n', 'bigint', (c) => c.notNull())
        .execute();
      await sql`insert into progress_revision (id, n) values (1, 0)`.execute(db);
      if (pg) {
        // Once per statement, not per row: a bulk load of millions of rows bumps it once per statement.
        await sql`create function suocha_progress_bump() returns trigger language plpgsql as $$
          begin update progress_revision set n = n + 1 where id = 1; return null; end $$`.execute(db);
        for (const t of REVISION_TABLES)
          await sql`create trigger ${sql.raw(`${t}_progress_revision`)} after insert or update or delete
            on ${sql.table(t)} for each statement execute function suocha_progress_bump()`.execute(db);
      }
    },
  };
}
