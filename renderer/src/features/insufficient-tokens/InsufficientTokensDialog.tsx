import { useState } from 'react';
import { lowBalanceThreshold } from '../../../../shared/domain/balance';
import { formatDateTime, formatTokens } from '../../../../shared/domain/format';
import type { ClientDetail } from '../../../../shared/ipc/models';
import { useUpdateAutoReload } from '../../api/purchases';
import { useCatalog, useSyncStatus } from '../../api/queries';
import { messageFor } from '../../components/error-message';
import { Modal } from '../../components/Modal';
import { packName, smallestPackCovering } from '../manual-reload/pack-labels';
import { PackOptions } from '../manual-reload/PackOptions';
import { usePurchaseFlowStore } from '../payment/purchase-flow-store';
import { useDismissedSubmissionsStore } from './dismissed-submissions-store';
import './insufficient-tokens.css';

type Blocked = NonNullable<ClientDetail['insufficientTokens']>;

interface InsufficientTokensDialogProps {
  client: ClientDetail;
}

/** Saves Auto Reload on with the chosen pack, right here: a switch that only looks on would mislead. */
function TurnOnAutoReload({ client, packId }: { client: ClientDetail; packId: string | null }) {
  const update = useUpdateAutoReload(client.id);
  const catalog = useCatalog();
  const offline = useSyncStatus().data?.state === 'offline';
  const saved = client.autoReload;
  if (saved.enabled) {
    const pack = catalog.data?.packs.find((candidate) => candidate.id === saved.packId);
    return (
      <p className="muted" role="status">
        Auto Reload is on{pack ? `: it buys ${packName(pack)} below ${formatTokens(saved.threshold)}` : ''}.
        It does not run blocked work: buy tokens now, then ask the client to resubmit.
      </p>
    );
  }
  return (
    <div className="turn-on-auto-reload">
      <button
        type="button"
        className="button button--ghost"
        disabled={packId === null || offline || update.isPending}
        title={offline ? 'Offline — Auto Reload needs a connection' : undefined}
        onClick={() => {
          if (!packId) return;
          update.mutate({
            enabled: true,
            packId,
            threshold: saved.threshold > 0 ? saved.threshold : lowBalanceThreshold(client.tokensPerCycle),
            monthlyLimit: saved.monthlyLimit,
          });
        }}
      >
        {update.isPending ? 'Turning on…' : 'Turn on Auto Reload'}
      </button>
      {update.isError && (
        <p className="field__error" role="alert">
          {messageFor(update.error)}
        </p>
      )}
    </div>
  );
}

function BlockedBody({ client, blocked }: InsufficientTokensDialogProps & { blocked: Blocked }) {
  const catalog = useCatalog();
  const packs = catalog.data?.packs ?? [];
  // Missing now, not when it was refused: a top-up since may have covered part of it.
  const shortfall = client.blockedWork?.shortfall ?? blocked.shortfall;
  const suggested = smallestPackCovering(packs, shortfall);
  const [chosen, setChosen] = useState<string | null>(null);
  const packId = chosen ?? suggested?.id ?? null;
  const dismiss = useDismissedSubmissionsStore((state) => state.dismiss);
  const confirm = usePurchaseFlowStore((state) => state.confirm);

  return (
    <>
      <div className="shortfall">
        <p className="shortfall__amount num">{formatTokens(shortfall)} short</p>
        <p className="muted">
          “{blocked.description}” needed {formatTokens(blocked.tokensRequested)} on{' '}
          {formatDateTime(blocked.at)}, but only {formatTokens(client.balance.total)} are left. It was not
          run, and blocked work is never run later: once the balance covers it, ask the client to resubmit it.
        </p>
      </div>
      {packs.length > 0 && <PackOptions packs={packs} selectedId={packId} onSelect={setChosen} />}
      {suggested && suggested.tokens < shortfall && (
        <p className="muted">Even the largest pack does not cover the whole shortfall.</p>
      )}
      <div className="modal__actions modal__actions--split">
        <TurnOnAutoReload client={client} packId={packId} />
        <div className="modal__actions">
          <button
            type="button"
            className="button button--secondary"
            onClick={() => dismiss(blocked.submissionId)}
          >
            Not now
          </button>
          <button
            type="button"
            className="button button--primary"
            disabled={packId === null}
            onClick={() => {
              if (!packId) return;
              dismiss(blocked.submissionId);
              confirm(client.id, packId);
            }}
          >
            Buy tokens
          </button>
        </div>
      </div>
    </>
  );
}

/** Asks what to do about a submission refused for lack of tokens, once per submission while it is short. */
export function InsufficientTokensDialog({ client }: InsufficientTokensDialogProps) {
  const blocked = client.insufficientTokens;
  const dismissed = useDismissedSubmissionsStore(
    (state) => blocked !== null && state.dismissed.has(blocked.submissionId),
  );
  const dismiss = useDismissedSubmissionsStore((state) => state.dismiss);
  const flowActive = usePurchaseFlowStore((state) => state.step !== null);
  // Once the balance covers it there is nothing to buy: the banner says to have it resubmitted.
  const stillShort = (client.blockedWork?.shortfall ?? 0) > 0;
  if (!blocked || !stillShort || dismissed || flowActive) return null;
  return (
    <Modal
      open
      title="Insufficient Tokens"
      size="lg"
      subtitle={`${client.name} ran out of tokens for a submission.`}
      onDismiss={() => dismiss(blocked.submissionId)}
    >
      <BlockedBody client={client} blocked={blocked} />
    </Modal>
  );
}
