/**
 * 督办单 supervision orders (issue 8 §2): orders, their transitions and escalations. Written once for both
 * engines. The invariants that must hold whatever writes the rows are database checks: a state from the
 * workflow, text on the order, a deadline, one event per sequence number, one open order per proposal key.
 */
import { sql, type ColumnDefinitionBuilder, type Kysely, type Migration } from 'kysely';
import type { Engine } from '../db';

export function supervisionMigration(engine: Engine): Migration {
  const pg = engine === 'postgres';
  return {
    async up(db: Kysely<unknown>) {
      const id = pg ? ('serial' as const) : ('integer' as const);
      const idBuild = (c: ColumnDefinitionBuilder) => (pg ? c.primaryKey() : c.primaryKey().autoIncrement());
      const states = sql`in ('issued', 'acknowledged', 'plan_submitted', 'in_progress', 'reported_resolved', 'closed')`;

      await db.schema
        .createTable('supervision_orders')
        .addColumn('id', id, idBuild)
        .addColumn('title', 'text', (c) => c.notNull().check(sql`length(title) > 0`))
        .addColumn('requirement', 'text', (c) => c.notNull().check(sql`length(requirement) > 0`))
        .addColumn('issuer_unit', 'text', (c) => c.notNull().references('units.code'))
        .addColumn('issuer_department', 'text', (c) => c.references('departments.code'))
        .addColumn('addressee_unit', 'text', (c) => c.notNull().references('units.code'))
        .addColumn('addressee_department', 'text', (c) => c.references('departments.code'))
        .addColumn('issued_at', 'text', (c) => c.notNull())
        .addColumn('due_date', 'text', (c) => c.notNull().check(sql`length(due_date) = 10`))
        .addColumn('step_days', 'text', (c) => c.notNull())
        .addColumn('evidence', 'text', (c) => c.notNull())
        .addColumn('proposal_key', 'text')
        .addColumn('state', 'text', (c) => c.notNull().check(sql`state ${states}`))
        .addColumn('state_since', 'text', (c) => c.notNull())
        .addColumn('state_deadline', 'text')
        .addColumn('escalated_to', 'text', (c) => c.references('units.code'))
        .addColumn('send_back_count', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('version', 'integer', (c) => c.notNull())
        .addColumn('synthetic', 'integer', (c) =>
          c
            .notNull()
            .defaultTo(0)
            .check(sql`synthetic in (0, 1)`),
        )
        .execute();
      await db.schema
        .createIndex('supervision_orders_addressee')
        .on('supervision_orders')
        .columns(['addressee_unit', 'state'])
        .execute();
      await db.schema
        .createIndex('supervision_orders_issuer')
        .on('supervision_orders')
        .columns(['issuer_unit', 'state'])
        .execute();
      await db.schema
        .createIndex('supervision_orders_open_proposal')
        .on('supervision_orders')
        .column('proposal_key')
        .unique()
        .where(sql.ref('state'), '<>', 'closed')
        .execute();

      await db.schema
        .createTable('supervision_order_events')
        .addColumn('id', id, idBuild)
        .addColumn('order_id', 'integer', (c) => c.notNull().references('supervision_orders.id'))
        .addColumn('seq', 'integer', (c) => c.notNull())
        .addColumn('at', 'text', (c) => c.notNull())
        .addColumn('action', 'text', (c) => c.notNull())
        .addColumn('from_state', 'text', (c) => c.check(sql`from_state ${states}`))
        .addColumn('to_state', 'text', (c) => c.notNull().check(sql`to_state ${states}`))
        .addColumn('actor_id', 'text', (c) => c.notNull())
        .addColumn('actor_name', 'text', (c) => c.notNull())
        .addColumn('actor_unit', 'text', (c) => c.notNull())
        .addColumn('text', 'text')
        .addColumn('escalated_to', 'text')
        .execute();
      await db.schema
        .createIndex('supervision_order_events_seq')
        .on('supervision_order_events')
        .columns(['order_id', 'seq'])
        .unique()
        .execute();

      await db.schema
        .createTable('supervision_escalations')
        .addColumn('id', id, idBuild)
        .addColumn('order_id', 'integer', (c) => c.notNull().references('supervision_orders.id'))
        .addColumn('state', 'text', (c) => c.notNull().check(sql`state ${states}`))
        .addColumn('step_since', 'text', (c) => c.notNull())
        .addColumn('deadline', 'text', (c) => c.notNull())
        .addColumn('at', 'text', (c) => c.notNull())
        .addColumn('from_unit', 'text', (c) => c.notNull())
        .addColumn('to_unit', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('supervision_escalations_order')
        .on('supervision_escalations')
        .column('order_id')
        .execute();
      await db.schema
        .createIndex('supervision_escalations_to')
        .on('supervision_escalations')
        .column('to_unit')
        .execute();
    },
  };
}
