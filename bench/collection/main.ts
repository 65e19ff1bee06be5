/**
 * `npm run bench -- collection [--villages N] [--indicators 24] [--history 3] [--seed 1] [--engines sqlite,postgres]`
 *
 * Imports one month of a village-level data set — 25,547 villages (the real Zhejiang hierarchy from
 * data/divisions_zhejiang.csv) × 24 synthetic indicators = 613,128 values (模拟数据, seeded) — from the
 * long CSV format through the full pipeline: parse, check every value (type and range, two rules
 * across values, z-score outlier check against 3 months of each village's own history), then one
 * all-or-nothing transaction with a history entry per value. Goal (issue 3 §8): ≤ 10 s on SQLite,
 * ≤ 20 s on PostgreSQL. The history months are loaded first through the same import and are not timed.
 * Figures: bench/collection/RESULTS.md.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { mulberry32, type DataSetDefinition } from '@suocha/core';
// Straight to the modules, so that the bench does not depend on the rest of the services barrel.
import { importValues, type ImportReport } from '../../packages/services/src/collection/import';
import { readDivisions } from '../../packages/services/src/hierarchy/divisions';
import {
  countRows,
  createDataSet,
  insertCatalogue,
  insertUnits,
  openStore,
  type Store,
  type StoreConfig,
} from '@suocha/store';
import { fmt, freshPgDatabase, machine, postgresServer, ROOT, timed } from '../lib/stats';

const args = process.argv.slice(2);
const arg = (name: string, fallback: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? (args[i + 1] ?? fallback) : fallback;
};
const MAX_VILLAGES = Number(arg('villages', '0'));
const INDICATORS = Number(arg('indicators', '24'));
const HISTORY = Number(arg('history', '3'));
const SEED = Number(arg('seed', '1'));
const ENGINES = arg('engines', 'sqlite,postgres').split(',');
/** Write a CPU profile of the timed import (per engine) to this path prefix. */
const PROFILE = arg('profile', '');
const gc = (globalThis as { gc?: () => void }).gc;

const codes = Array.from({ length: INDICATORS }, (_, i) => `bench_ind_${String(i + 1).padStart(2, '0')}`);

const DATASET: DataSetDefinition = {
  code: 'bench_village_monthly',
  nameZh: '村级月报(模拟数据)',
  nameEn: 'Village monthly (synthetic)',
  periodKind: 'month',
  ytd: false,
  dueDay: 5,
  dueOffsetMonths: 1,
  level: 'village',
  scopeUnit: '330000',
  fields: codes.map((c) => ({
    indicatorCode: c,
    valueType: 'number' as const,
    min: 0,
    max: 1e9,
    required: true,
    softMin: null,
    softMax: null,
  })),
  rules: [
    // parts ≤ whole, and an ordering of two levels
    {
      code: 'parts_le_whole',
      expression: `${codes[1]} + ${codes[2]} <= ${codes[0]}`,
      messageZh: '分项之和不应超过合计',
      messageEn: 'parts ≤ whole',
      severity: 'error',
      missing: 'skip_if_any_missing',
    },
    {
      code: 'level_order',
      expression: `${codes[3]} >= ${codes[4]}`,
      messageZh: '城镇不低于农村',
      messageEn: 'urban ≥ rural',
      severity: 'error',
      missing: 'skip_if_any_missing',
    },
  ],
  outlier: { method: 'zscore', threshold: 3, minHistory: 3 },
};

/**
 * Seeded values: indicator i of village v has a base level b; month m of the history is b·(1 + 0.01·k)
 * with k cycling −1, 0, 1, and the timed month b·(1 + 0.01·u), u uniform in [−1, 1], so that every
 * value passes the z-score check (|z| ≤ 1) and the rules (parts are 30% and 40% of the whole).
 */
const post = (session: Session, method: string): Promise<unknown> =>
  new Promise((resolve, reject) => session.post(method, (e, r) => (e ? reject(e) : resolve(r))));

function csvFor(villages: readonly string[], month: number, rng: () => number, bases: Float64Array): Buffer {
  const parts: string[] = ['unit_code,indicator,period,value\n'];
  const period = `2025-${String(month).padStart(2, '0')}`;
  const timed = month === HISTORY + 1;
  villages.forEach((v, vi) => {
    const factor = timed ? 1 + 0.01 * (2 * rng() - 1) : 1 + 0.01 * (((month - 1) % 3) - 1);
    const rows: string[] = [];
    for (let i = 0; i < INDICATORS; i++) {
      const b = bases[vi * INDICATORS + i] as number;
      // Parts (1, 2) are fixed shares of the whole (0); level 3 is above level 4.
      const x =
        i === 1
          ? (bases[vi * INDICATORS] as number) * 0.3
          : i === 2
            ? (bases[vi * INDICATORS] as number) * 0.4
            : i === 4
              ? (bases[vi * INDICATORS + 3] as number) * 0.5
              : b;
      rows.push(`${v},${codes[i]},${period},${Math.round(x * factor * 100) / 100}`);
    }
    parts.push(rows.join('\n'), '\n');
  });
  return Buffer.from(parts.join(''), 'utf8');
}

