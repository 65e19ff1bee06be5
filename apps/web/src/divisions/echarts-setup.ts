// Modular ECharts: only the map chart, tooltips and the canvas renderer go into the bundle.
import { init, registerMap, use } from 'echarts/core';
import { MapChart } from 'echarts/charts';
import { TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';

use([MapChart, TooltipComponent, CanvasRenderer]);

export { init, registerMap };
export type { EChartsType } from 'echarts/core';
