/**
 * Reading frozen runs back: the complete league table exactly as it was computed (the stored JSON), and
 * summaries for lists (from the run header and its unit rows, without parsing each result).
 */
import { ok, type Result } from '@suocha/core';
import { IndexRunSchema, SYNTHETIC_LABEL, type IndexRunDto, type IndexRunSummaryDto } from '@suocha/contract';
import {
  countRunUnits,
  getIndexRun,
  getUnitsByCodes,
  listFrameworks,
  listIndexRuns,
  type IndexRunHeader,
  type RunFilter,
  type Store,
} from '@suocha/store';
import { fail, type IndexServiceError } from './errors';

/** The run as it was frozen. */
export async function getIndexRunDto(
  store: Store,
  id: number,
): Promise<Result<IndexRunDto, IndexServiceError>> {
  const run = await getIndexRun(store, id);
  if (!run) return fail('RUN_NOT_FOUND', `没有指数运行结果 no index run ${id}`);
  return ok(IndexRunSchema.parse({ ...(JSON.parse(run.results) as object), id: run.id }));
}

/** Summaries of runs, newest first. */
export async function listIndexRunSummaries(
  store: Store,
  filter: RunFilter = {},
): Promise<IndexRunSummaryDto[]> {
  const headers = await listIndexRuns(store, filter);
  return summarise(store, headers);
}

export async function summarise(
  store: Store,
  headers: readonly IndexRunHeader[],
): Promise<IndexRunSummaryDto[]> {
  if (headers.length === 0) return [];
  const counts = await countRunUnits(
    store,
    headers.map((h) => h.id),
  );
  const frameworks = new Map((await listFrameworks(store)).map((f) => [f.id, f]));
  const scopes = new Map(
    (
      await getUnitsByCodes(
        store,
        headers.map((h) => h.scopeUnit),
      )
    ).map((u) => [u.code, u]),
  );
  return headers.map((h) => {
    const c = counts.get(h.id);
    const f = frameworks.get(h.frameworkId);
    const params = JSON.parse(h.params) as { samples?: unknown; seed?: unknown };
    return {
      id: h.id,
      framework: {
        id: h.frameworkId,
        code: h.frameworkCode,
        version: h.frameworkVersion,
        nameZh: f?.nameZh ?? h.frameworkCode,
        nameEn: f?.nameEn ?? h.frameworkCode,
      },
      scopeUnit: { code: h.scopeUnit, name: scopes.get(h.scopeUnit)?.name ?? h.scopeUnit },
      level: h.level,
      period: h.period,
      asOf: h.asOf,
      createdAt: h.createdAt,
      createdBy: h.createdBy,
      samples: typeof params.samples === 'number' ? params.samples : 0,
      seed: typeof params.seed === 'number' ? params.seed : 0,
      dataFingerprint: h.dataFingerprint,
      synthetic: h.synthetic,
      syntheticLabel: h.synthetic ? SYNTHETIC_LABEL : null,
      previousRunId: h.previousRunId,
      units: c?.units ?? 0,
      ranked: c?.ranked ?? 0,
      belowCoverage: c?.belowCoverage ?? 0,
      noData: c?.noScore ?? 0,
    };
  });
}

/** The summary part of a full run. */
export function summaryOf(run: IndexRunDto): IndexRunSummaryDto {
  return {
    id: run.id,
    framework: run.framework,
    scopeUnit: run.scopeUnit,
    level: run.level,
    period: run.period,
    asOf: run.asOf,
    createdAt: run.createdAt,
    createdBy: run.createdBy,
    samples: run.samples,
    seed: run.seed,
    dataFingerprint: run.dataFingerprint,
    synthetic: run.synthetic,
    syntheticLabel: run.syntheticLabel,
    previousRunId: run.previousRunId,
    units: run.units,
    ranked: run.ranked,
    belowCoverage: run.belowCoverage,
    noData: run.noData,
  };
}
