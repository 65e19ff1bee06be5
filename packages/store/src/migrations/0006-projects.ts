/**
 * Project dispatch (issue 7): the project library, stage history, annual plans, versioned monthly
 * reports and the module's revision counter. Categories are seeded here as data with their sources.
 */
import { sql, type ColumnDefinitionBuilder, type Kysely, type Migration } from 'kysely';
import type { Engine } from '../db';

/** The categories named by the seeds; more can be added as rows. */
const CATEGORIES: readonly [string, string, string, string][] = [
  [
    'gap_major',
    '缩小三大差距重大项目',
    'Gap-narrowing major project',
    '003_a9715fb6b7469eab.txt 强化重大项目支撑',
  ],
  [
    'county_seat',
    '县城承载能力提升',
    'County-seat capacity',
    '004_16e5c2f053a7beec.txt 县城承载能力提升重大项目',
  ],
  ['central_town', '中心镇', 'Central town', '003_a9715fb6b7469eab.txt 510个中心镇重大项目'],
  ['village_cluster', '乡村组团片区', 'Village cluster', '003_a9715fb6b7469eab.txt 300个乡村组团片区'],
  ['qianwan', '千万工程', 'Thousand-village project', '003_a9715fb6b7469eab.txt 千村示范、万村整治'],
];

export function projectsMigration(engine: Engine): Migration {
  const pg = engine === 'postgres';
  return {
    async up(db: Kysely<unknown>) {
      const id = pg ? ('serial' as const) : ('integer' as const);
      const idBuild = (c: ColumnDefinitionBuilder) => (pg ? c.primaryKey() : c.primaryKey().autoIncrement());
      const stages = sql`('planned', 'reserve', 'under_construction', 'completed', 'suspended', 'cancelled')`;

      await db.schema
        .createTable('project_categories')
        .addColumn('code', 'text', (c) => c.primaryKey())
        .addColumn('name_zh', 'text', (c) => c.notNull())
        .addColumn('name_en', 'text', (c) => c.notNull())
        .addColumn('source', 'text', (c) => c.notNull().defaultTo(''))
        .execute();
      for (const [code, zh, en, source] of CATEGORIES)
        await db
          .insertInto('project_categories' as never)
          .values({ code, name_zh: zh, name_en: en, source } as never)
          .execute();

      await db.schema
        .createTable('projects')
        .addColumn('code', 'text', (c) => c.primaryKey())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('owner_unit', 'text', (c) => c.notNull().references('units.code'))
        // Byte order on PostgreSQL (as units.path), so that a subtree is an index range on both engines.
        .addColumn('owner_path', pg ? sql`text collate "C"` : 'text', (c) => c.notNull())
        .addColumn('province_code', 'text', (c) => c.notNull())
        .addColumn('lead_department', 'text', (c) => c.notNull())
        .addColumn('category', 'text', (c) => c.notNull().references('project_categories.code'))
        .addColumn('stage', 'text', (c) => c.notNull().check(sql`stage in ${stages}`))
        .addColumn('total_investment', 'double precision', (c) =>
          c.notNull().check(sql`total_investment >= 0`),
        )
        .addColumn('planned_start', 'text')
        .addColumn('planned_completion', 'text')
        .addColumn('actual_start', 'text')
        .addColumn('actual_completion', 'text')
        .addColumn('synthetic', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .addColumn('updated_by', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('projects_owner_path').on('projects').column('owner_path').execute();
      await db.schema.createIndex('projects_department').on('projects').column('lead_department').execute();

      await db.schema
        .createTable('project_stage_changes')
        .addColumn('id', id, idBuild)
        .addColumn('project_code', 'text', (c) => c.notNull().references('projects.code'))
        .addColumn('from_stage', 'text', (c) => c.notNull())
        .addColumn('to_stage', 'text', (c) => c.notNull())
        .addColumn('date', 'text', (c) => c.notNull())
        .addColumn('reason', 'text', (c) => c.notNull())
        .addColumn('changed_by', 'text', (c) => c.notNull())
        .addColumn('changed_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('project_stage_changes_project')
        .on('project_stage_changes')
        .column('project_code')
        .execute();

      await db.schema
        .createTable('project_plans')
        .addColumn('project_code', 'text', (c) => c.notNull().references('projects.code'))
        .addColumn('year', 'integer', (c) => c.notNull())
        .addColumn('planned_investment', 'double precision', (c) =>
          c.notNull().check(sql`planned_investment >= 0`),
        )
        .addColumn('monthly_planned', 'text')
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .addColumn('updated_by', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('project_plans_pk', ['project_code', 'year'])
        .execute();
      await db.schema.createIndex('project_plans_year').on('project_plans').column('year').execute();

      await db.schema
        .createTable('project_reports')
        .addColumn('id', id, idBuild)
        .addColumn('project_code', 'text', (c) => c.notNull().references('projects.code'))
        .addColumn('month', 'text', (c) => c.notNull())
        .addColumn('version', 'integer', (c) => c.notNull())
        .addColumn('current', 'integer', (c) => c.notNull())
        .addColumn('completed_this_month', 'double precision', (c) =>
          c.notNull().check(sql`completed_this_month >= 0`),
        )
        .addColumn('ytd_completed', 'double precision', (c) => c.notNull().check(sql`ytd_completed >= 0`))
        .addColumn('started', 'integer', (c) => c.notNull())
        .addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
        .addColumn('problems', 'text', (c) => c.notNull().defaultTo(''))
        .addColumn('reason', 'text', (c) => c.notNull().defaultTo(''))
        .addColumn('origin', 'text', (c) => c.notNull())
        .addColumn('reported_by', 'text', (c) => c.notNull())
        .addColumn('reported_at', 'text', (c) => c.notNull())
        .addColumn('synthetic', 'integer', (c) => c.notNull().defaultTo(0))
        .execute();
      await db.schema
        .createIndex('project_reports_key')
        .on('project_reports')
        .columns(['project_code', 'month', 'version'])
        .unique()
        .execute();
      // At most one current version per project and month.
      await sql`create unique index project_reports_current on project_reports (project_code, month) where current = 1`.execute(
        db,
      );
      await db.schema
        .createIndex('project_reports_month')
        .on('project_reports')
        .columns(['month', 'current'])
        .execute();

      await db.schema
        .createTable('project_revision')
        .addColumn('id', 'integer', (c) => c.primaryKey())
        .addColumn('revision', 'integer', (c) => c.notNull())
        .execute();
      await db
        .insertInto('project_revision' as never)
        .values({ id: 1, revision: 0 } as never)
        .execute();
    },
  };
}
