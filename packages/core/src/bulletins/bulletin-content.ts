/**
 * The content of a monthly bulletin (月度通报, issue 8 §4) as plain data: what the Word, Excel and HTML
 * renderers lay out and what a published bulletin stores as its snapshot. Every text is final (numbers
 * formatted, 模拟数据 marks in place), so renderers only lay out and the snapshot fixes the wording.
 */

/** Version of this shape; a stored snapshot says which shape it has. */
export const BULLETIN_SCHEMA_VERSION = 1;

/** The mark beside every figure that comes from synthetic data (DESIGN.md: 模拟数据 wherever shown). */
export const SYNTHETIC_MARK = '模拟数据';

/** A row's colour in a list: 红色/黄色清单 of projects, warning severities. */
export type RowTone = 'red' | 'orange' | 'yellow' | 'green' | null;

export interface BulletinTableRow {
  readonly cells: readonly string[];
  readonly synthetic: boolean;
  readonly tone: RowTone;
}

export interface BulletinTable {
  /** Stable key, e.g. `headline`, `projects-red`. */
  readonly key: string;
  /** 表1, 表2 … in document order. */
  readonly number: number;
  readonly title: string;
  /** Worksheet name in the .xlsx (≤ 31 characters, unique). */
  readonly sheetName: string;
  readonly columns: readonly string[];
  readonly rows: readonly BulletinTableRow[];
  /** Shown under the table: sources, what a mark means. */
  readonly note: string | null;
  /** Shown instead of an empty table. */
  readonly emptyText: string;
  readonly synthetic: boolean;
}

export type BulletinBlock =
  | { readonly kind: 'paragraph'; readonly text: string; readonly synthetic: boolean }
  /** A second-level heading: （一）红色清单. */
  | { readonly kind: 'subheading'; readonly text: string }
  | { readonly kind: 'table'; readonly table: BulletinTable };

export type BulletinSectionKey =
  'headline' | 'targets' | 'league' | 'warnings' | 'projects' | 'supervision' | 'tasks';

export interface BulletinSection {
  readonly key: BulletinSectionKey;
  /** 一、 二、 … */
  readonly label: string;
  readonly heading: string;
  readonly blocks: readonly BulletinBlock[];
}

export interface BulletinContent {
  readonly schema: typeof BULLETIN_SCHEMA_VERSION;
  /** `YYYY-MM`. */
  readonly month: string;
  /** Last day of the month: the date every figure is as of. */
  readonly asOf: string;
  readonly title: string;
  /** e.g. 2025年第11期. */
  readonly issueNumber: string;
  readonly issuer: string;
  /** `YYYY-MM-DD`. */
  readonly issueDate: string;
  /** Some figure comes from synthetic data. */
  readonly synthetic: boolean;
  /** Said in the title area when `synthetic`. */
  readonly syntheticNote: string | null;
  /** The opening paragraph (导语). */
  readonly lead: string;
  readonly sections: readonly BulletinSection[];
  /** Sections that could not be written and why (a module not yet available). */
  readonly omitted: readonly string[];
}

/** Every table of a bulletin, in document order. */
export function bulletinTables(content: BulletinContent): BulletinTable[] {
  return content.sections.flatMap((s) => s.blocks.flatMap((b) => (b.kind === 'table' ? [b.table] : [])));
}
