/**
 * Users, roles, sessions, API tokens, departments, login throttling (issue 3). Written once for both
 * engines; the invariants that must hold whatever writes the rows (role names, department users have a
 * department and nobody else does) are database checks.
 */
import { sql, type ColumnDefinitionBuilder, type Kysely, type Migration } from 'kysely';
import type { Engine } from '../db';

type AnyDb = Kysely<unknown>;

export function access(engine: Engine): Migration {
  const pg = engine === 'postgres';
  return {
    async up(db: AnyDb) {
      const id = pg ? ('serial' as const) : ('integer' as const);
      const idBuild = (c: ColumnDefinitionBuilder) => (pg ? c.primaryKey() : c.primaryKey().autoIncrement());

      await db.schema
        .createTable('departments')
        .addColumn('code', 'text', (c) => c.primaryKey())
        .addColumn('name_zh', 'text', (c) => c.notNull())
        .addColumn('name_en', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();

      await db.schema
        .createTable('users')
        .addColumn('id', id, idBuild)
        .addColumn('username', 'text', (c) => c.notNull())
        .addColumn('display_name', 'text', (c) => c.notNull())
        .addColumn('role', 'text', (c) =>
          c
            .notNull()
            .check(sql`role in ('province_admin', 'province_analyst', 'department', 'city', 'county')`),
        )
        .addColumn('scope_unit', 'text', (c) => c.notNull().references('units.code'))
        .addColumn('department_code', 'text', (c) => c.references('departments.code'))
        .addColumn('password_hash', 'text', (c) => c.notNull())
        .addColumn('active', 'integer', (c) =>
          c
            .notNull()
            .defaultTo(1)
            .check(sql`active in (0, 1)`),
        )
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('password_changed_at', 'text', (c) => c.notNull())
        .addColumn('last_login_at', 'text')
        .addCheckConstraint(
          'users_department_role',
          sql`(role = 'department' and department_code is not null) or (role <> 'department' and department_code is null)`,
        )
        .execute();
      await db.schema.createIndex('users_username').on('users').column('username').unique().execute();

      await db.schema
        .createTable('sessions')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
        .addColumn('csrf_token', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('expires_at', 'text', (c) => c.notNull())
        .addColumn('last_seen_at', 'text', (c) => c.notNull())
        .addColumn('ip', 'text', (c) => c.notNull().defaultTo(''))
        .addColumn('user_agent', 'text', (c) => c.notNull().defaultTo(''))
        .execute();
      await db.schema.createIndex('sessions_user').on('sessions').column('user_id').execute();
      await db.schema.createIndex('sessions_expires').on('sessions').column('expires_at').execute();

      await db.schema
        .createTable('api_tokens')
        .addColumn('id', id, idBuild)
        .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('token_hash', 'text', (c) => c.notNull())
        .addColumn('prefix', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('last_used_at', 'text')
        .addColumn('revoked_at', 'text')
        .addColumn('expires_at', 'text')
        .execute();
      await db.schema.createIndex('api_tokens_hash').on('api_tokens').column('token_hash').unique().execute();
      await db.schema.createIndex('api_tokens_user').on('api_tokens').column('user_id').execute();

      await db.schema
        .createTable('login_throttle')
        .addColumn('key', 'text', (c) => c.primaryKey())
        .addColumn('failures', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('window_start', 'text')
        .addColumn('locked_until', 'text')
        .execute();

      await db.schema
        .createTable('login_attempts')
        .addColumn('id', id, idBuild)
        .addColumn('at', 'text', (c) => c.notNull())
        .addColumn('username', 'text', (c) => c.notNull())
        .addColumn('ip', 'text', (c) => c.notNull())
        .addColumn('outcome', 'text', (c) =>
          c.notNull().check(sql`outcome in ('ok', 'bad_credentials', 'locked', 'rate_limited')`),
        )
        .execute();
      await db.schema.createIndex('login_attempts_at').on('login_attempts').column('at').execute();
      await db.schema
        .createIndex('login_attempts_user')
        .on('login_attempts')
        .columns(['username', 'at'])
        .execute();
    },
  };
}
