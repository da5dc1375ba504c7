import { formatCalendarDate, formatTokens } from '../../../../shared/domain/format';
import type { RunwayForecastModel } from '../../../../shared/ipc/insight-models';

type ProjectedDay = RunwayForecastModel['projection'][number];

/** The drawing's own units: the SVG stretches to the card, so only the ratio matters. */
const WIDTH = 100;
const HEIGHT = 40;

function points(
  days: readonly ProjectedDay[],
  tokens: (day: ProjectedDay) => number,
  peak: number,
): string[] {
  return days.map((day, i) => {
    const x = (i / (days.length - 1)) * WIDTH;
    const y = HEIGHT - (tokens(day) / peak) * HEIGHT;
    return `${x.toFixed(2)},${y.toFixed(2)}`;
  });
}

function area(line: readonly string[]): string {
  return `M0,${HEIGHT} L${line.join(' L')} L${WIDTH},${HEIGHT} Z`;
}

/**
 * The expected end-of-day balance until the renewal, plan tokens stacked on top-up tokens: usage draws the plan
 * first, so the shape shows which bucket is left when, which the dates above only state for the total.
 */
export function RunwayChart({ projection }: { projection: RunwayForecastModel['projection'] }) {
  const first = projection[0];
  const last = projection.at(-1);
  if (!first || !last || projection.length < 2) return null;
  const total = (day: ProjectedDay) => day.plan + day.topUp;
  const peak = Math.max(1, ...projection.map(total));
  const totalLine = points(projection, total, peak);
  const hasTopUp = projection.some((day) => day.topUp > 0);
  const label =
    `Expected balance: ${formatTokens(total(first))} at the end of today, ` +
    `${formatTokens(total(last))} on ${formatCalendarDate(last.date)}`;

  return (
    <figure className="runway">
      <figcaption className="runway__caption">
        <span>Expected balance until the renewal</span>
        <span className="runway__legend" aria-hidden="true">
          <span>
            <span className="swatch swatch--plan" /> Plan
          </span>
          {hasTopUp && (
            <span>
              <span className="swatch swatch--topup" /> Top-up
            </span>
          )}
        </span>
      </figcaption>
      <svg
        className="runway__chart"
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        preserveAspectRatio="none"
        role="img"
        aria-label={label}
      >
        <path className="runway__plan" d={area(totalLine)} />
        {hasTopUp && (
          <path className="runway__topup" d={area(points(projection, (day) => day.topUp, peak))} />
        )}
        <path className="runway__line" d={`M${totalLine.join(' L')}`} />
      </svg>
      <div className="runway__axis muted num" aria-hidden="true">
        <span>Today</span>
        <span>{formatCalendarDate(last.date)}</span>
      </div>
    </figure>
  );
}
