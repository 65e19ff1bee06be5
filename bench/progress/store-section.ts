/**
 * `--store` section of the progress benchmark: loads the synthetic data (模拟数据) into a fresh SQLite
 * database through the store — the national hierarchy down to the 2,978 county-level units, 100
 * indicators, one plan, 297,800 targets and 2.98 million observations each with its history entry — then
 * judges every target reading from the database with services `allTargetStatuses` (per indicator the
 * targets and the series in flat arrays, the series query shared with a worker thread, the core
 * `createStatusJudge`): cold (everything read and judged) on two threads and on one, and warm (unchanged
 * data, answered from the results kept under the data revision). `--compare` also runs the
 * straightforward path (`judgeAllTargets`) once and checks every target's status equal. Load time and
 * compute time are reported separately; the statuses must equal the core section's, which judged the
 * same data in memory. `--db <file>` keeps the loaded database for later runs.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ProgressStatus } from '../../packages/core/src/targets';
import { allTargetStatuses, judgeAllTargets, readDivisions } from '@suocha/services';
import {
  bulkInsertObservations,
  bulkInsertTargets,
  insertCatalogue,
  insertUnits,
  openStore,
  type NewObservation,
  type NewTarget,
  type Store,
  type UnitRow,
} from '@suocha/store';
import { ROOT } from '../lib/stats';
import type { SyntheticData } from './synthetic';

export interface BenchContext {
  readonly years: number;
  readonly firstYear: number;
  readonly asOf: string;
  readonly runs: number;
  readonly coreTally: Record<ProgressStatus, number> | null;
}

export interface LoadedStore {
  readonly store: Store;
  readonly counties: readonly UnitRow[];
  readonly file: string;
  cleanup(): Promise<void>;
}

const META = {
  by: 'bench progress',
  at: '2026-01-01T00:00:00.000Z',
  reason: '模拟数据 synthetic benchmark data',
};
const median = (xs: readonly number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? (s[m] ?? NaN) : ((s[m - 1] ?? NaN) + (s[m] ?? NaN)) / 2;
};
const sec = (ms: number) => (ms < 100 ? `${ms.toFixed(2)} ms` : `${(ms / 1000).toFixed(2)} s`);

/**
 * Loads the hierarchy (to county level) and the synthetic data; prints the load times. With `keep` (the
 * `--db <file>` option) the database is kept in that file, and a file loaded earlier by the same command
 * is reused as it is (the load takes minutes; the figures of interest come after it).
 */
