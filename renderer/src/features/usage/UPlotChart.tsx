import { useEffect, useRef } from 'react';
import uPlot from 'uplot';
import { formatCalendarDate, formatInteger } from '../../../../shared/domain/format';
import 'uplot/dist/uPlot.min.css';

interface UPlotChartProps {
  /** Builds the options for the width the chart gets; colours are read from the page's CSS variables. */
  options: (width: number) => uPlot.Options;
  data: uPlot.AlignedData;
  className?: string;
}

/**
 * uPlot draws on a canvas, so the chart is decoration for sighted readers: the figure around it names it and
 * "Show as table" gives the same numbers to everyone. It follows its box's width.
 */
export function UPlotChart({ options, data, className }: UPlotChartProps) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const element = box.current;
    if (!element) return;
    const chart = new uPlot(options(element.clientWidth), data, element);
    const resize = new ResizeObserver(([entry]) => {
      if (entry) chart.setSize({ width: entry.contentRect.width, height: chart.height });
    });
    resize.observe(element);
    return () => {
      resize.disconnect();
      chart.destroy();
    };
  }, [options, data]);
  return <div ref={box} className={className} aria-hidden="true" />;
}

/** A CSS custom property of the page (the app's theme), for the canvas, which cannot read CSS itself. */
export function themeColor(name: string, fallback: string): string {
  const value = getComputedStyle(document.documentElement).getPropertyValue(name).trim();
  return value || fallback;
}

/** uPlot's x values are seconds; a calendar day is its UTC midnight. */
export function daySeconds(isoDate: string): number {
  return Date.parse(`${isoDate}T00:00:00Z`) / 1000;
}

/** Dates under the chart ("Dec 2") and token counts beside it, in the page's muted colour and grid. */
function dayTokenAxes(): uPlot.Axis[] {
  const muted = themeColor('--text-muted', '#6b6b76');
  const grid = themeColor('--border', '#e4e4e9');
  const axis = { stroke: muted, grid: { stroke: grid, width: 1 }, ticks: { stroke: grid, width: 1 } };
  return [
    {
      ...axis,
      values: (_chart, ticks) =>
        ticks.map((t) => formatCalendarDate(new Date(t * 1000).toISOString()).replace(/, \d{4}$/, '')),
    },
    { ...axis, size: 64, values: (_chart, ticks) => ticks.map((t) => formatInteger(t)) },
  ];
}

/**
 * What every chart of days against tokens shares: time on x, the axes above, no legend (the figure's caption
 * and table name the series) and no drag-to-zoom, which would leave the table and the chart showing different
 * days.
 */
export function dayChartOptions(
  size: { width: number; height: number },
  series: uPlot.Series[],
  plugins: uPlot.Plugin[] = [],
): uPlot.Options {
  return {
    ...size,
    legend: { show: false },
    cursor: { drag: { x: false, y: false } },
    scales: { x: { time: true } },
    axes: dayTokenAxes(),
    series: [{}, ...series],
    plugins,
  };
}
