/**
 * The Usage tab's charts and their table alternative. uPlot and this file load only when the tab opens, so the
 * first screen of the app does not carry the chart code.
 */
import { useState } from 'react';
import { formatCalendarDate, formatInteger } from '../../../../shared/domain/format';
import type { ClientHistoryModel } from '../../../../shared/ipc/insight-models';
import { BalanceHistoryChart } from './BalanceHistoryChart';
import { DailyUsageChart } from './DailyUsageChart';

function HistoryTable({ history }: { history: ClientHistoryModel }) {
  const renewals = new Set(history.renewals);
  return (
    <div className="usage-table">
      <table className="table">
        <caption className="visually-hidden">Balance and usage per day, newest first</caption>
        <thead>
          <tr>
            <th scope="col">Date</th>
            <th scope="col" className="cell--end">
              Plan tokens
            </th>
            <th scope="col" className="cell--end">
              Top-up tokens
            </th>
            <th scope="col" className="cell--end">
              Balance
            </th>
            <th scope="col" className="cell--end">
              Used
            </th>
          </tr>
        </thead>
        <tbody>
          {history.days.toReversed().map((day) => (
            <tr key={day.day}>
              <td>
                {formatCalendarDate(day.day)}
                {renewals.has(day.day) && <span className="muted"> · renewal</span>}
              </td>
              <td className="cell--end num">{formatInteger(day.plan)}</td>
              <td className="cell--end num">{formatInteger(day.topUp)}</td>
              <td className="cell--end num">{formatInteger(day.plan + day.topUp)}</td>
              <td className="cell--end num">{formatInteger(day.used)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function Legend({ items }: { items: readonly { label: string; className: string }[] }) {
  return (
    <ul className="usage-legend" aria-label="Legend">
      {items.map((item) => (
        <li key={item.label}>
          <span className={`usage-legend__swatch ${item.className}`} aria-hidden="true" />
          {item.label}
        </li>
      ))}
    </ul>
  );
}

export default function UsageCharts({ history }: { history: ClientHistoryModel }) {
  const [asTable, setAsTable] = useState(false);
  const last = history.days.at(-1);
  return (
    <>
      <div className="usage__toolbar">
        <button
          type="button"
          className="button button--secondary button--sm"
          aria-pressed={asTable}
          onClick={() => setAsTable((shown) => !shown)}
        >
          Show as table
        </button>
      </div>
      {asTable ? (
        <HistoryTable history={history} />
      ) : (
        <>
          <figure className="card card--wide usage-figure" aria-labelledby="balance-chart-title">
            <figcaption id="balance-chart-title" className="card__title">
              Balance over time
            </figcaption>
            <p className="visually-hidden">
              {last
                ? `${formatInteger(last.plan + last.topUp)} tokens today: ${formatInteger(last.plan)} plan, ${formatInteger(last.topUp)} top-up.`
                : ''}{' '}
              Show as table lists every day.
            </p>
            <Legend
              items={[
                { label: 'Plan tokens', className: 'usage-legend__swatch--plan' },
                { label: 'Top-up tokens', className: 'usage-legend__swatch--top-up' },
                { label: 'Forecast to the renewal', className: 'usage-legend__swatch--forecast' },
                { label: 'Renewal', className: 'usage-legend__swatch--renewal' },
              ]}
            />
            <BalanceHistoryChart history={history} />
          </figure>
          <figure className="card card--wide usage-figure" aria-labelledby="usage-chart-title">
            <figcaption id="usage-chart-title" className="card__title">
              Tokens used per day
            </figcaption>
            <DailyUsageChart history={history} />
          </figure>
        </>
      )}
    </>
  );
}
