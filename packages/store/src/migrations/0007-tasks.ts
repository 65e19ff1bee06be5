/**
 * 重点工作 key tasks (issue 8 §1): tasks, their co-departments, milestones and dated progress updates.
 * Written once for both engines; lists and statuses are database checks.
 */
import { sql, type ColumnDefinitionBuilder, type Kysely, type Migration } from 'kysely';
import type { Engine } from '../db';

export function tasksMigration(engine: Engine): Migration {
  const pg = engine === 'postgres';
  return {
    async up(db: Kysely<unknown>) {
      const id = pg ? ('serial' as const) : ('integer' as const);
      const idBuild = (c: ColumnDefinitionBuilder) => (pg ? c.primaryKey() : c.primaryKey().autoIncrement());
      const statusCheck = sql`in ('not_started', 'in_progress', 'completed', 'cancelled')`;

      await db.schema
        .createTable('tasks')
        .addColumn('code', 'text', (c) => c.primaryKey())
        .addColumn('list', 'text', (c) =>
          c
            .notNull()
            .check(
              sql`list in ('key_indicators', 'major_policies', 'major_reforms', 'key_projects', 'custom')`,
            ),
        )
        .addColumn('list_name', 'text', (c) => c.notNull())
        .addColumn('title', 'text', (c) => c.notNull().check(sql`length(title) > 0`))
        .addColumn('plan_code', 'text')
        .addColumn('section', 'text')
        .addColumn('lead_department', 'text', (c) => c.references('departments.code'))
        .addColumn('unit_code', 'text', (c) => c.references('units.code'))
        .addColumn('due_date', 'text')
        .addColumn('status', 'text', (c) => c.notNull().check(sql`status ${statusCheck}`))
        .addColumn('completed_on', 'text')
        .addColumn('source', 'text', (c) => c.notNull())
        .addColumn('synthetic', 'integer', (c) =>
          c
            .notNull()
            .defaultTo(0)
            .check(sql`synthetic in (0, 1)`),
        )
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('tasks_lead').on('tasks').column('lead_department').execute();
      await db.schema.createIndex('tasks_unit').on('tasks').column('unit_code').execute();
      await db.schema.createIndex('tasks_due').on('tasks').column('due_date').execute();

      await db.schema
        .createTable('task_co_departments')
        .addColumn('task_code', 'text', (c) => c.notNull().references('tasks.code').onDelete('cascade'))
        .addColumn('department_code', 'text', (c) => c.notNull().references('departments.code'))
        .addPrimaryKeyConstraint('task_co_departments_pk', ['task_code', 'department_code'])
        .execute();
      await db.schema
        .createIndex('task_co_departments_dept')
        .on('task_co_departments')
        .column('department_code')
        .execute();

      await db.schema
        .createTable('task_milestones')
        .addColumn('task_code', 'text', (c) => c.notNull().references('tasks.code').onDelete('cascade'))
        .addColumn('id', 'text', (c) => c.notNull())
        .addColumn('title', 'text', (c) => c.notNull())
        .addColumn('due_date', 'text', (c) => c.notNull())
        .addColumn('completed_on', 'text')
        .addColumn('position', 'integer', (c) => c.notNull())
        .addPrimaryKeyConstraint('task_milestones_pk', ['task_code', 'id'])
        .execute();

      await db.schema
        .createTable('task_updates')
        .addColumn('id', id, idBuild)
        .addColumn('task_code', 'text', (c) => c.notNull().references('tasks.code').onDelete('cascade'))
        .addColumn('date', 'text', (c) => c.notNull())
        .addColumn('text', 'text', (c) => c.notNull().check(sql`length(text) > 0`))
        .addColumn('attachments', 'text', (c) => c.notNull())
        .addColumn('milestone_id', 'text')
        .addColumn('status_after', 'text', (c) => c.check(sql`status_after ${statusCheck}`))
        .addColumn('author_id', 'integer', (c) => c.notNull())
        .addColumn('author_name', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('task_updates_task')
        .on('task_updates')
        .columns(['task_code', 'date'])
        .execute();
    },
  };
}
