/**
 * `--http` section of the progress benchmark: the progress routes on a Fastify server in this process on
 * 127.0.0.1, over the SQLite database of the `--store` section plus the province's own 100 targets (one
 * per indicator, 10 annual values each, 模拟数据), and autocannon in a child process (the other core)
 * with 50 connections for ~10 s against /api/progress?unit=330000. A test-only hook sets a provincial
 * analyst as the actor (the real session lookup is not part of the figure). Also reported: the first
 * (uncached) answer after a data change, and the county level of the province (9,000 rows).
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import Fastify from 'fastify';
import type { Actor } from '@suocha/core';
import { progressReportJson } from '@suocha/services';
import { bulkInsertObservations, bulkInsertTargets, type NewObservation } from '@suocha/store';
import { installErrorHandling } from '../../apps/server/src/errors';
import { progressRoutes } from '../../apps/server/src/progress/routes';
import { ROOT } from '../lib/stats';
import type { SyntheticData } from './synthetic';
import type { BenchContext, LoadedStore } from './store-section';

const ANALYST: Actor = {
  userId: 1,
  username: 'bench',
  role: 'province_analyst',
  scopeUnit: '330000',
  scopePath: '/100000/330000/',
  department: null,
  via: 'token',
};

interface CannonResult {
  latency: { p50: number; p99: number; average: number; max: number };
  requests: { average: number; total: number };
  throughput: { average: number };
  non2xx: number;
  errors: number;
}

function autocannon(
  url: string,
  connections: number,
  seconds: number,
  headers: readonly string[] = [],
): Promise<CannonResult> {
  const bin = join(ROOT, 'node_modules', 'autocannon', 'autocannon.js');
  const args = [
    bin,
    '-c',
    String(connections),
    '-d',
    String(seconds),
    '-j',
    ...headers.flatMap((h) => ['-H', h]),
    url,
  ];
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0) return reject(new Error(`autocannon exited ${code}`));
      try {
        resolve(JSON.parse(out) as CannonResult);
      } catch (e) {
        reject(e instanceof Error ? e : new Error(String(e)));
      }
    });
  });
}

export async function httpSection(
  loaded: LoadedStore,
  province: SyntheticData,
  ctx: BenchContext,
): Promise<void> {
  const { store } = loaded;
  // The province's own targets (what /api/progress?unit=330000 lists).
  await bulkInsertTargets(
    store,
    province.targets.map((t, i) => ({
      indicatorCode: province.indicators[i]?.code ?? '',
      planCode: 'bench-plan',
      unitCode: '330000',
      year: t.year,
      comparator: t.comparator,
      value: t.value,
      baselinePeriod: null,
      baselineValue: null,
      source: '模拟数据',
    })),
  );
  const rows: NewObservation[] = [];
  province.observations.forEach((series, i) => {
    for (const o of series)
      rows.push({
        indicatorCode: province.indicators[i]?.code ?? '',
        unitCode: '330000',
        provinceCode: '330000',
        period: o.period,
        periodEnd: `${o.period}-12-31`,
        value: o.value,
        source: '模拟数据 synthetic',
        note: '',
        status: 'approved',
        synthetic: true,
      });
  });
  await bulkInsertObservations(store, rows, {
    by: 'bench',
    at: '2026-01-01T00:00:00.000Z',
    reason: '模拟数据',
  });

  const query = { unitCode: '330000', asOf: ctx.asOf };
  let t = performance.now();
  const first = await progressReportJson(store, query);
  const coldMs = performance.now() - t;
  t = performance.now();
  await progressReportJson(store, query);
  const warmMs = performance.now() - t;
  const items = (JSON.parse(first) as { items: unknown[] }).items.length;
  console.log(
    `  /api/progress?unit=330000: ${items} rows, ${(first.length / 1024).toFixed(0)} KB; first answer after a data change ` +
      `${coldMs.toFixed(1)} ms (judged from the database), then ${warmMs.toFixed(2)} ms from the cache`,
  );

  const app = Fastify({ logger: false });
  installErrorHandling(app);
  app.decorateRequest('actor', null);
  app.addHook('onRequest', async (req) => {
    req.actor = ANALYST;
  });
  progressRoutes(app, { store });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  try {
    const url = `http://127.0.0.1:${port}/api/progress?unit=330000&asOf=${ctx.asOf}`;
    const gz = await fetch(url, { headers: { 'accept-encoding': 'gzip' } });
    const gzBytes = Number(gz.headers.get('content-length') ?? (await gz.arrayBuffer()).byteLength);
    for (const [label, headers] of [
      ['identity (109 KB)', []],
      [`gzip (${(gzBytes / 1024).toFixed(0)} KB, as a browser asks)`, ['accept-encoding=gzip']],
    ] as const) {
      const r = await autocannon(url, 50, 10, headers);
      const p99 = r.latency.p99;
      console.log(
        `http /api/progress?unit=330000 ${label}, 50 connections, 10 s: p50 ${r.latency.p50} ms, p99 ${p99} ms, ` +
          `mean ${r.latency.average} ms, max ${r.latency.max} ms; ${Math.round(r.requests.average).toLocaleString('en')} req/s ` +
          `(${r.requests.total.toLocaleString('en')} requests, ${r.non2xx} non-2xx, ${r.errors} errors); ` +
          `goal p99 ≤ 50 ms: ${p99 <= 50 && r.non2xx === 0 && r.errors === 0 ? 'met' : 'NOT met'}`,
      );
    }
    const countyUrl = `http://127.0.0.1:${port}/api/progress?unit=330000&level=county&asOf=${ctx.asOf}`;
    t = performance.now();
    const res = await fetch(countyUrl);
    const body = await res.text();
    const countyCold = performance.now() - t;
    const c = await autocannon(countyUrl, 50, 5, ['accept-encoding=gzip']);
    console.log(
      `  county level of the province (${(JSON.parse(body) as { items: unknown[] }).items.length.toLocaleString('en')} rows, ` +
        `${(body.length / 2 ** 20).toFixed(1)} MB): first ${countyCold.toFixed(0)} ms; cached, gzip, 50 connections ` +
        `p50 ${c.latency.p50} ms, p99 ${c.latency.p99} ms, ${Math.round(c.requests.average)} req/s (no goal)`,
    );
  } finally {
    await app.close();
  }
}
