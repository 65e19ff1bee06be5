/**
 * Index frameworks, frozen index runs with the observation versions they used, and classification
 * proposals (issue 6). Written once for both engines. Frameworks and runs are frozen at the database
 * itself: triggers refuse UPDATE and DELETE, so a published league table can always be read back exactly.
 */
import { sql, type ColumnDefinitionBuilder, type Kysely, type Migration } from 'kysely';
import type { Engine } from '../db';

type AnyDb = Kysely<unknown>;

const FROZEN = ['index_frameworks', 'index_runs', 'index_run_units', 'index_run_inputs'] as const;

export function indexRuns(engine: Engine): Migration {
  const pg = engine === 'postgres';
  return {
    async up(db: AnyDb) {
      const id = pg ? ('serial' as const) : ('integer' as const);
      const idBuild = (c: ColumnDefinitionBuilder) => (pg ? c.primaryKey() : c.primaryKey().autoIncrement());

      await db.schema
        .createTable('index_frameworks')
        .addColumn('id', id, idBuild)
        .addColumn('code', 'text', (c) => c.notNull())
        .addColumn('version', 'integer', (c) => c.notNull().check(sql`version >= 1`))
        .addColumn('name_zh', 'text', (c) => c.notNull().defaultTo(''))
        .addColumn('name_en', 'text', (c) => c.notNull().defaultTo(''))
        .addColumn('json', 'text', (c) => c.notNull())
        .addColumn('content_hash', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('created_by', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('index_frameworks_key')
        .on('index_frameworks')
        .columns(['code', 'version'])
        .unique()
        .execute();

      await db.schema
        .createTable('index_runs')
        .addColumn('id', id, idBuild)
        .addColumn('framework_id', 'integer', (c) => c.notNull().references('index_frameworks.id'))
        .addColumn('framework_code', 'text', (c) => c.notNull())
        .addColumn('framework_version', 'integer', (c) => c.notNull())
        .addColumn('scope_unit', 'text', (c) => c.notNull().references('units.code'))
        .addColumn('level', 'text', (c) => c.notNull())
        .addColumn('period', 'text', (c) => c.notNull())
        .addColumn('as_of', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('created_by', 'text', (c) => c.notNull())
        .addColumn('params', 'text', (c) => c.notNull())
        .addColumn('data_fingerprint', 'text', (c) => c.notNull())
        .addColumn('synthetic', 'integer', (c) => c.notNull().check(sql`synthetic in (0, 1)`))
        .addColumn('previous_run_id', 'integer', (c) => c.references('index_runs.id'))
        .addColumn('results', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('index_runs_key')
        .on('index_runs')
        .columns(['framework_code', 'scope_unit', 'level', 'period'])
        .execute();

      await db.schema
        .createTable('index_run_units')
        .addColumn('run_id', 'integer', (c) => c.notNull().references('index_runs.id'))
        .addColumn('unit_code', 'text', (c) => c.notNull())
        .addColumn('score', 'double precision')
        .addColumn('rank', 'integer', (c) => c.notNull())
        .addColumn('coverage', 'double precision', (c) => c.notNull())
        .addColumn('below_coverage', 'integer', (c) => c.notNull())
        .addPrimaryKeyConstraint('index_run_units_pk', ['run_id', 'unit_code'])
        .execute();
      await db.schema
        .createIndex('index_run_units_unit')
        .on('index_run_units')
        .columns(['unit_code', 'run_id'])
        .execute();

      await db.schema
        .createTable('index_run_inputs')
        .addColumn('id', id, idBuild)
        .addColumn('run_id', 'integer', (c) => c.notNull().references('index_runs.id'))
        .addColumn('observation_id', 'integer', (c) => c.notNull())
        .addColumn('indicator_code', 'text', (c) => c.notNull())
        .addColumn('unit_code', 'text', (c) => c.notNull())
        .addColumn('period', 'text', (c) => c.notNull())
        .addColumn('version', 'integer', (c) => c.notNull())
        .addColumn('value', 'double precision', (c) => c.notNull())
        .addColumn('synthetic', 'integer', (c) => c.notNull())
        .addColumn('role', 'text', (c) => c.notNull().check(sql`role in ('value', 'last_period')`))
        .addColumn('used_for', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('index_run_inputs_run').on('index_run_inputs').column('run_id').execute();

      await db.schema
        .createTable('classification_proposals')
        .addColumn('id', id, idBuild)
        .addColumn('group_code', 'text', (c) => c.notNull())
        .addColumn('unit_code', 'text', (c) => c.notNull().references('units.code'))
        .addColumn('direction', 'text', (c) => c.notNull().check(sql`direction in ('enter', 'leave')`))
        .addColumn('rule', 'text', (c) => c.notNull())
        .addColumn('evidence', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) =>
          c.notNull().check(sql`status in ('proposed', 'accepted', 'rejected')`),
        )
        .addColumn('period', 'text', (c) => c.notNull())
        .addColumn('run_id', 'integer', (c) => c.references('index_runs.id'))
        .addColumn('synthetic', 'integer', (c) => c.notNull().check(sql`synthetic in (0, 1)`))
        .addColumn('proposed_at', 'text', (c) => c.notNull())
        .addColumn('proposed_by', 'text', (c) => c.notNull())
        .addColumn('decided_at', 'text')
        .addColumn('decided_by', 'text')
        .addColumn('effective_date', 'text')
        .addColumn('decision_note', 'text', (c) => c.notNull().defaultTo(''))
        .addColumn('membership_id', 'integer')
        .addCheckConstraint(
          'classification_proposals_decided',
          sql`(status = 'proposed' and decided_at is null) or (status <> 'proposed' and decided_at is not null and decided_by is not null)`,
        )
        .execute();
      await db.schema
        .createIndex('classification_proposals_unit')
        .on('classification_proposals')
        .columns(['group_code', 'unit_code', 'status'])
        .execute();

      // Frozen at the database: no UPDATE or DELETE of frameworks, runs and their rows.
      if (pg) {
        await sql`create function suocha_index_frozen() returns trigger language plpgsql as $$
          begin raise exception '% is frozen: index frameworks and runs are never changed', TG_TABLE_NAME; end $$`.execute(
          db,
        );
        for (const t of FROZEN)
          await sql`create trigger ${sql.raw(`${t}_frozen`)} before update or delete on ${sql.table(t)}
            for each row execute function suocha_index_frozen()`.execute(db);
      } else {
        for (const t of FROZEN) {
          for (const op of ['update', 'delete'] as const)
            await sql`create trigger ${sql.raw(`${t}_no_${op}`)} before ${sql.raw(op)} on ${sql.table(t)}
              begin select raise(abort, ${sql.lit(`${t} is frozen: index frameworks and runs are never changed`)}); end`.execute(
              db,
            );
        }
      }
    },
  };
}
