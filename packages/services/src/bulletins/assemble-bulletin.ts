/**
 * Assembly of a month's bulletin (月度通报, issue 8 §4) from data frozen as of the month's last day: the
 * three gaps' headline indicators and the province's targets with their status (progress, METHODS.md §1),
 * the county league table of the latest frozen index run as of that day (METHODS.md §4), the warnings
 * raised and closed in the month, and the sections of the projects, supervision and tasks modules through
 * their providers. The content is composed by core (`composeBulletin`).
 */
import {
  checkMonthEnded,
  composeBulletin,
  parseBulletinMonth,
  type BulletinContent,
  type BulletinInputs,
  type BulletinMonth,
  type HeadlineMetricInput,
  type LeagueInput,
  type TargetRowInput,
  type WarningInput,
  type WarningsInput,
} from '@suocha/core';
import {
  listIndexRuns,
  listIndicators,
  listSeriesObservations,
  type Store,
  type StoredWarning,
} from '@suocha/store';
import { getIndexRunDto } from '../index/read';
import type { ProgressRow } from '../progress/judge';
import { progressReport } from '../progress/progress-report';
import type { SubmissionSource } from '../progress/warning-rules';
import { warningsReport } from '../progress/warnings';
import { BulletinError } from './errors';
import { defaultSectionProviders } from './default-providers';
import { BULLETIN_SCOPE } from './scope';
import type { BulletinSectionProviders } from './section-providers';

/** The issuing body printed in the header; configurable (`issuer` option). */
export const DEFAULT_BULLETIN_ISSUER = '浙江省缩小三大差距工作专班办公室';

/** The three gaps' headline indicators, as the 2025 implementation plan (seed 000 一、主要目标) states them. */
export const BULLETIN_HEADLINE_INDICATORS: readonly string[] = [
  'urban_rural_income_ratio',
  'city_income_max_min_ratio',
  'mountain_island_income_ratio',
  'resident_income',
  'rural_income',
];

const RULE_ZH: Readonly<Record<string, string>> = {
  off_track: '进度滞后',
  target_missed: '目标未完成',
  wrong_direction: '逆向变化',
  missing_submission: '逾期未报',
};

export interface AssembleOptions {
  /** `YYYY-MM`. */
  readonly month: string;
  /** Now (ISO timestamp): months not yet ended are refused; the issue date defaults to its day. */
  readonly now: string;
  readonly issuer?: string;
  readonly issueDate?: string;
  readonly providers?: BulletinSectionProviders;
  /** Expected submissions, for the `missing_submission` warnings of an evaluation. */
  readonly submissions?: SubmissionSource;
  /**
   * `auto` (default): bring warnings up to date as of the month's end when no later evaluation exists (as
   * GET /api/warnings does); `never`: read the stored warning history only.
   */
  readonly evaluateWarnings?: 'auto' | 'never';
}

/** The month, checked: a valid `YYYY-MM` whose last day has passed. */
export function bulletinMonthOf(month: string, now: string): BulletinMonth {
  const parsed = parseBulletinMonth(month);
  if (!parsed.ok) throw new BulletinError(parsed.error.code, parsed.error.message);
  const ended = checkMonthEnded(parsed.value, now);
  if (!ended.ok) throw new BulletinError(ended.error.code, ended.error.message);
  return ended.value;
}

/** The target of an indicator for the province to show: the one judged now, else the latest governing. */
function headlineRow(rows: readonly ProgressRow[], code: string): ProgressRow | null {
  const own = rows.filter((r) => r.indicator.code === code && r.unit.code === BULLETIN_SCOPE);
  return (
    own.find((r) => r.current) ?? own.filter((r) => r.governing).sort((a, b) => b.year - a.year)[0] ?? null
  );
}

async function headlineInputs(
  store: Store,
  rows: readonly ProgressRow[],
  end: string,
): Promise<HeadlineMetricInput[]> {
  const indicators = new Map((await listIndicators(store)).map((i) => [i.code, i]));
  const series = await listSeriesObservations(store, {
    unitCodes: [BULLETIN_SCOPE],
    indicatorCodes: BULLETIN_HEADLINE_INDICATORS,
    periodEndBy: end,
  });
  return BULLETIN_HEADLINE_INDICATORS.flatMap((code): HeadlineMetricInput[] => {
    const indicator = indicators.get(code);
    if (!indicator) return [];
    const row = headlineRow(rows, code);
    const own = series.filter((o) => o.indicatorCode === code);
    // Without a judged target, the latest value of the series (latest period end).
    const last = own.length > 0 ? own[own.length - 1] : undefined;
    const latest = row?.latest ?? (last ? { period: last.period, value: last.value } : null);
    const synthetic = row
      ? row.synthetic
      : latest !== null && own.some((o) => o.period === latest.period && o.synthetic);
    return [
      {
        code,
        nameZh: indicator.nameZh,
        unit: indicator.unit,
        latest: latest === null ? null : { period: latest.period, value: latest.value },
        target: row ? { year: row.year, comparator: row.comparator, value: row.targetValue } : null,
        status: row ? row.status : null,
        synthetic,
      },
    ];
  });
}

