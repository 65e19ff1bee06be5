/**
 * GET /api/progress and `suocha progress` (issue 4 §5): one row per target of a unit (or of the units of one
 * level below it) as of a date, with the status counts of the targets judged now. Results are cached per
 * store under the data revision, so repeated requests on unchanged data are answered from memory.
 */
import { gzipSync } from 'node:zlib';
import type { ProgressStatus, UnitLevel } from '@suocha/core';
import {
  dataRevision,
  getUnit,
  listProgressTargets,
  listSeriesObservations,
  type Store,
} from '@suocha/store';
import { ensureDerivedValues } from './derived';
import { checkProgressAsOf, ProgressError } from './errors';
import { judgeTargets, type ProgressRow } from './judge';

export interface ProgressQuery {
  readonly unitCode: string;
  readonly asOf: string;
  /** Rows for the targets of the units of this level in the unit's subtree instead of the unit's own. */
  readonly level?: UnitLevel;
  readonly alternatives?: boolean;
  /** Skip bringing derived values up to date first (the caller just did). */
  readonly derivedFresh?: boolean;
}

export type ProgressStatusCounts = Record<ProgressStatus, number>;

export interface ProgressReport {
  readonly unit: { readonly code: string; readonly name: string; readonly level: UnitLevel };
  readonly asOf: string;
  readonly level: UnitLevel | null;
  /** Statuses of the targets judged now (`current`): one per indicator and unit. */
  readonly counts: ProgressStatusCounts;
  /** Some value behind these rows is synthetic (模拟数据). */
  readonly synthetic: boolean;
  readonly items: readonly ProgressRow[];
}

export const emptyStatusCounts = (): ProgressStatusCounts => ({
  achieved: 0,
  on_track: 0,
  needs_acceleration: 0,
  limited_progress: 0,
  moving_away: 0,
  no_data: 0,
});

export async function progressReport(store: Store, query: ProgressQuery): Promise<ProgressReport> {
  const asOf = checkProgressAsOf(query.asOf);
  const unit = await getUnit(store, query.unitCode);
  if (!unit)
    throw new ProgressError(
      'UNIT_NOT_FOUND',
      `区划 ${query.unitCode} 不存在 (no unit with code ${query.unitCode})`,
    );
  if (query.derivedFresh !== true) await ensureDerivedValues(store);
  const targets = await listProgressTargets(
    store,
    query.level === undefined ? { unitCode: unit.code } : { unitCode: unit.code, level: query.level },
  );
  const observations = await listSeriesObservations(store, {
    unitCodes: [...new Set(targets.map((t) => t.unitCode))],
    indicatorCodes: [...new Set(targets.map((t) => t.indicatorCode))],
  });
  const items = judgeTargets(targets, observations, {
    asOf,
    ...(query.alternatives === true ? { alternatives: true } : {}),
  });
  const counts = emptyStatusCounts();
  for (const r of items) if (r.current) counts[r.status]++;
  return {
    unit: { code: unit.code, name: unit.name, level: unit.level },
    asOf,
    level: query.level ?? null,
    counts,
    synthetic: items.some((r) => r.synthetic),
    items,
  };
}

interface CacheEntry {
  readonly revision: string;
  readonly json: string;
  /** The JSON as UTF-8 bytes, encoded once: what the HTTP route sends. */
  readonly body: Buffer;
  /** The same, gzip-compressed on first demand (a browser asks for it; ~10× smaller). */
  gzip?: Buffer;
}

const CACHE_SIZE = 64;
const caches = new WeakMap<Store, Map<string, CacheEntry>>();

/**
 * The progress report as JSON text, from a per-store cache keyed by the query and valid while the data
 * revision (`dataRevision`, read before the data) is unchanged. Least recently used entries are dropped
 * beyond 64 queries.
 */
export async function progressReportJson(store: Store, query: ProgressQuery): Promise<string> {
  return (await cachedReport(store, query)).json;
}

/**
 * The cached report as UTF-8 JSON bytes, encoded once per data revision — gzip-compressed (once) when the
 * client accepts it.
 */
export async function progressReportBody(
  store: Store,
  query: ProgressQuery,
  options: { readonly gzip?: boolean } = {},
): Promise<{ readonly body: Buffer; readonly encoding: 'gzip' | 'identity' }> {
  const entry = await cachedReport(store, query);
  if (options.gzip !== true) return { body: entry.body, encoding: 'identity' };
  entry.gzip ??= gzipSync(entry.body, { level: 6 });
  return { body: entry.gzip, encoding: 'gzip' };
}

async function cachedReport(store: Store, query: ProgressQuery): Promise<CacheEntry> {
  let revision = await dataRevision(store);
  const key = JSON.stringify([query.unitCode, query.asOf, query.level ?? null, query.alternatives === true]);
  let cache = caches.get(store);
  if (!cache) {
    cache = new Map();
    caches.set(store, cache);
  }
  const hit = cache.get(key);
  if (hit && hit.revision === revision) {
    cache.delete(key);
    cache.set(key, hit);
    return hit;
  }
  // Derived values first (they may write), then the revision the report is computed under.
  await ensureDerivedValues(store);
  revision = await dataRevision(store);
  const json = JSON.stringify(await progressReport(store, { ...query, derivedFresh: true }));
  const entry = { revision, json, body: Buffer.from(json, 'utf8') };
  cache.delete(key);
  cache.set(key, entry);
  if (cache.size > CACHE_SIZE) {
    const oldest = cache.keys().next();
    if (!oldest.done) cache.delete(oldest.value);
  }
  return entry;
}
