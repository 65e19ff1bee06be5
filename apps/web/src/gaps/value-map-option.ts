import type { RegionalUnitRow } from '../api/types';
import type { ChartOption } from '../charts/echarts-setup';
import type { Region } from '../divisions/map-model';
import {
  FONT_FAMILY,
  mapColourScale,
  mapTooltip,
  regionCodeOf,
  regionMapSeries,
} from '../divisions/map-option';

/**
 * How a region is drawn: coloured by the indicator's value (`value`), grey and hatched when it is in the
 * compared set but has no value for the period (`noData`: shown, never filled in), pale when it is not in
 * the set (`outside`, e.g. the counties of other cities).
 */
export type ValueCategory = 'value' | 'noData' | 'outside';

export interface ValueMapItem {
  readonly code: string;
  readonly name: string;
  readonly category: ValueCategory;
  readonly value: number | null;
  /** Member of the chosen group on the answer's date: drawn with a thick outline. */
  readonly inGroup: boolean;
}

export interface ValueMapModel {
  readonly items: readonly ValueMapItem[];
  /** Sorted codes drawn in a value colour: what the map shows, for tests (a canvas cannot be read). */
  readonly colouredCodes: readonly string[];
  readonly noDataCodes: readonly string[];
  readonly outlinedCodes: readonly string[];
  /** Bounds of the colour scale: the lowest and highest value drawn (null: nothing to colour). */
  readonly range: { readonly min: number; readonly max: number } | null;
}

/** Sequential scale, light = low, dark = high (ColorBrewer YlGnBu, colour-blind safe). */
export const VALUE_COLOURS = ['#ffffcc', '#c7e9b4', '#7fcdbb', '#41b6c4', '#2c7fb8', '#253494'] as const;
export const NO_DATA_FILL = '#dfe3e8';
export const OUTSIDE_FILL = '#f4f5f7';
/** The group's outline: a colour not on the value scale, thick enough to read over any fill. */
export const GROUP_OUTLINE = '#d7301f';
const GROUP_OUTLINE_WIDTH = 2.2;
const HATCH = 'rgba(75, 85, 99, 0.55)';

/** The map model of an answer's units over the regions of the map (county or city boundaries). */
export function buildValueMapModel(
  regions: readonly Region[],
  units: readonly RegionalUnitRow[],
): ValueMapModel {
  const byCode = new Map(units.map((u) => [u.code, u]));
  const items = regions.map((region): ValueMapItem => {
    const unit = byCode.get(region.code);
    const category: ValueCategory = unit === undefined ? 'outside' : unit.value === null ? 'noData' : 'value';
    return {
      code: region.code,
      name: unit?.name ?? region.name,
      category,
      value: unit?.value ?? null,
      inGroup: unit?.inGroup === true,
    };
  });
  const codes = (wanted: (item: ValueMapItem) => boolean) =>
    items
      .filter(wanted)
      .map((item) => item.code)
      .sort();
  const values = items.flatMap((item) =>
    item.category === 'value' && item.value !== null ? [item.value] : [],
  );
  return {
    items,
    colouredCodes: codes((item) => item.category === 'value'),
    noDataCodes: codes((item) => item.category === 'noData'),
    outlinedCodes: codes((item) => item.inGroup),
    range: values.length === 0 ? null : { min: Math.min(...values), max: Math.max(...values) },
  };
}

export interface ValueMapLabels {
  readonly high: string;
  readonly low: string;
  readonly noData: string;
  readonly outside: string;
  /** The group's name, for members' tooltips (null: no group chosen). */
  readonly group: string | null;
  readonly formatValue: (x: number) => string;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** Tooltip HTML: name, value or why there is none, and group membership (names are escaped). */
export function valueTooltip(model: ValueMapModel, labels: ValueMapLabels): (params: unknown) => string {
  const byCode = new Map(model.items.map((item) => [item.code, item]));
  return (params) => {
    const code = regionCodeOf(params);
    const item = code === null ? undefined : byCode.get(code);
    if (item === undefined) return '';
    const lines = [`<strong>${escapeHtml(item.name)}</strong>`];
    if (item.category === 'outside') lines.push(escapeHtml(labels.outside));
    else if (item.value === null) lines.push(escapeHtml(labels.noData));
    else lines.push(escapeHtml(labels.formatValue(item.value)));
    if (item.inGroup && labels.group !== null) lines.push(escapeHtml(labels.group));
    return lines.join('<br/>');
  };
}

const hatch = { color: HATCH, dashArrayX: [1, 0], dashArrayY: [2, 4], rotation: -Math.PI / 4 };

/**
 * ECharts option of the value map on the registered map `mapName`: a continuous visual map over the
 * values; regions without a value or outside the set opt out of it (`visualMap: false`) with their own
 * fill — given as `color` too, since a series under a visual map is filled with each item's visual colour
 * and an item outside the visual map would otherwise get a palette colour. Group members get a thick outline and are drawn last so that neighbours do not cover it.
 */
export function valueMapOption(model: ValueMapModel, labels: ValueMapLabels, mapName: string): ChartOption {
  const byCode = new Map(model.items.map((item) => [item.code, item]));
  const outline = (item: ValueMapItem) =>
    item.inGroup ? { borderColor: GROUP_OUTLINE, borderWidth: GROUP_OUTLINE_WIDTH } : {};
  const data = model.items.map((item) => {
    const z = item.inGroup ? { z: 10 } : {};
    switch (item.category) {
      case 'value':
        return { name: item.code, value: item.value ?? 0, itemStyle: outline(item), ...z };
      case 'noData':
        return {
          name: item.code,
          value: Number.NaN,
          visualMap: false,
          itemStyle: { color: NO_DATA_FILL, areaColor: NO_DATA_FILL, decal: hatch, ...outline(item) },
          ...z,
        };
      default:
        return {
          name: item.code,
          value: Number.NaN,
          visualMap: false,
          itemStyle: { color: OUTSIDE_FILL, areaColor: OUTSIDE_FILL },
        };
    }
  });
  // A single value (or all equal) still needs a non-empty scale.
  const range =
    model.range === null
      ? null
      : model.range.min === model.range.max
        ? { min: model.range.min - 1, max: model.range.max + 1 }
        : model.range;
  return {
    textStyle: { fontFamily: FONT_FAMILY },
    tooltip: mapTooltip(valueTooltip(model, labels)),
    ...(range !== null
      ? {
          visualMap: mapColourScale({
            min: range.min,
            max: range.max,
            colours: VALUE_COLOURS,
            // The ends of the scale are the real highest and lowest values, not a widened range.
            text: [
              `${labels.high} ${labels.formatValue(model.range?.max ?? range.max)}`,
              `${labels.low} ${labels.formatValue(model.range?.min ?? range.min)}`,
            ],
          }),
        }
      : {}),
    series: [
      regionMapSeries({
        map: mapName,
        nameOf: (code) => byCode.get(code)?.name,
        data,
        areaColor: NO_DATA_FILL,
      }),
    ],
  };
}
