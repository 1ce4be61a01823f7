// The parts of ECharts the results screens draw with. Imported dynamically by EChart.vue, so ECharts
// (~0.6 MB) is fetched when a chart first shows, not with the console.
import { use, init } from 'echarts/core'
import { BarChart, ScatterChart } from 'echarts/charts'
import { GridComponent, TooltipComponent, LegendComponent, VisualMapComponent, MarkLineComponent, TitleComponent } from 'echarts/components'
import { CanvasRenderer } from 'echarts/renderers'

use([BarChart, ScatterChart, GridComponent, TooltipComponent, LegendComponent, VisualMapComponent, MarkLineComponent, TitleComponent, CanvasRenderer])

export { init }
