/**
 * Light view models (METHODS.md §5 lights): the order lights are listed in (worst first), the shares of a
 * roll-up's projects at each light for the stacked bar, and the numbers behind one light, each formatted by
 * what it measures (rates as percentages, gaps in points, months as whole numbers).
 */
import type { LightExplanationDto, ProjectMetricsDto, RollupRowDto } from '@suocha/contract';
import { formatCount, formatGapPoints, formatShare } from './projects-format';
import { formatNumber } from '../evaluation/format';

export type LightCode = 'red' | 'yellow' | 'green' | 'none';

/** Worst first: the board lists red and yellow before anything else. */
export const LIGHT_ORDER: readonly LightCode[] = ['red', 'yellow', 'green', 'none'];

export interface LightSegment {
  readonly light: LightCode;
  readonly count: number;
  /** Share of the group's projects (0–1); 0 for an empty group. */
  readonly share: number;
}

/** Count and share of a roll-up's projects at each light, worst first. */
export function lightSegments(lights: RollupRowDto['lights']): LightSegment[] {
  const total = LIGHT_ORDER.reduce((n, l) => n + lights[l].count, 0);
  return LIGHT_ORDER.map((light) => ({
    light,
    count: lights[light].count,
    share: total > 0 ? lights[light].count / total : 0,
  }));
}

/** Keys whose value is a fraction shown as a percentage. */
const RATE_KEYS = new Set(['completionRate', 'scheduleShare']);
/** Keys in percentage points (signed gaps and thresholds). */
const GAP_KEYS = new Set(['gapPoints']);

export interface NumberRow {
  readonly key: string;
  readonly label: string;
  readonly value: string;
}

/** The numbers that produced a light, in a stable order (the rule's inputs before its thresholds). */
export function explanationRows(e: LightExplanationDto, nameOf: (key: string) => string): NumberRow[] {
  const order = [
    'completionRate',
    'scheduleShare',
    'gapPoints',
    'greenMaxGapPoints',
    'yellowMaxGapPoints',
    'monthsLate',
    'yellowMinMonthsLate',
    'redMinMonthsLate',
  ];
  const keys = Object.keys(e.numbers).sort((a, b) => rank(order, a) - rank(order, b) || a.localeCompare(b));
  return keys.map((key) => {
    const x = e.numbers[key];
    const value = RATE_KEYS.has(key)
      ? formatShare(x)
      : GAP_KEYS.has(key)
        ? formatGapPoints(x)
        : Number.isInteger(x)
          ? formatCount(x)
          : formatNumber(x, 1);
    return { key, label: nameOf(key), value };
  });
}

function rank(order: readonly string[], key: string): number {
  const i = order.indexOf(key);
  return i < 0 ? order.length : i;
}

/**
 * The explanation that decided a project's overall light (the worse of schedule and start, METHODS.md §5):
 * the one whose light is the overall light, the schedule one when both are.
 */
export function deciding(
  m: Pick<ProjectMetricsDto, 'light' | 'scheduleLight' | 'startLight'>,
): LightExplanationDto {
  if (m.scheduleLight.light === m.light) return m.scheduleLight;
  if (m.startLight.light === m.light) return m.startLight;
  return m.scheduleLight;
}
