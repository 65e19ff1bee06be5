/**
 * Table types for Kysely. Dates are ISO strings (YYYY-MM-DD) and timestamps ISO strings in UTC on both
 * engines, so that SQLite and PostgreSQL return identical rows. Booleans are 0/1 integers for the same reason.
 */
import type { ColumnType, Generated } from 'kysely';

export type { UnitLevel } from '@suocha/core';
import type { UnitLevel } from '@suocha/core';

export interface UnitsTable {
  code: string;
  name: string;
  level: UnitLevel;
  parent_code: string | null;
  /** Materialised path of codes from the root, e.g. `/100000/330000/330100/`: a subtree is a path range. */
  path: string;
  depth: number;
  /** Province of the unit (its own code for a province); the partition/distribution key of large tables. */
  province_code: string;
  valid_from: string | null;
  /** Exclusive: the unit no longer exists on this date. */
  valid_to: string | null;
  source: string;
}

export interface UnitGroupsTable {
  code: string;
  name_zh: string;
  name_en: string;
  description: string;
  source: string;
}

export interface UnitGroupMembersTable {
  id: Generated<number>;
  group_code: string;
  unit_code: string;
  /** Inclusive; null = since always. */
  valid_from: string | null;
  /** Exclusive; null = still a member. */
  valid_to: string | null;
  source: string;
}

export interface IndicatorsTable {
  code: string;
  name_zh: string;
  name_en: string;
  unit: string;
  polarity: 'up' | 'down';
  domain: string;
  definition: string;
  source: string;
}

export interface PlansTable {
  code: string;
  title: string;
  issuer: string;
  /** ISO date, or a bare year where the document gives only the year. */
  issued_on: string;
  scope_unit: string;
  source: string;
}

export interface TargetsTable {
  id: Generated<number>;
  indicator_code: string;
  plan_code: string;
  unit_code: string;
  year: number;
  comparator: '>=' | '>' | '<=' | '<' | '=';
  value: number;
  baseline_period: string | null;
  baseline_value: number | null;
  source: string;
}

export type ObservationStatus = 'draft' | 'submitted' | 'approved' | 'locked';

export interface ObservationsTable {
  id: Generated<number>;
  indicator_code: string;
  unit_code: string;
  province_code: string;
  /** Canonical period (core/period.ts). */
  period: string;
  /** Last day of the period, for ordering and as-of filtering. */
  period_end: string;
  value: number;
  source: string;
  note: string;
  status: ObservationStatus;
  version: number;
  /** 1 for generated demo/benchmark data (模拟数据); real data is 0. */
  synthetic: number;
  updated_at: string;
  updated_by: string;
}

/** Append-only: triggers on both engines refuse UPDATE and DELETE. */
export interface ObservationHistoryTable {
  id: Generated<number>;
  observation_id: number;
  indicator_code: string;
  unit_code: string;
  province_code: string;
  period: string;
  version: number;
  old_value: number | null;
  new_value: number | null;
  old_status: string | null;
  new_status: string;
  changed_by: string;
  changed_at: string;
  reason: string;
  source: string;
}

export interface DatasetLoadsTable {
  id: Generated<number>;
  name: string;
  loaded_at: string;
  summary: string;
}

import type { AccessTables } from './access/schema';
import type { CollectionTables } from './collection/schema';
import type { IndexTables } from './index/schema';
import type { ProgressTables } from './progress/schema';
import type { ProjectsTables } from './projects/schema';
import type { TasksTables } from './tasks/schema';
import type { CasesTables } from './tasks/cases/schema';
import type { SupervisionTables } from './supervision/schema';
import type { BulletinsTables } from './bulletins/schema';

export interface Database
  extends
    AccessTables,
    CollectionTables,
    IndexTables,
    ProgressTables,
    ProjectsTables,
    TasksTables,
    CasesTables,
    SupervisionTables,
    BulletinsTables {
  units: UnitsTable;
  unit_groups: UnitGroupsTable;
  unit_group_members: UnitGroupMembersTable;
  indicators: IndicatorsTable;
  plans: PlansTable;
  targets: TargetsTable;
  observations: ObservationsTable;
  observation_history: ObservationHistoryTable;
  dataset_loads: DatasetLoadsTable;
}

export type Timestamp = ColumnType<string, string, string>;
