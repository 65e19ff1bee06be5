/**
 * Data collection (issue 3): data sets with their fields and validation rules, forms (one data set × unit
 * × period, carrying the workflow state) and an append-only log of their transitions. Values stay in
 * `observations` with their append-only `observation_history`; this adds the data set a value was
 * entered through, the reporter's comment, and the owning department of an indicator.
 */
import { sql, type ColumnDefinitionBuilder, type Kysely, type Migration } from 'kysely';
import type { Engine } from '../db';

type AnyDb = Kysely<unknown>;

export function collection(engine: Engine): Migration {
  const pg = engine === 'postgres';
  return {
    async up(db: AnyDb) {
      const id = pg ? ('serial' as const) : ('integer' as const);
      const idBuild = (c: ColumnDefinitionBuilder) => (pg ? c.primaryKey() : c.primaryKey().autoIncrement());

      await db.schema.alterTable('indicators').addColumn('department_code', 'text').execute();
      await db.schema.alterTable('observations').addColumn('dataset_code', 'text').execute();
      await db.schema
        .alterTable('observations')
        .addColumn('comment', 'text', (c) => c.notNull().defaultTo(''))
        .execute();
      await db.schema
        .alterTable('observation_history')
        .addColumn('comment', 'text', (c) => c.notNull().defaultTo(''))
        .execute();
      // One period of many units in one sweep (an import's current values and history, a form's
      // transition, an export): rows of a unit and period sit together, so this reads pages in order
      // instead of once per indicator.
      await db.schema
        .createIndex('observations_period')
        .on('observations')
        .columns(['period', 'unit_code'])
        .execute();

      // Values cleared from a form: their rows are gone, their ids are kept here, so that the history
      // of a value can still be found by its key (history itself is found by observation id).
      await db.schema
        .createTable('collection_cleared')
        .addColumn('observation_id', 'integer', (c) => c.primaryKey())
        .addColumn('indicator_code', 'text', (c) => c.notNull())
        .addColumn('unit_code', 'text', (c) => c.notNull())
        .addColumn('period', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('collection_cleared_key')
        .on('collection_cleared')
        .columns(['unit_code', 'period'])
        .execute();

      await db.schema
        .createTable('collection_datasets')
        .addColumn('code', 'text', (c) => c.primaryKey())
        .addColumn('name_zh', 'text', (c) => c.notNull())
        .addColumn('name_en', 'text', (c) => c.notNull().defaultTo(''))
        .addColumn('period_kind', 'text', (c) =>
          c.notNull().check(sql`period_kind in ('month', 'quarter', 'half', 'year')`),
        )
        .addColumn('ytd', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('due_day', 'integer', (c) => c.notNull())
        .addColumn('due_offset_months', 'integer', (c) => c.notNull().defaultTo(1))
        .addColumn('level', 'text', (c) => c.notNull())
        .addColumn('scope_unit', 'text', (c) => c.notNull().references('units.code'))
        .addColumn('outlier_method', 'text', (c) =>
          c.notNull().check(sql`outlier_method in ('none', 'zscore', 'modified_zscore', 'minmax')`),
        )
        .addColumn('outlier_threshold', 'double precision', (c) => c.notNull())
        .addColumn('outlier_min_history', 'integer', (c) => c.notNull())
        .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('created_by', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .addColumn('updated_by', 'text', (c) => c.notNull())
        .execute();

      await db.schema
        .createTable('collection_dataset_fields')
        .addColumn('dataset_code', 'text', (c) =>
          c.notNull().references('collection_datasets.code').onDelete('cascade'),
        )
        .addColumn('position', 'integer', (c) => c.notNull())
        .addColumn('indicator_code', 'text', (c) => c.notNull().references('indicators.code'))
        .addColumn('value_type', 'text', (c) => c.notNull().check(sql`value_type in ('number', 'integer')`))
        .addColumn('min', 'double precision')
        .addColumn('max', 'double precision')
        .addColumn('required', 'integer', (c) => c.notNull().defaultTo(1))
        .addColumn('soft_min', 'double precision')
        .addColumn('soft_max', 'double precision')
        .addPrimaryKeyConstraint('collection_dataset_fields_pk', ['dataset_code', 'indicator_code'])
        .execute();

      await db.schema
        .createTable('collection_rules')
        .addColumn('dataset_code', 'text', (c) =>
          c.notNull().references('collection_datasets.code').onDelete('cascade'),
        )
        .addColumn('position', 'integer', (c) => c.notNull())
        .addColumn('code', 'text', (c) => c.notNull())
        .addColumn('expression', 'text', (c) => c.notNull())
        .addColumn('message_zh', 'text', (c) => c.notNull().defaultTo(''))
        .addColumn('message_en', 'text', (c) => c.notNull().defaultTo(''))
        .addColumn('severity', 'text', (c) => c.notNull().check(sql`severity in ('error', 'warning')`))
        .addColumn('missing', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('collection_rules_pk', ['dataset_code', 'code'])
        .execute();

      await db.schema
        .createTable('collection_forms')
        .addColumn('id', id, idBuild)
        .addColumn('dataset_code', 'text', (c) => c.notNull().references('collection_datasets.code'))
        .addColumn('unit_code', 'text', (c) => c.notNull().references('units.code'))
        .addColumn('province_code', 'text', (c) => c.notNull())
        .addColumn('period', 'text', (c) => c.notNull())
        .addColumn('state', 'text', (c) =>
          c.notNull().check(sql`state in ('draft', 'submitted', 'approved', 'locked')`),
        )
        .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
        .addColumn('first_submitted_at', 'text')
        .addColumn('submitted_at', 'text')
        .addColumn('submitted_by', 'text')
        .addColumn('approved_at', 'text')
        .addColumn('approved_by', 'text')
        .addColumn('locked_at', 'text')
        .addColumn('locked_by', 'text')
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .addColumn('updated_by', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('collection_forms_key')
        .on('collection_forms')
        .columns(['dataset_code', 'period', 'unit_code'])
        .unique()
        .execute();

      await db.schema
        .createTable('collection_events')
        .addColumn('id', id, idBuild)
        .addColumn('form_id', 'integer', (c) => c.notNull())
        .addColumn('dataset_code', 'text', (c) => c.notNull())
        .addColumn('unit_code', 'text', (c) => c.notNull())
        .addColumn('province_code', 'text', (c) => c.notNull())
        .addColumn('period', 'text', (c) => c.notNull())
        .addColumn('action', 'text', (c) => c.notNull())
        .addColumn('from_state', 'text')
        .addColumn('to_state', 'text', (c) => c.notNull())
        .addColumn('actor', 'text', (c) => c.notNull())
        .addColumn('at', 'text', (c) => c.notNull())
        .addColumn('reason', 'text', (c) => c.notNull().defaultTo(''))
        .execute();
      await db.schema
        .createIndex('collection_events_form')
        .on('collection_events')
        .column('form_id')
        .execute();

      // The event log is append-only, like the observation history.
      if (pg) {
        await sql`create function suocha_collection_append_only() returns trigger language plpgsql as $$
          begin raise exception 'collection_events is append-only'; end $$`.execute(db);
        await sql`create trigger collection_events_no_update before update or delete on collection_events
          for each row execute function suocha_collection_append_only()`.execute(db);
      } else {
        await sql`create trigger collection_events_no_update before update on collection_events
          begin select raise(abort, 'collection_events is append-only'); end`.execute(db);
        await sql`create trigger collection_events_no_delete before delete on collection_events
          begin select raise(abort, 'collection_events is append-only'); end`.execute(db);
      }
    },
  };
}