async function run(engine: string, config: StoreConfig): Promise<Record<string, string>> {
  const store: Store = await openStore(config);
  const data = join(ROOT, 'data');
  const ref = await readDivisions(store, join(data, 'units_reference.csv'), 'bench');
  await insertUnits(store, ref.units);
  const div = await readDivisions(store, join(data, 'divisions_zhejiang.csv'), 'bench');
  await insertUnits(store, div.units);
  let villages = div.units.filter((u) => u.level === 'village').map((u) => u.code);
  if (MAX_VILLAGES > 0) villages = villages.slice(0, MAX_VILLAGES);
  await insertCatalogue(store, {
    indicators: codes.map((c) => ({
      code: c,
      nameZh: `模拟指标 ${c}`,
      nameEn: c,
      unit: 'yuan',
      polarity: 'up' as const,
      domain: 'bench',
      definition: 'synthetic (模拟数据)',
      source: 'bench',
    })),
    plans: [],
    targets: [],
  });
  await createDataSet(store, DATASET, { by: 'bench', at: '2025-01-01T00:00:00.000Z' });
  const rng = mulberry32(SEED);
  const bases = new Float64Array(villages.length * INDICATORS);
  for (let k = 0; k < bases.length; k++) bases[k] = 1000 + Math.floor(rng() * 99_000);
  const importOf = (bytes: Buffer, dryRun: boolean, name: string): Promise<ImportReport> =>
    importValues(store, {
      file: { name, bytes },
      datasetCode: DATASET.code,
      dryRun,
      by: 'bench',
      at: '2025-06-01T00:00:00.000Z',
      synthetic: true,
    });
  for (let m = 1; m <= HISTORY; m++) {
    const r = await importOf(csvFor(villages, m, rng, bases), false, `history-${m}.csv`);
    if (!r.ok)
      throw new Error(`history month ${m}: ${r.problemCount} problems, first: ${r.problems[0]?.message}`);
    gc?.();
  }
  const file = csvFor(villages, HISTORY + 1, rng, bases);
  gc?.();
  const dry = await timed(() => importOf(file, true, 'month.csv'));
  if (!dry.value.ok)
    throw new Error(`dry run: ${dry.value.problemCount} problems, first: ${dry.value.problems[0]?.message}`);
  gc?.();
  const before = await countRows(store);
  const session = PROFILE ? new Session() : undefined;
  if (session) {
    session.connect();
    await post(session, 'Profiler.enable');
    await post(session, 'Profiler.start');
  }
  const cpu = process.cpuUsage();
  const real = await timed(() => importOf(file, false, 'month.csv'));
  const used = process.cpuUsage(cpu);
  if (session) {
    const { profile } = (await post(session, 'Profiler.stop')) as { profile: unknown };
    writeFileSync(`${PROFILE}-${engine}.cpuprofile`, JSON.stringify(profile));
    session.disconnect();
  }
  if (!real.value.written)
    throw new Error(`import: ${real.value.problemCount} problems, first: ${real.value.problems[0]?.message}`);
  const after = await countRows(store);
  const values = real.value.inserted + real.value.updated;
  await store.close();
  return {
    engine,
    villages: String(villages.length),
    values: String(values),
    'file MB': fmt(file.length / 1e6, 1),
    'history rows': String(before.observations),
    'dry run s': fmt(dry.ms / 1000),
    'import s': fmt(real.ms / 1000),
    'read / check / write s': [real.value.timings.read, real.value.timings.check, real.value.timings.write]
      .map((ms) => fmt(ms / 1000, 1))
      .join(' / '),
    'import CPU s': fmt((used.user + used.system) / 1e6),
    'values/s': fmt(values / (real.ms / 1000), 0),
    'new history rows': String((after.observation_history ?? 0) - (before.observation_history ?? 0)),
  };
}

console.log(
  `bench collection — ${machine()}; ${INDICATORS} indicators, ${HISTORY} history months, seed ${SEED}`,
);
const dir = mkdtempSync(join(tmpdir(), 'suocha-bench-c-'));
const results: Record<string, string>[] = [];
try {
  if (ENGINES.includes('sqlite'))
    results.push(await run('sqlite', { kind: 'sqlite', file: join(dir, 'c.db') }));
  if (ENGINES.includes('postgres')) {
    const server = postgresServer();
    try {
      const db = await freshPgDatabase(server.url, 'suocha_bench_collection');
      results.push(await run('postgres', { kind: 'postgres', url: db.url }));
      await db.drop();
    } finally {
      server.stop();
    }
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
console.table(results);
for (const r of results) {
  const goal = r.engine === 'sqlite' ? 10 : 20;
  const s = Number(r['import s']);
  console.log(
    `goal ${r.engine} import of ${r.values} values ≤ ${goal} s: ${s <= goal ? 'met' : 'NOT met'} (${r['import s']} s)`,
  );
}
