/** Tables of the collection module: data sets, their fields and rules, forms (workflow state) and events. */
import type { FormState, MissingValueStrategy, OutlierMethod, ValueType } from '@suocha/core';
import type { ColumnType, Generated } from 'kysely';

/** Columns that migration 0003 adds to the foundation tables (module augmentation keeps them here). */
declare module '../schema' {
  interface IndicatorsTable {
    /** Department that owns the indicator (its users may enter it); null = no owning department. */
    department_code: string | null;
  }
  interface ObservationsTable {
    /** Data set the value was entered through; null for values loaded from published data. */
    dataset_code: string | null;
    /** The reporter's note on the value, e.g. why an outlier is right. */
    comment: ColumnType<string, string | undefined, string>;
  }
  interface ObservationHistoryTable {
    comment: ColumnType<string, string | undefined, string>;
  }
}

export interface CollectionDatasetsTable {
  code: string;
  name_zh: string;
  name_en: string;
  /** month | quarter | half | year */
  period_kind: string;
  /** 1 when values are year-to-date. */
  ytd: number;
  due_day: number;
  due_offset_months: number;
  level: string;
  scope_unit: string;
  outlier_method: OutlierMethod;
  outlier_threshold: number;
  outlier_min_history: number;
  /** Bumped on every change of the definition (templates record it). */
  version: number;
  created_at: string;
  created_by: string;
  updated_at: string;
  updated_by: string;
}

export interface CollectionDatasetFieldsTable {
  dataset_code: string;
  position: number;
  indicator_code: string;
  value_type: ValueType;
  min: number | null;
  max: number | null;
  required: number;
  soft_min: number | null;
  soft_max: number | null;
}

export interface CollectionRulesTable {
  dataset_code: string;
  position: number;
  code: string;
  expression: string;
  message_zh: string;
  message_en: string;
  severity: 'error' | 'warning';
  missing: MissingValueStrategy;
}

/** One form: a data set × unit × period, with its workflow state. */
export interface CollectionFormsTable {
  id: Generated<number>;
  dataset_code: string;
  unit_code: string;
  province_code: string;
  period: string;
  state: FormState;
  /** Bumped by every save and transition: the form-level optimistic version. */
  version: number;
  first_submitted_at: string | null;
  submitted_at: string | null;
  submitted_by: string | null;
  approved_at: string | null;
  approved_by: string | null;
  locked_at: string | null;
  locked_by: string | null;
  updated_at: string;
  updated_by: string;
}

/** Append-only: triggers on both engines refuse UPDATE and DELETE. */
export interface CollectionEventsTable {
  id: Generated<number>;
  form_id: number;
  dataset_code: string;
  unit_code: string;
  province_code: string;
  period: string;
  action: string;
  from_state: string | null;
  to_state: string;
  actor: string;
  at: string;
  reason: string;
}

/** Ids of values cleared from forms (their history is still found by key). */
export interface CollectionClearedTable {
  observation_id: number;
  indicator_code: string;
  unit_code: string;
  period: string;
}

export interface CollectionTables {
  collection_datasets: CollectionDatasetsTable;
  collection_dataset_fields: CollectionDatasetFieldsTable;
  collection_rules: CollectionRulesTable;
  collection_forms: CollectionFormsTable;
  collection_events: CollectionEventsTable;
  collection_cleared: CollectionClearedTable;
}
