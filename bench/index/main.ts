/**
 * Benchmark of the composite index (METHODS.md §4) — `npm run bench -- index [--write]`.
 * Synthetic seeded data (模拟数据) for 90 and 2,978 counties × the default framework's 18 indicators:
 * one run (scores, ranks, contributions, 短板) and the 1,000-sample Monte Carlo of ranks, medians of
 * several runs; beside the same computation in plain NumPy (numpy_index.py) on the same data.
 * `--write` also writes bench/index/RESULTS.md.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  compileFramework,
  indexUncertainty,
  runIndex,
  type IndexInput,
} from '../../packages/core/src/index/index';
import { allMinmax, defaultFramework, syntheticCounties } from './synthetic';

const SAMPLES = 1000;
const SIZES = [
  { n: 90, runRepeats: 200, mcRepeats: 15, runGoalMs: 5, mcGoalMs: 1000 },
  { n: 2978, runRepeats: 50, mcRepeats: 5, runGoalMs: 50, mcGoalMs: 20000 },
];

const gc = (globalThis as { gc?: () => void }).gc;
function medianMs(repeats: number, fn: () => unknown): number {
  // Warm-up until the JIT has settled: at least 3 calls and 500 ms.
  const start = performance.now();
  for (let i = 0; i < 3 || performance.now() - start < 500; i++) fn();
  const ms: number[] = [];
  for (let i = 0; i < repeats; i++) {
    gc?.();
    const t = performance.now();
    fn();
    ms.push(performance.now() - t);
  }
  return median(ms);
}
function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.ceil(s.length / 2) - 1]!; // nearest-rank median
}
const must = <T>(r: { ok: true; value: T } | { ok: false; error: { message: string } }): T => {
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
};

interface NumpyResult {
  numpy: string;
  run_ms: number[];
  mc_ms: number[];
  scores: (number | null)[];
  ranks: number[];
}

function numpyBaseline(input: IndexInput, runRepeats: number, mcRepeats: number): NumpyResult {
  const cf = must(compileFramework(input.framework, input.indicators));
  const dir = mkdtempSync(join(tmpdir(), 'suocha-bench-index-'));
  try {
    writeFileSync(
      join(dir, 'data.bin'),
      new Uint8Array(input.values.buffer, input.values.byteOffset, input.values.byteLength),
    );
    writeFileSync(
      join(dir, 'meta.json'),
      JSON.stringify({
        n: input.units.length,
        m: cf.m,
        up: cf.specs.map((s) => s.direction === 'up'),
        indicatorWeights: Array.from(cf.indicatorWeights),
        domainWeights: Array.from(cf.domainWeights),
        domainStart: Array.from(cf.domainStart),
        samples: SAMPLES,
        spread: 0.25,
        runRepeats,
        mcRepeats,
      }),
    );
    const out = execFileSync('python3', [join(import.meta.dirname, 'numpy_index.py'), dir], {
      encoding: 'utf8',
      maxBuffer: 64 << 20,
    });
    return JSON.parse(out) as NumpyResult;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const f = (ms: number) => (ms < 10 ? ms.toFixed(2) : ms < 100 ? ms.toFixed(1) : ms.toFixed(0));
const rows: string[] = [];
const checks: string[] = [];
const goals: string[] = [];
let numpyVersion = '';
for (const size of SIZES) {
  // Generated against the default framework so that values fit its goalposts; the NumPy comparison uses
  // the same values with min-max everywhere and no coverage threshold (the computation NumPy repeats).
  const base = syntheticCounties(defaultFramework(), size.n, 20251215);
  const minmax: IndexInput = { ...base, framework: { ...allMinmax(base.framework), coverageThreshold: 0 } };
  const run = medianMs(size.runRepeats, () => must(runIndex(base)));
  const runMinmax = medianMs(size.runRepeats, () => must(runIndex(minmax)));
  const mc = medianMs(size.mcRepeats, () =>
    must(indexUncertainty(minmax, { samples: SAMPLES, seed: 1, sensitivity: false })),
  );
  const mcFull = medianMs(size.mcRepeats, () => must(indexUncertainty(base, { samples: SAMPLES, seed: 1 })));
  const np = numpyBaseline(minmax, size.runRepeats, size.mcRepeats);
  numpyVersion = np.numpy;
  const npRun = median(np.run_ms);
  const npMc = median(np.mc_ms);
  const ours = must(runIndex(minmax));
  let maxDiff = 0;
  np.scores.forEach(
    (s, u) => (maxDiff = Math.max(maxDiff, Math.abs((s ?? Number.NaN) - ours.scores[u]!) || 0)),
  );
  const sameRanks = np.ranks.every((r, u) => r === ours.ranks[u]);
  checks.push(
    `${size.n} units: max |score − NumPy score| = ${maxDiff.toExponential(1)}, ranks ${sameRanks ? 'identical' : 'DIFFER'}`,
  );
  rows.push(
    `| ${size.n.toLocaleString('en-US')} × 18 | one run, min-max (scores + ranks + contributions + 短板) | ${f(runMinmax)} | ${f(npRun)} (scores + ranks only) | ${(runMinmax / npRun).toFixed(2)} |`,
    `| ${size.n.toLocaleString('en-US')} × 18 | one run, default framework (goalposts / min-max) | ${f(run)} | – | – |`,
    `| ${size.n.toLocaleString('en-US')} × 18 | Monte Carlo, 1,000 weight samples, ranks + 5/50/95th percentiles | ${f(mc)} | ${f(npMc)} | ${(mc / npMc).toFixed(2)} |`,
    `| ${size.n.toLocaleString('en-US')} × 18 | default framework, 1,000 samples + sensitivity (weights factor = the joint samples; drop each of 18 indicators) | ${f(mcFull)} | – | – |`,
  );
  goals.push(
    `${size.n} units: one run ${f(run)} ms (goal ≤ ${size.runGoalMs} ms) ${run <= size.runGoalMs ? 'met' : 'MISSED'}; ` +
      `1,000 samples ${f(mcFull)} ms with sensitivity (goal ≤ ${size.mcGoalMs.toLocaleString('en-US')} ms) ${mcFull <= size.mcGoalMs ? 'met' : 'MISSED'}`,
  );
}

const cpu = cpus()[0]?.model ?? 'unknown cpu';
const load = loadavg()
  .map((x) => x.toFixed(1))
  .join(' / ');
const report = [
  '# bench/index — composite index (METHODS.md §4)',
  '',
  `Measured with \`npm run bench -- index\` on ${availableParallelism()} cores (nproc), ${cpu}, node ${process.version}, NumPy ${numpyVersion}.`,
  'Synthetic seeded data (模拟数据, `bench/index/synthetic.ts`, seed 20251215, 2% missing cells) for the default',
  'framework `data/frameworks/default.json` (4 domains, 18 indicators). Times are medians (nearest rank) of',
  `several runs after a warm-up of at least 500 ms, in milliseconds. The machine is shared (load average ${load} over 1 / 5 / 15 min at the`,
  'end of the run), so expect noise; both sides ran under the same load. The ratio is ours / NumPy',
  '(below 1 = faster than NumPy). NumPy draws its own random weights (same distribution), so only the work, not the',
  'draws, is the same; its one-run figure covers scores and ranks only, ours also contributions, coverage and 短板.',
  '',
  '| units × indicators | what | suocha (ms) | NumPy (ms) | ratio |',
  '|---|---|---:|---:|---:|',
  ...rows,
  '',
  'Cross-check of the nominal run against NumPy:',
  '',
  ...checks.map((c) => `- ${c}`),
  '',
  'Speed goals of the brief:',
  '',
  ...goals.map((g) => `- ${g}`),
  '',
].join('\n');
console.log(report);
if (process.argv.includes('--write')) writeFileSync(join(import.meta.dirname, 'RESULTS.md'), report);
