/**
 * The project-dispatch API (issue 7 §1–5): the project library, annual plans, monthly reports with
 * versions, the .xlsx template, imports (dry run, all or nothing, located problems), the status roll-up
 * and the dispatch board. All routes are under /api/projects and need a logged-in actor; a user sees and
 * reports only projects whose owner unit is in their scope subtree (department users: also only projects
 * their department leads).
 *
 * Amounts are 万元 (the provincial forms' unit); months are `YYYY-MM`; rates are fractions (0.591), gaps
 * in percentage points. Every row that comes from generated data has `synthetic: true` and must be shown
 * labelled 模拟数据 / synthetic.
 */
import { z } from 'zod';
import type { Light, LightRuleId, ProjectStage } from '@suocha/core';
import { IsoDate, UnitCode } from '../common';

export const PROJECT_STAGE_CODES = [
  'planned',
  'reserve',
  'under_construction',
  'completed',
  'suspended',
  'cancelled',
] as const;
export const ProjectStageSchema = z.enum(PROJECT_STAGE_CODES);
export const LIGHT_CODES = ['green', 'yellow', 'red', 'none'] as const;
export const LightSchema = z.enum(LIGHT_CODES);
export const LIGHT_RULE_IDS = [
  'schedule.on_or_ahead',
  'schedule.green_band',
  'schedule.yellow_band',
  'schedule.red_band',
  'schedule.no_plan',
  'schedule.cancelled',
  'start.started',
  'start.no_planned_start',
  'start.not_yet_due',
  'start.late_yellow',
  'start.late_red',
  'start.not_applicable',
  'start.invalid_month',
] as const;
export const LightRuleIdSchema = z.enum(LIGHT_RULE_IDS);
// The contract's lists are core's: a compile error here means they drifted apart.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : never) : never;
const sameStages: Same<z.infer<typeof ProjectStageSchema>, ProjectStage> = true;
const sameLights: Same<z.infer<typeof LightSchema>, Light> = true;
const sameRules: Same<z.infer<typeof LightRuleIdSchema>, LightRuleId> = true;
void sameStages;
void sameLights;
void sameRules;

export const YearMonth = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])$/, '月份格式应为 YYYY-MM (month must be YYYY-MM)');
export const ProjectCode = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/, '项目代码: 字母数字 _ . - (project code)');
export const CategoryCode = z
  .string()
  .regex(/^[a-z][a-z0-9_]{0,63}$/, '类别代码: 小写字母开头 (category code)');
const nonNegative = z.number().finite().min(0, '投资额不能为负 (investment cannot be negative)');

/** A category of the library (categories are data: table project_categories). */
export const ProjectCategorySchema = z.object({
  code: CategoryCode,
  nameZh: z.string(),
  nameEn: z.string(),
  source: z.string(),
});
export type ProjectCategoryDto = z.infer<typeof ProjectCategorySchema>;
/** GET /api/projects/categories */
export const ProjectCategoriesResponse = z.object({ items: z.array(ProjectCategorySchema) });

/** POST /api/projects (register) — PUT /api/projects/:code takes the same body without `code`/`stage`. */
export const ProjectInput = z.object({
  code: ProjectCode,
  name: z.string().min(1).max(300),
  ownerUnit: UnitCode,
  leadDepartment: z.string().min(1).max(64),
  category: CategoryCode,
  /** Initial stage of a new project (default 谋划); later changes go through /stage. */
  stage: ProjectStageSchema.default('planned'),
  totalInvestment: nonNegative,
  plannedStart: YearMonth.nullable().default(null),
  plannedCompletion: YearMonth.nullable().default(null),
  actualStart: YearMonth.nullable().default(null),
  actualCompletion: YearMonth.nullable().default(null),
});
export type ProjectInputDto = z.infer<typeof ProjectInput>;
export const ProjectUpdate = ProjectInput.omit({ code: true, stage: true });
export type ProjectUpdateDto = z.infer<typeof ProjectUpdate>;

