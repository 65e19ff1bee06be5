/**
 * `npm run bench -- hierarchy`: loads the national hierarchy (665,276 units from divisions_china.csv.gz)
 * into SQLite and into PostgreSQL, and times subtree queries for 1,000 random counties (seeded).
 * Goals (issue 2): SQLite load ≥ 100k units/s; subtree of a county p50 ≤ 2 ms on SQLite.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { mulberry32, randomInt } from '@suocha/core';
import { readDivisions } from '@suocha/services';
import { getSubtree, insertUnits, openStore, type Store, type StoreConfig } from '@suocha/store';
import { fmt, freshPgDatabase, machine, percentile, postgresServer, ROOT, timed } from '../lib/stats';

const QUERIES = Number(process.argv.find((a) => a.startsWith('--queries='))?.split('=')[1] ?? 1000);

async function run(name: string, config: StoreConfig): Promise<Record<string, string>> {
  const store: Store = await openStore(config);
  const data = join(ROOT, 'data');
  const ref = await readDivisions(store, join(data, 'units_reference.csv'), 'bench');
  await insertUnits(store, ref.units);
  const cpu0 = process.cpuUsage();
  const read = await timed(() => readDivisions(store, join(data, 'divisions_china.csv.gz'), 'bench'));
  const cpuRead = process.cpuUsage(cpu0);
  if (read.value.problems.length)
    throw new Error(`divisions file has ${read.value.problems.length} problems`);
  const units = read.value.units;
  const cpu1 = process.cpuUsage();
  const ins = await timed(() => insertUnits(store, units));
  const cpuIns = process.cpuUsage(cpu1);
  // CPU time of this process: steadier than wall time on a shared machine (PostgreSQL's own work is not in it).
  const cpuMs = (c: NodeJS.CpuUsage) => (c.user + c.system) / 1000;
  const counties = units.filter((u) => u.level === 'county').map((u) => u.code);
  const rng = mulberry32(1);
  // Warm-up, then timed queries.
  for (let i = 0; i < 50; i++) await getSubtree(store, counties[randomInt(rng, counties.length)] as string);
  const ms: number[] = [];
  let rows = 0;
  for (let i = 0; i < QUERIES; i++) {
    const code = counties[randomInt(rng, counties.length)] as string;
    const t = performance.now();
    const sub = await getSubtree(store, code);
    ms.push(performance.now() - t);
    rows += sub?.length ?? 0;
  }
  ms.sort((a, b) => a - b);
  await store.close();
  const total = read.ms + ins.ms;
  return {
    engine: name,
    units: String(ins.value),
    'read+validate s': fmt(read.ms / 1000),
    'insert s': fmt(ins.ms / 1000),
    'load units/s': fmt(units.length / (total / 1000), 0),
    'load cpu s': fmt((cpuMs(cpuRead) + cpuMs(cpuIns)) / 1000),
    'load units/cpu-s': fmt(units.length / ((cpuMs(cpuRead) + cpuMs(cpuIns)) / 1000), 0),
    'insert units/s': fmt(units.length / (ins.ms / 1000), 0),
    'subtree p50 ms': fmt(percentile(ms, 50), 3),
    'subtree p99 ms': fmt(percentile(ms, 99), 3),
    'mean subtree rows': fmt(rows / QUERIES, 0),
  };
}

console.log(`bench hierarchy — ${machine()}`);
const dir = mkdtempSync(join(tmpdir(), 'suocha-bench-h-'));
const results: Record<string, string>[] = [];
try {
  results.push(await run('sqlite', { kind: 'sqlite', file: join(dir, 'h.db') }));
  const server = postgresServer();
  try {
    const db = await freshPgDatabase(server.url, 'suocha_bench_hierarchy');
    results.push(await run('postgres', { kind: 'postgres', url: db.url }));
    await db.drop();
  } finally {
    server.stop();
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
console.table(results);
const sqlite = results[0];
if (sqlite) {
  const load = Number((sqlite['load units/s'] ?? '0').replace(/,/g, ''));
  const p50 = Number(sqlite['subtree p50 ms']);
  const loadCpu = Number((sqlite['load units/cpu-s'] ?? '0').replace(/,/g, ''));
  console.log(
    `goal SQLite load ≥ 100,000 units/s: wall ${load >= 100_000 ? 'met' : 'NOT met'} (${fmt(load, 0)}/s), ` +
      `per CPU-second ${loadCpu >= 100_000 ? 'met' : 'NOT met'} (${fmt(loadCpu, 0)}/s); load average ${loadavg()
        .map((x) => x.toFixed(2))
        .join(' ')}`,
  );
  console.log(`goal SQLite county subtree p50 ≤ 2 ms: ${p50 <= 2 ? 'met' : 'NOT met'} (${p50} ms)`);
}
