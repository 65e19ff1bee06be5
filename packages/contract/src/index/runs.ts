/**
 * HTTP API of frozen index runs (县域评价 league tables, issue 6): the request that creates a run, the
 * league table it freezes, the comparison of two runs, and a county's health check (县域体检表).
 * Missing values are `null` (JSON has no NaN); ranks are 1 = best and `null` when a unit is not ranked.
 */
import { z } from 'zod';
import { IsoDate, UnitCode } from '../common';
import { UnitLevelSchema } from '../hierarchy/units';
import { FrameworkSchema } from './framework';

/** Canonical period spelling (packages/core/src/period.ts): 2025, 2025H1, 2025Q3, 2025-11, optional -YTD. */
export const PeriodText = z
  .string()
  .regex(
    /^\d{4}(H[12]|Q[1-4]|-(0[1-9]|1[0-2]))?(-YTD)?$/,
    '期间格式应为 2025、2025H1、2025Q3 或 2025-11 (period must be 2025, 2025H1, 2025Q3 or 2025-11)',
  );

/** Label shown on everything computed from synthetic inputs. */
export const SYNTHETIC_LABEL = '模拟数据 synthetic data';

/** Upper bound of Monte Carlo samples per run over HTTP (1,000 is the default). */
export const MAX_SAMPLES = 20_000;

export const FrameworkCodeText = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/, '框架代码只能含字母、数字、_ . - (invalid framework code)');

/**
 * POST /api/index/runs. The framework is a stored one (`framework` code, optional `frameworkVersion`,
 * default the latest) or `frameworkJson` inline (validated and stored as a version first); neither means
 * the platform default framework.
 */
export const IndexRunRequest = z
  .strictObject({
    framework: FrameworkCodeText.optional(),
    frameworkVersion: z.number().int().positive().optional(),
    frameworkJson: z.unknown().optional(),
    of: UnitCode,
    level: UnitLevelSchema.default('county'),
    period: PeriodText,
    /** Units in force and group memberships on this date (default: the period's last day). */
    asOf: IsoDate.optional(),
    /** Monte Carlo samples for rank intervals; 0 = none. */
    samples: z.number().int().min(0).max(MAX_SAMPLES).default(1000),
    seed: z.number().int().min(0).max(4294967295).default(1),
  })
  .refine((r) => !(r.framework !== undefined && r.frameworkJson !== undefined), {
    message: '只能给出 framework 或 frameworkJson 之一 (give framework or frameworkJson, not both)',
    path: ['frameworkJson'],
  });
export type IndexRunRequestDto = z.infer<typeof IndexRunRequest>;

export const RunParams = z.object({ id: z.coerce.number().int().positive() });
export const CompareParams = z.object({
  a: z.coerce.number().int().positive(),
  b: z.coerce.number().int().positive(),
});
export const IndexRunsQuery = z.object({
  framework: FrameworkCodeText.optional(),
  of: UnitCode.optional(),
  level: UnitLevelSchema.optional(),
  period: PeriodText.optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(200),
});
export const CountyHealthParams = z.object({ code: UnitCode });
export const CountyHealthQuery = z.object({ run: z.coerce.number().int().positive().optional() });

const Num = z.number().nullable();

export const IndexRunSummarySchema = z.object({
  id: z.number(),
  framework: z.object({
    id: z.number(),
    code: z.string(),
    version: z.number(),
    nameZh: z.string(),
    nameEn: z.string(),
  }),
  scopeUnit: z.object({ code: z.string(), name: z.string() }),
  level: UnitLevelSchema,
  period: z.string(),
  asOf: z.string(),
  createdAt: z.string(),
  createdBy: z.string(),
  samples: z.number(),
  seed: z.number(),
  /** SHA-256 of the (indicator, unit, period, version, value) lines of the inputs used. */
  dataFingerprint: z.string(),
  synthetic: z.boolean(),
  /** `模拟数据 synthetic data` when synthetic, else null: show it wherever the run is shown. */
  syntheticLabel: z.string().nullable(),
  previousRunId: z.number().nullable(),
  units: z.number(),
  ranked: z.number(),
  belowCoverage: z.number(),
  /** Units without any value. */
  noData: z.number(),
});
export type IndexRunSummaryDto = z.infer<typeof IndexRunSummarySchema>;

