/**
 * Tables of the index module (issue 6): frameworks, frozen index runs with the inputs they used, and the
 * proposals of the dynamic classification of 山区海岛县 and 相对薄弱乡镇/村. Frameworks and runs are never
 * updated: a changed framework is a new version, a re-run on corrected data is a new run. Booleans are 0/1.
 */
import type { Generated } from 'kysely';
import type { UnitLevel } from '@suocha/core';

export interface IndexFrameworksTable {
  id: Generated<number>;
  code: string;
  /** 1, 2, …: a changed framework is stored as the next version of its code. */
  version: number;
  name_zh: string;
  name_en: string;
  /** The framework file as JSON text (its `version` field set to this row's version). */
  json: string;
  /** SHA-256 (hex) of the framework's canonical JSON without its version, to recognise a re-submission. */
  content_hash: string;
  created_at: string;
  created_by: string;
}

export interface IndexRunsTable {
  id: Generated<number>;
  framework_id: number;
  framework_code: string;
  framework_version: number;
  scope_unit: string;
  level: UnitLevel;
  period: string;
  /** Units in force and group memberships are taken on this date. */
  as_of: string;
  created_at: string;
  created_by: string;
  /** JSON: { samples, seed }. */
  params: string;
  /** SHA-256 (hex) of the sorted (indicator, unit, period, version, value) lines of the inputs used. */
  data_fingerprint: string;
  /** 1 when any input is synthetic (模拟数据). */
  synthetic: number;
  /** The run whose ranks the rank change is measured against (previous period), if any. */
  previous_run_id: number | null;
  /** The complete frozen result (league table) as JSON text; reading it back reproduces the run exactly. */
  results: string;
}

/** One row per unit of a run: the columns that rank histories and lists query without parsing results. */
export interface IndexRunUnitsTable {
  run_id: number;
  unit_code: string;
  score: number | null;
  /** 0 = not ranked. */
  rank: number;
  coverage: number;
  below_coverage: number;
}

export type IndexInputRole = 'value' | 'last_period';

/** An observation version a run used: the data version of the run. */
export interface IndexRunInputsTable {
  id: Generated<number>;
  run_id: number;
  observation_id: number;
  indicator_code: string;
  unit_code: string;
  period: string;
  version: number;
  value: number;
  synthetic: number;
  /** `value`: the period's value; `last_period`: an earlier period's value used to impute a missing one. */
  role: IndexInputRole;
  /** The framework indicator this input feeds (itself, or a derived indicator such as a ratio). */
  used_for: string;
}

export type ProposalDirection = 'enter' | 'leave';
export type ProposalStatus = 'proposed' | 'accepted' | 'rejected';

export interface ClassificationProposalsTable {
  id: Generated<number>;
  group_code: string;
  unit_code: string;
  direction: ProposalDirection;
  /** Code of the rule that proposed it. */
  rule: string;
  /** JSON: what the rule saw (values, thresholds, periods, observation versions, run). */
  evidence: string;
  status: ProposalStatus;
  /** Period whose data the rule judged. */
  period: string;
  run_id: number | null;
  /** 1 when the evidence includes synthetic data (such proposals cannot be accepted). */
  synthetic: number;
  proposed_at: string;
  proposed_by: string;
  decided_at: string | null;
  decided_by: string | null;
  /** Date from which an accepted change applies (membership starts or ends on it). */
  effective_date: string | null;
  decision_note: string;
  /** The membership row created or ended by accepting. */
  membership_id: number | null;
}

export interface IndexTables {
  index_frameworks: IndexFrameworksTable;
  index_runs: IndexRunsTable;
  index_run_units: IndexRunUnitsTable;
  index_run_inputs: IndexRunInputsTable;
  classification_proposals: ClassificationProposalsTable;
}
