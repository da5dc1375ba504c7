import { Link } from 'react-router';
import {
  formatCalendarDate,
  formatInteger,
  formatTokens,
  titleCaseIdentifier,
} from '../../../../shared/domain/format';
import type { Provenance, TopUpBucketModel } from '../../../../shared/ipc/ledger-models';
import { ErrorPanel } from '../../components/ErrorPanel';
import { useNow } from '../../hooks/use-now';
import { daysUntil, EXPIRY_SOON_DAYS } from '../../lib/renewal';
import { clientTabPath } from '../client-page/client-tabs';
import { ProvenanceBar } from './ProvenanceBar';
import { useProvenance } from './use-provenance';
import './provenance.css';

const HEADING_ID = 'provenance-heading';

function isPurchase(type: TopUpBucketModel['type']): boolean {
  return type === 'top_up' || type === 'auto_reload';
}

function bucketLabel(type: TopUpBucketModel['type']): string {
  if (type === 'top_up') return 'Top-up';
  if (type === 'auto_reload') return 'Auto Reload';
  return titleCaseIdentifier(type);
}

function PlanSource({ plan }: { plan: Provenance['plan'] }) {
  const now = useNow(60 * 60_000);
  const soon = daysUntil(plan.expiresOn, now) <= EXPIRY_SOON_DAYS;
  return (
    <li className="source-row">
      <span className="swatch swatch--plan" aria-hidden="true" />
      <div className="source-row__what">
        <p className="source-row__title">Plan tokens</p>
        <p className="source-row__meta">This cycle, since {formatCalendarDate(plan.cycleStart)}</p>
      </div>
      <div className="source-row__amount">
        <p className="num">
          <strong>{formatTokens(plan.tokensLeft)}</strong> left this cycle
        </p>
        <p className={soon ? 'source-row__meta source-row__meta--expiry' : 'source-row__meta'}>
          Expire on {formatCalendarDate(plan.expiresOn)}
        </p>
      </div>
    </li>
  );
}

function TopUpSource({ clientId, bucket }: { clientId: string; bucket: TopUpBucketModel }) {
  return (
    <li className="source-row">
      <span className="swatch swatch--topup" aria-hidden="true" />
      <div className="source-row__what">
        <p className="source-row__title">{bucketLabel(bucket.type)}</p>
        <p className="source-row__meta">
          {isPurchase(bucket.type) ? 'Bought' : 'Added'} {formatCalendarDate(bucket.purchasedAt)}
          {bucket.invoiceId && (
            <>
              {' · '}
              <Link to={clientTabPath(clientId, 'invoices')} state={{ invoiceId: bucket.invoiceId }}>
                {bucket.invoiceNumber ?? 'Invoice'}
              </Link>
            </>
          )}
        </p>
      </div>
      <div className="source-row__amount">
        <p className="num">
          <strong>{formatInteger(bucket.tokensLeft)}</strong> of {formatTokens(bucket.tokensBought)} left
        </p>
        <p className="source-row__meta">Never expire</p>
      </div>
    </li>
  );
}

/** Tokens in a bucket a newer billing API added: counted, and named as sent. */
function OtherSource({ other }: { other: Provenance['otherBuckets'][number] }) {
  return (
    <li className="source-row">
      <span className="swatch" aria-hidden="true" />
      <div className="source-row__what">
        <p className="source-row__title">{titleCaseIdentifier(other.bucket)} tokens</p>
        <p className="source-row__meta">A kind of token this version of the app doesn't know yet</p>
      </div>
      <div className="source-row__amount">
        <p className="num">
          <strong>{formatTokens(other.tokensLeft)}</strong> left
        </p>
      </div>
    </li>
  );
}

/**
 * The header shows the billing service's balance; while the cached credit log lags behind it (a client
 * whose sync failed, or not synced since) the breakdown says so instead of contradicting the header.
 */
function IncompleteNote({ provenance }: { provenance: Provenance }) {
  if (provenance.total === provenance.balanceTotal) return null;
  return (
    <p className="provenance__note provenance__note--incomplete" role="note">
      Incomplete: the synced credit log explains {formatTokens(provenance.total)} of the{' '}
      {formatTokens(provenance.balanceTotal)} the billing service reports. The rest appears once this client's
      credit log syncs.
    </p>
  );
}

function ProvenanceBody({ clientId, provenance }: { clientId: string; provenance: Provenance }) {
  const remaining = provenance.topUps.filter((bucket) => bucket.tokensLeft > 0);
  const usedUp = provenance.topUps.length - remaining.length;
  return (
    <>
      <ProvenanceBar provenance={provenance} />
      <IncompleteNote provenance={provenance} />
      <ul className="source-list">
        <PlanSource plan={provenance.plan} />
        {remaining.map((bucket) => (
          <TopUpSource key={bucket.topUpId} clientId={clientId} bucket={bucket} />
        ))}
        {provenance.otherBuckets.map((other) => (
          <OtherSource key={other.bucket} other={other} />
        ))}
      </ul>
      {remaining.length === 0 && (
        <p className="provenance__note muted">No top-up tokens left: usage draws on plan tokens.</p>
      )}
      {usedUp > 0 && (
        <p className="provenance__note muted">
          {formatInteger(usedUp)} earlier {usedUp === 1 ? 'top up is' : 'top ups are'} used up.
        </p>
      )}
    </>
  );
}

/** Plan tokens expire at renewal and top-up tokens never do; this is where the two become visible. */
export function ProvenancePanel({ clientId }: { clientId: string }) {
  const provenance = useProvenance(clientId);

  function renderBody() {
    if (provenance.isPending) {
      return (
        <p className="loading-line" role="status">
          Loading token sources…
        </p>
      );
    }
    if (provenance.isError) {
      return (
        <ErrorPanel
          title="Couldn't work out where the tokens come from"
          error={provenance.error}
          onRetry={() => void provenance.refetch()}
        />
      );
    }
    if (provenance.data === null) {
      return <p className="muted">No tokens yet: this client's credit log has not been synced.</p>;
    }
    return <ProvenanceBody clientId={clientId} provenance={provenance.data} />;
  }

  return (
    <section className="card provenance" aria-labelledby={HEADING_ID}>
      <div className="card__title-row">
        <h2 id={HEADING_ID} className="card__title">
          Where your tokens come from
        </h2>
        {provenance.data && (
          <p className="provenance__total num">{formatTokens(provenance.data.balanceTotal)} available</p>
        )}
      </div>
      {renderBody()}
    </section>
  );
}
