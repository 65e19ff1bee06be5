import { z } from 'zod';
import { IsoDate, UnitCode } from '../common';

export const UnitLevelSchema = z.enum(['country', 'province', 'city', 'county', 'town', 'village']);

export const UnitSchema = z.object({
  code: z.string(),
  name: z.string(),
  level: UnitLevelSchema,
  parentCode: z.string().nullable(),
  validFrom: z.string().nullable(),
  validTo: z.string().nullable(),
});
export type UnitDto = z.infer<typeof UnitSchema>;

export const UnitParams = z.object({ code: UnitCode });

export const UnitDetailSchema = UnitSchema.extend({
  parent: UnitSchema.nullable(),
  children: z.array(UnitSchema),
  ancestors: z.array(UnitSchema),
});
export type UnitDetailDto = z.infer<typeof UnitDetailSchema>;

export const SubtreeQuery = z.object({ level: UnitLevelSchema.optional(), asOf: IsoDate.optional() });
export const SubtreeSchema = z.object({
  unit: UnitSchema,
  level: UnitLevelSchema.nullable(),
  items: z.array(UnitSchema),
});
export type SubtreeDto = z.infer<typeof SubtreeSchema>;

export const GroupSchema = z.object({
  code: z.string(),
  nameZh: z.string(),
  nameEn: z.string(),
  description: z.string(),
  source: z.string(),
});
export type GroupDto = z.infer<typeof GroupSchema>;

export const GroupParams = z.object({ group: z.string().regex(/^[a-z][a-z0-9_]*$/, 'invalid group code') });
export const GroupMembersQuery = z.object({ asOf: IsoDate.optional() });
export const GroupMemberSchema = UnitSchema.extend({
  memberFrom: z.string().nullable(),
  memberTo: z.string().nullable(),
  source: z.string(),
});
export const GroupMembersSchema = z.object({
  group: GroupSchema,
  asOf: z.string().nullable(),
  items: z.array(GroupMemberSchema),
});
export type GroupMembersDto = z.infer<typeof GroupMembersSchema>;
