import { useEffect, useRef } from 'react';
import type { HTMLAttributes } from 'react';
import { init } from './echarts-setup';
import type { ChartOption, EChartsType } from './echarts-setup';

type DataAttributes = Record<`data-${string}`, string | number | undefined>;

interface EChartProps {
  readonly option: ChartOption;
  /** Called before the option is set, e.g. to register the map the option refers to. */
  readonly prepare?: () => void;
  /** Clicked data item's name (for maps: the region code). */
  readonly onItemClick?: (name: string) => void;
  readonly className: string;
  readonly testId: string;
  readonly ariaLabel: string;
  /** What the canvas shows, for tests and assistive tools (a canvas cannot be inspected). */
  readonly data?: DataAttributes;
}

/**
 * One ECharts instance in a div: created on mount, resized with its container, disposed on unmount. The
 * option replaces the previous one (`notMerge`), so series that disappear are really gone.
 */
export function EChart({ option, prepare, onItemClick, className, testId, ariaLabel, data }: EChartProps) {
  const containerRef = useRef<HTMLDivElement>(null);
  const chartRef = useRef<EChartsType | null>(null);
  const onClickRef = useRef(onItemClick);

  useEffect(() => {
    onClickRef.current = onItemClick;
  });

  useEffect(() => {
    const element = containerRef.current;
    if (element === null) return undefined;
    const chart = init(element, undefined, { renderer: 'canvas' });
    chartRef.current = chart;
    chart.on('click', (params) => {
      const name: unknown = params.name;
      if (typeof name === 'string' || typeof name === 'number') onClickRef.current?.(String(name));
    });
    const observer = new ResizeObserver(() => chart.resize());
    observer.observe(element);
    return () => {
      observer.disconnect();
      chart.dispose();
      chartRef.current = null;
    };
  }, []);

  useEffect(() => {
    const chart = chartRef.current;
    if (chart === null) return;
    prepare?.();
    chart.setOption(option, { notMerge: true });
  }, [option, prepare]);

  const attributes: HTMLAttributes<HTMLDivElement> & DataAttributes = { ...data };
  return (
    <div
      ref={containerRef}
      className={className}
      data-testid={testId}
      role="img"
      aria-label={ariaLabel}
      {...attributes}
    />
  );
}
