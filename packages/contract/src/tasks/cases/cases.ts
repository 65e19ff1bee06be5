/** Pilots (试点) and the case library (典型案例) over HTTP (issue 8 §3): /api/pilots and /api/cases. */
import { z } from 'zod';
import { UnitCode } from '../../common';

export const PILOT_KINDS = ['全域综合试点', '专项试点'] as const;
export const PILOT_STATUSES = ['planned', 'active', 'completed'] as const;

export const PilotSchema = z.object({
  code: z.string(),
  name: z.string(),
  kind: z.enum(PILOT_KINDS),
  theme: z.string(),
  startDate: z.string().nullable(),
  status: z.enum(PILOT_STATUSES),
  /** What the source says of the units where it names none. */
  unitsNote: z.string(),
  source: z.string(),
  units: z.array(z.object({ code: z.string(), name: z.string() })),
  /** Number of linked cases: the pilot's lessons shared province-wide (一地创新、全省共享). */
  caseCount: z.number().int(),
});
export type PilotDto = z.infer<typeof PilotSchema>;

export const PilotsResponseSchema = z.object({ items: z.array(PilotSchema) });
export type PilotsResponse = z.infer<typeof PilotsResponseSchema>;

const caseMeta = {
  id: z.number().int(),
  title: z.string(),
  unitCode: z.string(),
  unitName: z.string(),
  tags: z.array(z.string()),
  summary: z.string(),
  pilotCode: z.string().nullable(),
  pilotName: z.string().nullable(),
  source: z.string(),
  version: z.number().int(),
  createdAt: z.string(),
  createdBy: z.string(),
  updatedAt: z.string(),
  updatedBy: z.string(),
};

/** A case with its full text. */
export const CaseSchema = z.object({ ...caseMeta, body: z.string() });
export type CaseDto = z.infer<typeof CaseSchema>;

export const CaseListItemSchema = z.object(caseMeta);
export type CaseListItemDto = z.infer<typeof CaseListItemSchema>;

export const PilotDetailSchema = z.object({ pilot: PilotSchema, cases: z.array(CaseListItemSchema) });
export type PilotDetailDto = z.infer<typeof PilotDetailSchema>;

/** Half-open [start, end) UTF-16 offsets of a match in the text it belongs to. */
export const TextRangeSchema = z.tuple([z.number().int(), z.number().int()]);
export type TextRangeDto = z.infer<typeof TextRangeSchema>;

export const CaseHitSchema = z.object({
  ...caseMeta,
  score: z.number().int(),
  bodyLength: z.number().int(),
  /** An excerpt of the full text around the first match. */
  snippet: z.string(),
  highlights: z.object({
    title: z.array(TextRangeSchema),
    summary: z.array(TextRangeSchema),
    snippet: z.array(TextRangeSchema),
  }),
});
export type CaseHitDto = z.infer<typeof CaseHitSchema>;

export const CaseSearchResponseSchema = z.object({
  query: z.string(),
  /** The normalised terms; every one must occur in a case. */
  terms: z.array(z.string()),
  total: z.number().int(),
  limit: z.number().int(),
  offset: z.number().int(),
  items: z.array(CaseHitSchema),
});
export type CaseSearchResponse = z.infer<typeof CaseSearchResponseSchema>;

/** GET /api/cases query: free text, filters and paging. */
export const CaseSearchQuerySchema = z.object({
  q: z.string().max(500).optional(),
  unit: UnitCode.optional(),
  tag: z.string().max(40).optional(),
  pilot: z.string().max(64).optional(),
  limit: z.coerce.number().int().min(1).max(100).optional(),
  offset: z.coerce.number().int().min(0).max(100_000).optional(),
});
export type CaseSearchQuery = z.infer<typeof CaseSearchQuerySchema>;

/**
 * POST /api/cases body. Emptiness is checked by the service (a clear EMPTY_TEXT message), so the strings
 * here are only bounded.
 */
export const CaseInputSchema = z.object({
  title: z.string().max(1_000),
  unitCode: UnitCode,
  tags: z.array(z.string().max(200)).max(50).optional(),
  summary: z.string().max(10_000),
  body: z.string().max(400_000),
  pilotCode: z.string().max(64).nullable().optional(),
  source: z.string().max(1_000).optional(),
});
export type CaseInputDto = z.infer<typeof CaseInputSchema>;

/** PUT /api/cases/:id body: the whole case and the version it was read at. */
export const CaseUpdateSchema = CaseInputSchema.extend({ version: z.number().int().min(1) });
export type CaseUpdateDto = z.infer<typeof CaseUpdateSchema>;
