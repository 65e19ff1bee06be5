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
