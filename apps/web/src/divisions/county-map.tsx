import { useEffect, useRef } from 'react';
import type { CountyCollection } from '../api/types';
import { init, registerMap } from './echarts-setup';
import type { EChartsType } from './echarts-setup';
import type { MapModel } from './map-model';
import { MAP_NAME, countyMapOption, regionCodeOf } from './map-option';
import type { MapLabels } from './map-option';

interface CountyMapProps {
  /** Normalised county collection (see normaliseCollection). */
  readonly geo: CountyCollection;
  readonly model: MapModel;
  readonly labels: MapLabels;
  readonly ariaLabel: string;
  readonly onSelect: (code: string) => void;
}

/**
 * ECharts county map. The container carries `data-member-codes` (sorted codes drawn in the member colour)
 * because a canvas cannot be inspected: tests and assistive tools read what the map shows from there.
 */
export function CountyMap({ geo, model, labels, ariaLabel, onSelect }: CountyMapProps) {
  const containerRef = useRef<HTMLDivElement>(null);
  const chartRef = useRef<EChartsType | null>(null);
  const registeredRef = useRef<CountyCollection | null>(null);
  const onSelectRef = useRef(onSelect);

  useEffect(() => {
    onSelectRef.current = onSelect;
  });

  useEffect(() => {
    const element = containerRef.current;
    if (element === null) return undefined;
    const chart = init(element, undefined, { renderer: 'canvas' });
    chartRef.current = chart;
    chart.on('click', (params) => {
      const code = regionCodeOf(params);
      if (code !== null) onSelectRef.current(code);
    });
    const observer = new ResizeObserver(() => chart.resize());
    observer.observe(element);
    return () => {
      observer.disconnect();
      chart.dispose();
      chartRef.current = null;
      registeredRef.current = null;
    };
  }, []);

  useEffect(() => {
    const chart = chartRef.current;
    if (chart === null) return;
    if (registeredRef.current !== geo) {
      registerMap(MAP_NAME, geo);
      registeredRef.current = geo;
    }
    // Merge (not replace) so that a user's zoom and pan survive a change of date or group.
    chart.setOption(countyMapOption(model, labels));
  }, [geo, model, labels]);

  return (
    <div
      ref={containerRef}
      className="county-map"
      data-testid="county-map"
      data-member-codes={model.colouredCodes.join(',')}
      role="img"
      aria-label={ariaLabel}
    />
  );
}
