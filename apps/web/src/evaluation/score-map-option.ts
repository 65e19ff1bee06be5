import type { LeagueRow } from '../api/types';
import type { ChartOption } from '../charts/echarts-setup';
import type { Region } from '../divisions/map-model';
import {
  FONT_FAMILY,
  MAP_NAME,
  mapColourScale,
  mapTooltip,
  regionCodeOf,
  regionMapSeries,
} from '../divisions/map-option';

/**
 * How a county is drawn: coloured by its score (`scored`), coloured and dotted when its data coverage is
 * below the framework's threshold (`below`: scored, not ranked), grey and hatched without a score
 * (`noData`), pale when the league table's filter leaves it out (`outside`).
 */
export type ScoreCategory = 'scored' | 'below' | 'noData' | 'outside';

export interface ScoreMapItem {
  readonly code: string;
  readonly name: string;
  readonly category: ScoreCategory;
  readonly score: number | null;
  readonly rank: number | null;
  readonly coverage: number | null;
}

export interface ScoreMapModel {
  readonly items: readonly ScoreMapItem[];
  /** Sorted codes drawn in a score colour (scored or below coverage): what the map shows, for tests. */
  readonly colouredCodes: readonly string[];
  readonly noDataCodes: readonly string[];
  readonly belowCoverageCodes: readonly string[];
  /** Whole-number bounds of the colour scale over every score of the run (null: nothing scored). */
  readonly range: { readonly min: number; readonly max: number } | null;
}

/** Sequential scale, light = low, dark = high (ColorBrewer GnBu, colour-blind safe). */
export const SCORE_COLOURS = ['#f0f9e8', '#bae4bc', '#7bccc4', '#43a2ca', '#0868ac'] as const;
/** Fills and patterns shared with the HTML legend so both always agree. */
export const NO_DATA_FILL = '#dfe3e8';
export const OUTSIDE_FILL = '#f4f5f7';
const HATCH = 'rgba(75, 85, 99, 0.55)';
const DOTS = 'rgba(27, 42, 58, 0.6)';

/**
 * The map model of a league table. `visible` is the set of codes the table's filter keeps (null: all);
 * the colour scale spans every score of the run, so that filtering never recolours a county.
 */
export function buildScoreMapModel(
  regions: readonly Region[],
  rows: readonly LeagueRow[],
  visible: ReadonlySet<string> | null,
): ScoreMapModel {
  const byCode = new Map(rows.map((row) => [row.unitCode, row]));
  const items = regions.map((region): ScoreMapItem => {
    const row = byCode.get(region.code);
    const score = row?.score ?? null;
    const category: ScoreCategory =
      visible !== null && !visible.has(region.code)
        ? 'outside'
        : score === null
          ? 'noData'
          : row?.belowCoverage === true
            ? 'below'
            : 'scored';
    return {
      code: region.code,
      name: region.name,
      category,
      score,
      rank: row?.rank ?? null,
      coverage: row?.coverage ?? null,
    };
  });
  const codes = (wanted: (item: ScoreMapItem) => boolean) =>
    items
      .filter(wanted)
      .map((item) => item.code)
      .sort();
  const scores = rows.flatMap((row) => (row.score === null ? [] : [row.score]));
  return {
    items,
    colouredCodes: codes((item) => item.category === 'scored' || item.category === 'below'),
    noDataCodes: codes((item) => item.category === 'noData'),
    belowCoverageCodes: codes((item) => item.category === 'below'),
    range:
      scores.length === 0
        ? null
        : { min: Math.floor(Math.min(...scores)), max: Math.ceil(Math.max(...scores)) },
  };
}

export interface ScoreMapLabels {
  readonly high: string;
  readonly low: string;
  readonly score: string;
  readonly rank: (rank: number) => string;
  readonly notRanked: (coverage: string) => string;
  readonly noData: string;
  readonly outside: string;
  readonly formatScore: (x: number | null) => string;
  readonly formatShare: (x: number | null) => string;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** Tooltip HTML: name, score and rank, or why there is none (names come from the server: escaped). */
export function scoreTooltip(model: ScoreMapModel, labels: ScoreMapLabels): (params: unknown) => string {
  const byCode = new Map(model.items.map((item) => [item.code, item]));
  return (params) => {
    const code = regionCodeOf(params);
    const item = code === null ? undefined : byCode.get(code);
    if (item === undefined) return '';
    const head = `<strong>${escapeHtml(item.name)}</strong>`;
    if (item.category === 'outside') return `${head}<br/>${escapeHtml(labels.outside)}`;
    if (item.score === null) return `${head}<br/>${escapeHtml(labels.noData)}`;
    const standing =
      item.rank !== null ? labels.rank(item.rank) : labels.notRanked(labels.formatShare(item.coverage));
    return `${head}<br/>${escapeHtml(labels.score)} ${escapeHtml(labels.formatScore(item.score))}<br/>${escapeHtml(standing)}`;
  };
}

const hatch = { color: HATCH, dashArrayX: [1, 0], dashArrayY: [2, 4], rotation: -Math.PI / 4 };
const dots = { color: DOTS, symbol: 'circle', symbolSize: 0.5, dashArrayX: [2, 4], dashArrayY: [2, 4] };

/**
 * ECharts option of the score map: a continuous visual map over the scores; counties without a score or
 * outside the filter opt out of it (`visualMap: false`) and carry their own fill and pattern.
 */
export function scoreMapOption(model: ScoreMapModel, labels: ScoreMapLabels): ChartOption {
  const byCode = new Map(model.items.map((item) => [item.code, item]));
  const data = model.items.map((item) => {
    switch (item.category) {
      case 'scored':
        return { name: item.code, value: item.score ?? 0 };
      case 'below':
        return { name: item.code, value: item.score ?? 0, itemStyle: { decal: dots } };
      case 'noData':
        return {
          name: item.code,
          value: Number.NaN,
          visualMap: false,
          itemStyle: { areaColor: NO_DATA_FILL, decal: hatch },
        };
      default:
        return {
          name: item.code,
          value: Number.NaN,
          visualMap: false,
          itemStyle: { areaColor: OUTSIDE_FILL },
        };
    }
  });
  return {
    textStyle: { fontFamily: FONT_FAMILY },
    tooltip: mapTooltip(scoreTooltip(model, labels)),
    ...(model.range !== null
      ? {
          visualMap: mapColourScale({
            min: model.range.min,
            max: model.range.max,
            colours: SCORE_COLOURS,
            text: [labels.high, labels.low],
          }),
        }
      : {}),
    series: [
      regionMapSeries({
        map: MAP_NAME,
        nameOf: (code) => byCode.get(code)?.name,
        data,
        areaColor: NO_DATA_FILL,
      }),
    ],
  };
}
