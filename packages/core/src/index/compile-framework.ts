/**
 * Flattens a framework tree into typed arrays for fast runs (METHODS.md §4): indicators in framework order
 * (domain by domain, so a domain's indicators are contiguous), their input columns, weights per level and
 * aggregation per level. Checks what a run needs: known indicator codes, no duplicates, no empty domain,
 * valid parameters. (The zod schema in packages/contract reports the same problems with JSON paths.)
 */
import { err, ok, type Result } from '../result';
import type { Aggregation, Framework, FrameworkIndicator, Imputation, IndexError } from './types';

/** What aggregation needs to know about the tree. */
export interface AggregationLayout {
  /** Number of indicators. */
  readonly m: number;
  /** Number of domains. */
  readonly d: number;
  /** Domain k holds indicators domainStart[k] … domainStart[k + 1] − 1 (length d + 1). */
  readonly domainStart: Int32Array;
  readonly domainAggregation: readonly Aggregation[];
  readonly topAggregation: Aggregation;
}

export interface CompiledFramework extends AggregationLayout {
  readonly framework: Framework;
  /** Indicator codes in framework order. */
  readonly codes: readonly string[];
  readonly domainCodes: readonly string[];
  readonly specs: readonly FrameworkIndicator[];
  /** Input column of each indicator. */
  readonly columns: Int32Array;
  readonly domainOf: Int32Array;
  /** Raw weights (not yet renormalised; renormalising happens per unit over available indicators). */
  readonly indicatorWeights: Float64Array;
  readonly domainWeights: Float64Array;
  readonly imputations: readonly Imputation[];
  readonly coverageThreshold: number;
}

const bad = (message: string) => err<IndexError>({ code: 'INDEX_BAD_PARAMETER', message });
const okWeight = (w: number) => Number.isFinite(w) && w >= 0;

function checkIndicator(spec: FrameworkIndicator): string | undefined {
  if (!okWeight(spec.weight)) return `weight of ${spec.code} must be a finite number ≥ 0`;
  const nz = spec.normalisation;
  if (nz.method === 'goalposts' && !(Number.isFinite(nz.lo) && Number.isFinite(nz.hi) && nz.lo < nz.hi))
    return `goalposts of ${spec.code} must have lo < hi`;
  if (nz.method === 'distance_to_target' && !(Number.isFinite(nz.target) && nz.target > 0))
    return `target of ${spec.code} must be > 0`;
  if (
    nz.method === 'efficacy' &&
    !(Number.isFinite(nz.target) && Number.isFinite(nz.floor) && nz.target !== nz.floor)
  )
    return `efficacy target and floor of ${spec.code} must differ`;
  if (nz.method === 'efficacy' && (spec.direction === 'up') !== nz.target > nz.floor)
    return `efficacy target of ${spec.code} must be above the floor for an up indicator, below for a down one`;
  const o = spec.outliers;
  if (o && o.method === 'winsorise' && !(o.lower >= 0 && o.upper <= 100 && o.lower < o.upper))
    return `winsorising percentiles of ${spec.code} must satisfy 0 ≤ lower < upper ≤ 100`;
  return undefined;
}

/** Compile `framework` against the column codes of an input matrix. */
export function compileFramework(
  framework: Framework,
  columnCodes: readonly string[],
): Result<CompiledFramework, IndexError> {
  if (framework.domains.length === 0)
    return err({ code: 'INDEX_EMPTY_FRAMEWORK', message: 'framework has no domains' });
  const threshold = framework.coverageThreshold ?? 0;
  if (!(threshold >= 0 && threshold <= 1)) return bad('coverageThreshold must be in [0, 1]');
  const columnOf = new Map<string, number>();
  columnCodes.forEach((c, i) => {
    if (!columnOf.has(c)) columnOf.set(c, i);
  });
  const specs: FrameworkIndicator[] = [];
  const domainOf: number[] = [];
  const domainStart = new Int32Array(framework.domains.length + 1);
  const seen = new Set<string>();
  for (const [k, dom] of framework.domains.entries()) {
    if (dom.indicators.length === 0)
      return err({ code: 'INDEX_EMPTY_FRAMEWORK', message: `domain ${dom.code} has no indicators` });
    if (!okWeight(dom.weight)) return bad(`weight of domain ${dom.code} must be a finite number ≥ 0`);
    domainStart[k] = specs.length;
    for (const spec of dom.indicators) {
      if (seen.has(spec.code))
        return err({ code: 'INDEX_DUPLICATE_INDICATOR', message: `indicator ${spec.code} appears twice` });
      seen.add(spec.code);
      if (!columnOf.has(spec.code))
        return err({
          code: 'INDEX_UNKNOWN_INDICATOR',
          message: `no input column for indicator ${spec.code}`,
        });
      const problem = checkIndicator(spec);
      if (problem) return bad(problem);
      specs.push(spec);
      domainOf.push(k);
    }
  }
  domainStart[framework.domains.length] = specs.length;
  return ok({
    framework,
    m: specs.length,
    d: framework.domains.length,
    domainStart,
    domainAggregation: framework.domains.map((dom) => dom.aggregation ?? framework.aggregation.indicators),
    topAggregation: framework.aggregation.domains,
    codes: specs.map((s) => s.code),
    domainCodes: framework.domains.map((dom) => dom.code),
    specs,
    columns: Int32Array.from(specs, (s) => columnOf.get(s.code) ?? -1),
    domainOf: Int32Array.from(domainOf),
    indicatorWeights: Float64Array.from(specs, (s) => s.weight),
    domainWeights: Float64Array.from(framework.domains, (dom) => dom.weight),
    imputations: specs.map((s) => s.imputation ?? framework.imputation ?? 'none'),
    coverageThreshold: threshold,
  });
}
