/**
 * Demo data for screenshots and trials — 模拟数据, never real figures: seeded synthetic county values of
 * the default framework's indicators for 2023–2025, written with `synthetic = 1` and the source
 * "模拟数据 synthetic (seed N)". Every index run over them is flagged synthetic and every page and export
 * that shows them says 模拟数据.
 *
 * Protection of a real database, in order of strength:
 * 1. Refused unless the database holds no real work: every real observation must come from the shipped
 *    default dataset, unchanged (version 1, no history entry from anything else). `forceSynthetic`
 *    overrides this — meant for a copy, never for production.
 * 2. Never overwrites: only keys (indicator, unit, period) without a value are written, so a real value
 *    always wins and stays untouched.
 * 3. One seed per database: synthetic values of another seed or source are never mixed in.
 * 4. Recorded: the load is listed in `dataset_loads` as `demo:seed=N`; `/api/health` reports
 *    `synthetic: true` for the whole database.
 * The observation history is append-only, so demo values can never be erased without trace: load them
 * into a separate database (`suocha --db demo.db init && suocha --db demo.db demo load --seed 1`).
 *
 * Model: each county has a latent development level (members of 山区海岛县 lower on average), each
 * indicator mixes it with the county's own noise and a small yearly trend and noise, and is placed on a
 * plausible range for its unit; about 3% of values are missing, and four counties miss 40%, so that
 * coverage and its threshold show.
 */
import {
  inForceOn,
  mulberry32,
  normal,
  ok,
  parsePeriod,
  periodEndDate,
  type Result,
  type Rng,
} from '@suocha/core';
import type { FrameworkJson } from '@suocha/contract';
import {
  countObservationOrigins,
  getGroupMembers,
  insertNewObservations,
  listIndicators,
  listUnitsAtLevel,
  recordDatasetLoad,
  type NewObservation,
  type Store,
} from '@suocha/store';
import { fail, type IndexServiceError } from './errors';
import { registerDefaultFramework, frameworkOf } from './frameworks';
import { MOUNTAIN_ISLAND } from './run';

export const DEMO_PERIODS: readonly string[] = ['2023', '2024', '2025'];
export const DEMO_SCOPE = '330000';
/** History reason of the shipped default dataset (services/src/dataset/default-dataset.ts). */
export const DEFAULT_DATASET_REASON = 'default dataset (data/)';

export const demoSource = (seed: number) => `模拟数据 synthetic (seed ${seed})`;

export interface DemoUnit {
  readonly code: string;
  readonly provinceCode: string;
  readonly mountainIsland: boolean;
}

/** Plausible ranges [value at q = 0, value at q = 1] of the default framework's min-max indicators. */
const RANGES: Readonly<Record<string, readonly [number, number]>> = {
  gdp_per_capita: [50_000, 200_000],
  village_collective_300k_share: [20, 100],
  same_quality_water_rate: [85, 100],
  periurban_sewage_rate: [60, 100],
  resident_income_province_ratio: [60, 150],
  // Lower is better: q = 1 (developed) gives the small ratio.
  urban_rural_income_ratio: [2.1, 1.4],
  rural_income_growth: [4.5, 8],
};

const logistic = (z: number) => 1 / (1 + Math.exp(-z));
const round2 = (x: number) => Math.round(x * 100) / 100;

function valueFor(spec: FrameworkJson['domains'][number]['indicators'][number], q: number): number {
  const range = RANGES[spec.code];
  if (range) return round2(range[0] + (range[1] - range[0]) * q);
  const good = spec.direction === 'up' ? q : 1 - q;
  const nz = spec.normalisation;
  if (nz.method === 'goalposts') return round2(Math.min(nz.hi * (0.45 + 0.6 * good), 100));
  return round2(100 * good);
}

/**
 * Seeded synthetic observations of `framework`'s indicators for `units` and `periods` (pure: the same
 * arguments give the same values). Values are approved, synthetic, sourced "模拟数据 synthetic (seed N)".
 */
export function generateDemoObservations(
  framework: FrameworkJson,
  units: readonly DemoUnit[],
  periods: readonly string[],
  seed: number,
): NewObservation[] {
  const rng: Rng = mulberry32(seed);
  const specs = framework.domains.flatMap((d) => d.indicators);
  const m = specs.length;
  const latent = units.map((u) => (u.mountainIsland ? -0.9 : 0.4) + 0.6 * normal(rng));
  const own = units.map(() => specs.map(() => normal(rng)));
  const sparse = new Set<number>();
  while (sparse.size < Math.min(4, units.length)) sparse.add(Math.floor(rng() * units.length));
  const out: NewObservation[] = [];
  periods.forEach((text, t) => {
    const period = parsePeriod(text);
    if (!period.ok) throw new Error(period.error.message);
    const periodEnd = periodEndDate(period.value);
    units.forEach((unit, u) => {
      for (let j = 0; j < m; j++) {
        const spec = specs[j]!;
        const z = 0.9 * latent[u]! + 0.6 * own[u]![j]! + 0.12 * t + 0.15 * normal(rng);
        const missing = rng() < (sparse.has(u) ? 0.4 : 0.03);
        if (missing) continue;
        out.push({
          indicatorCode: spec.code,
          unitCode: unit.code,
          provinceCode: unit.provinceCode,
          period: text,
          periodEnd,
          value: valueFor(spec, logistic(z)),
          source: demoSource(seed),
          note: '模拟数据,仅供演示 (synthetic, for demonstration only)',
          status: 'approved',
          synthetic: true,
        });
      }
    });
  });
  return out;
}

