import type { ProgressStatus } from '../api/types';

/**
 * Progress statuses from best to worst (METHODS.md §1: Open SDG / Statistics Canada classes), then "no
 * data" — the order of the summary counts and of a sort by status.
 */
export const PROGRESS_STATUSES: readonly ProgressStatus[] = [
  'achieved',
  'on_track',
  'needs_acceleration',
  'limited_progress',
  'moving_away',
  'no_data',
];

/**
 * One colour per status, used by chips, sparklines and charts alike: achieved green, on track green-blue,
 * needs acceleration amber, limited progress orange, moving away red, no data grey.
 */
export const STATUS_COLOURS: Readonly<Record<ProgressStatus, string>> = {
  achieved: '#1e7b34',
  on_track: '#0f7f86',
  needs_acceleration: '#b7860b',
  limited_progress: '#d4651a',
  moving_away: '#c0262d',
  no_data: '#7b8794',
};

export function isProgressStatus(value: string): value is ProgressStatus {
  return (PROGRESS_STATUSES as readonly string[]).includes(value);
}

/** Rank of a status for sorting (achieved first, no data last). */
export function statusRank(status: ProgressStatus): number {
  return PROGRESS_STATUSES.indexOf(status);
}
