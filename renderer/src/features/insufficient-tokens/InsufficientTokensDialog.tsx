import { useState } from 'react';
import { formatDateTime, formatTokens } from '../../../../shared/domain/format';
import type { ClientDetail } from '../../../../shared/ipc/models';
import { useCatalog } from '../../api/queries';
import { Modal } from '../../components/Modal';
import { useAutoReloadRequestStore } from '../auto-reload/auto-reload-request-store';
import { smallestPackCovering } from '../manual-reload/pack-labels';
import { PackOptions } from '../manual-reload/PackOptions';
import { usePurchaseFlowStore } from '../payment/purchase-flow-store';
import { useDismissedSubmissionsStore } from './dismissed-submissions-store';
import './insufficient-tokens.css';

type Blocked = NonNullable<ClientDetail['insufficientTokens']>;

interface InsufficientTokensDialogProps {
  client: ClientDetail;
  /** Brings up the Settings tab, where the Auto Reload section lives. */
  onShowSettings(): void;
}

function BlockedBody({
  client,
  blocked,
  onShowSettings,
}: InsufficientTokensDialogProps & { blocked: Blocked }) {
  const catalog = useCatalog();
  const packs = catalog.data?.packs ?? [];
  const suggested = smallestPackCovering(packs, blocked.shortfall);
  const [chosen, setChosen] = useState<string | null>(null);
  const packId = chosen ?? suggested?.id ?? null;
  const dismiss = useDismissedSubmissionsStore((state) => state.dismiss);
  const confirm = usePurchaseFlowStore((state) => state.confirm);
  const askForAutoReload = useAutoReloadRequestStore((state) => state.ask);

  return (
    <>
      <div className="shortfall">
        <p className="shortfall__amount num">{formatTokens(blocked.shortfall)} short</p>
        <p className="muted">
          “{blocked.description}” needed {formatTokens(blocked.tokensRequested)} on{' '}
          {formatDateTime(blocked.at)}, but only {formatTokens(client.balance.total)} are left. It was not
          run.
        </p>
      </div>
      {packs.length > 0 && <PackOptions packs={packs} selectedId={packId} onSelect={setChosen} />}
      {suggested && suggested.tokens < blocked.shortfall && (
        <p className="muted">Even the largest pack does not cover the whole shortfall.</p>
      )}
      <div className="modal__actions modal__actions--split">
        <button
          type="button"
          className="button button--ghost"
          onClick={() => {
            dismiss(blocked.submissionId);
            askForAutoReload(client.id, packId);
            onShowSettings();
          }}
        >
          Turn on Auto Reload
        </button>
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
            Buy pack
          </button>
        </div>
      </div>
    </>
  );
}

/** Asks what to do about a submission refused for lack of tokens, once per submission. */
export function InsufficientTokensDialog({ client, onShowSettings }: InsufficientTokensDialogProps) {
  const blocked = client.insufficientTokens;
  const dismissed = useDismissedSubmissionsStore(
    (state) => blocked !== null && state.dismissed.has(blocked.submissionId),
  );
  const dismiss = useDismissedSubmissionsStore((state) => state.dismiss);
  const flowActive = usePurchaseFlowStore((state) => state.step !== null);
  if (!blocked || dismissed || flowActive) return null;
  return (
    <Modal
      open
      title="Insufficient Tokens"
      size="lg"
      subtitle={`${client.name} ran out of tokens for a submission.`}
      onDismiss={() => dismiss(blocked.submissionId)}
    >
      <BlockedBody client={client} blocked={blocked} onShowSettings={onShowSettings} />
    </Modal>
  );
}