function targetInputs(rows: readonly ProgressRow[]): TargetRowInput[] {
  return rows
    .filter((r) => r.current)
    .map((r) => ({
      indicatorNameZh: r.indicator.nameZh,
      unitName: r.unit.name,
      unit: r.indicator.unit,
      latest: r.latest === null ? null : { period: r.latest.period, value: r.latest.value },
      target: { year: r.year, comparator: r.comparator, value: r.targetValue },
      status: r.status,
      synthetic: r.synthetic,
    }));
}

/** The latest frozen county run of the province whose as-of date is within the month's end. */
async function leagueInput(store: Store, end: string): Promise<LeagueInput | null> {
  const headers = (await listIndexRuns(store, { scopeUnit: BULLETIN_SCOPE, level: 'county' }))
    .filter((h) => h.asOf <= end)
    .sort((a, b) => b.asOf.localeCompare(a.asOf) || b.id - a.id);
  const header = headers[0];
  if (!header) return null;
  const run = await getIndexRunDto(store, header.id);
  if (!run.ok) return null;
  return {
    runId: run.value.id,
    period: run.value.period,
    frameworkName: run.value.framework.nameZh,
    rows: run.value.rows.map((r) => ({
      rank: r.rank,
      name: r.name,
      parentName: r.parentName,
      score: r.score,
      rankChange: r.rankChange,
      mountainIsland: r.mountainIsland,
      synthetic: r.synthetic || run.value.synthetic,
    })),
  };
}

async function warningInputs(
  store: Store,
  month: BulletinMonth,
  options: AssembleOptions,
): Promise<WarningsInput> {
  const report = await warningsReport(store, {
    unitCode: BULLETIN_SCOPE,
    asOf: month.end,
    since: month.start,
    evaluate: options.evaluateWarnings ?? 'auto',
    now: options.now,
    ...(options.submissions ? { submissions: options.submissions } : {}),
  });
  // A warning's figures are synthetic when its indicator's series for the unit has synthetic values.
  const all = [...report.raised, ...report.closed];
  const series = await listSeriesObservations(store, {
    unitCodes: [...new Set(all.map((w) => w.unitCode))],
    indicatorCodes: [...new Set(all.flatMap((w) => (w.indicatorCode === null ? [] : [w.indicatorCode])))],
    periodEndBy: month.end,
  });
  const synthetic = new Set(
    series.filter((o) => o.synthetic).map((o) => `${o.indicatorCode}\u0000${o.unitCode}`),
  );
  const toInput = (w: StoredWarning): WarningInput => ({
    unitName: w.unitName,
    indicatorName: w.indicatorNameZh,
    severity: w.severity,
    rule: RULE_ZH[w.rule] ?? w.rule,
    message: w.message,
    raisedOn: w.raisedOn,
    closedOn: w.closedOn,
    synthetic: w.indicatorCode !== null && synthetic.has(`${w.indicatorCode}\u0000${w.unitCode}`),
  });
  return {
    openAtEnd: report.open.length,
    raised: report.raised.map(toInput),
    closed: report.closed.map(toInput),
  };
}

/** Everything a bulletin of the month is composed from. */
export async function assembleBulletinInputs(
  store: Store,
  options: AssembleOptions,
): Promise<BulletinInputs> {
  const month = bulletinMonthOf(options.month, options.now);
  const progress = await progressReport(store, { unitCode: BULLETIN_SCOPE, asOf: month.end });
  const providers = options.providers ?? defaultSectionProviders;
  const [headline, league, warnings, projects, supervision, tasks] = await Promise.all([
    headlineInputs(store, progress.items, month.end),
    leagueInput(store, month.end),
    warningInputs(store, month, options),
    providers.projects ? providers.projects(store, month) : Promise.resolve(null),
    providers.supervision ? providers.supervision(store, month) : Promise.resolve(null),
    providers.tasks ? providers.tasks(store, month) : Promise.resolve(null),
  ]);
  return {
    month,
    issuer: options.issuer ?? DEFAULT_BULLETIN_ISSUER,
    issueDate: options.issueDate ?? options.now.slice(0, 10),
    headline,
    targets: { rows: targetInputs(progress.items) },
    league,
    warnings,
    projects,
    supervision,
    tasks,
  };
}

/** The bulletin of a month from the data as they are now (not a published snapshot). */
export async function assembleBulletin(store: Store, options: AssembleOptions): Promise<BulletinContent> {
  const composed = composeBulletin(await assembleBulletinInputs(store, options));
  if (!composed.ok) throw new BulletinError(composed.error.code, composed.error.message);
  return composed.value;
}
