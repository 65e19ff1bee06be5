/** Published bulletins (月度通报): insert once per month, read back as stored. */
import type { Store } from '../db';

export interface PublishedBulletinRow {
  readonly id: number;
  readonly month: string;
  readonly title: string;
  /** The content snapshot as JSON text. */
  readonly content: string;
  readonly contentHash: string;
  readonly synthetic: boolean;
  readonly publishedBy: string;
  readonly publishedAt: string;
}

export type PublishedBulletinSummary = Omit<PublishedBulletinRow, 'content'>;

export interface NewPublishedBulletin {
  readonly month: string;
  readonly title: string;
  readonly content: string;
  readonly contentHash: string;
  readonly synthetic: boolean;
  readonly publishedBy: string;
  readonly publishedAt: string;
}

interface Row {
  id: number;
  month: string;
  title: string;
  content_hash: string;
  synthetic: number;
  published_by: string;
  published_at: string;
}

const SUMMARY = [
  'id',
  'month',
  'title',
  'content_hash',
  'synthetic',
  'published_by',
  'published_at',
] as const;

const toSummary = (r: Row): PublishedBulletinSummary => ({
  id: r.id,
  month: r.month,
  title: r.title,
  contentHash: r.content_hash,
  synthetic: r.synthetic === 1,
  publishedBy: r.published_by,
  publishedAt: r.published_at,
});

/**
 * Stores a published bulletin. A month is published once: when it already is, nothing is written and
 * the stored one is answered with `inserted: false`.
 */
export async function insertPublishedBulletin(
  store: Store,
  b: NewPublishedBulletin,
): Promise<{ readonly inserted: boolean; readonly bulletin: PublishedBulletinRow }> {
  const result = await store.db
    .insertInto('bulletins')
    .values({
      month: b.month,
      title: b.title,
      content: b.content,
      content_hash: b.contentHash,
      synthetic: b.synthetic ? 1 : 0,
      published_by: b.publishedBy,
      published_at: b.publishedAt,
    })
    .onConflict((oc) => oc.column('month').doNothing())
    .returning('id')
    .executeTakeFirst();
  const stored = await getPublishedBulletin(store, b.month);
  if (!stored) throw new Error(`bulletin ${b.month} was not stored`);
  return { inserted: result !== undefined, bulletin: stored };
}

/** The published bulletin of a month, with its content, or undefined. */
export async function getPublishedBulletin(
  store: Store,
  month: string,
): Promise<PublishedBulletinRow | undefined> {
  const r = await store.db
    .selectFrom('bulletins')
    .select([...SUMMARY, 'content'])
    .where('month', '=', month)
    .executeTakeFirst();
  return r ? { ...toSummary(r), content: r.content } : undefined;
}

/** Every published bulletin, newest month first, without content. */
export async function listPublishedBulletins(store: Store): Promise<PublishedBulletinSummary[]> {
  const rows = await store.db.selectFrom('bulletins').select(SUMMARY).orderBy('month', 'desc').execute();
  return rows.map(toSummary);
}
