import { z } from 'zod';

export const IsoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD (date must be YYYY-MM-DD)')
  .refine(
    (s) =>
      !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s),
    '不存在的日期 (no such date)',
  );

export const UnitCode = z
  .string()
  .regex(/^\d{6,12}$/, '区划代码应为 6–12 位数字 (unit code must be 6–12 digits)');

export const listOf = <T extends z.ZodTypeAny>(item: T) => z.object({ items: z.array(item) });
