import { z } from 'zod';

export const HealthSchema = z.object({
  status: z.literal('ok'),
  version: z.string(),
  engine: z.enum(['sqlite', 'postgres']),
  units: z.number(),
  synthetic: z.boolean(),
});
export type HealthDto = z.infer<typeof HealthSchema>;
