import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { formatInteger } from '../../../../shared/domain/format';
import type { AttentionReason, AttentionRow } from '../../../../shared/ipc/insight-models';
import { useRefreshPurchase } from '../../api/purchases';
import { useSyncStatus } from '../../api/queries';
import { messageFor } from '../../components/error-message';
import { AlertIcon, InfoIcon } from '../../components/icons';
import { clientTabPath } from '../client-page/client-tabs';
import { PLAN_ADVICE_REQUEST, sectionRequest } from '../client-page/section-request';
import { usePurchaseFlowStore } from '../payment/purchase-flow-store';
import { RunwaySparkline } from './RunwaySparkline';

const OFFLINE_REASON_ID = 'dashboard-offline-reason';
const TONE: Record<AttentionReason, 'danger' | 'warning' | 'info'> = {
  blocked: 'danger',
  unconfirmed_purchase: 'warning',
  auto_reload_stopped: 'warning',
  runs_out: 'warning',
  plan_waste: 'info',
};

function RowAction({ row, offline }: { row: AttentionRow; offline: boolean }) {
  const navigate = useNavigate();
  const confirm = usePurchaseFlowStore((state) => state.confirm);
  const refresh = useRefreshPurchase();
  const settings = clientTabPath(row.clientId, 'settings');
  const label = `${row.clientName}: ${row.title}`;
  switch (row.reason) {
    case 'blocked':
    case 'runs_out':
      return (
        <button
          type="button"
          className="button button--primary button--sm"
          disabled={offline || row.packId === null}
          aria-describedby={offline ? OFFLINE_REASON_ID : undefined}
          aria-label={`Buy pack for ${row.clientName}`}
          onClick={() => {
            // The same buy flow as Manual Reload, with the pack this row recommends; it opens on this page.
            if (row.packId) confirm(row.clientId, row.packId);
          }}
        >
          Buy pack
        </button>
      );
    case 'unconfirmed_purchase':
      return (
        <span className="attention__action-stack">
          <button
            type="button"
            className="button button--secondary button--sm"
            disabled={offline || refresh.isPending || row.purchaseId === null}
            aria-describedby={offline ? OFFLINE_REASON_ID : undefined}
            aria-label={`Check again: ${label}`}
            onClick={() => {
              if (row.purchaseId) refresh.mutate(row.purchaseId);
            }}
          >
            {refresh.isPending ? 'Checking…' : 'Check again'}
          </button>
          {refresh.isError && (
            <span className="attention__error" role="alert">
              {messageFor(refresh.error)}
            </span>
          )}
        </span>
      );
    case 'auto_reload_stopped':
      return (
        <button
          type="button"
          className="button button--secondary button--sm"
          aria-label={`Open settings for ${row.clientName}`}
          onClick={() => void navigate(settings)}
        >
          Open settings
        </button>
      );
    case 'plan_waste':
      return (
        <button
          type="button"
          className="button button--secondary button--sm"
          aria-label={`See plan advice for ${row.clientName}`}
          onClick={() => void navigate(settings, { state: sectionRequest(PLAN_ADVICE_REQUEST) })}
        >
          See plan advice
        </button>
      );
  }
}

/** Enough to act on first; the rest are less urgent by construction (the list is ranked). */
const FIRST_ROWS = 25;

/**
 * One row per client and reason, most urgent first, each with the one action that deals with it. With hundreds
 * of clients only the most urgent rows are drawn until "Show all" is asked for, so the home screen paints fast.
 */
export function AttentionList({ rows }: { rows: readonly AttentionRow[] }) {
  const offline = useSyncStatus().data?.state === 'offline';
  const [showAll, setShowAll] = useState(false);
  const shown = showAll ? rows : rows.slice(0, FIRST_ROWS);
  return (
    <>
      {offline && (
        <p id={OFFLINE_REASON_ID} className="muted attention__offline">
          Offline — buying and checking purchases need a connection.
        </p>
      )}
      <ul className="attention" aria-label="Needs attention">
        {shown.map((row) => {
          const tone = TONE[row.reason];
          const Icon = tone === 'info' ? InfoIcon : AlertIcon;
          return (
            <li key={`${row.clientId}:${row.reason}`} className={`attention__row attention__row--${tone}`}>
              <Icon className="attention__icon" />
              <div className="attention__text">
                <Link className="attention__client" to={clientTabPath(row.clientId, 'settings')}>
                  {row.clientName}
                </Link>
                <p className="attention__title">{row.title}</p>
                <p className="attention__detail muted">{row.detail}</p>
              </div>
              <RunwaySparkline points={row.runway} />
              <div className="attention__action">
                <RowAction row={row} offline={offline} />
              </div>
            </li>
          );
        })}
      </ul>
      {shown.length < rows.length && (
        <button
          type="button"
          className="button button--secondary attention__more"
          onClick={() => setShowAll(true)}
        >
          Show all {formatInteger(rows.length)} rows
        </button>
      )}
    </>
  );
}
