/**
 * 三大差距 over HTTP (issue 5 §1, §5): GET /api/gaps/regional?… (regional measures from stored data) and
 * POST /api/gaps/households (a household file as the raw body; a job id at once) with
 * GET /api/gaps/households/jobs/:id (progress, then the measures or the located problems).
 */
import { z } from 'zod';
import { IsoDate, UnitCode } from '../common';
import { UnitLevelSchema } from '../hierarchy/units';

const Flag = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');
const NumberText = z
  .string()
  .trim()
  .regex(/^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/, '应为数字 (must be a number)')
  .transform(Number);

// Regional --------------------------------------------------------------------------------------------

export const RegionalGapsQuery = z.object({
  indicator: z.string().min(1).max(100),
  of: UnitCode,
  /** Level of the subtree to compare; absent: the children of `of`. */
  level: UnitLevelSchema.optional(),
  group: z.string().min(1).max(100).optional(),
  /** Compare only the group's members. */
  onlyGroup: Flag.optional(),
  asOf: IsoDate.optional(),
  period: z.string().min(4).max(20).optional(),
  /** Reference line as a value, or as another unit's value of the same indicator and period. */
  line: NumberText.optional(),
  lineUnit: UnitCode.optional(),
});
export type RegionalGapsQueryDto = z.infer<typeof RegionalGapsQuery>;

const TheilPartsSchema = z.object({ total: z.number(), between: z.number(), within: z.number() });
const TheilGroupSchema = z.object({
  key: z.string(),
  count: z.number(),
  population: z.number(),
  populationShare: z.number(),
  incomeShare: z.number(),
  mean: z.number(),
  theilT: z.number(),
  theilL: z.number(),
  withinT: z.number(),
  withinL: z.number(),
  betweenT: z.number(),
  betweenL: z.number(),
});
export const TheilDecompositionSchema = z.object({
  mean: z.number(),
  theilT: TheilPartsSchema,
  theilL: TheilPartsSchema,
  groups: z.array(TheilGroupSchema),
});
export const LabelledDecompositionSchema = TheilDecompositionSchema.extend({
  by: z.enum(['parent', 'group', 'area', 'unit']),
  labels: z.record(z.string(), z.string()),
});
const UnitAtEndSchema = z.object({ code: z.string(), name: z.string(), value: z.number() });
const DispersionSchema = z.object({ mean: z.number(), sd: z.number(), cv: z.number() });
const StockRuleSchema = z.enum(['same_period', 'same_year', 'earlier']);

export const RegionalUnitRowSchema = z.object({
  code: z.string(),
  name: z.string(),
  parentCode: z.string().nullable(),
  parentName: z.string().nullable(),
  inGroup: z.boolean().nullable(),
  /** Null: no approved value for the period (never filled in). */
  value: z.number().nullable(),
  source: z.string().nullable(),
  synthetic: z.boolean(),
  population: z.number().nullable(),
  populationPeriod: z.string().nullable(),
  populationRule: StockRuleSchema.nullable(),
});

export const RegionalMeasuresSchema = z.object({
  n: z.number(),
  mean: z.number().nullable(),
  maxMin: z
    .object({
      ratio: z.number(),
      max: z.number(),
      min: z.number(),
      highest: z.array(UnitAtEndSchema),
      lowest: z.array(UnitAtEndSchema),
    })
    .nullable(),
  cv: DispersionSchema.nullable(),
  williamsonCv: DispersionSchema.nullable(),
  theil: TheilDecompositionSchema.nullable(),
  decompositions: z.array(LabelledDecompositionSchema),
  groupRatio: z
    .object({
      group: z.string(),
      units: z.number(),
      groupMean: z.number(),
      parentValue: z.number().nullable(),
      ratioToParent: z.number().nullable(),
      restMean: z.number().nullable(),
      ratioToRest: z.number().nullable(),
    })
    .nullable(),
  belowLine: z
    .object({
      line: z.number(),
      lineSource: z.enum(['value', 'unit', 'parent']),
      lineUnit: z.object({ code: z.string(), name: z.string() }).nullable(),
      count: z.number(),
      populationShare: z.number(),
      units: z.array(UnitAtEndSchema),
    })
    .nullable(),
});

