import * as Tabs from '@radix-ui/react-tabs';
import { Link, Navigate, useNavigate, useParams } from 'react-router';
import { formatTokens } from '../../../../shared/domain/format';
import { AppError } from '../../../../shared/ipc/errors';
import type { ClientDetail } from '../../../../shared/ipc/models';
import { useClient } from '../../api/queries';
import { ErrorPanel } from '../../components/ErrorPanel';
import { ArrowLeftIcon } from '../../components/icons';
import { BlockedBadge } from '../../components/BlockedBadge';
import { SyncProblemBadge } from '../../components/SyncProblemBadge';
import { ClientNotFound } from './ClientNotFound';
import { CreditsTab } from '../credits/CreditsTab';
import { BlockedWorkBanner } from '../insufficient-tokens/BlockedWorkBanner';
import { InsufficientTokensDialog } from '../insufficient-tokens/InsufficientTokensDialog';
import { InvoicesTab } from '../invoices/InvoicesTab';
import { OpenPurchaseNotice } from '../open-purchase/OpenPurchaseNotice';
import { PurchaseFlow } from '../payment/PurchaseFlow';
import { SyncProblemNotice } from '../sync-problems/SyncProblemNotice';
import { UsageTab } from '../usage/UsageTab';
import { SettingsTab } from './SettingsTab';
import { BuyTokensLink } from './BuyTokensLink';
import { CLIENT_TABS, clientTabPath, isClientTab, type ClientTab } from './client-tabs';

function BackLink() {
  return (
    <Link className="back-link" to="/clients">
      <ArrowLeftIcon />
      Back to clients
    </Link>
  );
}

function ClientView({ client, tab }: { client: ClientDetail; tab: ClientTab }) {
  const navigate = useNavigate();
  return (
    <div className="page">
      <BackLink />
      <header className="page-header">
        <div>
          <div className="page-header__title-row">
            <h1>{client.name}</h1>
            {client.blockedWork && <BlockedBadge work={client.blockedWork} />}
            {client.syncProblem && <SyncProblemBadge reason={client.syncProblem.message} />}
          </div>
          <p className="page-header__subtitle muted num">
            {client.planName} plan · {formatTokens(client.balance.total)} available
          </p>
        </div>
        <BuyTokensLink clientId={client.id} />
      </header>
      <SyncProblemNotice client={client} />
      <OpenPurchaseNotice clientId={client.id} />
      <BlockedWorkBanner client={client} />
      <Tabs.Root
        className="tabs"
        value={tab}
        onValueChange={(value) => {
          if (isClientTab(value)) navigate(clientTabPath(client.id, value));
        }}
      >
        <Tabs.List className="tabs__list" aria-label="Client sections">
          {CLIENT_TABS.map(({ value, label }) => (
            <Tabs.Trigger key={value} className="tabs__trigger" value={value}>
              {label}
            </Tabs.Trigger>
          ))}
        </Tabs.List>
        <Tabs.Content className="tabs__content" value="settings">
          <SettingsTab client={client} />
        </Tabs.Content>
        <Tabs.Content className="tabs__content" value="credits">
          <CreditsTab clientId={client.id} />
        </Tabs.Content>
        <Tabs.Content className="tabs__content" value="usage">
          <UsageTab clientId={client.id} />
        </Tabs.Content>
        <Tabs.Content className="tabs__content" value="invoices">
          <InvoicesTab clientId={client.id} />
        </Tabs.Content>
      </Tabs.Root>
      <PurchaseFlow
        key={client.id}
        client={client}
        onShowCredits={() => navigate(clientTabPath(client.id, 'credits'))}
      />
      <InsufficientTokensDialog client={client} />
    </div>
  );
}

export function ClientPage() {
  const { clientId = '', tab } = useParams();
  const client = useClient(clientId);

  if (!isClientTab(tab)) return <Navigate to={clientTabPath(clientId, 'settings')} replace />;
  if (client.isPending) {
    return (
      <div className="page">
        <BackLink />
        <p className="loading-line" role="status">
          Loading client…
        </p>
      </div>
    );
  }
  if (client.isError && client.error instanceof AppError && client.error.kind === 'not_found') {
    return <ClientNotFound />;
  }
  if (client.isError) {
    return (
      <div className="page">
        <BackLink />
        <ErrorPanel
          title="Couldn't load this client"
          error={client.error}
          onRetry={() => void client.refetch()}
        />
      </div>
    );
  }
  if (client.data === null) return <ClientNotFound />;
  return <ClientView client={client.data} tab={tab} />;
}
