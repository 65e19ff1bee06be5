/**
 * The monthly bulletin 月度通报 (issue 8 §4): the content (what the Word, Excel and HTML outputs show and
 * what a published bulletin stores), the preview answer, the list of published months and publication.
 */
import { z } from 'zod';

export const BulletinMonthText = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])$/, '月份应为 YYYY-MM，例如 2025-11 (month must be YYYY-MM, e.g. 2025-11)');

export const BulletinMonthParams = z.object({ month: BulletinMonthText });

export const BulletinFormat = z.enum(['docx', 'xlsx', 'html']);
export type BulletinFormatName = z.infer<typeof BulletinFormat>;
export const BulletinFileParams = z.object({ month: BulletinMonthText, format: BulletinFormat });

const Tone = z.enum(['red', 'orange', 'yellow', 'green']).nullable();

export const BulletinTableSchema = z.object({
  key: z.string(),
  number: z.number().int().positive(),
  title: z.string(),
  sheetName: z.string().max(31),
  columns: z.array(z.string()),
  rows: z.array(z.object({ cells: z.array(z.string()), synthetic: z.boolean(), tone: Tone })),
  note: z.string().nullable(),
  emptyText: z.string(),
  synthetic: z.boolean(),
});

export const BulletinBlockSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('paragraph'), text: z.string(), synthetic: z.boolean() }),
  z.object({ kind: z.literal('subheading'), text: z.string() }),
  z.object({ kind: z.literal('table'), table: BulletinTableSchema }),
]);

export const BulletinSectionKeySchema = z.enum([
  'headline',
  'targets',
  'league',
  'warnings',
  'projects',
  'supervision',
  'tasks',
]);

export const BulletinContentSchema = z.object({
  schema: z.literal(1),
  month: BulletinMonthText,
  asOf: z.string(),
  title: z.string(),
  issueNumber: z.string(),
  issuer: z.string(),
  issueDate: z.string(),
  synthetic: z.boolean(),
  syntheticNote: z.string().nullable(),
  lead: z.string(),
  sections: z.array(
    z.object({
      key: BulletinSectionKeySchema,
      label: z.string(),
      heading: z.string(),
      blocks: z.array(BulletinBlockSchema),
    }),
  ),
  omitted: z.array(z.string()),
});
export type BulletinContentDto = z.infer<typeof BulletinContentSchema>;

export const PublishedBulletinSchema = z.object({
  month: BulletinMonthText,
  title: z.string(),
  /** sha256 hex of the stored content JSON. */
  contentHash: z.string(),
  synthetic: z.boolean(),
  publishedBy: z.string(),
  publishedAt: z.string(),
});
export type PublishedBulletinDto = z.infer<typeof PublishedBulletinSchema>;

/** GET /api/bulletins/:month: the published snapshot, or a preview from the data as they are now. */
export const BulletinPreviewSchema = z.object({
  month: BulletinMonthText,
  /** The publication, or null for a preview that is not published. */
  published: PublishedBulletinSchema.nullable(),
  contentHash: z.string(),
  content: BulletinContentSchema,
});
export type BulletinPreviewDto = z.infer<typeof BulletinPreviewSchema>;

export const BulletinListSchema = z.object({ items: z.array(PublishedBulletinSchema) });
export type BulletinListDto = z.infer<typeof BulletinListSchema>;
