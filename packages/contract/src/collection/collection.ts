/**
 * The data-collection API (issue 3 §2–§6): data sets, entry forms with optimistic versions, the approval
 * workflow, value history, reporting rate, imports (dry run, all or nothing) and exports.
 *
 * Every value write carries the version its writer saw (0 for none); a stale one is answered 409
 * CONFLICT with both values (`conflicts`). Validation failures are 422 VALIDATION_FAILED with located
 * `problems` (file, sheet, line, column).
 */
import { z } from 'zod';
import type { FormAction, FormState } from '@suocha/core';
import { ApiErrorSchema } from '../errors';
import { UnitCode } from '../common';

export const FORM_STATE_CODES = ['draft', 'submitted', 'approved', 'locked'] as const;
export const FormStateSchema = z.enum(FORM_STATE_CODES);
export const FORM_ACTION_CODES = ['save', 'submit', 'approve', 'return', 'lock', 'reopen'] as const;
export const FormActionSchema = z.enum(FORM_ACTION_CODES);
// The contract's lists are core's: a compile error here means they drifted apart.
const sameStates: [z.infer<typeof FormStateSchema>, FormState] extends [
  FormState,
  z.infer<typeof FormStateSchema>,
]
  ? true
  : never = true;
const sameActions: [z.infer<typeof FormActionSchema>, FormAction] extends [
  FormAction,
  z.infer<typeof FormActionSchema>,
]
  ? true
  : never = true;
void sameStates;
void sameActions;

export const CollectionPeriod = z.string().min(4).max(20);
export const DataSetCode = z
  .string()
  .regex(/^[a-z][a-z0-9_]{1,63}$/, '数据集代码: 小写字母开头, a-z 0-9 _ (data set code)');

const bound = z.number().finite().nullable().default(null);

export const DataSetFieldSchema = z.object({
  indicatorCode: z.string().min(1).max(100),
  valueType: z.enum(['number', 'integer']).default('number'),
  min: bound,
  max: bound,
  required: z.boolean().default(true),
  softMin: bound,
  softMax: bound,
});

export const ValidationRuleSchema = z.object({
  code: z.string().min(1).max(64),
  expression: z.string().min(1).max(2000),
  messageZh: z.string().max(500).default(''),
  messageEn: z.string().max(500).default(''),
  severity: z.enum(['error', 'warning']).default('error'),
  missing: z
    .enum(['skip_if_any_missing', 'skip_if_all_missing', 'never_skip'])
    .default('skip_if_any_missing'),
});

export const OutlierConfigSchema = z.object({
  method: z.enum(['none', 'zscore', 'modified_zscore', 'minmax']).default('zscore'),
  threshold: z.number().positive().default(3),
  minHistory: z.number().int().min(2).max(100).default(3),
});

/** POST /api/collection/datasets (and the body of PUT, with `version`). */
export const DataSetInput = z.object({
  code: DataSetCode,
  nameZh: z.string().min(1).max(200),
  nameEn: z.string().max(200).default(''),
  periodKind: z.enum(['month', 'quarter', 'half', 'year']),
  ytd: z.boolean().default(false),
  dueDay: z.number().int().min(1).max(31),
  dueOffsetMonths: z.number().int().min(0).max(12).default(1),
  level: z.enum(['province', 'city', 'county', 'town', 'village']),
  scopeUnit: UnitCode,
  fields: z.array(DataSetFieldSchema).min(1).max(500),
  rules: z.array(ValidationRuleSchema).max(500).default([]),
  outlier: OutlierConfigSchema.default({ method: 'zscore', threshold: 3, minHistory: 3 }),
});
export type DataSetInputDto = z.infer<typeof DataSetInput>;

export const DataSetUpdate = DataSetInput.extend({ version: z.number().int().min(1) });

export const DataSetSchema = DataSetInput.extend({
  version: z.number().int(),
  createdAt: z.string(),
  createdBy: z.string(),
  updatedAt: z.string(),
  updatedBy: z.string(),
});
export type DataSetDto = z.infer<typeof DataSetSchema>;

export const FormParams = z.object({ dataset: DataSetCode, unit: UnitCode, period: CollectionPeriod });

const Stamp = z.string().nullable();

