/**
 * Warnings (预警, issue 4 §4): evaluation as of a date and the report of a period. An evaluation judges
 * every target (and, given a submission source, every expected form), compares what fires with the open
 * warnings and writes the difference: raised on the evaluation date, refreshed while still firing, closed
 * on the first evaluation date on which the rule no longer fires. History is kept, so a monthly report
 * lists the warnings open at the end of the month, those raised in it and those resolved in it.
 */
import {
  applyWarningChanges,
  dataRevision,
  getUnit,
  listIndicators,
  listOpenWarningRefs,
  listWarnings,
  unitLabels,
  warningEvaluationState,
  type FiringWarning,
  type Store,
  type StoredWarning,
  type WarningRule,
} from '@suocha/store';
import { judgeAllTargets } from './all-statuses';
import { ensureDerivedValues } from './derived';
import { checkProgressAsOf, ProgressError } from './errors';
import { submissionRules, targetRules, type WarningRuleHit, type SubmissionSource } from './warning-rules';

const RULE_TEXT: Readonly<Record<WarningRule, string>> = {
  off_track: '进度滞后 (off track)',
  target_missed: '目标未完成 (target missed)',
  wrong_direction: '逆向变化 (moved the wrong way)',
  missing_submission: '逾期未报 (submission overdue)',
};

const STATUS_TEXT: Readonly<Record<string, string>> = {
  needs_acceleration: '需加快 needs acceleration',
  limited_progress: '进展有限 limited progress',
  moving_away: '背离目标 moving away',
};

const fmt = (v: unknown) => (typeof v === 'number' ? String(Math.round(v * 1e6) / 1e6) : String(v ?? ''));

function message(h: WarningRuleHit, unitName: string, indicatorName: string): string {
  const d = h.details;
  const who = `${unitName}(${h.unitCode})`;
  if (h.rule === 'missing_submission')
    return `${who} ${RULE_TEXT[h.rule]}: ${fmt(d.datasetName)} ${fmt(d.period)}, due ${fmt(d.dueDate)}, ${fmt(d.daysOverdue)} days overdue`;
  const latest = d.latest as { period: string; value: number } | null;
  const target = `target ${fmt(d.comparator)} ${fmt(d.targetValue)} by ${fmt(d.year)} (${fmt(d.plan)})`;
  const now = latest ? `latest ${fmt(latest.value)} (${latest.period})` : 'no value';
  if (h.rule === 'wrong_direction') {
    const prev = d.previous as { period: string; value: number } | null;
    return `${who} ${indicatorName} ${RULE_TEXT[h.rule]}: ${prev ? `${fmt(prev.value)} (${prev.period}) → ` : ''}${now}; ${target}`;
  }
  const status = h.rule === 'off_track' ? ` ${STATUS_TEXT[String(d.status)] ?? fmt(d.status)};` : '';
  return `${who} ${indicatorName} ${RULE_TEXT[h.rule]}:${status} ${now}; ${target}`;
}

export interface WarningEvaluationResult {
  readonly asOf: string;
  readonly evaluated: boolean;
  /** Why nothing was written (an evaluation as of a later date exists). */
  readonly skippedReason: string | null;
  readonly firing: number;
  readonly raised: number;
  readonly updated: number;
  readonly closed: number;
}

const queues = new WeakMap<Store, Promise<unknown>>();
/** Per store: the as-of date of the last evaluation in this process and the data revision right after it. */
const lastEvaluation = new WeakMap<Store, { asOf: string; revision: string }>();

/** Runs evaluations of one store one after another (they read open warnings, then write the difference). */
function serialised<T>(store: Store, fn: () => Promise<T>): Promise<T> {
  const prev = queues.get(store) ?? Promise.resolve();
  const next = prev.then(fn, fn);
  queues.set(
    store,
    next.catch(() => undefined),
  );
  return next;
}

/**
 * Evaluates every rule as of `asOf` and writes the difference with the open warnings. Refuses (writes
 * nothing) when an evaluation as of a later date exists: history is not rewritten backwards. Without a
 * submission source, `missing_submission` warnings are left as they are.
 */
