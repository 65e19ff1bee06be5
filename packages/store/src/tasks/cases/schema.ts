/** Pilots (试点) and the case library (典型案例) (issue 8 §3): table types. */
import type { Generated } from 'kysely';

export type PilotKind = '全域综合试点' | '专项试点';
export type PilotStatus = 'planned' | 'active' | 'completed';

export interface PilotsTable {
  code: string;
  name: string;
  kind: PilotKind;
  theme: string;
  /** ISO date, or null where the source does not give one. */
  start_date: string | null;
  status: PilotStatus;
  /** What the source says of the units when it names none (e.g. "3个市、14个县(市、区)"). */
  units_note: string;
  source: string;
}

export interface PilotUnitsTable {
  pilot_code: string;
  unit_code: string;
}

export interface CasesTable {
  id: Generated<number>;
  title: string;
  unit_code: string;
  /** JSON array of tag strings. */
  tags: string;
  summary: string;
  body: string;
  pilot_code: string | null;
  source: string;
  version: number;
  created_at: string;
  created_by: string;
  updated_at: string;
  updated_by: string;
  /** Normalised (NFKC, lower case, runs of letters/digits) copies of the fields the search ranks by. */
  title_norm: string;
  tags_norm: string;
  summary_norm: string;
  body_norm: string;
  /** All normalised fields joined by spaces: what a term must occur in. */
  search_text: string;
  /** Distinct 1- and 2-character grams of `search_text`, space-separated: the index for short terms. */
  grams: string;
}

/** One row per tag of a case, for filtering and tag counts. */
export interface CaseTagsTable {
  case_id: number;
  tag: string;
}

export interface CasesTables {
  pilots: PilotsTable;
  pilot_units: PilotUnitsTable;
  cases: CasesTable;
  case_tags: CaseTagsTable;
}