export async function loadSynthetic(
  data: SyntheticData,
  ctx: BenchContext,
  countyCount: number,
  keep?: string,
): Promise<LoadedStore> {
  const dir = keep === undefined ? mkdtempSync(join(tmpdir(), 'suocha-bench-progress-')) : undefined;
  const file = dir === undefined ? (keep ?? '') : join(dir, 'progress.db');
  const reuse = keep !== undefined && existsSync(keep);
  const store = await openStore({ kind: 'sqlite', file });
  const dataDir = join(ROOT, 'data');

  let t = performance.now();
  const ref = await readDivisions(store, join(dataDir, 'units_reference.csv'), 'bench');
  if (!reuse) await insertUnits(store, ref.units);
  const all = await readDivisions(store, join(dataDir, 'divisions_china.csv.gz'), 'bench');
  if (all.problems.length) throw new Error(`divisions: ${all.problems.length} problems`);
  const upper = all.units.filter((u) => u.level === 'province' || u.level === 'city' || u.level === 'county');
  if (!reuse) await insertUnits(store, upper);
  // County-level units: the counties, and the cities without counties (不设区的地级市 such as 东莞市,
  // which the national count of 2,978 county-level units includes).
  const byCode = (a: UnitRow, b: UnitRow) => (a.code < b.code ? -1 : 1);
  const parents = new Set(upper.filter((u) => u.level === 'county').map((u) => u.parent_code));
  const counties = [
    ...upper.filter((u) => u.level === 'county').sort(byCode),
    ...upper.filter((u) => u.level === 'city' && !parents.has(u.code)).sort(byCode),
  ];
  if (counties.length < countyCount)
    throw new Error(`only ${counties.length} county-level units in the divisions file`);
  const used = counties.slice(0, countyCount);
  const cleanup = async () => {
    await store.close();
    if (dir !== undefined) rmSync(dir, { recursive: true, force: true });
  };
  if (reuse) {
    console.log(`  reusing the database loaded earlier in ${file}`);
    return { store, counties: used, file, cleanup };
  }
  console.log(
    `  hierarchy: ${upper.length.toLocaleString('en')} provinces, cities and counties in ${sec(performance.now() - t)}`,
  );

  t = performance.now();
  await insertCatalogue(store, {
    indicators: data.indicators.map((i) => ({
      code: i.code,
      nameZh: `模拟指标 ${i.code}`,
      nameEn: `synthetic indicator ${i.code}`,
      unit: 'x',
      polarity: i.comparator.startsWith('<') ? ('down' as const) : ('up' as const),
      domain: 'synthetic',
      // METHODS.md §1: indicators that can go negative say so; the engine then uses linear rates.
      definition: i.linear ? '模拟数据, linear rates (values can be negative)' : '模拟数据',
      source: '模拟数据 synthetic (bench/progress)',
    })),
    plans: [
      {
        code: 'bench-plan',
        title: '模拟规划 synthetic plan',
        issuer: 'bench',
        issuedOn: '2025-01-01',
        scopeUnit: '100000',
        source: '模拟数据',
      },
    ],
    targets: [],
  });
  const targets: NewTarget[] = [];
  data.targets.forEach((tg, k) => {
    const ind = data.indicators[Math.floor(k / countyCount)];
    const county = used[k % countyCount];
    if (!ind || !county) return;
    targets.push({
      indicatorCode: ind.code,
      planCode: 'bench-plan',
      unitCode: county.code,
      year: tg.year,
      comparator: tg.comparator,
      value: tg.value,
      baselinePeriod: null,
      baselineValue: null,
      source: '模拟数据',
    });
  });
  const nTargets = await bulkInsertTargets(store, targets);
  const targetMs = performance.now() - t;

  t = performance.now();
  let nObs = 0;
  for (let i = 0; i < data.indicators.length; i++) {
    const ind = data.indicators[i];
    if (!ind) continue;
    const rows: NewObservation[] = [];
    for (let c = 0; c < countyCount; c++) {
      const county = used[c];
      const series = data.observations[i * countyCount + c];
      if (!county || !series) continue;
      for (const o of series)
        rows.push({
          indicatorCode: ind.code,
          unitCode: county.code,
          provinceCode: county.province_code,
          period: o.period,
          periodEnd: `${o.period}-12-31`,
          value: o.value,
          source: '模拟数据 synthetic',
          note: '',
          status: 'approved',
          synthetic: true,
        });
    }
    nObs += await bulkInsertObservations(store, rows, META);
  }
  const obsMs = performance.now() - t;
  console.log(
    `  load: ${nTargets.toLocaleString('en')} targets in ${sec(targetMs)}; ${nObs.toLocaleString('en')} observations ` +
      `(+ as many history entries) in ${sec(obsMs)} — ${Math.round(nObs / (obsMs / 1000)).toLocaleString('en')} observations/s`,
  );
  if (keep !== undefined) console.log(`  kept in ${file} (--db): later runs with the same option reuse it`);
  return { store, counties: used, file, cleanup };
}

const cpuMs = (since: NodeJS.CpuUsage) => {
  const c = process.cpuUsage(since);
  return (c.user + c.system) / 1000;
};

interface Run {
  readonly total: number;
  readonly cpu: number;
  readonly read: number;
  readonly judge: number;
  readonly tally: Record<ProgressStatus, number>;
}

