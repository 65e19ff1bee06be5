/**
 * Creates a frozen index run (issue 6 §4): reads the units of a level under the scope unit in force on
 * the as-of date, the 山区海岛县 membership of that date and the approved observations of the period;
 * runs the composite index and its Monte Carlo rank uncertainty (packages/core/src/index, METHODS.md §4);
 * ranks overall, within 山区海岛县 / the rest, and within each parent (city); measures rank change
 * against the latest frozen run of the previous comparable period; and stores the framework version, the
 * observation versions used, their fingerprint and the complete league table in one transaction.
 * A re-run on corrected data is a new run; the old one reads back unchanged.
 */
import { createHash } from 'node:crypto';
import {
  formatPeriod,
  inForceOn,
  indexUncertainty,
  parsePeriod,
  percentileLinear,
  periodEndDate,
  ranksWithinGroups,
  runIndex,
  ok,
  type IndexInput,
  type IndexRun,
  type IndexUncertainty,
  type Period,
  type Result,
} from '@suocha/core';
import { SYNTHETIC_LABEL, type FrameworkJson, type IndexRunDto, type LeagueRowDto } from '@suocha/contract';
import {
  findLatestRun,
  getGroupMembers,
  getRunUnits,
  getUnit,
  getUnitsByCodes,
  insertIndexRun,
  listIndicators,
  listUnitsAtLevel,
  type Indicator,
  type RunInput,
  type ScopedUnit,
  type Store,
  type UnitLevel,
} from '@suocha/store';
import { fail, type IndexServiceError } from './errors';
import { resolveFramework, type ResolvedFramework } from './frameworks';
import { derivedDescription, gatherInputs, loadObservationLookup, type GatheredInputs } from './inputs';

export const MOUNTAIN_ISLAND = 'mountain_island';
const OTHER_GROUP = 'other';

/** Monte Carlo work is bounded: samples × units (the drawn ranks are kept in memory). */
export const MAX_SAMPLE_CELLS = 10_000_000;

export interface IndexRunRequest {
  readonly framework?: string | undefined;
  readonly frameworkVersion?: number | undefined;
  readonly frameworkJson?: unknown;
  readonly of: string;
  readonly level: UnitLevel;
  readonly period: string;
  readonly asOf?: string | undefined;
  readonly samples: number;
  readonly seed: number;
}

export interface RunContext {
  readonly by: string;
  /** ISO timestamp of "now". */
  readonly now: string;
  /** The dataset folder, for the default framework. */
  readonly dataDir: string;
}

const finite = (x: number): number | null => (Number.isFinite(x) ? x : null);
const rankOrNull = (r: number): number | null => (r > 0 ? r : null);

export function median(values: readonly number[]): number | null {
  const xs = values.filter(Number.isFinite).sort((a, b) => a - b);
  return xs.length ? percentileLinear(xs, 50) : null;
}

/** The comparable period one year earlier (2024 for 2025, 2024Q3-YTD for 2025Q3-YTD). */
export function previousComparablePeriod(p: Period): Period {
  return { ...p, year: p.year - 1 };
}

/** SHA-256 over the sorted `indicator \t unit \t period \t version \t value` lines of the inputs. */
export function dataFingerprint(inputs: readonly RunInput[]): string {
  const lines = [
    ...new Set(inputs.map((x) => `${x.indicatorCode}\t${x.unitCode}\t${x.period}\t${x.version}\t${x.value}`)),
  ].sort();
  return createHash('sha256').update(lines.join('\n')).digest('hex');
}

const isIsoDate = (s: string) =>
  /^\d{4}-\d{2}-\d{2}$/.test(s) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s);