const RatioEndSchema = z.object({ code: z.string(), name: z.string(), ratio: z.number() });

export const RegionalUrbanRuralSchema = z.object({
  urbanIndicator: z.string(),
  ruralIndicator: z.string(),
  period: z.string(),
  units: z.array(
    z.object({
      code: z.string(),
      name: z.string(),
      urban: z.number(),
      rural: z.number(),
      ratio: z.number(),
      difference: z.number(),
      urbanPopulation: z.number().nullable(),
      ruralPopulation: z.number().nullable(),
      populationPeriod: z.string().nullable(),
      theil: z
        .object({
          urbanPopulationShare: z.number(),
          urbanIncomeShare: z.number(),
          mean: z.number(),
          theilT: z.number(),
          theilL: z.number(),
        })
        .nullable(),
    }),
  ),
  missing: z.array(z.object({ code: z.string(), name: z.string(), lacks: z.array(z.string()) })),
  parent: z
    .object({
      code: z.string(),
      name: z.string(),
      urban: z.number(),
      rural: z.number(),
      ratio: z.number(),
      difference: z.number(),
    })
    .nullable(),
  highestRatio: z.array(RatioEndSchema),
  lowestRatio: z.array(RatioEndSchema),
  inequality: z
    .object({
      units: z.array(z.string()),
      excluded: z.array(z.string()),
      byArea: LabelledDecompositionSchema,
      byUnit: LabelledDecompositionSchema,
      urbanRuralShareT: z.number().nullable(),
      urbanRuralShareL: z.number().nullable(),
    })
    .nullable(),
});

export const RegionalGapsSchema = z.object({
  indicator: z.object({ code: z.string(), nameZh: z.string(), nameEn: z.string(), unit: z.string() }),
  of: z.object({ code: z.string(), name: z.string(), level: UnitLevelSchema }),
  level: UnitLevelSchema,
  set: z.enum(['children', 'level', 'group']),
  period: z.string(),
  periodChoice: z.enum(['given', 'most_units']),
  periods: z.array(z.object({ period: z.string(), units: z.number() })),
  asOf: z.string(),
  asOfChoice: z.enum(['given', 'period_end']),
  group: z
    .object({ code: z.string(), nameZh: z.string(), nameEn: z.string(), members: z.number() })
    .nullable(),
  coverage: z.object({
    units: z.number(),
    withData: z.number(),
    withoutData: z.number(),
    share: z.number(),
  }),
  weights: z.object({
    kind: z.enum(['population', 'equal']),
    indicator: z.string(),
    missing: z.array(z.string()),
  }),
  parent: z.object({ code: z.string(), name: z.string(), value: z.number().nullable() }),
  units: z.array(RegionalUnitRowSchema),
  measures: RegionalMeasuresSchema,
  urbanRural: RegionalUrbanRuralSchema,
  notes: z.array(z.string()),
  synthetic: z.boolean(),
  syntheticLabel: z.string().nullable(),
});
export type RegionalGapsDto = z.infer<typeof RegionalGapsSchema>;

// Households ------------------------------------------------------------------------------------------

export const HOUSEHOLD_GROUPINGS = ['urban_rural', 'city', 'county'] as const;
export const HouseholdGroupingSchema = z.enum(HOUSEHOLD_GROUPINGS);