export const IndicatorCellSchema = z.object({
  /** The observed (or derived) value for the period; null when missing. */
  raw: Num,
  /** The value used: raw, or imputed, after outlier treatment. */
  value: Num,
  /** 0–100, higher = better. */
  normalised: Num,
  imputed: z.boolean(),
  /** Contribution to 100 − score (points). */
  shortfall: Num,
});
export type IndicatorCellDto = z.infer<typeof IndicatorCellSchema>;

export const WeakIndicatorSchema = z.object({
  indicator: z.string(),
  nameZh: z.string(),
  /** Points of 100 − score this indicator accounts for. */
  contribution: z.number(),
  value: Num,
  normalised: Num,
});

export const LeagueRowSchema = z.object({
  unitCode: z.string(),
  name: z.string(),
  parentCode: z.string().nullable(),
  parentName: z.string().nullable(),
  /** Member of 山区海岛县 on the run's as-of date. */
  mountainIsland: z.boolean(),
  score: Num,
  rank: Num,
  /** Rank among 山区海岛县, or among the other units, as of the run's date. */
  groupRank: Num,
  /** Rank within the parent (the city, for counties). */
  parentRank: Num,
  previousRank: Num,
  /** previousRank − rank: positive = moved up. */
  rankChange: Num,
  domainScores: z.record(z.string(), Num),
  /** Monte Carlo 5th percentile, median and 95th percentile rank (METHODS.md §4). */
  rankInterval: z.object({ p5: z.number(), median: z.number(), p95: z.number() }).nullable(),
  weakest: z.array(WeakIndicatorSchema),
  /** Weighted share of the framework with a value, 0–1. */
  coverage: z.number(),
  available: z.number(),
  /** Below the framework's coverage threshold: scored but not ranked. */
  belowCoverage: z.boolean(),
  /** Some input of this unit is synthetic. */
  synthetic: z.boolean(),
  values: z.record(z.string(), IndicatorCellSchema),
});
export type LeagueRowDto = z.infer<typeof LeagueRowSchema>;

export const RunDomainSchema = z.object({
  code: z.string(),
  nameZh: z.string(),
  nameEn: z.string(),
  weight: z.number(),
  /** Median domain score over the units with one. */
  median: Num,
});

export const RunIndicatorSchema = z.object({
  code: z.string(),
  nameZh: z.string(),
  nameEn: z.string(),
  unit: z.string(),
  domain: z.string(),
  direction: z.enum(['up', 'down']),
  weight: z.number(),
  normalisation: z.string(),
  /** How a derived indicator was computed, e.g. `100 × resident_income / resident_income(province)`. */
  derived: z.string().nullable(),
  /** Units with an observed (or derived) value, with an imputed one, and with none. */
  observed: z.number(),
  imputed: z.number(),
  missing: z.number(),
  /** Median of the raw values observed. */
  median: Num,
  medianNormalised: Num,
  source: z.string().nullable(),
});

export const IndexRunSchema = IndexRunSummarySchema.extend({
  note: z.object({ zh: z.string(), en: z.string() }).nullable(),
  coverageThreshold: z.number(),
  /** The frozen framework file. */
  frameworkJson: FrameworkSchema,
  domains: z.array(RunDomainSchema),
  indicators: z.array(RunIndicatorSchema),
  rankChangeBasis: z.object({
    kind: z.enum(['run', 'none']),
    runId: z.number().nullable(),
    period: z.string(),
    note: z.string(),
  }),
  uncertainty: z
    .object({
      samples: z.number(),
      seed: z.number(),
      joint: z.object({ meanAbsShift: z.number(), maxAbsShift: z.number() }),
      factors: z.array(
        z.object({
          factor: z.string(),
          option: z.string(),
          meanAbsShift: z.number(),
          maxAbsShift: z.number(),
        }),
      ),
    })
    .nullable(),
  warnings: z.array(z.object({ code: z.string(), indicator: z.string(), message: z.string() })),
  /** What the data could not support (missing indicators, units without data), in Chinese and English. */
  notes: z.array(z.string()),
  /** Ranked units by rank, then unranked units by score, then units without a score. */
  rows: z.array(LeagueRowSchema),
});
export type IndexRunDto = z.infer<typeof IndexRunSchema>;

