/**
 * Tables of the progress module (issue 4): the lineage of derived values and warnings (预警) with the dates
 * they were raised and closed. Dates are ISO strings; `details` is JSON text.
 */
import type { Generated } from 'kysely';

/** An observation computed by its indicator's formula (the observation row holds the value). */
export interface DerivedValuesTable {
  observation_id: number;
  indicator_code: string;
  /** The formula text it was computed with. */
  formula: string;
  computed_at: string;
}

/** One input observation of a derived value, with the version of the input that was read. */
export interface DerivedValueInputsTable {
  id: Generated<number>;
  observation_id: number;
  input_observation_id: number;
  input_version: number;
}

export type WarningRule = 'off_track' | 'target_missed' | 'wrong_direction' | 'missing_submission';
export type WarningSeverity = 'yellow' | 'orange' | 'red';

export interface WarningsTable {
  id: Generated<number>;
  rule: WarningRule;
  severity: WarningSeverity;
  /** One open warning per fingerprint (partial unique index). */
  fingerprint: string;
  unit_code: string;
  province_code: string;
  indicator_code: string | null;
  plan_code: string | null;
  target_id: number | null;
  dataset_code: string | null;
  /** The period the evidence is about (latest value, or the missing submission's period). */
  period: string | null;
  message: string;
  /** JSON: the numbers that made the rule fire and links to the evidence. */
  details: string;
  raised_on: string;
  /** Exclusive: the first evaluation date on which the rule no longer fired; null while open. */
  closed_on: string | null;
  /** The latest evaluation date on which the rule fired. */
  last_seen_on: string;
}

export interface WarningEvaluationsTable {
  id: Generated<number>;
  as_of: string;
  /** Data revision (`dataRevision`) the evaluation started from. */
  revision: string;
  evaluated_at: string;
  raised: number;
  updated: number;
  closed: number;
}

/** One row, id 1; bumped by statement triggers on PostgreSQL (SQLite uses connection counters). */
export interface ProgressRevisionTable {
  id: number;
  n: number;
}

export interface ProgressTables {
  derived_values: DerivedValuesTable;
  derived_value_inputs: DerivedValueInputsTable;
  warnings: WarningsTable;
  warning_evaluations: WarningEvaluationsTable;
  progress_revision: ProgressRevisionTable;
}
