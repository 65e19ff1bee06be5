/**
 * Reporting periods as the progress engine places them in time (METHODS.md §1, packages/core/src/period.ts):
 * a period sits at its end in decimal years — 2025 at 2026.0, 2025Q3-YTD at 2025.75 — and a target "by
 * year T" at T + 1. The web app talks to the server over HTTP only, so the few lines it needs are here;
 * the tests pin them to the engine's own numbers.
 */

export interface PeriodInfo {
  readonly year: number;
  readonly kind: 'year' | 'half' | 'quarter' | 'month';
  readonly index: number;
  readonly ytd: boolean;
  /** End of the period in decimal years. */
  readonly time: number;
  /**
   * Which stretch of the year the value covers, named as the server names the judged series: `year`,
   * `Q3-YTD`, `H1-YTD`, `M10-YTD`, `Q3`. Only values of the same seasonality are compared across years.
   */
  readonly seasonality: string;
}

const PATTERN = /^(\d{4})(?:(H)([12])|(Q)([1-4])|-(0[1-9]|1[0-2]))?(-YTD)?$/;

/** A canonical period string (as the API writes it), or null. */
export function parsePeriodInfo(period: string): PeriodInfo | null {
  const m = PATTERN.exec(period.trim().toUpperCase());
  if (m === null) return null;
  const year = Number(m[1]);
  const ytd = m[7] !== undefined;
  const suffix = ytd ? '-YTD' : '';
  if (m[2] !== undefined) {
    const index = Number(m[3]);
    return {
      year,
      kind: 'half',
      index,
      ytd,
      time: year + (index * 6) / 12,
      seasonality: `H${index}${suffix}`,
    };
  }
  if (m[4] !== undefined) {
    const index = Number(m[5]);
    return {
      year,
      kind: 'quarter',
      index,
      ytd,
      time: year + (index * 3) / 12,
      seasonality: `Q${index}${suffix}`,
    };
  }
  if (m[6] !== undefined) {
    const index = Number(m[6]);
    const name = `M${String(index).padStart(2, '0')}${suffix}`;
    return { year, kind: 'month', index, ytd, time: year + index / 12, seasonality: name };
  }
  if (ytd) return null;
  return { year, kind: 'year', index: 1, ytd: false, time: year + 1, seasonality: 'year' };
}

/** Time of the end of target year T on the same scale. */
export function targetYearTime(year: number): number {
  return year + 1;
}