export const RunInputSchema = z.object({
  observationId: z.number(),
  version: z.number(),
  value: z.number(),
  synthetic: z.boolean(),
});

export const IndexCompareSchema = z.object({
  a: IndexRunSummarySchema,
  b: IndexRunSummarySchema,
  sameFramework: z.boolean(),
  sameData: z.boolean(),
  synthetic: z.boolean(),
  inputs: z.object({
    changed: z.number(),
    added: z.number(),
    removed: z.number(),
    unchanged: z.number(),
    /** Inputs that differ, by indicator, unit, period. */
    items: z.array(
      z.object({
        indicator: z.string(),
        unitCode: z.string(),
        unitName: z.string().nullable(),
        period: z.string(),
        role: z.enum(['value', 'last_period']),
        usedFor: z.string(),
        change: z.enum(['changed', 'added', 'removed']),
        a: RunInputSchema.nullable(),
        b: RunInputSchema.nullable(),
      }),
    ),
  }),
  /** Every unit of either run, largest rank move first. */
  units: z.array(
    z.object({
      unitCode: z.string(),
      name: z.string(),
      scoreA: Num,
      scoreB: Num,
      scoreChange: Num,
      rankA: Num,
      rankB: Num,
      /** rankA − rankB: positive = moved up in run b. */
      rankMove: Num,
    }),
  ),
});
export type IndexCompareDto = z.infer<typeof IndexCompareSchema>;

export const CountyHealthSchema = z.object({
  run: IndexRunSummarySchema,
  note: z.object({ zh: z.string(), en: z.string() }).nullable(),
  unit: z.object({
    code: z.string(),
    name: z.string(),
    parentCode: z.string().nullable(),
    parentName: z.string().nullable(),
    mountainIsland: z.boolean(),
  }),
  row: LeagueRowSchema,
  domains: z.array(
    z.object({
      code: z.string(),
      nameZh: z.string(),
      nameEn: z.string(),
      score: Num,
      /** Median over all units of the run (全省中位数 for a provincial run). */
      runMedian: Num,
      /** Median over the unit's own group (山区海岛县 or the rest). */
      groupMedian: Num,
    }),
  ),
  indicators: z.array(
    z.object({
      code: z.string(),
      nameZh: z.string(),
      nameEn: z.string(),
      unit: z.string(),
      domain: z.string(),
      direction: z.enum(['up', 'down']),
      raw: Num,
      value: Num,
      normalised: Num,
      imputed: z.boolean(),
      missing: z.boolean(),
      shortfall: Num,
      runMedian: Num,
      runMedianNormalised: Num,
    }),
  ),
  weakest: z.array(WeakIndicatorSchema),
  /** The unit in every run of the same framework, scope and level, by period then run. */
  rankHistory: z.array(
    z.object({
      runId: z.number(),
      period: z.string(),
      asOf: z.string(),
      createdAt: z.string(),
      frameworkVersion: z.number(),
      synthetic: z.boolean(),
      score: Num,
      rank: Num,
      coverage: z.number(),
      belowCoverage: z.boolean(),
    }),
  ),
});
export type CountyHealthDto = z.infer<typeof CountyHealthSchema>;

export const StoredFrameworkSchema = z.object({
  id: z.number(),
  code: z.string(),
  version: z.number(),
  nameZh: z.string(),
  nameEn: z.string(),
  createdAt: z.string(),
  createdBy: z.string(),
  framework: FrameworkSchema,
});
export type StoredFrameworkDto = z.infer<typeof StoredFrameworkSchema>;