export interface DemoLoadSummary {
  readonly seed: number;
  readonly units: number;
  readonly indicators: number;
  readonly periods: readonly string[];
  readonly generated: number;
  readonly inserted: number;
  /** Keys that already had a value (real or an earlier demo load) and were left alone. */
  readonly kept: number;
  /** Framework indicators missing from the catalogue (nothing written for them). */
  readonly skippedIndicators: readonly string[];
}

export async function loadDemoData(
  store: Store,
  options: {
    readonly seed: number;
    readonly forceSynthetic: boolean;
    readonly dataDir: string;
    readonly now: string;
    readonly by?: string;
  },
): Promise<Result<DemoLoadSummary, IndexServiceError>> {
  if (!(Number.isInteger(options.seed) && options.seed >= 0 && options.seed <= 0xffffffff))
    return fail('INVALID_INPUT', `seed 应为 0–4294967295 的整数 (seed must be an integer in 0–4294967295)`);
  const origins = await countObservationOrigins(store, DEFAULT_DATASET_REASON, demoSource(options.seed));
  if (origins.syntheticOtherSource > 0)
    return fail(
      'DEMO_REFUSED',
      `数据库已有另一种子或来源的模拟数据 ${origins.syntheticOtherSource} 条,不混用;请用新的演示数据库 ` +
        `(the database already holds ${origins.syntheticOtherSource} synthetic values of another seed or source: ` +
        `seeds are never mixed; use a new demo database)`,
    );
  if (origins.realOutsideLoad > 0 && !options.forceSynthetic)
    return fail(
      'DEMO_REFUSED',
      `数据库含 ${origins.realOutsideLoad} 条默认数据集以外的真实数据,拒绝写入模拟数据;请用单独的演示数据库 ` +
        `(the database holds ${origins.realOutsideLoad} real observations beyond the default dataset: demo data refused. ` +
        `Use a separate database, e.g. suocha --db demo.db init && suocha --db demo.db demo load; ` +
        `--force-synthetic overrides this, never on a production database)`,
    );
  const lastEnd = periodEndDate({ kind: 'year', year: Number(DEMO_PERIODS.at(-1)), index: 1, ytd: false });
  const units = ((await listUnitsAtLevel(store, DEMO_SCOPE, 'county')) ?? []).filter((u) =>
    inForceOn(u, lastEnd),
  );
  if (units.length === 0)
    return fail(
      'NO_UNITS',
      `没有浙江省县级区划,请先运行 suocha init (no counties under ${DEMO_SCOPE}: run suocha init first)`,
    );
  const registered = await registerDefaultFramework(store, options.dataDir, {
    by: options.by ?? 'suocha demo',
    now: options.now,
  });
  if (!registered.ok) return registered;
  const framework = frameworkOf(registered.value.stored);
  const members = new Set((await getGroupMembers(store, MOUNTAIN_ISLAND, lastEnd)).map((m) => m.code));
  const catalogue = new Set((await listIndicators(store)).map((i) => i.code));
  const all = generateDemoObservations(
    framework,
    units.map((u) => ({ code: u.code, provinceCode: u.provinceCode, mountainIsland: members.has(u.code) })),
    DEMO_PERIODS,
    options.seed,
  );
  const rows = all.filter((o) => catalogue.has(o.indicatorCode));
  const inserted = await insertNewObservations(store, rows, {
    by: options.by ?? 'suocha demo',
    at: options.now,
    reason: `demo data 模拟数据 (seed ${options.seed})`,
  });
  const summary: DemoLoadSummary = {
    seed: options.seed,
    units: units.length,
    indicators: framework.domains.reduce((s, d) => s + d.indicators.length, 0),
    periods: DEMO_PERIODS,
    generated: rows.length,
    inserted,
    kept: rows.length - inserted,
    skippedIndicators: [
      ...new Set(
        framework.domains.flatMap((d) => d.indicators.map((i) => i.code)).filter((c) => !catalogue.has(c)),
      ),
    ],
  };
  if (inserted > 0)
    await recordDatasetLoad(store, `demo:seed=${options.seed}`, options.now, JSON.stringify(summary));
  return ok(summary);
}
