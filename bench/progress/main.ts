/**
 * `npm run bench -- progress [--indicators 100] [--counties 2978] [--years 10] [--seed 1] [--runs 3]
 *   [--store] [--http] [--db <file>]`
 *
 * Core part: times `targetStatus` (METHODS.md §1, Open SDG / Statistics Canada) for every target of a
 * synthetic, seeded data set (模拟数据) held in memory — by default 100 indicators × 2,978 counties (the
 * county-level units of China) = 297,800 targets, each with 10 annual observations (2.98 M) — on one
 * core, median of the timed runs after a warm-up. Figures and their explanation: bench/progress/RESULTS.md.
 *
 * Sections: `core` runs always. `--store` loads the same data into SQLite through the store and judges every
 * target reading from the database (store-section.ts); `--http` serves /api/progress and loads it with
 * autocannon (http-section.ts). All sections judge the very same data from `generate()`.
 */
import { availableParallelism, cpus, loadavg } from 'node:os';
import { targetStatus } from '../../packages/core/src/targets';
import type { ProgressStatus } from '../../packages/core/src/targets';
import { httpSection } from './http-section';
import { FIRST_YEAR, generate, type SyntheticData } from './synthetic';
import { computeFromStore, loadSynthetic, type BenchContext, type LoadedStore } from './store-section';

const args = process.argv.slice(2);
const arg = (name: string, fallback: number) => {
  const i = args.indexOf(`--${name}`);
  const v = i >= 0 ? Number(args[i + 1]) : fallback;
  if (!Number.isFinite(v)) throw new Error(`--${name} needs a number`);
  return v;
};
const INDICATORS = arg('indicators', 100);
const COUNTIES = arg('counties', 2978);
const YEARS = arg('years', 10);
const SEED = arg('seed', 1);
const RUNS = Math.max(3, arg('runs', 3));
const AS_OF = `${FIRST_YEAR + YEARS}-06-30`;
/** `--db <file>`: keep the SQLite database of `--store`/`--http` in that file and reuse it on later runs. */
const dbIndex = args.indexOf('--db');
const DB_FILE = dbIndex >= 0 ? args[dbIndex + 1] : undefined;
const gc = (globalThis as { gc?: () => void }).gc;

const median = (xs: readonly number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? (s[m] ?? NaN) : ((s[m - 1] ?? NaN) + (s[m] ?? NaN)) / 2;
};
const mb = (bytes: number) => `${(bytes / 2 ** 20).toFixed(0)} MB`;

/** Every status of the data set from the in-memory arrays; returns the tally so nothing is optimised away. */
function allStatuses(data: SyntheticData): Record<ProgressStatus, number> {
  const tally: Record<ProgressStatus, number> = {
    achieved: 0,
    on_track: 0,
    needs_acceleration: 0,
    limited_progress: 0,
    moving_away: 0,
    no_data: 0,
  };
  const { targets, observations, linear } = data;
  for (let k = 0; k < targets.length; k++) {
    const target = targets[k];
    const obs = observations[k];
    if (target === undefined || obs === undefined) continue;
    const r = targetStatus(target, obs, { asOf: AS_OF, linear: linear[k] === true });
    tally[r.status]++;
  }
  return tally;
}

let coreTally: Record<ProgressStatus, number> | null = null;

/** Core section: time all statuses, warm-up first, then RUNS timed runs. */
function coreSection(data: SyntheticData): void {
  allStatuses(data); // warm-up: JIT compilation
  const times: number[] = [];
  let tally = allStatuses(data);
  for (let r = 0; r < RUNS; r++) {
    gc?.();
    const t = performance.now();
    tally = allStatuses(data);
    times.push(performance.now() - t);
  }
  const med = median(times);
  const n = data.targets.length;
  console.log('');
  console.log(
    `targetStatus for all ${n.toLocaleString('en')} targets: median ${(med / 1000).toFixed(2)} s ` +
      `(runs: ${times.map((x) => (x / 1000).toFixed(2)).join(', ')} s)`,
  );
  console.log(
    `  ${((med * 1000) / n).toFixed(2)} µs per target; ${Math.round(n / (med / 1000)).toLocaleString('en')} targets/s; ` +
      `${Math.round((n * YEARS) / (med / 1000)).toLocaleString('en')} observations/s`,
  );
  const total = Object.values(tally).reduce((a, b) => a + b, 0);
  if (total !== n) throw new Error(`tally ${total} ≠ ${n}`);
  coreTally = tally;
  console.log(
    `  statuses: ${Object.entries(tally)
      .map(([k, v]) => `${k} ${v.toLocaleString('en')}`)
      .join(', ')}`,
  );
}

const context = (): BenchContext => ({
  years: YEARS,
  firstYear: FIRST_YEAR,
  asOf: AS_OF,
  runs: RUNS,
  coreTally,
});
let loaded: LoadedStore | undefined;
async function ensureLoaded(data: SyntheticData): Promise<LoadedStore> {
  if (!loaded) {
    console.log('');
    console.log('loading into SQLite through the store (模拟数据):');
    loaded = await loadSynthetic(data, context(), COUNTIES, DB_FILE);
  }
  return loaded;
}

/** Sections of this benchmark: `core` always; `--store` and `--http` on request (`--http` loads the store too). */
const SECTIONS: Record<string, (data: SyntheticData) => void | Promise<void>> = {
  core: coreSection,
  store: async (data) => computeFromStore(await ensureLoaded(data), context(), args.includes('--compare')),
  http: async (data) => {
    const l = await ensureLoaded(data);
    console.log('');
    await httpSection(l, generate(INDICATORS, 1, YEARS, SEED + 1), context());
  },
};

const wanted = ['core', ...Object.keys(SECTIONS).filter((s) => s !== 'core' && args.includes(`--${s}`))];
for (const flag of args.filter(
  (a) =>
    a.startsWith('--') &&
    !['--indicators', '--counties', '--years', '--seed', '--runs', '--db', '--compare'].includes(a),
))
  if (!(flag.slice(2) in SECTIONS))
    console.warn(`section ${flag} is not implemented yet; running the core section only`);

console.log(
  `progress benchmark: ${INDICATORS} indicators × ${COUNTIES.toLocaleString('en')} counties × ${YEARS} annual values, ` +
    `seed ${SEED}, as of ${AS_OF}, ${RUNS} timed runs after a warm-up`,
);
console.log(
  `cores: nproc ${availableParallelism()} (${cpus()[0]?.model ?? 'unknown cpu'}), node ${process.version}; the computation uses one`,
);
const t0 = performance.now();
const data = generate(INDICATORS, COUNTIES, YEARS, SEED);
console.log(
  `generated synthetic data (模拟数据): ${data.targets.length.toLocaleString('en')} targets, ` +
    `${(data.targets.length * YEARS).toLocaleString('en')} observations in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
);
gc?.();
console.log(`RSS with data loaded ${mb(process.memoryUsage().rss)}`);
try {
  for (const name of wanted) await SECTIONS[name]?.(data);
} finally {
  await loaded?.cleanup();
}
console.log(`peak RSS of the whole process ${mb(process.resourceUsage().maxRSS * 1024)}`);
console.log(
  `load average at the end: ${loadavg()
    .map((x) => x.toFixed(1))
    .join(', ')}`,
);
