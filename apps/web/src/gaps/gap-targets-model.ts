import type { ProgressReport, ProgressRow } from '../api/types';

/** The three gaps' headline indicators (000 一 主要目标), in the order the programme names them. */
export const THREE_GAPS = [
  'urban_rural_income_ratio',
  'city_income_max_min_ratio',
  'mountain_island_income_ratio',
] as const;
export type ThreeGap = (typeof THREE_GAPS)[number];

export interface GapTargets {
  readonly code: ThreeGap;
  /** The governing targets of the indicator (superseded ones left out), earliest year first. */
  readonly rows: readonly ProgressRow[];
}

/** The progress rows of the three gaps from a progress report; an indicator without targets has none. */
export function threeGapTargets(report: ProgressReport): readonly GapTargets[] {
  return THREE_GAPS.map((code) => ({
    code,
    rows: report.items
      .filter((row) => row.indicator.code === code && row.governing)
      .sort((a, b) => a.year - b.year || a.targetId - b.targetId),
  }));
}
