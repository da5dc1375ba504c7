import { formatInteger, formatRelativeTime } from '../../../../shared/domain/format';
import { useDashboard } from '../../api/queries';
import { ErrorPanel } from '../../components/ErrorPanel';
import { CheckCircleIcon } from '../../components/icons';
import { useNow } from '../../hooks/use-now';
import { AttentionList } from './AttentionList';
import { DashboardPurchase } from './DashboardPurchase';
import { MonthTotals } from './MonthTotals';
import './dashboard.css';

function fineSentence(fine: number, total: number): string {
  if (total === 0) return 'No clients yet.';
  if (fine === total) return `All ${formatInteger(total)} clients are fine until their renewal.`;
  return `${formatInteger(fine)} ${fine === 1 ? 'client is' : 'clients are'} fine until their renewal.`;
}

/** The home screen: which clients need the manager now, and the agency's month. Answers from the cache. */
export function DashboardPage() {
  const board = useDashboard();
  const now = useNow(30_000);

  if (board.isPending) {
    return (
      <div className="page">
        <h1>Dashboard</h1>
        <p className="loading-line" role="status">
          Loading the dashboard…
        </p>
      </div>
    );
  }
  if (board.isError) {
    return (
      <div className="page">
        <h1>Dashboard</h1>
        <ErrorPanel
          title="Couldn't load the dashboard"
          error={board.error}
          onRetry={() => void board.refetch()}
        />
      </div>
    );
  }
  const { attention, fineCount, clientCount, month, lastSyncedAt } = board.data;
  return (
    <div className="page dashboard">
      <header className="page-header">
        <div>
          <h1>Dashboard</h1>
          <p className="page-header__subtitle muted">
            {lastSyncedAt
              ? `Numbers as of the last sync, ${formatRelativeTime(lastSyncedAt, now)}.`
              : 'Not synced yet: these numbers are from the cache.'}
          </p>
        </div>
      </header>
      <section className="dashboard__attention" aria-labelledby="needs-attention-heading">
        <h2 id="needs-attention-heading" className="dashboard__section-title">
          Needs attention
        </h2>
        {attention.length > 0 ? (
          <AttentionList rows={attention} />
        ) : (
          <div className="panel-state">
            <CheckCircleIcon className="panel-state__icon" />
            <p className="panel-state__title">Nothing needs you right now</p>
          </div>
        )}
        <p className="dashboard__fine muted">{fineSentence(fineCount, clientCount)}</p>
      </section>
      <MonthTotals month={month} />
      <DashboardPurchase />
    </div>
  );
}
