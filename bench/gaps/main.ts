/**
 * `npm run bench -- gaps [--n 10000000] [--seed 1] [--runs 3] [--no-numpy]`
 *
 * Times `householdMeasures` (every measure of METHODS.md §3 with Theil decompositions by urban/rural,
 * city and county) on synthetic households (模拟数据, seeded), on one core, reports peak RSS, then runs
 * the plain-NumPy baseline `numpy_gaps.py` on the very same data (written to a temp binary file) and
 * checks that both agree. Figures and their explanation: bench/gaps/RESULTS.md.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync, openSync, writeSync, closeSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  createHouseholdWorkspace,
  householdMeasures,
  type HouseholdData,
  type HouseholdMeasures,
} from '../../packages/core/src/gaps';
import { mulberry32, normal } from '../../packages/core/src/random';

const here = dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const arg = (name: string, fallback: number) => {
  const i = args.indexOf(`--${name}`);
  const v = i >= 0 ? Number(args[i + 1]) : fallback;
  if (!Number.isFinite(v)) throw new Error(`--${name} needs a number`);
  return v;
};
const n = arg('n', 10_000_000);
const seed = arg('seed', 1);
const runs = Math.max(3, arg('runs', 3));
const withNumpy = !args.includes('--no-numpy');
const gc = (globalThis as { gc?: () => void }).gc;

const CITIES = 11;
const COUNTIES = 90;

/** Synthetic households (模拟数据): lognormal per-capita income by city and area, sizes 1–6, weights. */
function generate(count: number, s: number): HouseholdData {
  const rng = mulberry32(s);
  const income = new Float64Array(count);
  const size = new Uint8Array(count);
  const weight = new Float64Array(count);
  const area = new Uint8Array(count);
  const city = new Uint16Array(count);
  const county = new Uint16Array(count);
  const cityLevel = Array.from({ length: CITIES }, () => 10.6 + 0.35 * rng());
  for (let i = 0; i < count; i++) {
    const k = Math.floor(rng() * COUNTIES);
    const c = k % CITIES;
    const rural = rng() < 0.3 ? 1 : 0;
    const mu = cityLevel[c]! - (rural ? 0.55 : 0) + (0.1 * ((k * 7919) % 13)) / 13;
    // 0.2% of households report zero income (kept for Gini, excluded from Theil).
    income[i] = rng() < 0.002 ? 0 : Math.round(Math.exp(mu + 0.62 * normal(rng)) * 100) / 100;
    size[i] = 1 + Math.min(5, Math.floor(-Math.log(1 - rng()) * 1.6));
    weight[i] = 50 + 150 * rng();
    area[i] = rural;
    city[i] = c;
    county[i] = k;
  }
  return {
    income,
    size,
    weight,
    groups: {
      urban_rural: { codes: area, labels: ['urban', 'rural'] },
      city: { codes: city, labels: Array.from({ length: CITIES }, (_, j) => `city-${j + 1}`) },
      county: { codes: county, labels: Array.from({ length: COUNTIES }, (_, j) => `county-${j + 1}`) },
    },
  };
}

const median = (xs: readonly number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};
const mb = (bytes: number) => `${(bytes / 2 ** 20).toFixed(0)} MB`;
const LOW_LINE = 20_000;

const cpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

function run(data: HouseholdData, workspace?: ReturnType<typeof createHouseholdWorkspace>) {
  const c = cpuMs();
  const t = performance.now();
  const r = householdMeasures(data, { lowIncomeLine: LOW_LINE, workspace });
  const ms = performance.now() - t;
  const cpu = cpuMs() - c;
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return { ms, cpu, value: r.value };
}

function timeRuns(data: HouseholdData, reuse: boolean) {
  const workspace = reuse ? createHouseholdWorkspace(data.income.length) : undefined;
  run(data, workspace); // warm-up: JIT compilation
  const times: number[] = [];
  const cpu: number[] = [];
  let value: HouseholdMeasures | undefined;
  for (let r = 0; r < runs; r++) {
    gc?.();
    const res = run(data, workspace);
    times.push(res.ms);
    cpu.push(res.cpu);
    value = res.value;
  }
  return { times, cpu, value: value! };
}

console.log(
  `gaps benchmark: ${n.toLocaleString('en')} households, seed ${seed}, ${runs} timed runs after a warm-up`,
);
console.log(
  `cores: nproc ${availableParallelism()} (${cpus()[0]?.model ?? 'unknown cpu'}); the computation uses one; ` +
    `load average now ${loadavg()
      .map((x) => x.toFixed(2))
      .join(' ')} (other work on the machine slows wall-clock times; CPU times are less affected)`,
);
let t = performance.now();
const data = generate(n, seed);
console.log(`generated synthetic data (模拟数据) in ${((performance.now() - t) / 1000).toFixed(1)} s`);
gc?.();
const rssLoaded = process.memoryUsage().rss;

