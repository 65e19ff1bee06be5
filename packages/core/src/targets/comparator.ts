import type { Comparator, Polarity } from './types';

const COMPARATORS: readonly Comparator[] = ['>=', '>', '<=', '<', '='];

/** Parse a comparator as written in the data; also accepts ≥, ≤ and `==`. */
export function parseComparator(s: string): Comparator | undefined {
  const t = s.trim();
  if (t === '≥') return '>=';
  if (t === '≤') return '<=';
  if (t === '==') return '=';
  return COMPARATORS.find((c) => c === t);
}

/**
 * Whether a value meets a target (METHODS.md §1, "achieved when the latest value satisfies the
 * comparator"). `tolerance` applies to `=` only.
 */
export function meetsTarget(value: number, comparator: Comparator, target: number, tolerance = 0): boolean {
  switch (comparator) {
    case '>=':
      return value >= target;
    case '>':
      return value > target;
    case '<=':
      return value <= target;
    case '<':
      return value < target;
    case '=':
      return Math.abs(value - target) <= tolerance;
  }
}

/**
 * Direction of improvement for a target (METHODS.md §1, "lower-is-better"): an inequality carries it
 * (≥ and > mean up, ≤ and < down). For `=` the path runs from the baseline towards the target, so that
 * direction decides; the indicator's polarity only when the baseline is unknown or already equal.
 */
export function targetPolarity(
  comparator: Comparator,
  indicatorPolarity: Polarity | undefined,
  baselineValue: number | undefined,
  targetValue: number,
): Polarity {
  if (comparator === '>=' || comparator === '>') return 'up';
  if (comparator === '<=' || comparator === '<') return 'down';
  if (baselineValue !== undefined && baselineValue !== targetValue)
    return baselineValue < targetValue ? 'up' : 'down';
  return indicatorPolarity ?? 'up';
}
