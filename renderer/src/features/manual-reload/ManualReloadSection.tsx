import { useState } from 'react';
import type { ClientDetail, PackModel } from '../../../../shared/ipc/models';
import { useAccount, useCatalog, useSyncStatus } from '../../api/queries';
import { CloudOffIcon } from '../../components/icons';
import { describeCard } from '../payment/describe-card';
import { usePurchaseFlowStore } from '../payment/purchase-flow-store';
import { openPurchaseTitleId, useOpenPurchase } from '../open-purchase/use-open-purchase';
import { perTokenRate } from './pack-labels';
import { PackOptions } from './PackOptions';
import './manual-reload.css';

export const MANUAL_RELOAD_HEADING_ID = 'manual-reload-heading';
const REASON_ID = 'manual-reload-blocked-reason';
export const OFFLINE_REASON = 'Offline \u2014 purchases need a connection';

interface PackChoice {
  packId: string | null;
  /** The client's last succeeded purchase when the pack was chosen. */
  before: string | null;
}

function PlanComparison({ client, packs }: { client: ClientDetail; packs: readonly PackModel[] }) {
  const planRate = client.planPrice.amount / client.tokensPerCycle;
  const planIsCheaper = packs.every((pack) => pack.price.amount / pack.tokens > planRate);
  return (
    <p className="plan-rate">
      <span className="plan-rate__label">{client.planName} plan rate</span>
      <span className="num">{perTokenRate(client.planPrice, client.tokensPerCycle)}</span>
      {planIsCheaper && (
        <span className="plan-rate__note muted">
          Plans are cheaper per token than packs — for steady usage, a larger plan costs less.
        </span>
      )}
    </p>
  );
}

/** Buying a one-off pack for this client; the purchase itself runs in the dialogs of the payment flow. */
export function ManualReloadSection({ client }: { client: ClientDetail }) {
  const catalog = useCatalog();
  const account = useAccount();
  const { data: sync } = useSyncStatus();
  const confirm = usePurchaseFlowStore((state) => state.confirm);
  // The core allows one open purchase per client; a second Continue could only be refused, so while one is
  // open the button leads to it instead ("Check status"), and the notice above the tabs says why.
  const openPurchase = useOpenPurchase(client.id);
  // A choice made before this client's last purchase succeeded was bought with: it clears, and Continue waits.
  const lastPurchase = usePurchaseFlowStore((state) => state.lastSucceeded[client.id] ?? null);
  const [choice, setChoice] = useState<PackChoice>({ packId: null, before: lastPurchase });
  const packId = choice.before === lastPurchase ? choice.packId : null;
  const offline = sync?.state === 'offline';
  const describedBy = openPurchase ? openPurchaseTitleId(client.id) : offline ? REASON_ID : undefined;
  const packs = catalog.data?.packs ?? [];
  const card = account.data?.card;

  return (
    <section className="card card--wide manual-reload" aria-labelledby={MANUAL_RELOAD_HEADING_ID}>
      <div className="card__title-row">
        <h2 id={MANUAL_RELOAD_HEADING_ID} className="card__title">
          Manual Reload
        </h2>
        {card && <span className="card-on-file muted">Pays with {describeCard(card)}</span>}
      </div>
      <p className="muted">
        Buy a one-off pack for {client.name}. Top-up tokens are added at once and never expire.
      </p>
      {catalog.isPending && (
        <p className="loading-line" role="status">
          Loading packs…
        </p>
      )}
      {packs.length > 0 && (
        <>
          <PackOptions
            packs={packs}
            selectedId={packId}
            onSelect={(id) => setChoice({ packId: id, before: lastPurchase })}
          />
          <PlanComparison client={client} packs={packs} />
        </>
      )}
      <div className="manual-reload__footer">
        {offline && (
          <p id={REASON_ID} className="blocked-reason">
            <CloudOffIcon />
            {OFFLINE_REASON}
          </p>
        )}
        {openPurchase ? (
          <button
            type="button"
            className="button button--primary"
            aria-describedby={describedBy}
            onClick={openPurchase.open}
          >
            {openPurchase.wording.action}
          </button>
        ) : (
          <button
            type="button"
            className="button button--primary"
            disabled={packId === null || offline}
            aria-describedby={describedBy}
            onClick={() => {
              if (packId) confirm(client.id, packId);
            }}
          >
            Continue
          </button>
        )}
      </div>
    </section>
  );
}