const fresh = timeRuns(data, false);
const reused = timeRuns(data, true);
const peak = process.resourceUsage().maxRSS * 1024;
const m = fresh.value;
console.log('');
const show = (label: string, r: { times: number[]; cpu: number[] }) =>
  console.log(
    `${label} median ${median(r.times).toFixed(0)} ms wall, ${median(r.cpu).toFixed(0)} ms CPU  ` +
      `(runs: ${r.times.map((x) => x.toFixed(0)).join(', ')} ms)`,
  );
show('householdMeasures, fresh buffers each run:', fresh);
show('householdMeasures, reused workspace:      ', reused);
console.log(`RSS with data loaded ${mb(rssLoaded)}; peak RSS of the whole process ${mb(peak)}`);
console.log(
  `Gini ${m.gini?.toFixed(6)}  Theil T ${m.theil?.theilT.toFixed(6)}  Theil L ${m.theil?.theilL.toFixed(6)}  ` +
    `Atkinson ${m.atkinson.map((a) => a.value?.toFixed(4)).join('/')}  S80/S20 ${m.s80s20?.toFixed(3)}  Palma ${m.palma?.toFixed(3)}`,
);
console.log(
  `middle-income share ${m.middleIncome.share.toFixed(4)}  below ${LOW_LINE} ${m.lowIncome?.share.toFixed(4)}  ` +
    `excluded from Theil ${m.theil?.excluded.households} households`,
);

if (withNumpy) {
  const dir = mkdtempSync(join(tmpdir(), 'suocha-gaps-'));
  try {
    const file = join(dir, 'households.bin');
    const fd = openSync(file, 'w');
    const g = data.groups!;
    for (const col of [
      data.income,
      data.size,
      data.weight!,
      g.urban_rural!.codes,
      g.city!.codes,
      g.county!.codes,
    ]) {
      writeSync(fd, new Uint8Array(col.buffer, col.byteOffset, col.byteLength));
    }
    closeSync(fd);
    const meta = join(dir, 'meta.json');
    writeFileSync(
      meta,
      JSON.stringify({ n, file, areaCount: 2, cityCount: CITIES, countyCount: COUNTIES, lowLine: LOW_LINE }),
    );
    t = performance.now();
    const py = spawnSync('python3', [join(here, 'numpy_gaps.py'), meta, '--runs', String(runs)], {
      encoding: 'utf8',
      maxBuffer: 64 * 2 ** 20,
    });
    if (py.status !== 0) throw new Error(`numpy_gaps.py failed: ${py.stderr}`);
    const out = JSON.parse(py.stdout) as {
      times: number[];
      cpu: number[];
      numpy: string;
      result: {
        gini: number;
        theil: Record<string, { T: number; L: number; betweenT: number; betweenL: number }>;
        atkinson: number[];
        palma: number;
        middleShare: number;
      };
    };
    const npMs = median(out.times) * 1000;
    const tsMs = median(fresh.times);
    console.log('');
    console.log(
      `NumPy ${out.numpy} (plain, same measures, same data): median ${npMs.toFixed(0)} ms wall, ` +
        `${(median(out.cpu) * 1000).toFixed(0)} ms CPU  (runs: ${out.times.map((x) => (x * 1000).toFixed(0)).join(', ')} ms)`,
    );
    console.log(
      `ratio NumPy / TypeScript: ${(npMs / tsMs).toFixed(2)}× wall, ` +
        `${((median(out.cpu) * 1000) / median(fresh.cpu)).toFixed(2)}× CPU (TypeScript with fresh buffers)`,
    );
    const diffs: [string, number, number][] = [
      ['Gini', m.gini!, out.result.gini],
      ['Theil T', m.theil!.theilT, out.result.theil.city!.T],
      ['Theil L', m.theil!.theilL, out.result.theil.city!.L],
      [
        'T between urban/rural',
        m.theil!.decompositions.urban_rural!.theilT.between,
        out.result.theil.urban_rural!.betweenT,
      ],
      ['T between cities', m.theil!.decompositions.city!.theilT.between, out.result.theil.city!.betweenT],
      [
        'L between counties',
        m.theil!.decompositions.county!.theilL.between,
        out.result.theil.county!.betweenL,
      ],
      ['Atkinson 0.5', m.atkinson[0]!.value!, out.result.atkinson[0]!],
      ['Atkinson 2', m.atkinson[2]!.value!, out.result.atkinson[2]!],
      ['Palma', m.palma!, out.result.palma],
      ['middle share', m.middleIncome.share, out.result.middleShare],
    ];
    let worst = 0;
    for (const [name, a, b] of diffs) {
      const d = Math.abs(a - b) / Math.abs(b);
      worst = Math.max(worst, d);
      console.log(
        `  ${name.padEnd(24)} TS ${a.toPrecision(15)}  NumPy ${b.toPrecision(15)}  rel. diff ${d.toExponential(1)}`,
      );
    }
    console.log(
      worst <= 1e-9
        ? `agreement: OK (worst relative difference ${worst.toExponential(1)} ≤ 1e-9)`
        : `agreement: FAILED (${worst})`,
    );
    if (worst > 1e-9) process.exitCode = 1;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