export function evaluateWarnings(
  store: Store,
  options: { readonly asOf: string; readonly now: string; readonly submissions?: SubmissionSource },
): Promise<WarningEvaluationResult> {
  const asOf = checkProgressAsOf(options.asOf);
  return serialised(store, async () => {
    const state = await warningEvaluationState(store, asOf);
    if (state.latestAsOf !== null && asOf < state.latestAsOf)
      return {
        asOf,
        evaluated: false,
        skippedReason: `已有 ${state.latestAsOf} 的评估, 不改写历史 (an evaluation as of ${state.latestAsOf} exists; history is not rewritten)`,
        firing: 0,
        raised: 0,
        updated: 0,
        closed: 0,
      };
    await ensureDerivedValues(store, { now: options.now });
    const hits: WarningRuleHit[] = [];
    await judgeAllTargets(store, { asOf }, (j) => {
      if (j.governing) for (const h of targetRules(j)) hits.push(h);
    });
    const rules = new Set<WarningRule>(['off_track', 'target_missed', 'wrong_direction']);
    if (options.submissions) {
      hits.push(...submissionRules(await options.submissions(asOf), asOf));
      rules.add('missing_submission');
    }
    const labels = await unitLabels(store, [...new Set(hits.map((h) => h.unitCode))]);
    const names = new Map((await listIndicators(store)).map((i) => [i.code, i.nameZh]));
    const firing = new Map<string, FiringWarning>();
    for (const h of hits) {
      const label = labels.get(h.unitCode);
      if (!label) continue;
      firing.set(h.fingerprint, {
        ...h,
        provinceCode: label.provinceCode,
        message: message(
          h,
          label.name,
          h.indicatorCode ? (names.get(h.indicatorCode) ?? h.indicatorCode) : '',
        ),
      });
    }
    const open = await listOpenWarningRefs(store);
    const openByFp = new Map(open.map((o) => [o.fingerprint, o]));
    const raise: FiringWarning[] = [];
    const refresh: (FiringWarning & { id: number })[] = [];
    const seen: number[] = [];
    for (const [fp, w] of firing) {
      const o = openByFp.get(fp);
      if (!o) raise.push(w);
      else if (
        o.severity !== w.severity ||
        o.message !== w.message ||
        o.details !== JSON.stringify(w.details) ||
        o.period !== w.period
      )
        refresh.push({ ...w, id: o.id });
      else seen.push(o.id);
    }
    const close = open
      .filter((o) => !firing.has(o.fingerprint) && rules.has(o.fingerprint.split('|')[0] as WarningRule))
      .map((o) => o.id);
    const before = await dataRevision(store);
    const counts = await applyWarningChanges(
      store,
      asOf,
      { raise, refresh, seen, close },
      { at: options.now, revision: before },
    );
    // Our own writes move the revision too: remember the one after them, so unchanged data is not re-evaluated.
    lastEvaluation.set(store, { asOf, revision: await dataRevision(store) });
    return { asOf, evaluated: true, skippedReason: null, firing: firing.size, ...counts };
  });
}

export interface WarningsReport {
  readonly unit: { readonly code: string; readonly name: string };
  readonly asOf: string;
  readonly since: string;
  /** The evaluation run for this report, if one was needed. */
  readonly evaluation: WarningEvaluationResult | null;
  /** Open on `asOf`. */
  readonly open: readonly StoredWarning[];
  /** Raised in [since, asOf]. */
  readonly raised: readonly StoredWarning[];
  /** Closed (resolved) in [since, asOf]. */
  readonly closed: readonly StoredWarning[];
}

/** First day of the month of an ISO date. */
export const warningMonthStart = (asOf: string): string => `${asOf.slice(0, 7)}-01`;

/**
 * The warnings of a unit's subtree for the period [since, asOf] (default: the month of `asOf`).
 * `evaluate`: `auto` (default) evaluates first when `asOf` is not before the latest evaluation and the
 * data changed since this process last evaluated that date (`dataRevision`); `always` evaluates (if allowed); `never` reads the
 * stored history only.
 */
export async function warningsReport(
  store: Store,
  options: {
    readonly unitCode: string;
    readonly asOf: string;
    readonly since?: string;
    readonly evaluate?: 'auto' | 'always' | 'never';
    readonly now: string;
    readonly submissions?: SubmissionSource;
  },
): Promise<WarningsReport> {
  const asOf = checkProgressAsOf(options.asOf);
  const since = checkProgressAsOf(options.since ?? warningMonthStart(asOf));
  if (since > asOf)
    throw new ProgressError('BAD_DATE', `起始日期晚于截止日期 (since ${since} is after asOf ${asOf})`);
  const unit = await getUnit(store, options.unitCode);
  if (!unit)
    throw new ProgressError(
      'UNIT_NOT_FOUND',
      `区划 ${options.unitCode} 不存在 (no unit with code ${options.unitCode})`,
    );
  const mode = options.evaluate ?? 'auto';
  let evaluation: WarningEvaluationResult | null = null;
  if (mode !== 'never') {
    const state = await warningEvaluationState(store, asOf);
    const revision = await dataRevision(store);
    const canWrite = state.latestAsOf === null || asOf >= state.latestAsOf;
    const last = lastEvaluation.get(store);
    const stale = !(last !== undefined && last.asOf === asOf && last.revision === revision);
    if (canWrite && (mode === 'always' || stale))
      evaluation = await evaluateWarnings(store, {
        asOf,
        now: options.now,
        ...(options.submissions ? { submissions: options.submissions } : {}),
      });
  }
  const [open, raised, closed] = await Promise.all([
    listWarnings(store, { unitCode: unit.code, asOf, view: 'open' }),
    listWarnings(store, { unitCode: unit.code, asOf, since, view: 'raised' }),
    listWarnings(store, { unitCode: unit.code, asOf, since, view: 'closed' }),
  ]);
  return { unit: { code: unit.code, name: unit.name }, asOf, since, evaluation, open, raised, closed };
}
