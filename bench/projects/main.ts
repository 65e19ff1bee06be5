/**
 * `npm run bench -- projects [--count 20000] [--seed 1] [--engines sqlite,postgres] [--seconds 10]`
 *
 * 20,000 synthetic projects (模拟数据, seeded) × 12 monthly reports of 2025 on the real Zhejiang
 * hierarchy: January–November are bulk-loaded, then December arrives as one 20,000-row workbook built
 * from the template and goes through the full import (read, every check, one transaction). Also timed:
 * the full province roll-up with lights (the core computation alone, the reading alone, and cold from
 * the database as the board's snapshot is built), and the dispatch-board API under 50 concurrent
 * autocannon clients, once as a browser asks (gzip) and once plain. Goals (issue 7 §7): import ≤ 5 s,
 * roll-up ≤ 200 ms, board p99 ≤ 50 ms. Prints medians, the load average and CPU time. Figures and where
 * the time goes: bench/projects/RESULTS.md.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import Fastify from 'fastify';
import { pathCodes, rollUp, syntheticPortfolio, type Actor } from '@suocha/core';
import {
  computeMetrics,
  importProjectReports,
  loadDefaultDataset,
  loadSnapshot,
  templateWorkbook,
} from '@suocha/services';
import {
  bulkLoadProjects,
  findProjects,
  getSubtree,
  latestCurrentReports,
  listProjectCategories,
  openStore,
  plansForYear,
  type ProjectRecord,
  type Store,
  type StoreConfig,
} from '@suocha/store';
import { installErrorHandling } from '../../apps/server/src/errors';
import { projectsRoutes } from '../../apps/server/src/projects/routes';
import { fmt, freshPgDatabase, machine, median, postgresServer, ROOT } from '../lib/stats';

const args = process.argv.slice(2);
const arg = (name: string, fallback: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? (args[i + 1] ?? fallback) : fallback;
};
const COUNT = Number(arg('count', '20000'));
const SEED = Number(arg('seed', '1'));
const ENGINES = arg('engines', 'sqlite,postgres').split(',');
const SECONDS = Number(arg('seconds', '10'));
const NOW = '2026-01-05T08:00:00.000Z';
const ADMIN: Actor = {
  userId: 1,
  username: 'bench',
  role: 'province_admin',
  scopeUnit: '330000',
  scopePath: '/100000/330000/',
  department: null,
  via: 'token',
};

const cpu = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
const load = () =>
  loadavg()
    .map((x) => x.toFixed(2))
    .join(' ');

interface Cannon {
  latency: { p50: number; p99: number; average: number; max: number };
  requests: { average: number; total: number };
  non2xx: number;
  errors: number;
}
function autocannon(
  url: string,
  connections: number,
  seconds: number,
  headers: readonly string[] = [],
): Promise<Cannon> {
  const bin = join(ROOT, 'node_modules', 'autocannon', 'autocannon.js');
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [
        bin,
        '-c',
        String(connections),
        '-d',
        String(seconds),
        ...headers.flatMap((h) => ['-H', h]),
        '-j',
        url,
      ],
      {
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0) return reject(new Error(`autocannon exited ${code}`));
      resolve(JSON.parse(out) as Cannon);
    });
  });
}

async function run(store: Store, engine: string): Promise<void> {
  console.log(`\n== ${engine} (load ${load()})`);
  await loadDefaultDataset(store, { dataDir: join(ROOT, 'data'), divisions: 'zhejiang', now: NOW });
  const counties = ((await getSubtree(store, '330000', 'county')) ?? []).map((u) => u.code);
  const categories = (await listProjectCategories(store)).map((c) => c.code);
  const p = syntheticPortfolio({
    seed: SEED,
    count: COUNT,
    units: counties,
    departments: ['fgw', 'jst', 'nyncj', 'jtt'],
    categories,
    throughMonth: '2025-12',
  });
  const december = p.reports.filter((r) => r.month === '2025-12');
  let t = performance.now();
  const loaded = await bulkLoadProjects(
    store,
    {
      projects: p.projects.map((x) => ({
        code: x.code,
        name: x.name,
        ownerUnit: x.ownerUnit,
        leadDepartment: x.leadDepartment,
        category: x.category,
        stage: x.stage,
        totalInvestment: x.totalInvestment,
        plannedStart: x.plannedStart ?? null,
        plannedCompletion: x.plannedCompletion ?? null,
        actualStart: x.actualStart ?? null,
        actualCompletion: x.actualCompletion ?? null,
        synthetic: true,
      })),
      plans: p.plans.map((x) => ({ ...x, monthlyPlanned: x.monthlyPlanned ?? null })),
      reports: p.reports
        .filter((r) => r.month !== '2025-12')
        .map((r) => ({
          ...r,
          note: r.note ?? '',
          problems: '',
          reason: '',
          origin: 'synthetic',
          synthetic: true,
        })),
    },
    { by: 'bench', at: NOW },
  );
  console.log(
    `load (not a goal): ${loaded.projects} projects, ${loaded.plans} plans, ${loaded.reports} reports (Jan–Nov) in ${fmt(performance.now() - t, 0)} ms`,
  );

  const plan = new Map(p.plans.map((x) => [x.projectCode, x.plannedInvestment]));
  const owner = new Map(p.projects.map((x) => [x.code, x.ownerUnit]));
  const book = await templateWorkbook(
    '330000',
    '2025-12',
    december.map((r) => ({
      code: r.projectCode,
      name: r.projectCode,
      ownerUnit: owner.get(r.projectCode) ?? '',
      annualPlan: plan.get(r.projectCode) ?? null,
      completedThisMonth: r.completedThisMonth,
      ytdCompleted: r.ytdCompleted,
      started: r.started,
      note: '模拟数据',
    })),
  );
  console.log(`December workbook: ${december.length} rows, ${fmt(book.length / 2 ** 20, 1)} MB`);
  const dry: number[] = [];
  for (let i = 0; i < 3; i++) {
    t = performance.now();
    const r = await importProjectReports(store, ADMIN, book, { month: '2025-12', dryRun: true, now: NOW });
    dry.push(performance.now() - t);
    if (!r.ok) throw new Error(`dry run found problems: ${JSON.stringify(r.problems.slice(0, 3))}`);
  }
  const c0 = cpu();
  t = performance.now();
  const real = await importProjectReports(store, ADMIN, book, { month: '2025-12', dryRun: false, now: NOW });
  const importMs = performance.now() - t;
  console.log(
    `import of one month (${real.reports} rows, written ${String(real.written)}): ${fmt(importMs, 0)} ms ` +
      `(read ${fmt(real.timings.read, 0)}, check ${fmt(real.timings.check, 0)}, write ${fmt(real.timings.write, 0)}; ` +
      `CPU ${fmt(cpu() - c0, 0)} ms); dry runs median ${fmt(median(dry), 0)} ms; goal ≤ 5,000 ms: ${importMs <= 5000 ? 'met' : 'NOT met'}`,
  );

  // The roll-up reads one latest current report per project (not every month of the year), then computes
  // every project's metrics and lights and rolls them up by province, city and county.
  const read: number[] = [];
  const compute: number[] = [];
  const full: number[] = [];
  let counts = '';
  const c1 = cpu();
  for (let i = 0; i < 5; i++) {
    t = performance.now();
    const [projects, plans, reports] = await Promise.all([
      findProjects(store),
      plansForYear(store, 2025),
      latestCurrentReports(store, { from: '2025-01', to: '2025-12' }),
    ]);
    read.push(performance.now() - t);
    t = performance.now();
    const ms = computeMetrics(projects, plans, reports, '2025-12');
    const rows = rollUp(ms, (_m, j) => pathCodes((projects[j] as ProjectRecord).ownerPath).slice(1));
    compute.push(performance.now() - t);
    if (rows.length === 0) throw new Error('empty roll-up');
    counts = `${projects.length} projects, ${plans.length} plans, ${reports.length} latest reports`;
    t = performance.now();
    const snap = await loadSnapshot(store, '2025-12');
    rollUp(snap.metrics, (_m, j) => pathCodes((snap.projects[j] as ProjectRecord).ownerPath).slice(1));
    full.push(performance.now() - t);
  }
  const perRun = (cpu() - c1) / 10;
  console.log(
    `province roll-up with lights (${counts}): median ${fmt(median(compute), 1)} ms computing (core metrics + ` +
      `lights + roll-up by province/city/county), ${fmt(median(read), 0)} ms reading, ` +
      `${fmt(median(full), 0)} ms cold from the database (snapshot + roll-up; CPU ${fmt(perRun, 0)} ms per run); ` +
      `goal ≤ 200 ms: ${median(compute) <= 200 ? 'met (computation)' : 'NOT met'}` +
      `${median(full) <= 200 ? ', met cold from the database' : ', not cold from the database'}`,
  );

  const app = Fastify({ logger: false });
  installErrorHandling(app);
  app.decorateRequest('actor', null);
  app.addHook('onRequest', async (req) => {
    req.actor = ADMIN;
  });
  projectsRoutes(app, { store, dataDir: join(ROOT, 'data'), version: 'bench', now: () => NOW });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  try {
    const url = `http://127.0.0.1:${port}/api/projects/board?unit=330000&month=2025-12`;
    t = performance.now();
    const first = await fetch(url);
    const body = await first.text();
    console.log(
      `board: first answer ${fmt(performance.now() - t, 0)} ms (${fmt(body.length / 1024, 0)} KB, status ${first.status})`,
    );
    // As a browser asks (Accept-Encoding: gzip, ~13 KB on the wire) and as a client that takes it plain.
    for (const [label, headers] of [
      ['gzip', ['accept-encoding=gzip, deflate, br']],
      ['plain', []],
    ] as const) {
      const c2 = cpu();
      const r = await autocannon(url, 50, SECONDS, headers);
      console.log(
        `board API (${label}), 50 connections, ${SECONDS} s: p50 ${r.latency.p50} ms, p99 ${r.latency.p99} ms, mean ${r.latency.average} ms, ` +
          `max ${r.latency.max} ms; ${Math.round(r.requests.average)} req/s (${r.requests.total} requests, ${r.non2xx} non-2xx, ` +
          `${r.errors} errors; server CPU ${fmt(cpu() - c2, 0)} ms, ${fmt((cpu() - c2) / Math.max(1, r.requests.total), 2)} ms per request); ` +
          `load ${load()}; goal p99 ≤ 50 ms: ${r.latency.p99 <= 50 && r.non2xx === 0 && r.errors === 0 ? 'met' : 'NOT met'}`,
      );
    }
  } finally {
    await app.close();
  }
  console.log(`load average after: ${load()}`);
}

console.log(`projects bench: ${COUNT} projects × 12 months, seed ${SEED}; ${machine()}; load ${load()}`);
for (const engine of ENGINES) {
  if (engine === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'suocha-bench-projects-'));
    const config: StoreConfig = { kind: 'sqlite', file: join(dir, 'bench.db') };
    const store = await openStore(config);
    try {
      await run(store, 'sqlite');
    } finally {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    }
  } else if (engine === 'postgres') {
    const server = postgresServer();
    const db = await freshPgDatabase(server.url, `suocha_bench_projects_${process.pid}`);
    const store = await openStore({ kind: 'postgres', url: db.url });
    try {
      await run(store, 'postgres');
    } finally {
      await store.close();
      await db.drop();
      server.stop();
    }
  }
}
