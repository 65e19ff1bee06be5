/**
 * A county's health check (县域体检表, seed 003 "形成县域空间开发利用体检表") from a frozen run: its
 * domain scores beside the run's median (the provincial median for a provincial run) and its group's
 * median, every indicator's value beside the median, its weakest indicators (短板), and its rank in
 * every run of the same framework, scope and level.
 */
import { ok, type Result } from '@suocha/core';
import type { CountyHealthDto } from '@suocha/contract';
import { getRankHistory, latestRunWithUnit, type Store } from '@suocha/store';
import { fail, type IndexServiceError } from './errors';
import { getIndexRunDto, summaryOf } from './read';
import { median } from './run';

export async function countyHealth(
  store: Store,
  unitCode: string,
  runId?: number,
): Promise<Result<CountyHealthDto, IndexServiceError>> {
  const id = runId ?? (await latestRunWithUnit(store, unitCode));
  if (id === undefined)
    return fail('RUN_NOT_FOUND', `没有包含 ${unitCode} 的指数运行结果 (no index run includes ${unitCode})`);
  const got = await getIndexRunDto(store, id);
  if (!got.ok) return got;
  const run = got.value;
  const row = run.rows.find((r) => r.unitCode === unitCode);
  if (!row)
    return fail('NOT_IN_RUN', `运行 #${id} 不含 ${unitCode} (run #${id} does not include ${unitCode})`);
  const peers = run.rows.filter((r) => r.mountainIsland === row.mountainIsland);
  const history = await getRankHistory(store, {
    unitCode,
    frameworkCode: run.framework.code,
    scopeUnit: run.scopeUnit.code,
    level: run.level,
  });
  return ok({
    run: summaryOf(run),
    note: run.note,
    unit: {
      code: row.unitCode,
      name: row.name,
      parentCode: row.parentCode,
      parentName: row.parentName,
      mountainIsland: row.mountainIsland,
    },
    row,
    domains: run.domains.map((d) => ({
      code: d.code,
      nameZh: d.nameZh,
      nameEn: d.nameEn,
      score: row.domainScores[d.code] ?? null,
      runMedian: d.median,
      groupMedian: median(peers.flatMap((p) => nonNull(p.domainScores[d.code]))),
    })),
    indicators: run.indicators.map((i) => {
      const cell = row.values[i.code];
      return {
        code: i.code,
        nameZh: i.nameZh,
        nameEn: i.nameEn,
        unit: i.unit,
        domain: i.domain,
        direction: i.direction,
        raw: cell?.raw ?? null,
        value: cell?.value ?? null,
        normalised: cell?.normalised ?? null,
        imputed: cell?.imputed ?? false,
        missing: (cell?.value ?? null) === null,
        shortfall: cell?.shortfall ?? null,
        runMedian: i.median,
        runMedianNormalised: i.medianNormalised,
      };
    }),
    weakest: row.weakest,
    rankHistory: history.map((h) => ({
      runId: h.runId,
      period: h.period,
      asOf: h.asOf,
      createdAt: h.createdAt,
      frameworkVersion: h.frameworkVersion,
      synthetic: h.synthetic,
      score: h.score,
      rank: h.rank > 0 ? h.rank : null,
      coverage: h.coverage,
      belowCoverage: h.belowCoverage,
    })),
  });
}

const nonNull = (x: number | null | undefined): number[] => (x === null || x === undefined ? [] : [x]);