export const FieldViewSchema = z.object({
  indicatorCode: z.string(),
  nameZh: z.string(),
  nameEn: z.string(),
  unit: z.string(),
  polarity: z.enum(['up', 'down']),
  departmentCode: z.string().nullable(),
  valueType: z.enum(['number', 'integer']),
  min: z.number().nullable(),
  max: z.number().nullable(),
  required: z.boolean(),
  softMin: z.number().nullable(),
  softMax: z.number().nullable(),
  /** The stored value: send `current.version` (or 0 when null) back with a change. */
  current: z
    .object({
      value: z.number(),
      version: z.number().int(),
      status: FormStateSchema,
      comment: z.string(),
      updatedAt: z.string(),
      updatedBy: z.string(),
    })
    .nullable(),
  previous: z.object({ period: z.string(), value: z.number() }).nullable(),
  lastYear: z.object({ period: z.string(), value: z.number() }).nullable(),
  target: z
    .object({ year: z.number(), comparator: z.string(), value: z.number(), planCode: z.string() })
    .nullable(),
  /** Outside [low, high] the value needs a comment (null: the outlier check cannot be made). */
  band: z.object({ method: z.string(), low: z.number().nullable(), high: z.number().nullable() }).nullable(),
  /** Whether this actor may change the field now (form in draft and permission on the unit/department). */
  editable: z.boolean(),
});
export type FieldViewDto = z.infer<typeof FieldViewSchema>;

export const FormEventSchema = z.object({
  id: z.number(),
  action: z.string(),
  fromState: z.string().nullable(),
  toState: z.string(),
  actor: z.string(),
  at: z.string(),
  reason: z.string(),
});

/** GET /api/collection/forms/:dataset/:unit/:period */
export const FormViewSchema = z.object({
  dataset: z.object({
    code: z.string(),
    nameZh: z.string(),
    nameEn: z.string(),
    periodKind: z.string(),
    ytd: z.boolean(),
    level: z.string(),
    version: z.number(),
  }),
  unit: z.object({
    code: z.string(),
    name: z.string(),
    level: z.string(),
    parentCode: z.string().nullable(),
  }),
  period: z.string(),
  periodEnd: z.string(),
  dueDate: z.string(),
  state: FormStateSchema,
  /** Send back as `formVersion` with a workflow action for an optimistic check (0: nothing entered yet). */
  formVersion: z.number().int(),
  firstSubmittedAt: Stamp,
  submittedAt: Stamp,
  submittedBy: Stamp,
  approvedAt: Stamp,
  approvedBy: Stamp,
  lockedAt: Stamp,
  lockedBy: Stamp,
  timeliness: z.enum(['on_time', 'late']).nullable(),
  /** Actions the workflow allows from this state … */
  actions: z.array(FormActionSchema),
  /** … and those this actor may take. */
  allowed: z.array(FormActionSchema),
  fields: z.array(FieldViewSchema),
  rules: z.array(ValidationRuleSchema),
  events: z.array(FormEventSchema),
});
export type FormViewDto = z.infer<typeof FormViewSchema>;

export const CollectionProblemSchema = z.object({
  code: z.string(),
  file: z.string().optional(),
  sheet: z.string().optional(),
  line: z.number().optional(),
  column: z.string().optional(),
  message: z.string(),
});

/** PUT /api/collection/forms/:dataset/:unit/:period/values */
export const SaveValuesBody = z.object({
  values: z
    .array(
      z.object({
        indicatorCode: z.string().min(1).max(100),
        /** A number, numeric text as typed (`1,234.5`), or null to clear the value. */
        value: z.union([z.number(), z.string().max(64), z.null()]),
        /** The version the client saw: `current.version`, or 0 when there was no value. */
        version: z.number().int().min(0),
        comment: z.string().max(1000).optional(),
      }),
    )
    .min(1)
    .max(500),
  formVersion: z.number().int().min(0).optional(),
  reason: z.string().max(1000).optional(),
});
export type SaveValuesBodyDto = z.infer<typeof SaveValuesBody>;

export const SaveValuesResponse = z.object({
  written: z.number().int(),
  unchanged: z.number().int(),
  warnings: z.array(CollectionProblemSchema),
  form: FormViewSchema,
});

/** POST …/submit | approve | return | lock | reopen (return and reopen need a reason). */
export const FormActionBody = z.object({
  reason: z.string().max(1000).optional(),
  formVersion: z.number().int().min(0).optional(),
});

export const FormActionResponse = z.object({
  form: FormViewSchema,
  warnings: z.array(CollectionProblemSchema),
});

/** 409 CONFLICT of a value write: what is stored now and what this writer sent, per value. */
export const ValueConflictSchema = z.object({
  indicatorCode: z.string(),
  stored: z
    .object({
      value: z.number(),
      version: z.number(),
      status: z.string(),
      comment: z.string(),
      updatedBy: z.string(),
      updatedAt: z.string(),
    })
    .nullable(),
  attempted: z.object({ value: z.number().nullable(), version: z.number(), comment: z.string() }),
  reason: z.enum(['version', 'not_editable']),
});
export const CollectionErrorSchema = z.object({
  error: ApiErrorSchema.shape.error.extend({
    conflicts: z.array(ValueConflictSchema).optional(),
    form: z.object({ state: FormStateSchema, version: z.number() }).optional(),
  }),
});

