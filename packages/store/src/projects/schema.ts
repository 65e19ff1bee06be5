/** Project dispatch (issue 7): table types. Months are `YYYY-MM`, timestamps ISO strings, booleans 0/1. */
import type { Generated } from 'kysely';

/** Categories of the library are data (县城承载能力提升, 中心镇, …), each with its source. */
export interface ProjectCategoriesTable {
  code: string;
  name_zh: string;
  name_en: string;
  source: string;
}

export interface ProjectsTable {
  code: string;
  name: string;
  owner_unit: string;
  /** Materialised path of the owner unit, copied so that a subtree is one prefix range on this table. */
  owner_path: string;
  province_code: string;
  lead_department: string;
  category: string;
  stage: string;
  total_investment: number;
  planned_start: string | null;
  planned_completion: string | null;
  actual_start: string | null;
  actual_completion: string | null;
  /** 1 for generated demo/benchmark projects (模拟数据). */
  synthetic: number;
  created_at: string;
  updated_at: string;
  updated_by: string;
}

/** Append-only history of stage changes (the dynamic library), each with its date and reason. */
export interface ProjectStageChangesTable {
  id: Generated<number>;
  project_code: string;
  from_stage: string;
  to_stage: string;
  date: string;
  reason: string;
  changed_by: string;
  changed_at: string;
}

export interface ProjectPlansTable {
  project_code: string;
  year: number;
  planned_investment: number;
  /** JSON array of 12 monthly amounts, or null. */
  monthly_planned: string | null;
  updated_at: string;
  updated_by: string;
}

/**
 * Monthly reports: a correction is a new row with the next version; older versions stay. `current` marks
 * the month's latest version (the only column ever updated, from 1 to 0, when a newer version arrives).
 */
export interface ProjectReportsTable {
  id: Generated<number>;
  project_code: string;
  month: string;
  version: number;
  current: number;
  completed_this_month: number;
  ytd_completed: number;
  started: number;
  note: string;
  problems: string;
  reason: string;
  origin: string;
  reported_by: string;
  reported_at: string;
  synthetic: number;
}

/** One row (id 1): bumped by every write of this module, so readers can cache roll-ups. */
export interface ProjectRevisionTable {
  id: number;
  revision: number;
}

export interface ProjectsTables {
  project_categories: ProjectCategoriesTable;
  projects: ProjectsTable;
  project_stage_changes: ProjectStageChangesTable;
  project_plans: ProjectPlansTable;
  project_reports: ProjectReportsTable;
  project_revision: ProjectRevisionTable;
}
