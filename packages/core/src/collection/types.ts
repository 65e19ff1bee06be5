/**
 * Data collection (数据填报/审核, issue 3 §2–§5): a data set is a named group of indicators collected for
 * every unit of one level under a scope unit, once per period of one kind, due on a given day after the
 * period ends. Modelled on DHIS2 data sets (period type, expiry days, validation rules, approval levels).
 */
import type { PeriodKind } from '../period';
import type { UnitLevel } from '../hierarchy/levels';

/** How a value is typed: any finite number, or a whole number (counts, persons). */
export const VALUE_TYPES = ['number', 'integer'] as const;
export type ValueType = (typeof VALUE_TYPES)[number];

/** One field of a data set's form: an indicator with its type, hard range and soft (outlier) band. */
export interface DataSetField {
  readonly indicatorCode: string;
  readonly valueType: ValueType;
  /** Hard range: a value outside it is an error and is never stored. */
  readonly min: number | null;
  readonly max: number | null;
  /** Must be present before the form can be submitted. */
  readonly required: boolean;
  /** Soft band of the min–max outlier check: outside it the value needs a confirming comment. */
  readonly softMin: number | null;
  readonly softMax: number | null;
}

/**
 * What a rule does when some of its values are missing — DHIS2 `missingValueStrategy`: skip if any
 * value is missing (default), skip only if all are missing (missing ones count as 0), or never skip.
 */
export const MISSING_STRATEGIES = ['skip_if_any_missing', 'skip_if_all_missing', 'never_skip'] as const;
export type MissingValueStrategy = (typeof MISSING_STRATEGIES)[number];

/** A DHIS2-style validation rule written as a comparison, e.g. `urban_income >= rural_income`. */
export interface ValidationRuleDef {
  readonly code: string;
  readonly expression: string;
  readonly messageZh: string;
  readonly messageEn: string;
  /** An error blocks storing; a warning is reported and does not. */
  readonly severity: 'error' | 'warning';
  readonly missing: MissingValueStrategy;
}

export const OUTLIER_METHODS = ['none', 'zscore', 'modified_zscore', 'minmax'] as const;
export type OutlierMethod = (typeof OUTLIER_METHODS)[number];

/** Outlier check against the unit's own history (see outliers.ts for each method's threshold). */
export interface OutlierConfig {
  readonly method: OutlierMethod;
  readonly threshold: number;
  /** Fewer comparable past values than this: the check is not made. */
  readonly minHistory: number;
}

export const COLLECTION_PERIOD_KINDS: readonly PeriodKind[] = ['month', 'quarter', 'half', 'year'];

export interface DataSetDefinition {
  readonly code: string;
  readonly nameZh: string;
  readonly nameEn: string;
  readonly periodKind: PeriodKind;
  /** Values are year-to-date (累计); never for a yearly data set. */
  readonly ytd: boolean;
  /** Day of the month the form is due (clamped to the month's length). */
  readonly dueDay: number;
  /** Months after the month in which the period ends: 1 = "the 5th of the next month". */
  readonly dueOffsetMonths: number;
  /** Units of this level report. */
  readonly level: UnitLevel;
  /** …under this unit (itself included when it has the level). */
  readonly scopeUnit: string;
  readonly fields: readonly DataSetField[];
  readonly rules: readonly ValidationRuleDef[];
  readonly outlier: OutlierConfig;
}

/** Workflow states of a form (one data set × unit × period) and of its values. */
export const FORM_STATES = ['draft', 'submitted', 'approved', 'locked'] as const;
export type FormState = (typeof FORM_STATES)[number];

export const FORM_ACTIONS = ['save', 'submit', 'approve', 'return', 'lock', 'reopen'] as const;
export type FormAction = (typeof FORM_ACTIONS)[number];

/** A problem found in a form or an import row, before it is located in a file by the caller. */
export interface ValueProblem {
  readonly code: string;
  readonly severity: 'error' | 'warning';
  /** The field concerned, when there is one. */
  readonly indicatorCode?: string;
  /** The rule concerned, for rule failures. */
  readonly ruleCode?: string;
  readonly message: string;
}
