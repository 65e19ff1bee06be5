/**
 * Number formatting of the evaluation pages. Figures use the zh-CN locale in both languages (the
 * programme's documents do), with a fixed number of decimals per kind; a missing value is an em dash,
 * never 0.
 */
export const LOCALE = 'zh-CN';
export const MISSING = '—';

const formatters = new Map<number, Intl.NumberFormat>();

function formatter(digits: number): Intl.NumberFormat {
  let f = formatters.get(digits);
  if (f === undefined) {
    f = new Intl.NumberFormat(LOCALE, { minimumFractionDigits: digits, maximumFractionDigits: digits });
    formatters.set(digits, f);
  }
  return f;
}

const isNumber = (x: number | null | undefined): x is number => typeof x === 'number' && Number.isFinite(x);

/** `x` with `digits` decimals and zh-CN grouping (12,345.6), or an em dash when missing. */
export function formatNumber(x: number | null | undefined, digits: number): string {
  return isNumber(x) ? formatter(digits).format(x) : MISSING;
}

/** Index and domain scores (0–100): one decimal. */
export function formatScore(x: number | null | undefined): string {
  return formatNumber(x, 1);
}

/** A share 0–1 as a percentage with one decimal (coverage 0.875 → 87.5%). */
export function formatShare(x: number | null | undefined): string {
  return isNumber(x) ? `${formatter(1).format(x * 100)}%` : MISSING;
}

/** Decimals for an indicator's raw value by its catalogue unit: whole yuan, 0.01 percentage points. */
export function valueDigits(unit: string): number {
  switch (unit) {
    case 'yuan':
    case 'yuan/month':
    case 'count':
    case 'households':
    case 'places':
    case 'units':
    case 'person-times':
      return 0;
    case 'persons':
      return 1;
    default:
      return 2;
  }
}

/** An indicator's raw value in its unit's precision, or an em dash. */
export function formatValue(x: number | null | undefined, unit: string): string {
  return formatNumber(x, valueDigits(unit));
}

/**
 * A value in its unit's precision with the unit's label: `37.01%` (a percent sign sticks to the
 * number), `1.86 倍`, `112,314 元`; a missing value is the dash alone, without a unit.
 */
export function formatWithUnit(x: number | null | undefined, unit: string, label: string): string {
  const text = formatValue(x, unit);
  if (text === MISSING || label === '') return text;
  return label === '%' ? `${text}%` : `${text} ${label}`;
}

/** A target's comparator as printed: ≥ and ≤ rather than >= and <=. */
export function comparatorSymbol(comparator: string): string {
  return comparator === '>=' ? '≥' : comparator === '<=' ? '≤' : comparator;
}

/** A rank interval `p5–p95` (a single number when both ends agree). */
export function formatInterval(interval: { readonly p5: number; readonly p95: number } | null): string {
  if (interval === null) return MISSING;
  return interval.p5 === interval.p95 ? String(interval.p5) : `${interval.p5}–${interval.p95}`;
}

export type ChangeDirection = 'up' | 'down' | 'same' | 'none';

/** Direction and arrow of a rank change (previousRank − rank: positive = moved up). */
export function rankChangeView(change: number | null): {
  readonly direction: ChangeDirection;
  readonly arrow: string;
  readonly amount: number | null;
} {
  if (!isNumber(change)) return { direction: 'none', arrow: '', amount: null };
  if (change > 0) return { direction: 'up', arrow: '↑', amount: change };
  if (change < 0) return { direction: 'down', arrow: '↓', amount: -change };
  return { direction: 'same', arrow: '→', amount: 0 };
}

/** An ISO timestamp as local `YYYY-MM-DD HH:mm` (the zone is a parameter for tests). */
export function formatDateTime(iso: string, timeZone?: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const parts = new Intl.DateTimeFormat('en-CA', {
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    ...(timeZone !== undefined ? { timeZone } : {}),
  }).formatToParts(date);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')} ${part('hour')}:${part('minute')}`;
}
