import { useCallback, useMemo } from 'react';
import type uPlot from 'uplot';
import type { ClientHistoryModel } from '../../../../shared/ipc/insight-models';
import { dayChartOptions, daySeconds, themeColor, UPlotChart } from './UPlotChart';

const TOP_UP_COLOR = '#22a0a0';

/** Dashed lines on the renewal days: where plan tokens expire and the allocation comes back. */
function renewalMarkers(renewals: readonly string[], color: string): uPlot.Plugin {
  return {
    hooks: {
      draw: (chart) => {
        const { ctx, bbox } = chart;
        ctx.save();
        ctx.strokeStyle = color;
        ctx.setLineDash([4, 4]);
        ctx.lineWidth = 1;
        for (const day of renewals) {
          const x = Math.round(chart.valToPos(daySeconds(day), 'x', true));
          ctx.beginPath();
          ctx.moveTo(x, bbox.top);
          ctx.lineTo(x, bbox.top + bbox.height);
          ctx.stroke();
        }
        ctx.restore();
      },
    },
  };
}

/**
 * Plan and top-up tokens stacked over time (the total drawn first and the plan over it), renewals marked,
 * and the forecast continuing from today to the renewal as a dashed line.
 */
export function BalanceHistoryChart({ history }: { history: ClientHistoryModel }) {
  const data = useMemo<uPlot.AlignedData>(() => {
    const future = history.projection.slice(1);
    const x = [...history.days.map((d) => daySeconds(d.day)), ...future.map((d) => daySeconds(d.date))];
    const pad = future.map(() => null);
    const today = history.days.at(-1);
    const total = [...history.days.map((d) => d.plan + d.topUp), ...pad];
    const plan = [...history.days.map((d) => d.plan), ...pad];
    const forecast = [
      ...history.days.map((d) => (d === today ? d.plan + d.topUp : null)),
      ...future.map((d) => d.plan + d.topUp),
    ];
    return [x, total, plan, forecast];
  }, [history]);

  const options = useCallback(
    (width: number): uPlot.Options => {
      const accent = themeColor('--accent', '#4f46e5');
      const muted = themeColor('--text-muted', '#6b6b76');
      return dayChartOptions(
        { width, height: 240 },
        [
          { label: 'Top-up tokens', stroke: TOP_UP_COLOR, fill: `${TOP_UP_COLOR}40`, width: 1.5 },
          { label: 'Plan tokens', stroke: accent, fill: `${accent}33`, width: 1.5 },
          { label: 'Forecast', stroke: muted, dash: [6, 4], width: 1.5, spanGaps: false },
        ],
        [renewalMarkers(history.renewals, muted)],
      );
    },
    [history.renewals],
  );
  return <UPlotChart className="usage-chart" options={options} data={data} />;
}