export async function createIndexRun(
  store: Store,
  req: IndexRunRequest,
  ctx: RunContext,
): Promise<Result<IndexRunDto, IndexServiceError>> {
  const parsed = parsePeriod(req.period);
  if (!parsed.ok) return fail('INVALID_INPUT', parsed.error.message);
  const period = parsed.value;
  const asOf = req.asOf ?? periodEndDate(period);
  if (!isIsoDate(asOf))
    return fail('INVALID_INPUT', `日期应为 YYYY-MM-DD (as-of date must be YYYY-MM-DD): ${asOf}`);
  if (!(Number.isInteger(req.samples) && req.samples >= 0))
    return fail('INVALID_INPUT', `samples 应为非负整数 (samples must be a whole number ≥ 0): ${req.samples}`);
  if (!(Number.isInteger(req.seed) && req.seed >= 0 && req.seed <= 0xffffffff))
    return fail('INVALID_INPUT', `seed 应为 0–4294967295 的整数 (seed must be an integer in 0–4294967295)`);
  const scope = await getUnit(store, req.of);
  if (!scope) return fail('UNIT_NOT_FOUND', `区划 ${req.of} 不存在 (no unit with code ${req.of})`);

  const resolved = await resolveFramework(
    store,
    { code: req.framework, version: req.frameworkVersion, json: req.frameworkJson },
    ctx,
  );
  if (!resolved.ok) return resolved;
  const { framework } = resolved.value;

  const units = ((await listUnitsAtLevel(store, req.of, req.level)) ?? []).filter((u) => inForceOn(u, asOf));
  if (units.length === 0)
    return fail(
      'NO_UNITS',
      `${scope.name} ${req.of} 下在 ${asOf} 没有 ${req.level} 级区划 (no ${req.level} units under ${req.of} on ${asOf})`,
    );
  if (req.samples * units.length > MAX_SAMPLE_CELLS)
    return fail(
      'INVALID_INPUT',
      `模拟次数过多 too many samples: ${req.samples} × ${units.length} units exceeds ${MAX_SAMPLE_CELLS}`,
    );

  const specs = framework.domains.flatMap((d) => d.indicators.map((i) => ({ ...i, domain: d.code })));
  const codes = specs.map((s) => s.code);
  const lastPeriod = specs.map((s) => (s.imputation ?? framework.imputation ?? 'none') === 'last_period');
  const lookup = await loadObservationLookup(store, codes, units, period);
  const gathered = gatherInputs(lookup, units, codes, lastPeriod, period);
  if (gathered.inputs.length === 0)
    return fail(
      'NO_DATA',
      `${formatPeriod(period)} 在 ${scope.name} ${req.of} 下没有框架 ${framework.code} 任何指标的已审核数据 ` +
        `(no approved observation of any indicator of ${framework.code} for ${formatPeriod(period)} under ${req.of}); ` +
        `load data first (or demo data: suocha demo load)`,
    );
  const synthetic = gathered.syntheticUnits.size > 0;

  const members = new Set((await getGroupMembers(store, MOUNTAIN_ISLAND, asOf)).map((m) => m.code));
  const groups = new Map(units.map((u) => [u.code, members.has(u.code) ? MOUNTAIN_ISLAND : OTHER_GROUP]));

  const previousPeriod = formatPeriod(previousComparablePeriod(period));
  const previousRun = await findLatestRun(store, {
    frameworkId: resolved.value.stored.id,
    scopeUnit: req.of,
    level: req.level,
    period: previousPeriod,
    synthetic,
  });
  const previousRanks = previousRun
    ? new Map(
        (await getRunUnits(store, previousRun.id)).filter((r) => r.rank > 0).map((r) => [r.unitCode, r.rank]),
      )
    : undefined;

  const input: IndexInput = {
    framework,
    units: units.map((u) => u.code),
    indicators: codes,
    values: gathered.values,
    previous: gathered.previous,
    groups,
    previousRanks,
  };
  const run = runIndex(input);
  if (!run.ok) return fail('INVALID_INPUT', run.error.message);
  let mc: IndexUncertainty | undefined;
  if (req.samples > 0) {
    const u = indexUncertainty(input, { samples: req.samples, seed: req.seed });
    if (!u.ok) return fail('INVALID_INPUT', u.error.message);
    mc = u.value;
  }

  const parents = new Map(
    (
      await getUnitsByCodes(
        store,
        units.flatMap((u) => (u.parentCode ? [u.parentCode] : [])),
      )
    ).map((p) => [p.code, p]),
  );
  const catalogue = new Map((await listIndicators(store)).map((i) => [i.code, i]));
  const body = buildResult({
    resolved: resolved.value,
    framework,
    scope: { code: scope.code, name: scope.name },
    level: req.level,
    period: formatPeriod(period),
    asOf,
    ctx,
    samples: req.samples,
    seed: req.seed,
    units,
    parents,
    members,
    catalogue,
    gathered,
    run: run.value,
    mc,
    previous: previousRun
      ? { id: previousRun.id, period: previousPeriod }
      : { id: null, period: previousPeriod },
    previousRanks,
    synthetic,
  });
  const fingerprint = body.dataFingerprint;
  const id = await insertIndexRun(store, {
    frameworkId: resolved.value.stored.id,
    frameworkCode: resolved.value.stored.code,
    frameworkVersion: resolved.value.stored.version,
    scopeUnit: scope.code,
    level: req.level,
    period: body.period,
    asOf,
    createdAt: ctx.now,
    createdBy: ctx.by,
    params: JSON.stringify({ samples: req.samples, seed: req.seed }),
    dataFingerprint: fingerprint,
    synthetic,
    previousRunId: previousRun?.id ?? null,
    results: JSON.stringify(body),
    units: body.rows.map((r) => ({
      unitCode: r.unitCode,
      score: r.score,
      rank: r.rank ?? 0,
      coverage: r.coverage,
      belowCoverage: r.belowCoverage,
    })),
    inputs: gathered.inputs,
  });
  return ok({ ...body, id });
}

