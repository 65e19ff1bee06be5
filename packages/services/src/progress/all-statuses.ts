/**
 * Every target of the database judged as of a date, one indicator at a time (bounded memory): the path of
 * warning evaluation and of the progress benchmark (issue 4 §7: 297,800 targets × 10 values). Reads each
 * indicator's targets and counted observations in one go (store `scanProgressInputs`), decides the
 * governing plan and the target judged now, and runs the core engine on each target.
 */
import {
  governingTargets,
  nextTarget,
  targetStatus,
  type ObservationInput,
  type TargetStatusResult,
} from '@suocha/core';
import { planIssueDates, scanProgressInputs, type ProgressBulkTarget, type Store } from '@suocha/store';
import { checkProgressAsOf } from './errors';
import { isLinearIndicator, progressTargetSpec } from './judge';
import { emptyStatusCounts, type ProgressStatusCounts } from './progress-report';

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
      // Which plan governs matters only where several plans set the same unit and year: most groups have
      // one target, and the general rule (governingTargets) runs on the others only.
      const groups = new Map<string, ProgressBulkTarget[]>();
      for (const t of batch.targets) {
        const key = `${t[2]}\u0000${t[3]}`;
        const g = groups.get(key);
        if (g) g.push(t);
        else groups.set(key, [t]);
      }
      const superseded = new Set<number>();
      for (const g of groups.values()) {
        if (g.length < 2) continue;
        const ruled = governingTargets(
          g.map((t) => ({
            indicator: batch.indicatorCode,
            unit: t[2],
            year: t[3],
            plan: t[1],
            planIssuedOn: issued.get(t[1]) ?? '',
            id: t[0],
          })),
        );
        for (const r of ruled) if (!r.governing) superseded.add(r.id);
      }
      // The target judged now per unit: the next governing target year (nextTarget).
      const perUnit = new Map<string, ProgressBulkTarget[]>();
      for (const t of batch.targets) {
        if (superseded.has(t[0])) continue;
        const list = perUnit.get(t[2]);
        if (list) list.push(t);
        else perUnit.set(t[2], [t]);
      }
      const currentIds = new Set<number>();
      for (const list of perUnit.values()) {
        const next =
          list.length === 1
            ? list[0]
            : nextTarget(
                list.map((t) => ({ year: t[3], t })),
                asOf,
              )?.t;
        if (next) currentIds.add(next[0]);
      }
      const linear = isLinearIndicator(batch.definition);
      const opts = { asOf, polarity: batch.polarity, linear };
      for (const t of batch.targets) {
        const governing = !superseded.has(t[0]);
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
        const isCurrent = currentIds.has(t[0]);
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