function runLine(name: string, runs: readonly Run[], goal: boolean): string {
  const total = median(runs.map((r) => r.total));
  return (
    `${name}: median ${sec(total)} (runs: ${runs.map((r) => sec(r.total)).join(', ')}; ` +
    `CPU time of the process (all threads) ${runs.map((r) => sec(r.cpu)).join(', ')}, median ${sec(median(runs.map((r) => r.cpu)))}) — ` +
    `reading ${sec(median(runs.map((r) => r.read)))}, judging ${sec(median(runs.map((r) => r.judge)))}` +
    (goal ? `; goal ≤ 2 s: ${total <= 2000 ? 'met' : 'NOT met'}` : '') +
    `; load average ${loadavg()[0]?.toFixed(1) ?? '?'}`
  );
}

/**
 * Judges every target from the database with the fast path (services `allTargetStatuses`): a warm-up,
 * then `runs` cold runs (the kept results bypassed: everything read and judged), as many on one thread
 * (no worker), and `runs` warm runs
 * (unchanged data: answered from the results kept under the data revision); medians reported. With
 * `compare`, also the straightforward path (`judgeAllTargets`, full judgement per target) once, and every
 * target's status checked equal between the two.
 */
export async function computeFromStore(
  loaded: LoadedStore,
  ctx: BenchContext,
  compare: boolean,
): Promise<void> {
  const clock = () => performance.now();
  const gc = (globalThis as { gc?: () => void }).gc;
  const { store } = loaded;
  const first = new Map<number, ProgressStatus>();
  await allTargetStatuses(store, { asOf: ctx.asOf, cache: false }, (t) => first.set(t.targetId, t.status));
  const timed = async (cache: boolean, parallel = true): Promise<Run> => {
    gc?.();
    const c0 = process.cpuUsage();
    const t = performance.now();
    const s = await allTargetStatuses(store, { asOf: ctx.asOf, clock, cache, parallel });
    return { total: performance.now() - t, cpu: cpuMs(c0), read: s.readMs, judge: s.judgeMs, tally: s.all };
  };
  const cold: Run[] = [];
  for (let r = 0; r < ctx.runs; r++) cold.push(await timed(false));
  const single: Run[] = [];
  for (let r = 0; r < ctx.runs; r++) single.push(await timed(false, false));
  const warm: Run[] = [];
  for (let r = 0; r < ctx.runs; r++) warm.push(await timed(true));
  console.log(runLine('all statuses from SQLite, cold (reading on 2 threads)', cold, true));
  console.log(runLine('all statuses from SQLite, cold, one thread', single, true));
  console.log(runLine('all statuses from SQLite, warm (unchanged data)', warm, false));
  const tally = cold[0]?.tally;
  if (ctx.coreTally && tally) {
    const same = JSON.stringify(tally) === JSON.stringify(ctx.coreTally);
    console.log(`  statuses ${same ? 'equal' : 'DIFFER from'} the core section's: ${JSON.stringify(tally)}`);
    if (!same) throw new Error('store statuses differ from the in-memory ones');
  }
  if (!compare) return;
  gc?.();
  const c0 = process.cpuUsage();
  const t = performance.now();
  let differ = 0;
  const s = await judgeAllTargets(store, { asOf: ctx.asOf, clock }, (j) => {
    if (first.get(j.targetId) !== j.result.status) differ++;
  });
  const full: Run = {
    total: performance.now() - t,
    cpu: cpuMs(c0),
    read: s.readMs,
    judge: s.judgeMs,
    tally: s.all,
  };
  console.log(runLine('straightforward path (judgeAllTargets, full judgement), one run', [full], false));
  console.log(
    `  per-target statuses of the two paths: ${differ === 0 && s.targets === first.size ? 'identical' : `${differ} DIFFER`} (${s.targets.toLocaleString('en')} targets)`,
  );
  if (differ !== 0 || s.targets !== first.size) throw new Error('the fast path differs from judgeAllTargets');
}
