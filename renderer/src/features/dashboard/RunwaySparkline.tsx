/**
 * The projected balance until the renewal as a tiny line: enough to see "falls
 * to zero soon" versus "flat" at a glance. The row's words carry the numbers,
 * so the drawing is hidden from assistive technology.
 */
export function RunwaySparkline({ points }: { points: readonly number[] }) {
  if (points.length < 2) return <span className="sparkline sparkline--empty" aria-hidden="true" />;
  const width = 96;
  const height = 28;
  const top = Math.max(...points, 1);
  const step = width / (points.length - 1);
  const coordinates = points
    .map((value, i) => `${(i * step).toFixed(1)},${(height - 2 - (value / top) * (height - 4)).toFixed(1)}`)
    .join(' ');
  const empties = points.at(-1) === 0;
  return (
    <svg
      className={`sparkline ${empties ? 'sparkline--empties' : ''}`}
      viewBox={`0 0 ${width} ${height}`}
      width={width}
      height={height}
      aria-hidden="true"
      focusable="false"
    >
      <polyline
        points={coordinates}
        fill="none"
        strokeWidth="2"
        strokeLinejoin="round"
        strokeLinecap="round"
      />
    </svg>
  );
}
