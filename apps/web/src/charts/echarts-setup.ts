// Modular ECharts for the analysis pages: map, bar, line and scatter charts with axes, legend, tooltips and
// a continuous visual map, on the canvas renderer. `use` is global, so the divisions map keeps working.
import { init, registerMap, use } from 'echarts/core';
import type { ComposeOption } from 'echarts/core';
import { BarChart, LineChart, MapChart, ScatterChart } from 'echarts/charts';
import type { BarSeriesOption, LineSeriesOption, MapSeriesOption, ScatterSeriesOption } from 'echarts/charts';
import {
  GridComponent,
  LegendComponent,
  TooltipComponent,
  VisualMapContinuousComponent,
} from 'echarts/components';
import type {
  GridComponentOption,
  LegendComponentOption,
  TooltipComponentOption,
  VisualMapComponentOption,
} from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';

use([
  MapChart,
  BarChart,
  LineChart,
  ScatterChart,
  GridComponent,
  LegendComponent,
  TooltipComponent,
  VisualMapContinuousComponent,
  CanvasRenderer,
]);

/** Every option the app's charts may use. */
export type ChartOption = ComposeOption<
  | BarSeriesOption
  | LineSeriesOption
  | MapSeriesOption
  | ScatterSeriesOption
  | GridComponentOption
  | LegendComponentOption
  | TooltipComponentOption
  | VisualMapComponentOption
>;

export { init, registerMap };
export type { EChartsType } from 'echarts/core';
