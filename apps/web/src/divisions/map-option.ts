import type { ComposeOption } from 'echarts/core';
import type { MapSeriesOption } from 'echarts/charts';
import type { TooltipComponentOption } from 'echarts/components';
import type { MapModel, RegionCategory } from './map-model';

export type CountyMapOption = ComposeOption<MapSeriesOption | TooltipComponentOption>;

/** The name ECharts knows the county map by (echarts.registerMap). */
export const MAP_NAME = 'zhejiang';

/** Same list as the page CSS: canvas text does not inherit CSS fonts. */
export const FONT_FAMILY =
  '-apple-system, "Segoe UI", "PingFang SC", "Hiragino Sans GB", "WenQuanYi Zen Hei", "Noto Sans CJK SC", "Microsoft YaHei", sans-serif';

/** Fill per category; also used by the HTML legend so both always agree. */
export const CATEGORY_COLOURS: Record<RegionCategory, string> = {
  member: '#1d5fae',
  other: '#dde7f3',
  filtered: '#f3f4f6',
};
export const SELECTED_BORDER = '#e8890c';
const BORDER = '#ffffff';

/**
 * Where the map sits in its container (ECharts geo layout: the bounding box of all counties, its width
 * scaled by `aspectScale`, fitted into `size` × min(width, height) around `center`). Exported so the
 * browser test can compute where a county is drawn.
 */
export const MAP_LAYOUT = {
  centerXPercent: 50,
  centerYPercent: 50,
  sizePercent: 96,
  aspectScale: 0.75,
} as const;
const HOVER = '#f5c04a';

export interface MapLabels {
  readonly member: string;
  readonly other: string;
  readonly code: string;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** Region code from an ECharts callback parameter (regions are named by `adcode`). */
export function regionCodeOf(params: unknown): string | null {
  if (typeof params !== 'object' || params === null || !('name' in params)) return null;
  const name = params.name;
  return typeof name === 'string' || typeof name === 'number' ? String(name) : null;
}

/** The tooltip component every region map uses: one item at a time, kept inside the chart. */
export function mapTooltip(formatter: (params: unknown) => string) {
  return {
    trigger: 'item' as const,
    formatter,
    textStyle: { fontFamily: FONT_FAMILY, fontSize: 13 },
    confine: true,
  };
}

/** A horizontal continuous colour scale in the map's lower-left corner, for series 0. */
export function mapColourScale(scale: {
  readonly min: number;
  readonly max: number;
  readonly colours: readonly string[];
  /** Labels at the high and the low end. */
  readonly text: readonly [string, string];
}) {
  return {
    type: 'continuous' as const,
    seriesIndex: 0,
    min: scale.min,
    max: scale.max,
    inRange: { color: [...scale.colours] },
    text: [...scale.text],
    calculable: false,
    orient: 'horizontal' as const,
    left: 8,
    bottom: 8,
    itemWidth: 12,
    itemHeight: 160,
    textStyle: { fontFamily: FONT_FAMILY, color: '#1b2a3a' },
  };
}

/**
 * The `map` series shared by every region map: same layout, zoom limits, borders and hover (the region's
 * name as label), so that the 区划, 三大差距 and 县域评价 maps look and behave alike.
 */
export function regionMapSeries<D>(series: {
  readonly map: string;
  readonly nameOf: (code: string) => string | undefined;
  readonly data: D[];
  /** Fill of regions without an own fill (default: none, ECharts' own). */
  readonly areaColor?: string;
}) {
  return {
    type: 'map' as const,
    map: series.map,
    nameProperty: 'adcode',
    roam: true,
    scaleLimit: { min: 1, max: 10 },
    layoutCenter: [`${MAP_LAYOUT.centerXPercent}%`, `${MAP_LAYOUT.centerYPercent}%`],
    layoutSize: `${MAP_LAYOUT.sizePercent}%`,
    aspectScale: MAP_LAYOUT.aspectScale,
    selectedMode: false as const,
    label: { show: false },
    itemStyle: {
      borderColor: BORDER,
      borderWidth: 0.8,
      ...(series.areaColor === undefined ? {} : { areaColor: series.areaColor }),
    },
    emphasis: {
      label: {
        show: true,
        fontFamily: FONT_FAMILY,
        color: '#1b2a3a',
        formatter: (params: unknown) => {
          const code = regionCodeOf(params);
          return (code === null ? undefined : series.nameOf(code)) ?? '';
        },
      },
      itemStyle: { areaColor: HOVER },
    },
    data: series.data,
  };
}

/** Tooltip HTML of a region: name, code and membership (names come from the server, so escaped). */
export function countyTooltip(model: MapModel, labels: MapLabels): (params: unknown) => string {
  const byCode = new Map(model.items.map((item) => [item.code, item]));
  return (params) => {
    const code = regionCodeOf(params);
    const item = code === null ? undefined : byCode.get(code);
    if (item === undefined) return '';
    const status = item.category === 'member' ? labels.member : labels.other;
    return `<strong>${escapeHtml(item.name)}</strong><br/>${escapeHtml(labels.code)} ${escapeHtml(item.code)}<br/>${escapeHtml(status)}`;
  };
}

/** ECharts option of the county map: one `map` series, one data item per region, styled by category. */
export function countyMapOption(model: MapModel, labels: MapLabels): CountyMapOption {
  const byCode = new Map(model.items.map((item) => [item.code, item]));
  return {
    textStyle: { fontFamily: FONT_FAMILY },
    tooltip: mapTooltip(countyTooltip(model, labels)),
    series: [
      regionMapSeries({
        map: MAP_NAME,
        nameOf: (code) => byCode.get(code)?.name,
        data: model.items.map((item) => ({
          name: item.code,
          value: item.category === 'member' ? 1 : 0,
          itemStyle: {
            areaColor: CATEGORY_COLOURS[item.category],
            ...(item.selected ? { borderColor: SELECTED_BORDER, borderWidth: 2.5 } : {}),
          },
          // Draw the selected county last so its thick border is not covered by neighbours.
          ...(item.selected ? { z: 10 } : {}),
        })),
      }),
    ],
  };
}
