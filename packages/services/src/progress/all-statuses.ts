/**
 * Every target of the database judged as of a date, one indicator at a time (bounded memory), with the
 * full judgement of the core engine per target: the path of warning evaluation. Reads each indicator's
 * targets and counted observations in one go (store `scanProgressInputs`), decides the governing plan and
 * the target judged now (`targetRoles`), and runs `targetStatus` on each target. When only the statuses
 * are needed, `allTargetStatuses` (all-statuses-fast.ts) gives the same ones several times faster.
 */
import { targetStatus, type ObservationInput, type TargetStatusResult } from '@suocha/core';
import { planIssueDates, scanProgressInputs, type ProgressBulkTarget, type Store } from '@suocha/store';
import { checkProgressAsOf } from './errors';
import { isLinearIndicator, progressTargetSpec } from './judge';
import { emptyStatusCounts, type ProgressStatusCounts } from './progress-report';
import { TARGET_CURRENT, TARGET_SUPERSEDED, targetRoles } from './target-roles';

export interface JudgedTarget {
  readonly targetId: number;
  readonly indicatorCode: string;
  readonly planCode: string;
  readonly unitCode: string;
  readonly year: number;
  readonly comparator: ProgressBulkTarget[4];
  readonly targetValue: number;
  readonly governing: boolean;
  readonly current: boolean;
  readonly result: TargetStatusResult;
  readonly synthetic: boolean;
}

export interface AllStatusesSummary {
  readonly targets: number;
  /** Statuses of every target. */
  readonly all: ProgressStatusCounts;
  /** Statuses of the targets judged now (governing, next target year), one per indicator and unit. */
  readonly current: ProgressStatusCounts;
  /** Time spent reading from the database and judging, in milliseconds (the caller's clock). */
  readonly readMs: number;
  readonly judgeMs: number;
}

/**
 * Judges every target as of `asOf`; `onJudged` sees each one (e.g. to raise warnings). `clock` measures
 * the split between reading and judging for the benchmark (default: none, zeros reported).
 */
export async function judgeAllTargets(
  store: Store,
  options: {
    readonly asOf: string;
    readonly clock?: () => number;
    readonly indicatorCodes?: readonly string[];
  },
  onJudged?: (j: JudgedTarget) => void,
): Promise<AllStatusesSummary> {
  const asOf = checkProgressAsOf(options.asOf);
  const clock = options.clock ?? (() => 0);
  const issued = await planIssueDates(store);
  const all = emptyStatusCounts();
  const current = emptyStatusCounts();
  let targets = 0;
  let judgeMs = 0;
  const started = clock();
  await scanProgressInputs(
    store,
    { periodEndBy: asOf, ...(options.indicatorCodes ? { indicatorCodes: options.indicatorCodes } : {}) },
    (batch) => {
      const t0 = clock();
      const byUnit = new Map<string, ObservationInput[]>();
      const syntheticUnits = new Set<string>();
      for (const o of batch.observations) {
        const list = byUnit.get(o.u);
        if (list) list.push(o);
        else byUnit.set(o.u, [o]);
        if (o.s === 1) syntheticUnits.add(o.u);
      }
      const roles = targetRoles(batch.indicatorCode, batch.targets, issued, asOf);
      const linear = isLinearIndicator(batch.definition);
      const opts = { asOf, polarity: batch.polarity, linear };
      for (let i = 0; i < batch.targets.length; i++) {
        const t = batch.targets[i];
        if (t === undefined) continue;
        const role = roles[i] ?? 0;
        const governing = (role & TARGET_SUPERSEDED) === 0;
        const result = targetStatus(
          progressTargetSpec({
            comparator: t[4],
            value: t[5],
            year: t[3],
            baselinePeriod: t[6],
            baselineValue: t[7],
          }),
          byUnit.get(t[2]) ?? [],
          opts,
        );
        const isCurrent = (role & TARGET_CURRENT) !== 0;
        all[result.status]++;
        if (isCurrent) current[result.status]++;
        targets++;
        onJudged?.({
          targetId: t[0],
          indicatorCode: batch.indicatorCode,
          planCode: t[1],
          unitCode: t[2],
          year: t[3],
          comparator: t[4],
          targetValue: t[5],
          governing,
          current: isCurrent,
          result,
          synthetic: syntheticUnits.has(t[2]),
        });
      }
      judgeMs += clock() - t0;
    },
  );
  const total = clock() - started;
  return { targets, all, current, readMs: total - judgeMs, judgeMs };
}
