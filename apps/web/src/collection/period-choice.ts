/**
 * Periods offered when opening a form. The spelling is the server's canonical one (`2025`, `2025H1`,
 * `2025Q3`, `2025-11`, with `-YTD` for year-to-date data sets); the web app talks to the server over HTTP
 * only, so the few period rules needed here are restated rather than imported from core.
 */

export type CollectionPeriodKind = 'month' | 'quarter' | 'half' | 'year';

/** What the page needs of a data set to list its periods. */
export interface PeriodRule {
  readonly periodKind: CollectionPeriodKind;
  readonly ytd: boolean;
}

interface PeriodRef {
  readonly year: number;
  /** 1 for a year; 1–2 for a half; 1–4 for a quarter; 1–12 for a month. */
  readonly index: number;
}

const PER_YEAR: Readonly<Record<CollectionPeriodKind, number>> = { year: 1, half: 2, quarter: 4, month: 12 };
const MONTHS: Readonly<Record<CollectionPeriodKind, number>> = { year: 12, half: 6, quarter: 3, month: 1 };

const pad = (n: number) => String(n).padStart(2, '0');

/** The canonical spelling of a period of this data set. */
export function formatPeriod(rule: PeriodRule, p: PeriodRef): string {
  // A whole year is never year-to-date.
  const suffix = rule.ytd && rule.periodKind !== 'year' ? '-YTD' : '';
  switch (rule.periodKind) {
    case 'year':
      return String(p.year);
    case 'half':
      return `${p.year}H${p.index}${suffix}`;
    case 'quarter':
      return `${p.year}Q${p.index}${suffix}`;
    case 'month':
      return `${p.year}-${pad(p.index)}${suffix}`;
  }
}

function preceding(kind: CollectionPeriodKind, p: PeriodRef): PeriodRef {
  return p.index > 1 ? { year: p.year, index: p.index - 1 } : { year: p.year - 1, index: PER_YEAR[kind] };
}

/** The period of `kind` that contains the ISO date. */
function containing(kind: CollectionPeriodKind, isoDate: string): PeriodRef {
  const year = Number(isoDate.slice(0, 4));
  const month = Number(isoDate.slice(5, 7));
  return { year, index: Math.ceil(month / MONTHS[kind]) };
}

/**
 * The period being reported on `today`: the latest one that has ended before today (on 2026-03-10 a
 * monthly data set reports 2026-02, due in March; a quarterly one 2025Q4). This is the default of the
 * period choice — the form units are filling in now.
 */
export function currentReportingPeriod(rule: PeriodRule, today: string): string {
  return formatPeriod(rule, preceding(rule.periodKind, containing(rule.periodKind, today)));
}

/** The reporting period of `today` and the `count − 1` before it, newest first. */
export function recentPeriods(rule: PeriodRule, today: string, count: number): string[] {
  const out: string[] = [];
  let p = preceding(rule.periodKind, containing(rule.periodKind, today));
  for (let i = 0; i < count; i++) {
    out.push(formatPeriod(rule, p));
    p = preceding(rule.periodKind, p);
  }
  return out;
}

/** Minutes east of UTC of China Standard Time: deadlines are Beijing dates. */
const CHINA_OFFSET_MINUTES = 480;

/** Today's date (ISO) in Beijing, whatever the browser's time zone. */
export function chinaToday(now: Date): string {
  return new Date(now.getTime() + CHINA_OFFSET_MINUTES * 60_000).toISOString().slice(0, 10);
}
