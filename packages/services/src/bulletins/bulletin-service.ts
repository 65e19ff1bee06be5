/**
 * Preview, publication and rendering of the monthly bulletin (issue 8 §4). A published month answers its
 * stored snapshot (content and hash), so re-generating it gives the same content and — the renderers
 * being deterministic — the same bytes; an unpublished month is assembled from the data as they are.
 */
import { createHash } from 'node:crypto';
import type { BulletinContent } from '@suocha/core';
import { BulletinContentSchema, type BulletinFormatName } from '@suocha/contract';
import {
  getPublishedBulletin,
  insertPublishedBulletin,
  listPublishedBulletins,
  type PublishedBulletinSummary,
  type Store,
} from '@suocha/store';
import { assembleBulletin, bulletinMonthOf, type AssembleOptions } from './assemble-bulletin';
import { BulletinError } from './errors';
import { renderBulletinDocx } from './render-docx';
import { renderBulletinHtml } from './render-html';
import { renderBulletinXlsx } from './render-xlsx';
import { canonicalJson } from '../io/canonical-json';

/** The content as stored: its canonical JSON text. */
export const bulletinJson = (content: BulletinContent): string => canonicalJson(content);

/** sha256 hex of the content's canonical JSON text. */
export function bulletinContentHash(content: BulletinContent): string {
  return createHash('sha256').update(bulletinJson(content), 'utf8').digest('hex');
}

export interface PublishedBulletinInfo {
  readonly month: string;
  readonly title: string;
  readonly contentHash: string;
  readonly synthetic: boolean;
  readonly publishedBy: string;
  readonly publishedAt: string;
}

export interface BulletinView {
  readonly month: string;
  readonly published: PublishedBulletinInfo | null;
  readonly contentHash: string;
  readonly content: BulletinContent;
}

const info = (b: PublishedBulletinSummary): PublishedBulletinInfo => ({
  month: b.month,
  title: b.title,
  contentHash: b.contentHash,
  synthetic: b.synthetic,
  publishedBy: b.publishedBy,
  publishedAt: b.publishedAt,
});

/** A stored snapshot back as content (checked against the schema: it was written by this code). */
function parseSnapshot(json: string): BulletinContent {
  return BulletinContentSchema.parse(JSON.parse(json));
}

/** The bulletin of a month: the published snapshot if there is one, else a preview assembled now. */
export async function bulletinForMonth(store: Store, options: AssembleOptions): Promise<BulletinView> {
  const month = bulletinMonthOf(options.month, options.now);
  const stored = await getPublishedBulletin(store, month.month);
  if (stored)
    return {
      month: month.month,
      published: info(stored),
      contentHash: stored.contentHash,
      content: parseSnapshot(stored.content),
    };
  const content = await assembleBulletin(store, { ...options, month: month.month });
  return { month: month.month, published: null, contentHash: bulletinContentHash(content), content };
}

/**
 * Publishes the bulletin of a month: assembles it now (issue date: today) and stores the snapshot. A month
 * is published once; publishing it again is refused (ALREADY_PUBLISHED) and changes nothing.
 */
export async function publishBulletin(
  store: Store,
  options: AssembleOptions & { readonly publishedBy: string },
): Promise<BulletinView> {
  const month = bulletinMonthOf(options.month, options.now);
  const already = `${month.year}年${month.monthNumber}月的通报已发布 (the bulletin of ${month.month} is already published)`;
  if (await getPublishedBulletin(store, month.month)) throw new BulletinError('ALREADY_PUBLISHED', already);
  const content = await assembleBulletin(store, { ...options, month: month.month });
  const contentHash = bulletinContentHash(content);
  const r = await insertPublishedBulletin(store, {
    month: month.month,
    title: content.title,
    content: bulletinJson(content),
    contentHash,
    synthetic: content.synthetic,
    publishedBy: options.publishedBy,
    publishedAt: options.now,
  });
  // Another publication of the same month got in first.
  if (!r.inserted) throw new BulletinError('ALREADY_PUBLISHED', already);
  return { month: month.month, published: info(r.bulletin), contentHash, content };
}

/** Published bulletins, newest month first. */
export async function listBulletins(store: Store): Promise<PublishedBulletinInfo[]> {
  return (await listPublishedBulletins(store)).map(info);
}

export interface RenderedBulletin {
  readonly bytes: Buffer;
  readonly contentType: string;
  /** e.g. `月度通报-2025-11.docx`. */
  readonly filename: string;
}

const CONTENT_TYPES: Readonly<Record<BulletinFormatName, string>> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  html: 'text/html; charset=utf-8',
};

/** The bulletin in one of its output formats. */
export async function renderBulletin(
  content: BulletinContent,
  format: BulletinFormatName,
): Promise<RenderedBulletin> {
  const bytes =
    format === 'docx'
      ? await renderBulletinDocx(content)
      : format === 'xlsx'
        ? await renderBulletinXlsx(content)
        : Buffer.from(renderBulletinHtml(content), 'utf8');
  return { bytes, contentType: CONTENT_TYPES[format], filename: `月度通报-${content.month}.${format}` };
}
