/** The monthly bulletin 月度通报 (issue 8): table types. */
import type { Generated } from 'kysely';

/**
 * A published bulletin: the content as it was published (JSON snapshot), so that reading it back, or
 * rendering it again, gives the same text whatever data arrive later. One per month.
 */
export interface BulletinsTable {
  id: Generated<number>;
  /** `YYYY-MM`, unique. */
  month: string;
  title: string;
  /** The bulletin content (core `BulletinContent`) as JSON text. */
  content: string;
  /** sha256 hex of `content`. */
  content_hash: string;
  /** 1 when some figure is synthetic (模拟数据). */
  synthetic: number;
  published_by: string;
  published_at: string;
}

export interface BulletinsTables {
  bulletins: BulletinsTable;
}