export const ProjectSchema = z.object({
  code: z.string(),
  name: z.string(),
  ownerUnit: z.string(),
  ownerUnitName: z.string(),
  /** Materialised path of the owner unit (`/100000/330000/330800/330824/`). */
  ownerUnitPath: z.string(),
  leadDepartment: z.string(),
  category: z.string(),
  stage: ProjectStageSchema,
  totalInvestment: z.number(),
  plannedStart: z.string().nullable(),
  plannedCompletion: z.string().nullable(),
  actualStart: z.string().nullable(),
  actualCompletion: z.string().nullable(),
  /** Generated demo/benchmark project: show 模拟数据. */
  synthetic: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type ProjectDto = z.infer<typeof ProjectSchema>;

/** One light with the rule and the numbers that produced it (core `LightExplanation`). */
export const LightExplanationSchema = z.object({
  kind: z.enum(['schedule', 'start']),
  light: LightSchema,
  ruleId: LightRuleIdSchema,
  rulesId: z.string(),
  numbers: z.record(z.string(), z.number()),
  plannedStart: z.string().optional(),
  zh: z.string(),
  en: z.string(),
});
export type LightExplanationDto = z.infer<typeof LightExplanationSchema>;

/** Metrics of one project for the asked month (core `projectMetrics`, METHODS.md §5). */
export const ProjectMetricsSchema = z.object({
  asOf: z.string(),
  annualPlan: z.number(),
  ytdCompleted: z.number(),
  completionRate: z.number().nullable(),
  /** 序时进度 (month/12). */
  scheduleShare: z.number(),
  /** (序时进度 − completion)·100; positive = behind. */
  gapPoints: z.number().nullable(),
  pv: z.number().nullable(),
  spi: z.number().nullable(),
  started: z.boolean(),
  newStartDue: z.boolean(),
  newStartDone: z.boolean(),
  light: LightSchema,
  scheduleLight: LightExplanationSchema,
  startLight: LightExplanationSchema,
});
export type ProjectMetricsDto = z.infer<typeof ProjectMetricsSchema>;

/** A project with its metrics for the month (lists, status and board). */
export const ProjectRowSchema = ProjectSchema.extend({ metrics: ProjectMetricsSchema });
export type ProjectRowDto = z.infer<typeof ProjectRowSchema>;

const flag = z
  .union([z.literal('1'), z.literal('0'), z.literal('true'), z.literal('false')])
  .transform((v) => v === '1' || v === 'true');

/** Filters shared by the list, status and board (query strings). */
export const ProjectFilterQuery = z.object({
  /** Subtree root (default: the actor's scope unit). */
  unit: UnitCode.optional(),
  category: CategoryCode.optional(),
  department: z.string().min(1).max(64).optional(),
  stage: ProjectStageSchema.optional(),
  light: LightSchema.optional(),
  /** Free text on code or name. */
  q: z.string().max(100).optional(),
  /** Month judged (default: the previous month of "now"). */
  month: YearMonth.optional(),
});
export type ProjectFilterQueryDto = z.infer<typeof ProjectFilterQuery>;

/** GET /api/projects?unit=&category=&department=&stage=&light=&q=&month=&limit=&offset= */
export const ProjectListQuery = ProjectFilterQuery.extend({
  limit: z.coerce.number().int().min(1).max(1000).default(100),
  offset: z.coerce.number().int().min(0).default(0),
  /** Order: worst light first (default), or by code. */
  sort: z.enum(['light', 'code', 'gap']).default('light'),
});
export const ProjectListResponse = z.object({
  month: z.string(),
  total: z.number().int(),
  items: z.array(ProjectRowSchema),
  /** True when any listed project is synthetic (show 模拟数据). */
  synthetic: z.boolean(),
});
export type ProjectListResponseDto = z.infer<typeof ProjectListResponse>;

export const StageChangeSchema = z.object({
  from: ProjectStageSchema,
  to: ProjectStageSchema,
  date: z.string(),
  reason: z.string(),
  by: z.string(),
  at: z.string(),
});
export type StageChangeDto = z.infer<typeof StageChangeSchema>;

/** PUT /api/projects/:code/plans/:year */
export const AnnualPlanInput = z.object({
  plannedInvestment: nonNegative,
  /** Optional 12 monthly amounts (January first) summing to the annual amount; they enable SPI. */
  monthlyPlanned: z.array(nonNegative).length(12).nullable().default(null),
});
export type AnnualPlanInputDto = z.infer<typeof AnnualPlanInput>;
export const AnnualPlanSchema = z.object({
  projectCode: z.string(),
  year: z.number().int(),
  plannedInvestment: z.number(),
  monthlyPlanned: z.array(z.number()).nullable(),
  updatedAt: z.string(),
  updatedBy: z.string(),
});
export type AnnualPlanDto = z.infer<typeof AnnualPlanSchema>;

/** POST /api/projects/:code/reports — a second report for the same month is a new version. */
export const MonthlyReportInput = z.object({
  month: YearMonth,
  completedThisMonth: nonNegative,
  ytdCompleted: nonNegative,
  started: z.boolean(),
  note: z.string().max(2000).default(''),
  problems: z.string().max(2000).default(''),
  /** Why a report for this month is being corrected (required for version ≥ 2). */
  reason: z.string().max(1000).default(''),
});
export type MonthlyReportInputDto = z.infer<typeof MonthlyReportInput>;

export const MonthlyReportSchema = z.object({
  projectCode: z.string(),
  month: z.string(),
  /** 1 for the first report of the month; each correction adds a version (older ones are kept). */
  version: z.number().int(),
  /** Whether this is the month's latest version (the one the metrics use). */
  current: z.boolean(),
  completedThisMonth: z.number(),
  ytdCompleted: z.number(),
  started: z.boolean(),
  note: z.string(),
  problems: z.string(),
  reason: z.string(),
  /** 'form' | 'import' | 'synthetic' — and the import's file name when imported. */
  origin: z.string(),
  reportedBy: z.string(),
  reportedAt: z.string(),
  synthetic: z.boolean(),
});
export type MonthlyReportDto = z.infer<typeof MonthlyReportSchema>;
/** Answer of POST …/reports: the stored version and the project's refreshed metrics. */
export const MonthlyReportResponse = z.object({
  report: MonthlyReportSchema,
  metrics: ProjectMetricsSchema,
});

/** One point of the S-curve: cumulative planned vs completed investment at the end of a month. */
export const SCurvePointSchema = z.object({
  month: z.string(),
  /** Σ monthly plan to this month, or plan·m/12 when there is no monthly plan (`plannedBasis`). */
  plannedCumulative: z.number().nullable(),
  /** YTD of the month's current report; null when no report (and no later one). */
  completedCumulative: z.number().nullable(),
});
export const SCurveSchema = z.object({
  year: z.number().int(),
  plannedBasis: z.enum(['monthly', 'linear', 'none']),
  annualPlan: z.number().nullable(),
  points: z.array(SCurvePointSchema),
});
export type SCurveDto = z.infer<typeof SCurveSchema>;

/** GET /api/projects/:code?month= — the project page. */
export const ProjectPageSchema = z.object({
  project: ProjectSchema,
  month: z.string(),
  metrics: ProjectMetricsSchema,
  sCurve: SCurveSchema,
  plans: z.array(AnnualPlanSchema),
  /** Every version of every report, newest month first, then newest version first. */
  reports: z.array(MonthlyReportSchema),
  stageHistory: z.array(StageChangeSchema),
  /** Stages the project may move to now (core STAGE_TRANSITIONS). */
  allowedStages: z.array(ProjectStageSchema),
  /** What this actor may do on this project. */
  canWrite: z.boolean(),
});
export type ProjectPageDto = z.infer<typeof ProjectPageSchema>;

/** POST /api/projects/:code/stage */
export const StageChangeInput = z.object({
  to: ProjectStageSchema,
  date: IsoDate,
  reason: z.string().min(1).max(1000),
});
export type StageChangeInputDto = z.infer<typeof StageChangeInput>;

/** Roll-up of a group (core `RollupRow`) with the group's name. */
const LightTallySchema = z.object({
  count: z.number().int(),
  annualPlan: z.number(),
  ytdCompleted: z.number(),
});
export const RollupRowSchema = z.object({
  key: z.string(),
  name: z.string(),
  count: z.number().int(),
  annualPlan: z.number(),
  ytdCompleted: z.number(),
  completionRate: z.number().nullable(),
  /** 序时进度 of the month and the group's gap to it (points). */
  scheduleShare: z.number(),
  gapPoints: z.number().nullable(),
  lights: z.object({
    green: LightTallySchema,
    yellow: LightTallySchema,
    red: LightTallySchema,
    none: LightTallySchema,
  }),
  newStartDue: z.number().int(),
  newStartDone: z.number().int(),
  startRate: z.number().nullable(),
  pv: z.number(),
  ev: z.number(),
  spi: z.number().nullable(),
  /** Number of synthetic projects in the group. */
  syntheticCount: z.number().int(),
});
export type RollupRowDto = z.infer<typeof RollupRowSchema>;

/** A figure the province reported (observations, from the seeds) shown beside the registry's roll-up. */
export const ReportedFigureSchema = z.object({
  indicatorCode: z.string(),
  nameZh: z.string(),
  nameEn: z.string(),
  unitCode: z.string(),
  period: z.string(),
  value: z.number(),
  /** Unit of measure of the indicator (%, count, 100m yuan, …). */
  measure: z.string(),
  note: z.string(),
  source: z.string(),
  /** The registry's figure for the same quantity over the same scope, where it can be computed. */
  registryValue: z.number().nullable(),
});
export type ReportedFigureDto = z.infer<typeof ReportedFigureSchema>;

export const ROLLUP_DIMENSIONS = ['unit', 'category', 'department', 'stage'] as const;
export const RollupDimensionSchema = z.enum(ROLLUP_DIMENSIONS);

/** GET /api/projects/status?of=&month=&…filters — roll-up plus every project (CLI `projects status`). */
export const ProjectStatusQuery = ProjectFilterQuery.omit({ unit: true }).extend({
  of: UnitCode.optional(),
  /** Include the per-project rows (default true). */
  projects: flag.default(true),
});
export const ProjectStatusSchema = z.object({
  unit: z.object({ code: z.string(), name: z.string() }),
  month: z.string(),
  scheduleShare: z.number(),
  rulesId: z.string(),
  total: RollupRowSchema,
  /** By child unit of `of` (cities under the province, counties under a city). */
  byUnit: z.array(RollupRowSchema),
  byCategory: z.array(RollupRowSchema),
  byDepartment: z.array(RollupRowSchema),
  byStage: z.array(RollupRowSchema),
  reported: z.array(ReportedFigureSchema),
  /** Every project with its light, completion and 序时 gap (empty when `projects=0`). */
  projects: z.array(ProjectRowSchema),
  synthetic: z.boolean(),
});
export type ProjectStatusDto = z.infer<typeof ProjectStatusSchema>;

/** GET /api/projects/board?unit=&month=&…filters — the dispatch board: roll-ups and red/yellow lists. */
export const DispatchBoardQuery = ProjectFilterQuery.extend({
  /** Length of each of the red and yellow lists (worst gap first). */
  listLimit: z.coerce.number().int().min(0).max(500).default(50),
});
export const DispatchBoardSchema = z.object({
  unit: z.object({ code: z.string(), name: z.string() }),
  month: z.string(),
  scheduleShare: z.number(),
  rulesId: z.string(),
  total: RollupRowSchema,
  byUnit: z.array(RollupRowSchema),
  byCategory: z.array(RollupRowSchema),
  reported: z.array(ReportedFigureSchema),
  red: z.array(ProjectRowSchema),
  redTotal: z.number().int(),
  yellow: z.array(ProjectRowSchema),
  yellowTotal: z.number().int(),
  synthetic: z.boolean(),
});
export type DispatchBoardDto = z.infer<typeof DispatchBoardSchema>;

/** One located problem of an import (sheet, 1-based row as in Excel, column letter or header). */
export const ProjectImportProblemSchema = z.object({
  code: z.enum([
    'IMPORT_UNREADABLE',
    'IMPORT_TEMPLATE_VERSION',
    'IMPORT_HEADER',
    'IMPORT_MONTH_MISMATCH',
    'IMPORT_UNKNOWN_PROJECT',
    'IMPORT_OUT_OF_SCOPE',
    'IMPORT_DUPLICATE_ROW',
    'IMPORT_NOT_A_NUMBER',
    'IMPORT_MISSING_VALUE',
    'REPORT_MONTH_INVALID',
    'REPORT_NOT_A_NUMBER',
    'REPORT_NEGATIVE_INVESTMENT',
    'REPORT_MONTH_IN_FUTURE',
    'REPORT_YTD_DECREASED',
    'REPORT_YTD_MISMATCH',
    'REPORT_INVESTMENT_NOT_STARTED',
    'REPORT_START_REVERTED',
  ]),
  sheet: z.string(),
  /** 1-based row number as shown by Excel (the header is row 1 of the data sheet); 0 for the file. */
  row: z.number().int(),
  /** Column letter (`E`) and header text, when the problem is in one cell. */
  column: z.string().nullable(),
  columnName: z.string().nullable(),
  projectCode: z.string().nullable(),
  message: z.string(),
});
export type ProjectImportProblemDto = z.infer<typeof ProjectImportProblemSchema>;

/** POST /api/projects/import?month=2025-11&dryRun=1&format=xlsx|csv&name=f.xlsx (raw body). */
export const ProjectImportQuery = z.object({
  month: YearMonth,
  dryRun: flag.default(false),
  format: z.enum(['csv', 'xlsx']).optional(),
  name: z.string().min(1).max(200).optional(),
});
export const ProjectImportReportSchema = z.object({
  ok: z.boolean(),
  dryRun: z.boolean(),
  written: z.boolean(),
  file: z.string(),
  format: z.enum(['csv', 'xlsx']),
  month: z.string(),
  /** Data rows read (blank rows skipped), rows with figures, rows that would create a new version. */
  rows: z.number().int(),
  reports: z.number().int(),
  newVersions: z.number().int(),
  /** Rows identical to the current report (nothing to write). */
  unchanged: z.number().int(),
  problems: z.array(ProjectImportProblemSchema),
  problemCount: z.number().int(),
  timings: z.object({ read: z.number(), check: z.number(), write: z.number() }),
});
export type ProjectImportReportDto = z.infer<typeof ProjectImportReportSchema>;
/**
 * A dry run always answers 200 with the report (ok false when there are problems). A real import with
 * problems answers 422 VALIDATION_FAILED: `{ error: { code, message, problems }, report }` and writes
 * nothing.
 */
export const ProjectImportErrorSchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    problems: z.array(ProjectImportProblemSchema).optional(),
  }),
  report: ProjectImportReportSchema,
});

