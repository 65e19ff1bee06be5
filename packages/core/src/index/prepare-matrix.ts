/**
 * From raw input to the normalised matrix, per indicator in the JRC/OECD order (Handbook 2008 §4–5;
 * METHODS.md §4): pick the framework's columns → impute → treat outliers (winsorise) → normalise with the
 * indicator's direction. `choice` replaces every indicator's normalisation by one method (for the Monte
 * Carlo's "normalisation drawn from an allowed set"); `framework` keeps each indicator's own.
 */
import type { CompiledFramework } from './compile-framework';
import { impute } from './impute';
import { normaliseColumn } from './normalise';
import type { IndexInput, IndexWarning, Normalisation } from './types';
import { winsorise } from './winsorise';

export type NormalisationChoice = 'framework' | 'minmax' | 'zscore' | 'rank';

export interface PreparedMatrix {
  /** units × indicators in framework order, after imputation and outlier treatment. */
  readonly treated: Float64Array;
  /** 1 where a value was imputed. */
  readonly imputed: Uint8Array;
  /** units × indicators, 0–100, higher = better, NaN = missing. */
  readonly normalised: Float64Array;
  readonly warnings: readonly IndexWarning[];
}

/** Columns of `values` (units × input columns) reordered into framework order (units × m). */
export function gatherColumns(
  values: Float64Array,
  n: number,
  inputColumns: number,
  columns: Int32Array,
): Float64Array {
  const m = columns.length;
  const out = new Float64Array(n * m);
  for (let u = 0; u < n; u++)
    for (let j = 0; j < m; j++) out[u * m + j] = values[u * inputColumns + columns[j]!]!;
  return out;
}

/** Group index per unit (−1 = none) and the group codes, from a unit → group map. */
export function groupIndex(
  units: readonly string[],
  groups: ReadonlyMap<string, string> | undefined,
): { readonly groupOf: Int32Array; readonly codes: readonly (string | undefined)[] } {
  const ids = new Map<string, number>();
  const codes = units.map((u) => groups?.get(u));
  const groupOf = Int32Array.from(codes, (g) => {
    if (g === undefined) return -1;
    let id = ids.get(g);
    if (id === undefined) ids.set(g, (id = ids.size));
    return id;
  });
  return { groupOf, codes };
}

export function prepareMatrix(
  input: IndexInput,
  compiled: CompiledFramework,
  choice: NormalisationChoice = 'framework',
): PreparedMatrix {
  const n = input.units.length;
  const { m, specs, columns } = compiled;
  const cols = input.indicators.length;
  const raw = gatherColumns(input.values, n, cols, columns);
  const previous = input.previous ? gatherColumns(input.previous, n, cols, columns) : undefined;
  const { groupOf } = groupIndex(input.units, input.groups);
  const { values: treated, imputed } = impute(raw, n, m, compiled.imputations, {
    groupOf,
    ...(previous ? { previous } : {}),
  });
  const normalised = new Float64Array(n * m);
  const warnings: IndexWarning[] = [];
  const column = new Float64Array(n);
  const out = new Float64Array(n);
  for (let j = 0; j < m; j++) {
    const spec = specs[j]!;
    for (let u = 0; u < n; u++) column[u] = treated[u * m + j]!;
    const outliers = spec.outliers;
    if (outliers && outliers.method === 'winsorise') {
      winsorise(column, outliers.lower, outliers.upper, column);
      for (let u = 0; u < n; u++) treated[u * m + j] = column[u]!;
    }
    const method: Normalisation = choice === 'framework' ? spec.normalisation : { method: choice };
    const report = normaliseColumn(column, spec.direction, method, out);
    for (let u = 0; u < n; u++) normalised[u * m + j] = out[u]!;
    if (report.observed === 0)
      warnings.push({ code: 'NO_DATA', indicator: spec.code, message: `指标 ${spec.code} 无数据 (no data)` });
    else if (report.constant)
      warnings.push({
        code: 'CONSTANT_COLUMN',
        indicator: spec.code,
        message: `指标 ${spec.code} 各单位取值相同,标准化得分均记为50 (constant column: every unit scores 50)`,
      });
    if (report.clipped > 0)
      warnings.push({
        code: 'ZSCORE_CLIPPED',
        indicator: spec.code,
        message: `${report.clipped} z-score value(s) of ${spec.code} beyond ±5σ clipped to 0 or 100`,
      });
  }
  return { treated, imputed, normalised, warnings };
}
