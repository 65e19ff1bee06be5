/**
 * The rules of the warnings (预警, issue 4 §4), as pure functions of what was judged:
 *
 * | rule                 | fires when                                                                 | severity |
 * | -------------------- | -------------------------------------------------------------------------- | -------- |
 * | `target_missed`      | a governing target's year has ended and the latest value misses it          | red      |
 * |                      | (core caveats TARGET_MISSED, OVERDUE)                                       |          |
 * | `off_track`          | the target judged now needs acceleration / makes limited progress / moves  | yellow / |
 * |                      | away (METHODS.md §1 classes)                                                | orange / red |
 * | `wrong_direction`    | the latest value moved the wrong way since the previous period of the same | yellow (orange if it |
 * |                      | series (year-to-date values against the same period a year earlier)        | no longer meets the target) |
 * | `missing_submission` | an expected form is not submitted after its due date                       | orange (red ≥ 30 days) |
 *
 * Fingerprints keep one open warning per rule × target × unit (per rule × data set × unit × period for
 * submissions), so a warning that keeps firing is one warning with the date it was first raised.
 */
import type { WarningRule, WarningSeverity } from '@suocha/store';
import type { JudgedTarget } from './all-statuses';
import { seriesHref } from './judge';

export interface WarningRuleHit {
  readonly rule: WarningRule;
  readonly severity: WarningSeverity;
  readonly fingerprint: string;
  readonly unitCode: string;
  readonly indicatorCode: string | null;
  readonly planCode: string | null;
  readonly targetId: number | null;
  readonly datasetCode: string | null;
  readonly period: string | null;
  /** The numbers that made it fire and links to the evidence. */
  readonly details: Readonly<Record<string, unknown>>;
}

const OFF_TRACK: Readonly<Partial<Record<string, WarningSeverity>>> = {
  needs_acceleration: 'yellow',
  limited_progress: 'orange',
  moving_away: 'red',
};

function targetDetails(j: JudgedTarget): Record<string, unknown> {
  const r = j.result;
  const href = seriesHref(j.indicatorCode, j.unitCode);
  const prev = r.series.length >= 2 ? r.series[r.series.length - 2] : undefined;
  const point = (p: { period: string; value: number } | null | undefined) =>
    p ? { indicator: j.indicatorCode, unit: j.unitCode, period: p.period, value: p.value, href } : null;
  return {
    status: r.status,
    reason: r.reason,
    caveats: r.caveats,
    plan: j.planCode,
    year: j.year,
    comparator: j.comparator,
    targetValue: j.targetValue,
    latest: point(r.latest),
    previous: point(prev),
    baseline: r.baseline
      ? { period: r.baseline.period, value: r.baseline.value, from: r.baseline.source }
      : null,
    expected: r.expected,
    gap: r.gap,
    ratio: r.ratio,
    projected: r.projected,
    requiredAnnualChange: r.requiredFromNow,
    synthetic: j.synthetic,
    evidence: [point(prev), point(r.latest)].filter((p) => p !== null),
    href,
  };
}

/** Rules on one judged target; only governing targets raise warnings (superseded ones do not count). */
export function targetRules(j: JudgedTarget): WarningRuleHit[] {
  if (!j.governing) return [];
  const r = j.result;
  const hits: WarningRuleHit[] = [];
  const base = {
    unitCode: j.unitCode,
    indicatorCode: j.indicatorCode,
    planCode: j.planCode,
    targetId: j.targetId,
    datasetCode: null,
    period: r.latest?.period ?? null,
  };
  const missed = r.caveats.includes('TARGET_MISSED') || r.caveats.includes('OVERDUE');
  if (missed)
    hits.push({
      ...base,
      rule: 'target_missed',
      severity: 'red',
      fingerprint: `target_missed|${j.unitCode}|t${j.targetId}`,
      details: targetDetails(j),
    });
  if (!j.current) return hits;
  const severity = OFF_TRACK[r.status];
  if (severity !== undefined && !missed)
    hits.push({
      ...base,
      rule: 'off_track',
      severity,
      fingerprint: `off_track|${j.unitCode}|t${j.targetId}`,
      details: targetDetails(j),
    });
  const n = r.series.length;
  const latest = r.series[n - 1];
  const prev = r.series[n - 2];
  if (latest !== undefined && prev !== undefined) {
    const wrong =
      j.comparator === '='
        ? Math.abs(latest.value - j.targetValue) > Math.abs(prev.value - j.targetValue)
        : r.polarity === 'up'
          ? latest.value < prev.value
          : latest.value > prev.value;
    if (wrong)
      hits.push({
        ...base,
        rule: 'wrong_direction',
        severity: r.slipped ? 'orange' : 'yellow',
        fingerprint: `wrong_direction|${j.unitCode}|t${j.targetId}`,
        details: { ...targetDetails(j), change: latest.value - prev.value },
      });
  }
  return hits;
}

/** A form a unit is expected to submit for a data set and period (the collection module's view). */
export interface ExpectedSubmission {
  readonly datasetCode: string;
  readonly datasetName: string;
  readonly unitCode: string;
  readonly period: string;
  /** ISO date; a form sent on the due day is on time. */
  readonly dueDate: string;
  /** `missing` when nothing was ever entered; `draft` includes a form returned for correction. */
  readonly state: 'missing' | 'draft' | 'submitted' | 'approved' | 'locked';
  /** Indicators of the data set. */
  readonly indicators: readonly string[];
}

/**
 * Where expected submissions come from: the collection module (data sets, due dates, form states). Given
 * to the warning evaluation as a function so that progress does not depend on how collection stores them.
 */
export type SubmissionSource = (asOf: string) => Promise<readonly ExpectedSubmission[]>;

const DAY_MS = 86_400_000;

/** Whole days from `from` to `to` (ISO dates). */
export function daysBetweenIsoDates(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

/** `missing_submission`: not submitted (nothing, or still a draft) and the due date is before `asOf`. */
export function submissionRules(subs: readonly ExpectedSubmission[], asOf: string): WarningRuleHit[] {
  const hits: WarningRuleHit[] = [];
  for (const s of subs) {
    if (s.state !== 'missing' && s.state !== 'draft') continue;
    const late = daysBetweenIsoDates(s.dueDate, asOf);
    if (!(late > 0)) continue;
    hits.push({
      rule: 'missing_submission',
      severity: late >= 30 ? 'red' : 'orange',
      fingerprint: `missing_submission|${s.unitCode}|${s.datasetCode}|${s.period}`,
      unitCode: s.unitCode,
      indicatorCode: null,
      planCode: null,
      targetId: null,
      datasetCode: s.datasetCode,
      period: s.period,
      details: {
        dataset: s.datasetCode,
        datasetName: s.datasetName,
        period: s.period,
        dueDate: s.dueDate,
        state: s.state,
        daysOverdue: late,
        indicators: s.indicators,
        form: { dataset: s.datasetCode, unit: s.unitCode, period: s.period },
      },
    });
  }
  return hits;
}
