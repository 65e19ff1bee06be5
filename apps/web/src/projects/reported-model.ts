/**
 * The province's reported figures beside the registry's roll-up (issue 7 §4): each value written in its
 * indicator's measure, and the registry's figure minus the reported one, so a reader sees how far the
 * registry is from what was published. Nothing is adjusted: a figure the registry cannot compute is shown
 * as such, not as zero.
 */
import type { ReportedFigureDto } from '@suocha/contract';
import { formatNumber, MISSING } from '../evaluation/format';

export interface MeasureWords {
  /** Suffix of a measure in the UI language (`亿元`, `个`), '' when none. */
  readonly suffix: (measure: string) => string;
}

/** Decimals per measure: the seeds quote percentages and 亿元 to one decimal, counts whole. */
export function measureDigits(measure: string): number {
  switch (measure) {
    case 'count':
      return 0;
    default:
      return 1;
  }
}

/** A value in its measure: `59.1%`, `1,696.8 亿元`, `1,833 个`. */
export function formatMeasure(value: number | null, measure: string, words: MeasureWords): string {
  if (value === null || !Number.isFinite(value)) return MISSING;
  const body = formatNumber(value, measureDigits(measure));
  if (measure === '%') return `${body}%`;
  const suffix = words.suffix(measure);
  return suffix === '' ? body : `${body} ${suffix}`;
}

export interface ReportedRow {
  readonly key: string;
  readonly figure: ReportedFigureDto;
  readonly reported: string;
  readonly registry: string | null;
  /** Registry − reported, signed, in the same measure (percentage points for %); null when not computable. */
  readonly difference: string | null;
}

export function reportedRows(figures: readonly ReportedFigureDto[], words: MeasureWords): ReportedRow[] {
  return figures.map((f) => {
    const registry = f.registryValue === null ? null : formatMeasure(f.registryValue, f.measure, words);
    let difference: string | null = null;
    if (f.registryValue !== null) {
      const d = f.registryValue - f.value;
      const digits = measureDigits(f.measure);
      const body = formatNumber(Math.abs(d), digits);
      const zero = body === formatNumber(0, digits);
      // Percentages differ in percentage points; other measures in their own unit.
      const unit = f.measure === '%' ? 'pp' : words.suffix(f.measure);
      difference = `${zero ? '' : d > 0 ? '+' : '−'}${body}${unit === '' ? '' : ` ${unit}`}`;
    }
    return {
      key: `${f.indicatorCode}:${f.unitCode}:${f.period}`,
      figure: f,
      reported: formatMeasure(f.value, f.measure, words),
      registry,
      difference,
    };
  });
}
