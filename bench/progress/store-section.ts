/**
 * `--store` section of the progress benchmark: loads the synthetic data (模拟数据) into a fresh SQLite
 * database through the store — the national hierarchy down to the 2,978 county-level units, 100
 * indicators, one plan, 297,800 targets and 2.98 million observations each with its history entry — then
 * judges every target reading from the database (services `judgeAllTargets`: per indicator one query for
 * its targets and one for its observations, then the core engine). Load time and compute time are
 * reported separately; the statuses must equal the core section's, which judged the same data in memory.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ProgressStatus } from '../../packages/core/src/targets';
import { judgeAllTargets, readDivisions } from '@suocha/services';
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
import type { SyntheticData } from './main';

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
const sec = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

/** Loads the hierarchy (to county level) and the synthetic data; prints the load times. */
export async function loadSynthetic(
  data: SyntheticData,
  ctx: BenchContext,
  countyCount: number,
): Promise<LoadedStore> {
  const dir = mkdtempSync(join(tmpdir(), 'suocha-bench-progress-'));
  const file = join(dir, 'progress.db');
  const store = await openStore({ kind: 'sqlite', file });
  const dataDir = join(ROOT, 'data');

  let t = performance.now();
  const ref = await readDivisions(store, join(dataDir, 'units_reference.csv'), 'bench');
  await insertUnits(store, ref.units);
  const all = await readDivisions(store, join(dataDir, 'divisions_china.csv.gz'), 'bench');
  if (all.problems.length) throw new Error(`divisions: ${all.problems.length} problems`);
  const upper = all.units.filter((u) => u.level === 'province' || u.level === 'city' || u.level === 'county');
  await insertUnits(store, upper);
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
  return {
    store,
    counties: used,
    file,
    async cleanup() {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Judges every target from the database: warm-up, then `runs` timed runs; median reported. */
export async function computeFromStore(loaded: LoadedStore, ctx: BenchContext): Promise<void> {
  const clock = () => performance.now();
  const gc = (globalThis as { gc?: () => void }).gc;
  await judgeAllTargets(loaded.store, { asOf: ctx.asOf }); // warm-up: JIT, page cache
  const runs: { total: number; read: number; judge: number; tally: Record<ProgressStatus, number> }[] = [];
  for (let r = 0; r < ctx.runs; r++) {
    gc?.();
    const t = performance.now();
    const s = await judgeAllTargets(loaded.store, { asOf: ctx.asOf, clock });
    runs.push({ total: performance.now() - t, read: s.readMs, judge: s.judgeMs, tally: s.all });
  }
  const total = median(runs.map((r) => r.total));
  console.log(
    `all statuses from SQLite: median ${sec(total)} (runs: ${runs.map((r) => (r.total / 1000).toFixed(2)).join(', ')} s) — ` +
      `reading ${sec(median(runs.map((r) => r.read)))}, judging ${sec(median(runs.map((r) => r.judge)))}; ` +
      `goal ≤ 2 s: ${total <= 2000 ? 'met' : 'NOT met'}`,
  );
  const tally = runs[0]?.tally;
  if (ctx.coreTally && tally) {
    const same = JSON.stringify(tally) === JSON.stringify(ctx.coreTally);
    console.log(`  statuses ${same ? 'equal' : 'DIFFER from'} the core section's: ${JSON.stringify(tally)}`);
    if (!same) throw new Error('store statuses differ from the in-memory ones');
  }
}
