/**
 * How the progress figures read: a target (`≤ 1.80 倍`), a signed gap to 序时进度 (`+0.09 倍`, percentage
 * points for a percentage), and the annual change still required (a growth rate `−0.53%/年` for compound
 * rates, a change per year for linear ones). Missing figures are an em dash, never 0.
 */
import { MISSING, comparatorSymbol, formatNumber, valueDigits } from '../evaluation/format';

export interface UnitLabels {
  /** The unit's label, e.g. `倍`, `元`, `%`. */
  readonly unitLabel: (unit: string) => string;
  /** Percentage points, for differences of percentages (`个百分点`, `pp`). */
  readonly points: string;
  /** Per year suffix (`/年`, `/yr`). */
  readonly perYear: string;
}

const isNumber = (x: number | null | undefined): x is number => typeof x === 'number' && Number.isFinite(x);

/**
 * Decimals of a value: the unit's precision (evaluation/format.ts), except that a whole number of persons
 * (a target of 1,000,000 new farmers) is written without decimals.
 */
export function amountDigits(x: number, unit: string): number {
  return unit === 'persons' && Number.isInteger(x) ? 0 : valueDigits(unit);
}

/** A value in its unit (`1.73 倍`, `67,013 元`, `74.20%`), or an em dash (never a unit alone). */
export function formatAmount(x: number | null | undefined, unit: string, labels: UnitLabels): string {
  if (!isNumber(x)) return MISSING;
  const text = formatNumber(x, amountDigits(x, unit));
  const label = labels.unitLabel(unit);
  if (label === '') return text;
  return label === '%' ? `${text}%` : `${text} ${label}`;
}

/** `≤ 1.80 倍` */
export function formatTarget(comparator: string, value: number, unit: string, labels: UnitLabels): string {
  return `${comparatorSymbol(comparator)} ${formatAmount(value, unit, labels)}`;
}

/** A difference with its sign (`+0.09 倍`, `−1.30 个百分点`); zero has no sign. */
export function formatSignedDifference(
  x: number | null | undefined,
  unit: string,
  labels: UnitLabels,
): string {
  if (!isNumber(x)) return MISSING;
  const digits = valueDigits(unit);
  const text = formatNumber(Math.abs(x), digits);
  const zero = Number(Math.abs(x).toFixed(digits)) === 0;
  const sign = zero ? '' : x > 0 ? '+' : '−';
  const label = unit === '%' ? labels.points : labels.unitLabel(unit);
  return label === '' ? `${sign}${text}` : `${sign}${text} ${label}`;
}

/**
 * The annual change still needed from the latest value: for compound rates a growth rate per year with two
 * decimals (`+3.59%/年`), for linear rates a change per year in the indicator's unit.
 */
export function formatRequiredChange(
  change: number | null | undefined,
  method: 'compound' | 'linear',
  unit: string,
  labels: UnitLabels,
): string {
  if (!isNumber(change)) return MISSING;
  if (method === 'compound') {
    const pct = change * 100;
    const zero = Number(Math.abs(pct).toFixed(2)) === 0;
    const sign = zero ? '' : pct > 0 ? '+' : '−';
    return `${sign}${formatNumber(Math.abs(pct), 2)}%${labels.perYear}`;
  }
  return `${formatSignedDifference(change, unit, labels)}${labels.perYear}`;
}
