/**
 * Number formats of the 重大项目 pages. Investment is stored in 万元 (the provincial report forms' unit);
 * totals of many projects read better in 亿元 (1 亿元 = 10,000 万元), as the seeds quote them
 * (1,696.8亿元). Figures use zh-CN grouping in both languages; a missing value is an em dash, never 0.
 */
import { formatNumber, formatShare, MISSING } from '../evaluation/format';

export { formatShare, MISSING };

/** 万元 per 亿元. */
export const WAN_PER_YI = 10_000;

/** An amount in 万元, whole (12,345). */
export function formatWan(x: number | null | undefined): string {
  return formatNumber(x, 0);
}

/** An amount in 万元 shown in 亿元 with two decimals (16,968,000 万元 → 1,696.80). */
export function formatYi(wan: number | null | undefined): string {
  return typeof wan === 'number' && Number.isFinite(wan) ? formatNumber(wan / WAN_PER_YI, 2) : MISSING;
}

/**
 * A schedule gap in percentage points with its sign: behind schedule is positive (METHODS.md §5:
 * gap = (序时进度 − rate)·100), written "+12.3"; ahead "−4.0" (a real minus sign).
 */
export function formatGapPoints(x: number | null | undefined): string {
  if (typeof x !== 'number' || !Number.isFinite(x)) return MISSING;
  const body = formatNumber(Math.abs(x), 1);
  if (body === formatNumber(0, 1)) return body;
  return `${x > 0 ? '+' : '−'}${body}`;
}

/** An SPI (EV/PV) with two decimals. */
export function formatSpi(x: number | null | undefined): string {
  return formatNumber(x, 2);
}

/** A count of projects, whole with grouping. */
export function formatCount(x: number | null | undefined): string {
  return formatNumber(x, 0);
}
