import { useCallback, useMemo } from 'react';
import type { CountyCollection, RegionalUnitRow } from '../api/types';
import { EChart } from '../charts/echart';
import { registerMap } from '../charts/echarts-setup';
import { regionsOf } from '../divisions/map-model';
import { useI18n } from '../i18n/i18n-context';
import {
  GROUP_OUTLINE,
  NO_DATA_FILL,
  OUTSIDE_FILL,
  VALUE_COLOURS,
  buildValueMapModel,
  valueMapOption,
} from './value-map-option';
import type { ValueMapLabels } from './value-map-option';

// Each map name is registered once per collection: re-registering drops ECharts' parsed copy.
const registered = new Map<string, CountyCollection>();

interface ValueMapProps {
  readonly geo: CountyCollection;
  /** Name the boundaries are registered under (county and city maps must not share one). */
  readonly mapName: string;
  readonly units: readonly RegionalUnitRow[];
  readonly groupName: string | null;
  readonly formatValue: (x: number) => string;
  readonly title: string;
}

/**
 * The county (or city) map coloured by the indicator's value; units without a value are grey and hatched
 * (shown, never filled), the group's members carry a thick outline. The `data-` attributes say what is
 * drawn, for tests and assistive tools.
 */
export function ValueMap({ geo, mapName, units, groupName, formatValue, title }: ValueMapProps) {
  const { t } = useI18n();
  const g = t.gaps;
  const regions = useMemo(() => regionsOf(geo), [geo]);
  const model = useMemo(() => buildValueMapModel(regions, units), [regions, units]);
  const labels = useMemo<ValueMapLabels>(
    () => ({
      high: g.mapHigh,
      low: g.mapLow,
      noData: g.noData,
      outside: g.mapOutside,
      group: groupName,
      formatValue,
    }),
    [g, groupName, formatValue],
  );
  const option = useMemo(() => valueMapOption(model, labels, mapName), [model, labels, mapName]);
  const prepare = useCallback(() => {
    if (registered.get(mapName) === geo) return;
    registerMap(mapName, geo);
    registered.set(mapName, geo);
  }, [geo, mapName]);
  const hasOutside = model.items.some((item) => item.category === 'outside');

  return (
    <>
      <ul className="legend" data-testid="value-legend">
        <li>
          <span
            className="swatch swatch-gradient"
            style={{ background: `linear-gradient(90deg, ${VALUE_COLOURS.join(', ')})` }}
          />
          {g.legendValue}
        </li>
        {model.noDataCodes.length > 0 ? (
          <li data-testid="legend-no-data">
            <span className="swatch swatch-hatched" style={{ backgroundColor: NO_DATA_FILL }} />
            {g.legendNoData(model.noDataCodes.length)}
          </li>
        ) : null}
        {groupName !== null && model.outlinedCodes.length > 0 ? (
          <li data-testid="legend-group">
            <span className="swatch swatch-outline" style={{ borderColor: GROUP_OUTLINE }} />
            {g.legendGroup(groupName, model.outlinedCodes.length)}
          </li>
        ) : null}
        {hasOutside ? (
          <li>
            <span className="swatch" style={{ background: OUTSIDE_FILL }} />
            {g.mapOutside}
          </li>
        ) : null}
      </ul>
      <EChart
        option={option}
        prepare={prepare}
        className="county-map value-map"
        testId="value-map"
        ariaLabel={title}
        data={{
          'data-map': mapName,
          'data-coloured-count': model.colouredCodes.length,
          'data-coloured-codes': model.colouredCodes.join(','),
          'data-no-data-count': model.noDataCodes.length,
          'data-outlined-codes': model.outlinedCodes.join(','),
          'data-min': model.range?.min,
          'data-max': model.range?.max,
        }}
      />
    </>
  );
}
