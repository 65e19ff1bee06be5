import type { Warning, WarningsReport } from '../api/types';

export const SEVERITIES = ['red', 'orange', 'yellow'] as const;
export type Severity = (typeof SEVERITIES)[number];

export interface SeverityCounts {
  readonly severity: Severity;
  /** Open at the as-of date. */
  readonly open: number;
  /** Raised in the report period. */
  readonly raised: number;
  /** Resolved in the report period. */
  readonly closed: number;
}

const count = (list: readonly Warning[], severity: Severity) =>
  list.filter((w) => w.severity === severity).length;

/** Counts by severity, most severe first. */
export function severityCounts(report: WarningsReport): SeverityCounts[] {
  return SEVERITIES.map((severity) => ({
    severity,
    open: count(report.open, severity),
    raised: count(report.raised, severity),
    closed: count(report.closed, severity),
  }));
}

const rank = (w: Warning) => SEVERITIES.indexOf(w.severity);

/** A list most severe first, then newest first, then by unit and indicator. */
export function orderWarnings(list: readonly Warning[]): Warning[] {
  return [...list].sort(
    (a, b) =>
      rank(a) - rank(b) ||
      (a.raisedOn < b.raisedOn ? 1 : a.raisedOn > b.raisedOn ? -1 : 0) ||
      (a.unitCode < b.unitCode ? -1 : a.unitCode > b.unitCode ? 1 : 0) ||
      a.id - b.id,
  );
}
