/**
 * Every target's status as of a date, the fast way (issue 4 §7: 297,800 targets × 10 values within 2 s on
 * SQLite): the store hands each indicator's observations grouped per series in flat arrays
 * (`scanProgressSeries`), the series selection runs once per distinct list of periods, and each target is
 * then judged on its values in place (core `createStatusJudge`, equal to `targetStatus` by a property
 * test). Gives the statuses only — warnings, which need the full judgement, use `judgeAllTargets`; a test
 * checks that both give the same status to every target. Results are kept per store under the data
 * revision, so a second call on unchanged data costs no reading.
 */
import { createStatusJudge, type ProgressStatus, type SeriesLayout, type StatusJudge } from '@suocha/core';
import {
  dataRevision,
  listSeriesObservations,
  PERIOD_SEPARATOR,
  planIssueDates,
  scanProgressSeries,
  type Store,
} from '@suocha/store';
import type { AllStatusesSummary } from './all-statuses';
import { checkProgressAsOf } from './errors';
import { isLinearIndicator, progressTargetSpec } from './judge';
import { emptyStatusCounts } from './progress-report';
import { TARGET_CURRENT, TARGET_SUPERSEDED, targetRoles } from './target-roles';

/** One target's status in the fast path. */
export interface TargetStatusOnly {
  readonly targetId: number;
  readonly status: ProgressStatus;
  /** Not superseded by a later plan's target for the same unit and year. */
  readonly governing: boolean;
  /** The governing target judged now for its indicator and unit. */
  readonly current: boolean;
}

export interface FastStatusesSummary extends AllStatusesSummary {
  /** Answered from the results kept for this data revision (nothing read or judged). */
  readonly cached: boolean;
}

const STATUS_CODES: readonly ProgressStatus[] = [
  'achieved',
  'on_track',
  'needs_acceleration',
  'limited_progress',
  'moving_away',
  'no_data',
];
const STATUS_CODE = new Map(STATUS_CODES.map((s, i) => [s, i]));

/** The statuses of one call, compactly: 297,800 targets take about 1.8 MB. */
interface Kept {
  readonly revision: string;
  readonly summary: AllStatusesSummary;
  readonly ids: Int32Array;
  /** Status code (index into STATUS_CODES) | role bits << 4. */
  readonly codes: Uint8Array;
}

interface SeriesView {
  readonly layout: SeriesLayout;
  readonly values: ArrayLike<number>;
  readonly offset: number;
}

const ascending = (xs: readonly string[]): boolean => {
  for (let i = 1; i < xs.length; i++) if ((xs[i - 1] ?? '') > (xs[i] ?? '')) return false;
  return true;
};

/**
 * A series read by itself and put in period order — as `judgeAllTargets` is given it — for the two cases
 * where the bulk arrays are not exact: a stored period contains the separator (its list splits into more
 * pieces than the series has values), or two spellings of one period make the order matter
 * (`SeriesLayout.orderSensitive`) and the database gave the values in another order.
 */
async function exactSeries(
  store: Store,
  judge: StatusJudge,
  indicatorCode: string,
  unitCode: string,
  asOf: string,
): Promise<SeriesView> {
  const rows = await listSeriesObservations(store, {
    unitCodes: [unitCode],
    indicatorCodes: [indicatorCode],
    periodEndBy: asOf,
  });
  // Code-unit order, as the database's binary collation orders these (ASCII) period strings.
  rows.sort((a, b) => (a.period < b.period ? -1 : a.period > b.period ? 1 : 0));
  return {
    layout: judge.layout(rows.map((r) => r.period)),
    values: rows.map((r) => r.value),
    offset: 0,
  };
}

/** Per store, the last result per as-of date and indicator selection (a handful of keys in practice). */
const kept = new WeakMap<Store, Map<string, Kept>>();
const KEPT_PER_STORE = 8;

function replay(k: Kept, onStatus: ((t: TargetStatusOnly) => void) | undefined): void {
  if (!onStatus) return;
  for (let i = 0; i < k.ids.length; i++) {
    const code = k.codes[i] ?? 0;
    onStatus({
      targetId: k.ids[i] ?? 0,
      status: STATUS_CODES[code & 15] ?? 'no_data',
      governing: ((code >> 4) & TARGET_SUPERSEDED) === 0,
      current: ((code >> 4) & TARGET_CURRENT) !== 0,
    });
  }
}

/**
 * The status of every target as of `asOf` (or of the given indicators' targets), with the counts of all
 * targets and of the targets judged now; `onStatus` sees each target. Same statuses as `judgeAllTargets`.
 * `cache: false` reads and judges even when the data have not changed since the last call.
 */
