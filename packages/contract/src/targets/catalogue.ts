import { z } from 'zod';
import { UnitCode } from '../common';

export const IndicatorSchema = z.object({
  code: z.string(),
  nameZh: z.string(),
  nameEn: z.string(),
  unit: z.string(),
  polarity: z.enum(['up', 'down']),
  domain: z.string(),
  definition: z.string(),
  source: z.string(),
});
export type IndicatorDto = z.infer<typeof IndicatorSchema>;

export const PlanSchema = z.object({
  code: z.string(),
  title: z.string(),
  issuer: z.string(),
  issuedOn: z.string(),
  scopeUnit: z.string(),
  source: z.string(),
});
export type PlanDto = z.infer<typeof PlanSchema>;

export const TargetSchema = z.object({
  id: z.number(),
  indicatorCode: z.string(),
  planCode: z.string(),
  unitCode: z.string(),
  year: z.number(),
  comparator: z.enum(['>=', '>', '<=', '<', '=']),
  value: z.number(),
  baselinePeriod: z.string().nullable(),
  baselineValue: z.number().nullable(),
  source: z.string(),
});
export type TargetDto = z.infer<typeof TargetSchema>;

export const TargetsQuery = z.object({
  unit: UnitCode.optional(),
  indicator: z.string().optional(),
  plan: z.string().optional(),
});

/** PUT /api/targets/:id (provincial administrators): a target's comparator, value and year. */
export const TargetIdParams = z.object({ id: z.coerce.number().int().positive() });
export const TargetEditBody = z.object({
  comparator: z.enum(['>=', '>', '<=', '<', '=']),
  value: z.number().finite(),
  year: z.number().int().min(2000).max(2100),
});
export type TargetEditBodyDto = z.infer<typeof TargetEditBody>;

/** The answer: the target as saved, its values before, and who changed it when (also in the server log). */
export const TargetEditResultSchema = z.object({
  target: TargetSchema,
  previous: TargetSchema,
  change: z.object({
    by: z.string(),
    at: z.string(),
    fields: z.array(z.enum(['comparator', 'value', 'year'])),
  }),
});
export type TargetEditResultDto = z.infer<typeof TargetEditResultSchema>;
