/**
 * Loads published observations from CSV files whose columns differ (the seeds' observations.csv, the
 * statistical releases, the census). Each file is described by a column mapping. All files of one load are
 * checked first — unknown indicator or unit, a period that does not exist, a non-numeric value, a unit of
 * measure that cannot be converted to the indicator's, a key given twice — and then written in one
 * transaction with a history entry per value.
 */
import { basename } from 'node:path';
import {
  conversionFactor,
  formatPeriod,
  parsePeriod,
  periodEndDate,
  provinceOf,
  type ImportProblem,
} from '@suocha/core';
import { getPaths, insertNewObservations, type NewObservation, type Store } from '@suocha/store';
import { readCsvFile, RowReader } from '../io/csv';

export interface ObservationFileSpec {
  readonly path: string;
  readonly columns: {
    readonly indicator: string;
    readonly unit: string;
    /** Column holding a period; or `year` for files that give a bare year. */
    readonly period: string;
    readonly value: string;
    readonly source: string;
    readonly note?: string;
    /** Column with the value's unit of measure, converted to the indicator's unit. */
    readonly measureUnit?: string;
    /** Column flagging values derived by arithmetic from published ones (noted on the value). */
    readonly derived?: string;
  };
  /** Source text prefixed to the row's source (e.g. the seed file name is already in the row). */
  readonly sourcePrefix?: string;
  /** Rows with an empty unit code are reported as skipped rather than rejected. */
  readonly skipRowsWithoutUnit?: boolean;
}

export interface SkippedRow {
  readonly file: string;
  readonly line: number;
  readonly reason: string;
}

export type LoadObservationsResult =
  | { ok: true; read: number; inserted: number; skipped: SkippedRow[] }
  | { ok: false; problems: ImportProblem[] };

export async function loadObservationFiles(
  store: Store,
  specs: readonly ObservationFileSpec[],
  meta: { readonly by: string; readonly at: string; readonly reason: string; readonly synthetic?: boolean },
): Promise<LoadObservationsResult> {
  const problems: ImportProblem[] = [];
  const skipped: SkippedRow[] = [];
  const indicatorUnits = new Map(
    (await store.db.selectFrom('indicators').select(['code', 'unit']).execute()).map(
      (r) => [r.code, r.unit] as const,
    ),
  );
  const parsed: {
    file: string;
    line: number;
    unitColumn: string;
    obs: Omit<NewObservation, 'provinceCode'>;
  }[] = [];
  for (const spec of specs) {
    const file = basename(spec.path);
    const c = spec.columns;
    const required = [
      c.indicator,
      c.unit,
      c.period,
      c.value,
      c.source,
      ...(c.note ? [c.note] : []),
      ...(c.measureUnit ? [c.measureUnit] : []),
    ];
    const csv = await readCsvFile(spec.path, { required });
    problems.push(...csv.problems);
    const r = new RowReader(file, problems);
    for (const row of csv.rows) {
      const unitCode = r.text(row, c.unit);
      if (!unitCode) {
        if (spec.skipRowsWithoutUnit) {
          skipped.push({
            file,
            line: row.line,
            reason: `无区划代码 no unit code (${row.values.unit_name ?? ''})`,
          });
        } else r.problem(row, c.unit, 'EMPTY_VALUE', `"${c.unit}" 不能为空 (must not be empty)`);
        continue;
      }
      const indicatorCode = r.text(row, c.indicator, { required: true });
      const periodText = r.text(row, c.period, { required: true });
      let value = r.number(row, c.value);
      const indicatorUnit = indicatorUnits.get(indicatorCode);
      if (indicatorCode && indicatorUnit === undefined)
        r.problem(row, c.indicator, 'UNKNOWN_INDICATOR', `未知指标 unknown indicator "${indicatorCode}"`);
      const period = parsePeriod(periodText);
      if (periodText && !period.ok) r.problem(row, c.period, 'BAD_PERIOD', period.error.message);
      let note = c.note ? r.text(row, c.note) : '';
      if (c.measureUnit && indicatorUnit !== undefined && value !== null) {
        const mu = r.text(row, c.measureUnit);
        const factor = mu ? conversionFactor(mu, indicatorUnit) : 1;
        if (factor === undefined) {
          r.problem(
            row,
            c.measureUnit,
            'UNIT_MISMATCH',
            `计量单位 "${mu}" 无法换算为指标单位 "${indicatorUnit}" (cannot convert)`,
          );
        } else if (factor !== 1) {
          note = [note, `原值 ${value} ${mu} (published value), ×${factor}`].filter(Boolean).join('; ');
          value = Math.round(value * factor * 1e6) / 1e6;
        }
      }
      if (c.derived && r.text(row, c.derived) === '1')
        note = ['derived 推算', note].filter(Boolean).join(': ');
      if (!indicatorCode || !period.ok || value === null || indicatorUnit === undefined) continue;
      const source = [spec.sourcePrefix, r.text(row, c.source, { required: true })].filter(Boolean).join(' ');
      parsed.push({
        file,
        line: row.line,
        unitColumn: c.unit,
        obs: {
          indicatorCode,
          unitCode,
          period: formatPeriod(period.value),
          periodEnd: periodEndDate(period.value),
          value,
          source,
          note,
          status: 'approved',
          synthetic: meta.synthetic ?? false,
        },
      });
    }
  }
  const paths = await getPaths(store, [...new Set(parsed.map((p) => p.obs.unitCode))]);
  const seen = new Map<string, string>();
  const rows: NewObservation[] = [];
  for (const p of parsed) {
    const path = paths.get(p.obs.unitCode);
    if (path === undefined) {
      problems.push({
        code: 'UNKNOWN_UNIT',
        file: p.file,
        line: p.line,
        column: p.unitColumn,
        message: `区划 ${p.obs.unitCode} 不存在 (unknown unit)`,
      });
      continue;
    }
    const key = `${p.obs.indicatorCode}|${p.obs.unitCode}|${p.obs.period}`;
    const first = seen.get(key);
    if (first) {
      problems.push({
        code: 'DUPLICATE_VALUE',
        file: p.file,
        line: p.line,
        message: `同一指标、区划、期间重复 (${key}) — first at ${first}`,
      });
      continue;
    }
    seen.set(key, `${p.file}:${p.line}`);
    rows.push({ ...p.obs, provinceCode: provinceOf(path) });
  }
  if (problems.length) return { ok: false, problems };
  const inserted = await insertNewObservations(store, rows, meta);
  return { ok: true, read: rows.length, inserted, skipped };
}
