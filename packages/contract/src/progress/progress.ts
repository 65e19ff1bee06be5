/**
 * Progress to targets, warnings (预警) and indicator series with lineage (issue 4 §5):
 * GET /api/progress?unit=330000&asOf=2025-12-31, GET /api/warnings?asOf=…, GET /api/indicators/:code/series?unit=….
 */
import { z } from 'zod';
import { IsoDate, UnitCode } from '../common';
import { UnitLevelSchema } from '../hierarchy/units';
import { TargetSchema } from '../targets/catalogue';

const Flag = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');

export const ProgressQuery = z.object({
  unit: UnitCode,
  asOf: IsoDate,
  /** Rows for the targets of the units of this level in the unit's subtree instead of the unit's own. */
  level: UnitLevelSchema.optional(),
  /** Also give the UNSD and weather classes (METHODS.md §1). */
  alternatives: Flag.optional(),
});
export type ProgressQueryDto = z.infer<typeof ProgressQuery>;

export const ProgressStatusSchema = z.enum([
  'achieved',
  'on_track',
  'needs_acceleration',
  'limited_progress',
  'moving_away',
  'no_data',
]);
export type ProgressStatusDto = z.infer<typeof ProgressStatusSchema>;

const PointRefSchema = z.object({
  period: z.string(),
  value: z.number(),
  observationId: z.number().nullable(),
  source: z.string().nullable(),
});

export const ProgressJudgementSchema = z.object({
  status: ProgressStatusSchema,
  /** NO_OBSERVATIONS, SINGLE_OBSERVATION, NON_POSITIVE_VALUE, TARGET_NOT_AFTER_BASELINE when no_data. */
  reason: z.string().nullable(),
  method: z.enum(['compound', 'linear']),
  /** `year`, or the sub-annual seasonality judged, e.g. `Q3-YTD`. */
  seasonality: z.string().nullable(),
  latest: PointRefSchema.nullable(),
  previous: PointRefSchema.nullable(),
  baseline: PointRefSchema.extend({ from: z.enum(['plan', 'earliest_observation']) }).nullable(),
  /** 序时进度: the value expected at the latest value's time on the straight path; gap > 0 = ahead. */
  expected: z.number().nullable(),
  gap: z.number().nullable(),
  ratio: z.number().nullable(),
  rObs: z.number().nullable(),
  rReq: z.number().nullable(),
  projected: z.number().nullable(),
  /** Annual change still needed from the latest value (a growth rate, or a change per year if linear). */
  requiredAnnualChange: z.number().nullable(),
  slipped: z.boolean(),
  /** SUB_ANNUAL_SERIES, TARGET_MISSED, OVERDUE, … */
  caveats: z.array(z.string()),
  points: z.number(),
});
export type JudgementDto = z.infer<typeof ProgressJudgementSchema>;

export const ProgressRowSchema = ProgressJudgementSchema.extend({
  targetId: z.number(),
  indicator: z.object({
    code: z.string(),
    nameZh: z.string(),
    nameEn: z.string(),
    unit: z.string(),
    polarity: z.enum(['up', 'down']),
  }),
  plan: z.object({ code: z.string(), title: z.string(), issuedOn: z.string() }),
  unit: z.object({ code: z.string(), name: z.string() }),
  year: z.number(),
  comparator: z.enum(['>=', '>', '<=', '<', '=']),
  targetValue: z.number(),
  governing: z.boolean(),
  supersededBy: z.string().nullable(),
  ambiguous: z.boolean(),
  /** The governing target judged now for its indicator and unit. */
  current: z.boolean(),
  /** The status on annual values alone, when the default series is sub-annual and annual values exist. */
  annual: ProgressJudgementSchema.nullable(),
  alternatives: z
    .object({
      unsd: z.object({ status: z.string(), q: z.number().nullable() }),
      weather: z.object({
        status: z.string(),
        projected: z.number().nullable(),
        relativeMiss: z.number().nullable(),
      }),
    })
    .nullable(),
  synthetic: z.boolean(),
  /** Link to the series with sources and lineage. */
  evidence: z.string(),
});
export type ProgressRowDto = z.infer<typeof ProgressRowSchema>;