/** GET /api/projects/template?unit=330824&month=2025-11 → .xlsx (one row per project of the subtree). */
export const ProjectTemplateQuery = z.object({ unit: UnitCode, month: YearMonth });

/** The template's columns, in order (the CSV import uses the same headers). */
export const PROJECT_TEMPLATE_COLUMNS = [
  { key: 'code', zh: '项目代码', en: 'project code' },
  { key: 'name', zh: '项目名称', en: 'project name' },
  { key: 'ownerUnit', zh: '业主单位代码', en: 'owner unit' },
  { key: 'annualPlan', zh: '年度计划投资(万元)', en: 'annual plan (10k yuan)' },
  { key: 'completedThisMonth', zh: '本月完成投资(万元)', en: 'completed this month (10k yuan)' },
  { key: 'ytdCompleted', zh: '本年累计完成投资(万元)', en: 'year to date (10k yuan)' },
  { key: 'started', zh: '是否开工(是/否)', en: 'started (是/否)' },
  { key: 'note', zh: '形象进度', en: 'progress note' },
  { key: 'problems', zh: '存在问题', en: 'problems' },
] as const;
export const PROJECT_TEMPLATE_VERSION = 'suocha-projects-v1';

/** POST /api/projects/demo (province administrator): load seeded synthetic projects. */
export const ProjectDemoInput = z.object({
  seed: z.number().int().min(0).default(1),
  count: z.number().int().min(1).max(50_000).default(300),
  /** Last month with reports (default: the previous month of "now"). */
  month: YearMonth.optional(),
});
export const ProjectDemoResponse = z.object({
  projects: z.number().int(),
  plans: z.number().int(),
  reports: z.number().int(),
  synthetic: z.literal(true),
});