/** GET /api/collection/history?unit=&period=[&indicator=][&dataset=][&format=csv|xlsx] */
export const HistoryQuery = z.object({
  unit: UnitCode,
  period: CollectionPeriod,
  indicator: z.string().min(1).max(100).optional(),
  dataset: DataSetCode.optional(),
  format: z.enum(['json', 'csv', 'xlsx']).default('json'),
});
export const HistoryEntrySchema = z.object({
  observationId: z.number(),
  indicatorCode: z.string(),
  unitCode: z.string(),
  period: z.string(),
  version: z.number(),
  oldValue: z.number().nullable(),
  newValue: z.number().nullable(),
  oldStatus: z.string().nullable(),
  newStatus: z.string(),
  changedBy: z.string(),
  changedAt: z.string(),
  reason: z.string(),
  source: z.string(),
  comment: z.string(),
});

/** GET /api/collection/reporting/:dataset/:period[?unit=] */
export const ReportingQuery = z.object({ unit: UnitCode.optional() });
const Totals = z.object({
  expected: z.number(),
  reported: z.number(),
  onTime: z.number(),
  late: z.number(),
  pending: z.number(),
  overdue: z.number(),
  approved: z.number(),
  rate: z.number().nullable(),
  onTimeRate: z.number().nullable(),
});
export const ReportingViewSchema = z.object({
  datasetCode: z.string(),
  period: z.string(),
  dueDate: z.string(),
  asOf: z.string(),
  root: z.object({ code: z.string(), name: z.string() }),
  totals: Totals,
  byChild: z.array(z.object({ code: z.string(), name: z.string(), totals: Totals })),
  units: z.array(
    z.object({
      code: z.string(),
      name: z.string(),
      parentCode: z.string().nullable(),
      state: FormStateSchema.nullable(),
      status: z.enum(['on_time', 'late', 'pending', 'overdue']),
      submittedAt: z.string().nullable(),
      daysLate: z.number(),
    }),
  ),
  warnings: z.array(
    z.object({
      unitCode: z.string(),
      level: z.enum(['yellow', 'red']),
      daysLate: z.number(),
      message: z.string(),
    }),
  ),
});
export type ReportingViewDto = z.infer<typeof ReportingViewSchema>;

/**
 * POST /api/collection/import?dataset=&dryRun=1[&format=csv|xlsx][&name=file.csv] with the file as the raw
 * body (Content-Type text/csv, application/vnd.openxmlformats-officedocument.spreadsheetml.sheet or
 * application/octet-stream).
 */
const flag = z
  .union([z.literal('1'), z.literal('0'), z.literal('true'), z.literal('false')])
  .transform((v) => v === '1' || v === 'true');
export const ImportQuery = z.object({
  dataset: DataSetCode.optional(),
  dryRun: flag.default(false),
  format: z.enum(['csv', 'xlsx']).optional(),
  name: z.string().min(1).max(200).optional(),
});
export const ImportReportSchema = z.object({
  ok: z.boolean(),
  dryRun: z.boolean(),
  written: z.boolean(),
  file: z.string(),
  format: z.enum(['csv', 'xlsx']),
  datasetCode: z.string().nullable(),
  rows: z.number(),
  empty: z.number(),
  forms: z.number(),
  inserted: z.number(),
  updated: z.number(),
  unchanged: z.number(),
  problems: z.array(CollectionProblemSchema),
  problemCount: z.number(),
  warnings: z.array(CollectionProblemSchema),
  /** Milliseconds reading, checking and writing. */
  timings: z.object({ read: z.number(), check: z.number(), write: z.number() }),
});
export type ImportReportDto = z.infer<typeof ImportReportSchema>;
/** 422/409 of a real import that was refused: the error, and the whole report. */
export const ImportErrorSchema = ApiErrorSchema.extend({ report: ImportReportSchema });

/** GET /api/collection/template?dataset=&period=&unit=330824[,330822…] or &under=330800 */
export const TemplateQuery = z
  .object({
    dataset: DataSetCode,
    period: CollectionPeriod,
    unit: z
      .string()
      .regex(/^\d{6,12}(,\d{6,12})*$/, '区划代码, 逗号分隔 (unit codes, comma-separated)')
      .optional(),
    under: UnitCode.optional(),
  })
  .refine(
    (q) => (q.unit === undefined) !== (q.under === undefined),
    '请给出 unit 或 under 之一 (give unit or under)',
  );

/** GET /api/collection/export?dataset=&period=[&unit=][&format=csv|xlsx] */
export const ExportQuery = z.object({
  dataset: DataSetCode,
  period: CollectionPeriod,
  unit: UnitCode.optional(),
  format: z.enum(['csv', 'xlsx']).default('csv'),
});