export const ProgressStatusCountsSchema = z.record(ProgressStatusSchema, z.number());

export const ProgressReportSchema = z.object({
  unit: z.object({ code: z.string(), name: z.string(), level: UnitLevelSchema }),
  asOf: z.string(),
  level: UnitLevelSchema.nullable(),
  /** Statuses of the targets judged now (one per indicator and unit). */
  counts: ProgressStatusCountsSchema,
  synthetic: z.boolean(),
  items: z.array(ProgressRowSchema),
});
export type ProgressReportDto = z.infer<typeof ProgressReportSchema>;

export const WarningsQuery = z.object({
  asOf: IsoDate,
  /** Default: the caller's scope unit. */
  unit: UnitCode.optional(),
  /** Start of the report period; default the first day of asOf's month. */
  since: IsoDate.optional(),
});
export type WarningsQueryDto = z.infer<typeof WarningsQuery>;

export const WarningRuleSchema = z.enum([
  'off_track',
  'target_missed',
  'wrong_direction',
  'missing_submission',
]);

export const ProgressWarningSchema = z.object({
  id: z.number(),
  rule: WarningRuleSchema,
  severity: z.enum(['yellow', 'orange', 'red']),
  fingerprint: z.string(),
  unitCode: z.string(),
  unitName: z.string(),
  indicatorCode: z.string().nullable(),
  indicatorNameZh: z.string().nullable(),
  planCode: z.string().nullable(),
  targetId: z.number().nullable(),
  datasetCode: z.string().nullable(),
  period: z.string().nullable(),
  message: z.string(),
  /** The numbers that made the rule fire and `evidence` / `href` links to the series. */
  details: z.record(z.string(), z.unknown()),
  raisedOn: z.string(),
  closedOn: z.string().nullable(),
  lastSeenOn: z.string(),
});
export type WarningDto = z.infer<typeof ProgressWarningSchema>;

export const WarningsReportSchema = z.object({
  unit: z.object({ code: z.string(), name: z.string() }),
  asOf: z.string(),
  since: z.string(),
  evaluation: z
    .object({
      asOf: z.string(),
      evaluated: z.boolean(),
      skippedReason: z.string().nullable(),
      firing: z.number(),
      raised: z.number(),
      updated: z.number(),
      closed: z.number(),
    })
    .nullable(),
  open: z.array(ProgressWarningSchema),
  raised: z.array(ProgressWarningSchema),
  closed: z.array(ProgressWarningSchema),
});
export type WarningsReportDto = z.infer<typeof WarningsReportSchema>;

export const IndicatorSeriesParams = z.object({
  code: z.string().regex(/^[a-z][a-z0-9_]*$/, '指标代码无效 (bad indicator code)'),
});
export const IndicatorSeriesQuery = z.object({ unit: UnitCode });

export const DerivedLineageSchema = z.object({
  formula: z.string(),
  computedAt: z.string(),
  stale: z.boolean(),
  inputs: z.array(
    z.object({
      observationId: z.number(),
      indicatorCode: z.string(),
      unitCode: z.string(),
      period: z.string(),
      value: z.number(),
      version: z.number(),
      usedVersion: z.number(),
      source: z.string(),
      status: z.string(),
      synthetic: z.boolean(),
    }),
  ),
});

export const IndicatorSeriesSchema = z.object({
  indicator: z.object({
    code: z.string(),
    nameZh: z.string(),
    nameEn: z.string(),
    unit: z.string(),
    polarity: z.enum(['up', 'down']),
    definition: z.string(),
  }),
  unit: z.object({ code: z.string(), name: z.string() }),
  items: z.array(
    z.object({
      observationId: z.number(),
      period: z.string(),
      periodEnd: z.string(),
      value: z.number(),
      source: z.string(),
      note: z.string(),
      status: z.string(),
      counted: z.boolean(),
      version: z.number(),
      synthetic: z.boolean(),
      updatedAt: z.string(),
      derived: DerivedLineageSchema.nullable(),
    }),
  ),
  targets: z.array(TargetSchema),
});
export type IndicatorSeriesDto = z.infer<typeof IndicatorSeriesSchema>;