export async function allTargetStatuses(
  store: Store,
  options: {
    readonly asOf: string;
    readonly clock?: () => number;
    readonly indicatorCodes?: readonly string[];
    readonly cache?: boolean;
    /** SQLite: read with a second thread (default true; the store falls back to one when it cannot). */
    readonly parallel?: boolean;
  },
  onStatus?: (t: TargetStatusOnly) => void,
): Promise<FastStatusesSummary> {
  const asOf = checkProgressAsOf(options.asOf);
  const clock = options.clock ?? (() => 0);
  const key = `${asOf}|${options.indicatorCodes ? JSON.stringify(options.indicatorCodes) : '*'}`;
  // Read before the data, so that a change committed meanwhile only makes the next call miss again.
  const revision = await dataRevision(store);
  const perStore = kept.get(store) ?? new Map<string, Kept>();
  kept.set(store, perStore);
  const hit = options.cache === false ? undefined : perStore.get(key);
  if (hit && hit.revision === revision) {
    replay(hit, onStatus);
    return { ...hit.summary, readMs: 0, judgeMs: 0, cached: true };
  }

  const issued = await planIssueDates(store);
  const all = emptyStatusCounts();
  const current = emptyStatusCounts();
  const ids: number[] = [];
  const codes: number[] = [];
  // A layout depends on the periods and the as-of date only: shared by every indicator of this call
  // (the judge that computes it differs per indicator only in polarity and rate method).
  const layouts = new Map<string, SeriesLayout>();
  const noSeries = createStatusJudge({ asOf }).layout([]);
  let judgeMs = 0;
  const started = clock();
  await scanProgressSeries(
    store,
    {
      periodEndBy: asOf,
      parallel: options.parallel ?? true,
      ...(options.indicatorCodes ? { indicatorCodes: options.indicatorCodes } : {}),
    },
    async (batch) => {
      const t0 = clock();
      const judge: StatusJudge = createStatusJudge({
        asOf,
        polarity: batch.polarity,
        linear: isLinearIndicator(batch.definition),
      });
      const { units, counts, periods, values } = batch;
      const seriesOf = new Map<string, number>();
      const offsets = new Int32Array(units.length);
      for (let s = 0, at = 0; s < units.length; s++) {
        seriesOf.set(units[s] ?? '', s);
        offsets[s] = at;
        at += counts[s] ?? 0;
      }
      // The series as judged: the shared layout of its period list and its values in place, except in the
      // rare cases where that is not exact (see `exactSeries`).
      const n = batch.targets.length;
      const seriesOfTarget = new Int32Array(n).fill(-1);
      const layoutOfSeries: (SeriesLayout | undefined)[] = new Array<SeriesLayout | undefined>(units.length);
      const exact = new Map<number, SeriesView>();
      for (let i = 0; i < n; i++) {
        const s = seriesOf.get(batch.targets[i]?.[2] ?? '');
        if (s === undefined) continue;
        seriesOfTarget[i] = s;
        if (layoutOfSeries[s] !== undefined || exact.has(s)) continue;
        const list = periods[s] ?? '';
        let l = layouts.get(list);
        if (l === undefined) {
          l = judge.layout(list === '' ? [] : list.split(PERIOD_SEPARATOR));
          layouts.set(list, l);
        }
        if (l.periods.length === counts[s] && !(l.orderSensitive && !ascending(l.periods)))
          layoutOfSeries[s] = l;
        else exact.set(s, await exactSeries(store, judge, batch.indicatorCode, units[s] ?? '', asOf));
      }
      const roles = targetRoles(batch.indicatorCode, batch.targets, issued, asOf);
      for (let i = 0; i < n; i++) {
        const t = batch.targets[i];
        if (t === undefined) continue;
        const s = seriesOfTarget[i] ?? -1;
        const spec = progressTargetSpec({
          comparator: t[4],
          value: t[5],
          year: t[3],
          baselinePeriod: t[6],
          baselineValue: t[7],
        });
        const layout = s < 0 ? noSeries : layoutOfSeries[s];
        const view = layout === undefined ? exact.get(s) : undefined;
        const status =
          view !== undefined
            ? judge.status(spec, view.layout, view.values, view.offset)
            : judge.status(spec, layout ?? noSeries, values, s < 0 ? 0 : (offsets[s] ?? 0));
        const role = roles[i] ?? 0;
        all[status]++;
        if ((role & TARGET_CURRENT) !== 0) current[status]++;
        ids.push(t[0]);
        codes.push((STATUS_CODE.get(status) ?? 5) | (role << 4));
      }
      judgeMs += clock() - t0;
    },
  );
  const total = clock() - started;
  const summary: AllStatusesSummary = {
    targets: ids.length,
    all,
    current,
    readMs: total - judgeMs,
    judgeMs,
  };
  const result: Kept = {
    revision,
    summary,
    ids: Int32Array.from(ids),
    codes: Uint8Array.from(codes),
  };
  if (perStore.size >= KEPT_PER_STORE && !perStore.has(key)) perStore.clear();
  perStore.set(key, result);
  replay(result, onStatus);
  return { ...summary, cached: false };
}