interface BuildArgs {
  readonly resolved: ResolvedFramework;
  readonly framework: FrameworkJson;
  readonly scope: { readonly code: string; readonly name: string };
  readonly level: UnitLevel;
  readonly period: string;
  readonly asOf: string;
  readonly ctx: RunContext;
  readonly samples: number;
  readonly seed: number;
  readonly units: readonly ScopedUnit[];
  readonly parents: ReadonlyMap<string, { readonly name: string }>;
  readonly members: ReadonlySet<string>;
  readonly catalogue: ReadonlyMap<string, Indicator>;
  readonly gathered: GatheredInputs;
  readonly run: IndexRun;
  readonly mc: IndexUncertainty | undefined;
  readonly previous: { readonly id: number | null; readonly period: string };
  readonly previousRanks: ReadonlyMap<string, number> | undefined;
  readonly synthetic: boolean;
}

/** The frozen result: everything but the run id, which the store assigns. */
function buildResult(a: BuildArgs): Omit<IndexRunDto, 'id'> {
  const { run, framework, gathered, units } = a;
  const n = units.length;
  const m = run.indicators.length;
  const d = run.domains.length;
  const specs = framework.domains.flatMap((dom) => dom.indicators.map((i) => ({ ...i, domain: dom.code })));
  const spec = new Map(specs.map((s) => [s.code, s]));
  // The gathered matrix is in framework order, as are the run's columns.
  const eligible = Uint8Array.from(run.belowCoverage, (b) => 1 - b);
  const parentRanks = ranksWithinGroups(
    run.scores,
    units.map((u) => u.parentCode ?? undefined),
    eligible,
  );

  const rows: LeagueRowDto[] = units.map((unit, u) => {
    const values: LeagueRowDto['values'] = {};
    for (let j = 0; j < m; j++) {
      const k = u * m + j;
      values[run.indicators[j]!] = {
        raw: finite(gathered.values[k]!),
        value: finite(run.treated[k]!),
        normalised: finite(run.normalised[k]!),
        imputed: run.imputed[k] === 1,
        shortfall: finite(run.shortfall[k]!),
      };
    }
    const domainScores: Record<string, number | null> = {};
    for (let k = 0; k < d; k++) domainScores[run.domains[k]!] = finite(run.domainScores[u * d + k]!);
    const weakest: LeagueRowDto['weakest'] = [];
    for (let w = 0; w < 3; w++) {
      const j = run.weakest[u * 3 + w]!;
      if (j < 0) continue;
      const code = run.indicators[j]!;
      weakest.push({
        indicator: code,
        nameZh: spec.get(code)?.name?.zh ?? a.catalogue.get(code)?.nameZh ?? code,
        contribution: run.shortfall[u * m + j]!,
        value: finite(run.treated[u * m + j]!),
        normalised: finite(run.normalised[u * m + j]!),
      });
    }
    const rank = run.ranks[u]!;
    const interval =
      a.mc && rank > 0 && a.mc.medianRank[u]! > 0
        ? { p5: a.mc.p5Rank[u]!, median: a.mc.medianRank[u]!, p95: a.mc.p95Rank[u]! }
        : null;
    const previousRank = a.previousRanks?.get(unit.code) ?? null;
    return {
      unitCode: unit.code,
      name: unit.name,
      parentCode: unit.parentCode,
      parentName: unit.parentCode ? (a.parents.get(unit.parentCode)?.name ?? null) : null,
      mountainIsland: a.members.has(unit.code),
      score: finite(run.scores[u]!),
      rank: rankOrNull(rank),
      groupRank: rankOrNull(run.groupRanks[u]!),
      parentRank: rankOrNull(parentRanks[u]!),
      previousRank,
      rankChange: finite(run.rankChange[u]!),
      domainScores,
      rankInterval: interval,
      weakest,
      coverage: run.coverage[u]!,
      available: run.available[u]!,
      belowCoverage: run.belowCoverage[u] === 1,
      synthetic: gathered.syntheticUnits.has(unit.code),
      values,
    };
  });
  rows.sort(
    (x, y) =>
      (x.rank ?? Infinity) - (y.rank ?? Infinity) ||
      (y.score ?? -Infinity) - (x.score ?? -Infinity) ||
      (x.unitCode < y.unitCode ? -1 : 1),
  );

  const indicators = run.indicators.map((code, j) => {
    const s = spec.get(code);
    const c = a.catalogue.get(code);
    let observed = 0;
    let imputed = 0;
    const raw: number[] = [];
    const normalised: number[] = [];
    for (let u = 0; u < n; u++) {
      const k = u * m + j;
      if (Number.isFinite(gathered.values[k]!)) {
        observed++;
        raw.push(gathered.values[k]!);
      } else if (run.imputed[k] === 1) imputed++;
      if (Number.isFinite(run.normalised[k]!)) normalised.push(run.normalised[k]!);
    }
    return {
      code,
      nameZh: s?.name?.zh ?? c?.nameZh ?? code,
      nameEn: s?.name?.en ?? c?.nameEn ?? code,
      unit: c?.unit ?? '',
      domain: s?.domain ?? '',
      direction: s?.direction ?? 'up',
      weight: s?.weight ?? 0,
      normalisation: s?.normalisation.method ?? '',
      derived: gathered.derivedCount[j]! > 0 ? derivedDescription(code) : null,
      observed,
      imputed,
      missing: n - observed - imputed,
      median: median(raw),
      medianNormalised: median(normalised),
      source: s?.source ?? null,
    };
  });
  const domains = framework.domains.map((dom, k) => ({
    code: dom.code,
    nameZh: dom.name?.zh ?? dom.code,
    nameEn: dom.name?.en ?? dom.code,
    weight: dom.weight,
    median: median(Array.from({ length: n }, (_, u) => run.domainScores[u * d + k]!)),
  }));

  const ranked = rows.filter((r) => r.rank !== null).length;
  const below = rows.filter((r) => r.belowCoverage).length;
  const noData = rows.filter((r) => r.available === 0).length;
  const threshold = framework.coverageThreshold ?? 0;
  const notes: string[] = [];
  if (a.synthetic)
    notes.push(
      `${SYNTHETIC_LABEL}: 本次结果含模拟数据,不得作为真实统计发布 (inputs include synthetic values; never publish as real figures)`,
    );
  for (const ind of indicators)
    if (ind.missing > 0)
      notes.push(
        `${ind.nameZh} ${ind.code}: ${ind.observed}/${n} 个单位有数据` +
          (ind.imputed ? `, ${ind.imputed} 个插补` : '') +
          ` (${ind.observed} of ${n} units have a value${ind.imputed ? `, ${ind.imputed} imputed` : ''})`,
      );
  if (noData > 0)
    notes.push(
      `${noData} 个单位没有任何数据,未计分 (${noData} units have no data at all and are not scored)`,
    );
  if (below > 0)
    notes.push(
      `${below} 个单位数据覆盖率低于门槛 ${Math.round(threshold * 100)}%,计分但不排名 ` +
        `(${below} units are below the ${Math.round(threshold * 100)}% coverage threshold: scored, not ranked)`,
    );

  const fingerprint = dataFingerprint(gathered.inputs);
  const stored = a.resolved.stored;
  return {
    framework: {
      id: stored.id,
      code: stored.code,
      version: stored.version,
      nameZh: stored.nameZh,
      nameEn: stored.nameEn,
    },
    scopeUnit: a.scope,
    level: a.level,
    period: a.period,
    asOf: a.asOf,
    createdAt: a.ctx.now,
    createdBy: a.ctx.by,
    samples: a.samples,
    seed: a.seed,
    dataFingerprint: fingerprint,
    synthetic: a.synthetic,
    syntheticLabel: a.synthetic ? SYNTHETIC_LABEL : null,
    previousRunId: a.previous.id,
    units: n,
    ranked,
    belowCoverage: below,
    noData,
    note: framework.note ?? null,
    coverageThreshold: threshold,
    frameworkJson: framework,
    domains,
    indicators,
    rankChangeBasis: {
      kind: a.previous.id !== null ? 'run' : 'none',
      runId: a.previous.id,
      period: a.previous.period,
      note:
        a.previous.id !== null
          ? `排名变化对比 ${a.previous.period} 年的冻结结果 #${a.previous.id} (rank change against frozen run #${a.previous.id} of ${a.previous.period})`
          : `没有 ${a.previous.period} 的同框架冻结结果,不计排名变化 (no frozen run of ${a.previous.period} with this framework version: no rank change)`,
    },
    uncertainty: a.mc
      ? {
          samples: a.mc.samples,
          seed: a.mc.seed,
          joint: { ...a.mc.joint },
          factors: a.mc.factors.map((f) => ({
            factor: f.factor,
            option: f.option,
            meanAbsShift: f.meanAbsShift,
            maxAbsShift: f.maxAbsShift,
          })),
        }
      : null,
    warnings: run.warnings.map((w) => ({ code: w.code, indicator: w.indicator, message: w.message })),
    notes,
    rows,
  };
}
