/**
 * How figures are written in a bulletin: units in Chinese, at most two decimals, comparators as symbols,
 * statuses and severities in Chinese, and the 模拟数据 mark beside a synthetic figure.
 */
import type { Comparator, ProgressStatus } from '../targets/types';
import { SYNTHETIC_MARK } from './bulletin-content';

const UNIT_ZH: Readonly<Record<string, string>> = {
  yuan: '元',
  '100m yuan': '亿元',
  'yuan/month': '元/月',
  '%': '%',
  ratio: '',
  count: '个',
  persons: '人',
  '10k persons': '万人',
  '10k mu': '万亩',
  households: '户',
  m2: '平方米',
  unit: '个',
  units: '个',
};

/** A catalogue unit in Chinese; unknown units are kept as written. */
export function unitZh(unit: string): string {
  return UNIT_ZH[unit] ?? unit;
}

/** A number with at most `digits` decimals, trailing zeros dropped; −0 is written 0. */
export function formatNumber(value: number, digits = 2): string {
  if (!Number.isFinite(value)) return '—';
  const f = 10 ** digits;
  const r = Math.round(value * f) / f;
  return String(Object.is(r, -0) ? 0 : r);
}

/** A figure with its unit: `67013元`, `1.83`, `72.5%`. */
export function formatFigure(value: number, unit: string): string {
  return `${formatNumber(value)}${unitZh(unit)}`;
}

/** A share 0–1 as a percentage: `0.917` → `91.7%`. */
export function formatPercent(share: number): string {
  return `${formatNumber(share * 100, 1)}%`;
}

/** Appends the 模拟数据 mark when the figure is synthetic. */
export function marked(text: string, synthetic: boolean): string {
  return synthetic ? `${text}（${SYNTHETIC_MARK}）` : text;
}

const COMPARATOR: Readonly<Record<Comparator, string>> = {
  '>=': '≥',
  '>': '>',
  '<=': '≤',
  '<': '<',
  '=': '=',
};

export function comparatorSymbol(c: Comparator): string {
  return COMPARATOR[c];
}

export const STATUS_ZH: Readonly<Record<ProgressStatus, string>> = {
  achieved: '已实现',
  on_track: '进度正常',
  needs_acceleration: '需加快',
  limited_progress: '进展有限',
  moving_away: '背离目标',
  no_data: '暂无数据',
};

export const SEVERITY_ZH: Readonly<Record<'red' | 'orange' | 'yellow', string>> = {
  red: '红色',
  orange: '橙色',
  yellow: '黄色',
};
