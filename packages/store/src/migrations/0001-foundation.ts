/**
 * The foundation schema: hierarchy, groups, catalogue (indicators, plans, targets), observations with an
 * append-only history. Written once for both engines; the few differences are spelled out inline.
 */
import { sql, type ColumnDefinitionBuilder, type Kysely, type Migration } from 'kysely';
import type { Engine } from '../db';

// Kysely migrations must accept any database shape.
type AnyDb = Kysely<unknown>;

export function foundation(engine: Engine): Migration {
  const pg = engine === 'postgres';
  // Byte-wise ordering makes the materialised-path range scan exact on PostgreSQL (SQLite is BINARY already).
  const pathType = pg ? sql`text collate "C"` : sql`text`;

  return {
    async up(db: AnyDb) {
      const id = pg ? ('serial' as const) : ('integer' as const);
      const idBuild = (c: ColumnDefinitionBuilder) => (pg ? c.primaryKey() : c.primaryKey().autoIncrement());

      await db.schema
        .createTable('units')
        .addColumn('code', 'text', (c) => c.primaryKey())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('level', 'text', (c) => c.notNull())
        .addColumn('parent_code', 'text')
        .addColumn('path', pathType, (c) => c.notNull())
        .addColumn('depth', 'integer', (c) => c.notNull())
        .addColumn('province_code', 'text', (c) => c.notNull())
        .addColumn('valid_from', 'text')
        .addColumn('valid_to', 'text')
        .addColumn('source', 'text', (c) => c.notNull().defaultTo(''))
        .execute();
      await db.schema.createIndex('units_path').on('units').column('path').execute();
      await db.schema.createIndex('units_parent').on('units').column('parent_code').execute();
      await db.schema.createIndex('units_level').on('units').columns(['level', 'code']).execute();

      await db.schema
        .createTable('unit_groups')
        .addColumn('code', 'text', (c) => c.primaryKey())
        .addColumn('name_zh', 'text', (c) => c.notNull())
        .addColumn('name_en', 'text', (c) => c.notNull())
        .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
        .addColumn('source', 'text', (c) => c.notNull().defaultTo(''))
        .execute();

      await db.schema
        .createTable('unit_group_members')
        .addColumn('id', id, idBuild)
        .addColumn('group_code', 'text', (c) => c.notNull().references('unit_groups.code'))
        .addColumn('unit_code', 'text', (c) => c.notNull().references('units.code'))
        .addColumn('valid_from', 'text')
        .addColumn('valid_to', 'text')
        .addColumn('source', 'text', (c) => c.notNull().defaultTo(''))
        .execute();
      await db.schema
        .createIndex('unit_group_members_key')
        .on('unit_group_members')
        .columns(['group_code', 'unit_code', 'valid_from'])
        .unique()
        .execute();

      await db.schema
        .createTable('indicators')
        .addColumn('code', 'text', (c) => c.primaryKey())
        .addColumn('name_zh', 'text', (c) => c.notNull())
        .addColumn('name_en', 'text', (c) => c.notNull())
        .addColumn('unit', 'text', (c) => c.notNull())
        .addColumn('polarity', 'text', (c) => c.notNull().check(sql`polarity in ('up', 'down')`))
        .addColumn('domain', 'text', (c) => c.notNull())
        .addColumn('definition', 'text', (c) => c.notNull().defaultTo(''))
        .addColumn('source', 'text', (c) => c.notNull().defaultTo(''))
        .execute();

      await db.schema
        .createTable('plans')
        .addColumn('code', 'text', (c) => c.primaryKey())
        .addColumn('title', 'text', (c) => c.notNull())
        .addColumn('issuer', 'text', (c) => c.notNull())
        .addColumn('issued_on', 'text', (c) => c.notNull())
        .addColumn('scope_unit', 'text', (c) => c.notNull().references('units.code'))
        .addColumn('source', 'text', (c) => c.notNull().defaultTo(''))
        .execute();

      await db.schema
        .createTable('targets')
        .addColumn('id', id, idBuild)
        .addColumn('indicator_code', 'text', (c) => c.notNull().references('indicators.code'))
        .addColumn('plan_code', 'text', (c) => c.notNull().references('plans.code'))
        .addColumn('unit_code', 'text', (c) => c.notNull().references('units.code'))
        .addColumn('year', 'integer', (c) => c.notNull())
        .addColumn('comparator', 'text', (c) =>
          c.notNull().check(sql`comparator in ('>=', '>', '<=', '<', '=')`),
        )
        .addColumn('value', 'double precision', (c) => c.notNull())
        .addColumn('baseline_period', 'text')
        .addColumn('baseline_value', 'double precision')
        .addColumn('source', 'text', (c) => c.notNull().defaultTo(''))
        .execute();
      await db.schema
        .createIndex('targets_key')
        .on('targets')
        .columns(['indicator_code', 'plan_code', 'unit_code', 'year'])
        .unique()
        .execute();
      await db.schema.createIndex('targets_unit').on('targets').column('unit_code').execute();

      await db.schema
        .createTable('observations')
        .addColumn('id', id, idBuild)
        .addColumn('indicator_code', 'text', (c) => c.notNull().references('indicators.code'))
        .addColumn('unit_code', 'text', (c) => c.notNull().references('units.code'))
        .addColumn('province_code', 'text', (c) => c.notNull())
        .addColumn('period', 'text', (c) => c.notNull())
        .addColumn('period_end', 'text', (c) => c.notNull())
        .addColumn('value', 'double precision', (c) => c.notNull())
        .addColumn('source', 'text', (c) => c.notNull())
        .addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
        .addColumn('status', 'text', (c) =>
          c.notNull().check(sql`status in ('draft', 'submitted', 'approved', 'locked')`),
        )
        .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
        .addColumn('synthetic', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .addColumn('updated_by', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('observations_key')
        .on('observations')
        .columns(['indicator_code', 'unit_code', 'period'])
        .unique()
        .execute();
      await db.schema
        .createIndex('observations_unit')
        .on('observations')
        .columns(['unit_code', 'indicator_code'])
        .execute();

      await db.schema
        .createTable('observation_history')
        .addColumn('id', id, idBuild)
        .addColumn('observation_id', 'integer', (c) => c.notNull())
        .addColumn('indicator_code', 'text', (c) => c.notNull())
        .addColumn('unit_code', 'text', (c) => c.notNull())
        .addColumn('province_code', 'text', (c) => c.notNull())
        .addColumn('period', 'text', (c) => c.notNull())
        .addColumn('version', 'integer', (c) => c.notNull())
        .addColumn('old_value', 'double precision')
        .addColumn('new_value', 'double precision')
        .addColumn('old_status', 'text')
        .addColumn('new_status', 'text', (c) => c.notNull())
        .addColumn('changed_by', 'text', (c) => c.notNull())
        .addColumn('changed_at', 'text', (c) => c.notNull())
        .addColumn('reason', 'text', (c) => c.notNull().defaultTo(''))
        .addColumn('source', 'text', (c) => c.notNull().defaultTo(''))
        .execute();
      await db.schema
        .createIndex('observation_history_obs')
        .on('observation_history')
        .columns(['observation_id', 'version'])
        .execute();

      // The history is append-only: refuse UPDATE and DELETE at the database itself.
      if (pg) {
        await sql`create function suocha_append_only() returns trigger language plpgsql as $$
          begin raise exception 'observation_history is append-only'; end $$`.execute(db);
        await sql`create trigger observation_history_no_update before update or delete on observation_history
          for each row execute function suocha_append_only()`.execute(db);
      } else {
        await sql`create trigger observation_history_no_update before update on observation_history
          begin select raise(abort, 'observation_history is append-only'); end`.execute(db);
        await sql`create trigger observation_history_no_delete before delete on observation_history
          begin select raise(abort, 'observation_history is append-only'); end`.execute(db);
      }

      await db.schema
        .createTable('dataset_loads')
        .addColumn('id', id, idBuild)
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('loaded_at', 'text', (c) => c.notNull())
        .addColumn('summary', 'text', (c) => c.notNull())
        .execute();
    },
  };
}