/** Query of POST /api/gaps/households; the file itself is the raw body (text/csv or the xlsx MIME type). */
export const HouseholdUploadQuery = z.object({
  /** The file's name (or the `x-filename` header, URL-encoded): its extension says .csv, .csv.gz or .xlsx. */
  filename: z.string().min(1).max(255).optional(),
  /** Groupings to decompose Theil T and L by, comma-separated (default urban_rural). */
  by: z
    .string()
    .transform((s) =>
      s
        .split(',')
        .map((x) => x.trim())
        .filter(Boolean),
    )
    .pipe(z.array(HouseholdGroupingSchema).min(1))
    .optional(),
  /** Middle-income band on y·3, `lower-upper` (default 100000-500000). */
  middle: z
    .string()
    .regex(/^\d+(\.\d+)?-\d+(\.\d+)?$/, '应为 下限-上限 (must be lower-upper, e.g. 100000-500000)')
    .transform((s) => {
      const [lower, upper] = s.split('-').map(Number);
      return { lower: lower!, upper: upper! };
    })
    .refine((b) => b.lower < b.upper, '下限应小于上限 (lower must be below upper)')
    .optional(),
  /** Low-income line on per-capita income. */
  lowLine: NumberText.pipe(z.number().nonnegative()).optional(),
});
export type HouseholdUploadQueryDto = z.infer<typeof HouseholdUploadQuery>;

const ExclusionSchema = z.object({ households: z.number(), persons: z.number(), personShare: z.number() });
const QuantileGroupsSchema = z.object({ share: z.array(z.number()), mean: z.array(z.number()) });

export const HouseholdMeasuresSchema = z.object({
  households: z.number(),
  persons: z.number(),
  mean: z.number(),
  median: z.number(),
  gini: z.number().nullable(),
  s80s20: z.number().nullable(),
  palma: z.number().nullable(),
  deciles: QuantileGroupsSchema.nullable(),
  quintiles: QuantileGroupsSchema.nullable(),
  lorenz: z.object({ population: z.array(z.number()), income: z.array(z.number()) }).nullable(),
  theil: z
    .object({
      theilT: z.number(),
      theilL: z.number(),
      mean: z.number(),
      excluded: ExclusionSchema,
      decompositions: z.record(z.string(), TheilDecompositionSchema),
    })
    .nullable(),
  atkinson: z.array(
    z.object({ epsilon: z.number(), value: z.number().nullable(), excluded: ExclusionSchema }),
  ),
  middleIncome: z.object({
    lower: z.number(),
    upper: z.number(),
    multiplier: z.number(),
    households: z.number(),
    persons: z.number(),
    share: z.number(),
  }),
  lowIncome: z
    .object({ line: z.number(), households: z.number(), persons: z.number(), share: z.number() })
    .nullable(),
});

export const HouseholdFileMeasuresSchema = z.object({
  file: z.string(),
  households: z.number(),
  incomeColumn: z.enum(['per_capita_income', 'household_income']),
  by: z.array(HouseholdGroupingSchema),
  treatment: z.string(),
  measures: HouseholdMeasuresSchema,
});
export type HouseholdFileMeasuresDto = z.infer<typeof HouseholdFileMeasuresSchema>;

export const HouseholdJobStartedSchema = z.object({ jobId: z.string() });

const ProblemSchema = z.object({
  code: z.string(),
  file: z.string(),
  sheet: z.string().optional(),
  line: z.number(),
  column: z.string().optional(),
  message: z.string(),
});

/** GET /api/gaps/households/jobs/:id — poll until `status` is `done` or `failed`. */
export const HouseholdJobSchema = z.object({
  id: z.string(),
  status: z.enum(['running', 'done', 'failed']),
  file: z.string(),
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
  /** Jobs are kept in memory for an hour after they finish. */
  expiresAt: z.string().nullable(),
  progress: z.object({
    rowsRead: z.number(),
    /** Share of the file read, 0–1 (CSV; absent for xlsx while reading). */
    fraction: z.number().optional(),
    stage: z.enum(['reading', 'measuring', 'finished']),
  }),
  result: HouseholdFileMeasuresSchema.optional(),
  /** The first 100 located problems of a rejected file, and how many there were. */
  problems: z.array(ProblemSchema).optional(),
  problemCount: z.number().optional(),
  error: z.object({ code: z.string(), message: z.string() }).optional(),
});
export type HouseholdJobDto = z.infer<typeof HouseholdJobSchema>;
