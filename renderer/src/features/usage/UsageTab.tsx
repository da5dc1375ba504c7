import { lazy, Suspense, useState } from 'react';
import { useClientHistory } from '../../api/queries';
import { ErrorPanel } from '../../components/ErrorPanel';
import './usage.css';

const UsageCharts = lazy(() => import('./UsageCharts'));

const PERIODS = [
  { days: 90, label: 'Last 3 months' },
  { days: 365, label: 'Last 12 months' },
] as const;

/** Balance and usage over time for one client, from the per-day sums the core keeps. */
export function UsageTab({ clientId }: { clientId: string }) {
  const [days, setDays] = useState<number>(PERIODS[0].days);
  const history = useClientHistory(clientId, days);
  return (
    <section className="usage" aria-labelledby="usage-heading">
      <div className="usage__header">
        <h2 id="usage-heading">Balance and usage</h2>
        <label className="usage__period">
          <span className="muted">Period</span>
          <select className="input" value={days} onChange={(event) => setDays(Number(event.target.value))}>
            {PERIODS.map((period) => (
              <option key={period.days} value={period.days}>
                {period.label}
              </option>
            ))}
          </select>
        </label>
      </div>
      {history.isPending && (
        <p className="loading-line" role="status">
          Loading usage…
        </p>
      )}
      {history.isError && (
        <ErrorPanel
          title="Couldn't load usage"
          error={history.error}
          onRetry={() => void history.refetch()}
        />
      )}
      {history.data === null && <p className="muted">This client is not in the cache.</p>}
      {history.data && (
        <Suspense
          fallback={
            <p className="loading-line" role="status">
              Loading charts…
            </p>
          }
        >
          <UsageCharts history={history.data} />
        </Suspense>
      )}
    </section>
  );
}
