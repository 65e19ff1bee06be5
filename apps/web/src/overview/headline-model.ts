/**
 * The three gaps' headline figures (三大差距, seed 000 一、主要目标): for each gap its indicators, each with
 * the latest real value, the governing target judged now and the series for a sparkline. Nothing is
 * filled in: an indicator without approved values has `latest: null` and the page says 暂无数据.
 */
import type { Indicator, IndicatorSeries, ProgressRow } from '../api/types';
import { parsePeriodInfo } from '../targets/period-time';
import { latestCounted, lineOf, seasonalLines } from '../targets/series-model';
import type { TimedPoint } from '../targets/series-model';

export type GapKey = 'urbanRural' | 'regional' | 'income';

/** Each gap's indicators, as the 2025 implementation plan (000) states its targets. */
export const HEADLINE_GAPS: readonly { readonly key: GapKey; readonly indicators: readonly string[] }[] = [
  { key: 'urbanRural', indicators: ['urban_rural_income_ratio'] },
  { key: 'regional', indicators: ['city_income_max_min_ratio', 'mountain_island_income_ratio'] },
  { key: 'income', indicators: ['resident_income', 'rural_income'] },
];

export const HEADLINE_INDICATORS: readonly string[] = HEADLINE_GAPS.flatMap((g) => g.indicators);

export interface HeadlineMetric {
  readonly code: string;
  readonly indicator: Indicator | null;
  /** The latest approved value: the judged series' latest when a target is judged, else the series'. */
  readonly latest: {
    readonly period: string;
    readonly value: number;
    readonly source: string | null;
  } | null;
  /** The target judged now (governing, next target year), or null when no plan sets one for the unit. */
  readonly row: ProgressRow | null;
  /** The series the latest value belongs to, for the sparkline, and the annual one beside a sub-annual one. */
  readonly line: readonly TimedPoint[];
  readonly annualLine: readonly TimedPoint[] | null;
  readonly synthetic: boolean;
}

/**
 * The target of an indicator and unit to show as "the" target: the one judged now (`current`); failing
 * that the governing target of the latest year (all target years have passed), else null.
 */
export function headlineRow(
  rows: readonly ProgressRow[],
  indicatorCode: string,
  unitCode: string,
): ProgressRow | null {
  const own = rows.filter((r) => r.indicator.code === indicatorCode && r.unit.code === unitCode);
  const current = own.find((r) => r.current);
  if (current !== undefined) return current;
  const governing = own.filter((r) => r.governing).sort((a, b) => b.year - a.year);
  return governing[0] ?? null;
}

export function headlineMetric(
  code: string,
  indicator: Indicator | undefined,
  rows: readonly ProgressRow[],
  unitCode: string,
  series: IndicatorSeries | undefined,
): HeadlineMetric {
  const row = headlineRow(rows, code, unitCode);
  const items = series?.items ?? [];
  const lines = seasonalLines(items);
  const fallback = latestCounted(items);
  const latest =
    row?.latest !== null && row?.latest !== undefined
      ? { period: row.latest.period, value: row.latest.value, source: row.latest.source }
      : fallback !== null
        ? { period: fallback.period, value: fallback.value, source: fallback.point.source }
        : null;
  const seasonality = latest === null ? null : (parsePeriodInfo(latest.period)?.seasonality ?? null);
  const line = lineOf(lines, seasonality)?.points ?? [];
  const annualLine =
    seasonality !== null && seasonality !== 'year' ? (lineOf(lines, 'year')?.points ?? null) : null;
  const shown = [...line, ...(annualLine ?? [])];
  return {
    code,
    indicator: indicator ?? null,
    latest,
    row,
    line,
    annualLine: annualLine !== null && annualLine.length > 0 ? annualLine : null,
    synthetic: (row?.synthetic ?? false) || shown.some((p) => p.point.synthetic),
  };
}
