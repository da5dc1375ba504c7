import { useCallback, useMemo } from 'react';
import uPlot from 'uplot';
import type { ClientHistoryModel } from '../../../../shared/ipc/insight-models';
import { dayChartOptions, daySeconds, themeColor, UPlotChart } from './UPlotChart';

/** Tokens used each day as bars: the weekly rhythm and the campaign spikes the forecast smooths over. */
export function DailyUsageChart({ history }: { history: ClientHistoryModel }) {
  const data = useMemo<uPlot.AlignedData>(
    () => [history.days.map((d) => daySeconds(d.day)), history.days.map((d) => d.used)],
    [history],
  );
  const options = useCallback((width: number): uPlot.Options => {
    const accent = themeColor('--accent', '#4f46e5');
    return dayChartOptions({ width, height: 160 }, [
      {
        label: 'Tokens used',
        stroke: accent,
        fill: `${accent}99`,
        width: 0,
        paths: uPlot.paths.bars?.({ size: [0.7, 12] }),
      },
    ]);
  }, []);
  return <UPlotChart className="usage-chart" options={options} data={data} />;
}
