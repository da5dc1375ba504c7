import type { ReactNode } from 'react';
import {
  formatCalendarDate,
  formatInteger,
  formatMoney,
  formatTokens,
} from '../../../../shared/domain/format';
import type { Money } from '../../../../shared/api/primitives';
import type { ClientDetail, PackModel } from '../../../../shared/ipc/models';
import { useFreshAccount } from '../../api/queries';
import { Modal } from '../../components/Modal';
import { samePrice } from '../../../../shared/domain/money';
import { InfoIcon } from '../../components/icons';
import { describeCard } from '../payment/describe-card';
import './manual-reload.css';

interface ConfirmTopUpDialogProps {
  client: ClientDetail;
  pack: PackModel;
  /** The price the billing service refused because the pack costs something else now. */
  previousPrice: Money | null;
  /** `price` is the one shown here: the billing service charges nothing if the pack costs otherwise. */
  onConfirm(price: Money): void;
  onCancel(): void;
}

function Fact({ term, children }: { term: string; children: ReactNode }) {
  return (
    <div className="facts__row">
      <dt>{term}</dt>
      <dd className="num">{children}</dd>
    </div>
  );
}

/** The last look before money moves: what is bought, for whom, on which card, and what does not change. */
export function ConfirmTopUpDialog(props: ConfirmTopUpDialogProps) {
  const { client, pack, previousPrice, onConfirm, onCancel } = props;
  const account = useFreshAccount();
  const card = account.data?.card ?? null;
  const cardText = card ? describeCard(card) : account.isPending ? 'Loading…' : 'No card on file';

  return (
    <Modal
      open
      title="Confirm top up"
      subtitle={
        previousPrice ? 'The price changed. Check it before paying.' : 'Check the details before paying.'
      }
      onDismiss={onCancel}
    >
      <dl className="facts confirm-facts">
        <Fact term="Client">{client.name}</Fact>
        <Fact term="Pack">{formatInteger(pack.tokens)}-token pack</Fact>
        <Fact term="Tokens">+{formatTokens(pack.tokens)}</Fact>
        <Fact term="Price">
          <span>{formatMoney(pack.price)}</span>
          {previousPrice && !samePrice(previousPrice, pack.price) && (
            <span className="facts__note">Was {formatMoney(previousPrice)}</span>
          )}
        </Fact>
        <Fact term="Card">{cardText}</Fact>
        <Fact term="Balance after">{formatTokens(client.balance.total + pack.tokens)}</Fact>
      </dl>
      <div className="callout">
        <InfoIcon className="callout__icon" />
        <div className="callout__text">
          <p>Top-up tokens roll forward and never expire at cycle reset.</p>
          <p className="muted">
            The {client.planName} plan, its renewal date ({formatCalendarDate(client.renewalDate)}) and its
            monthly allocation ({formatTokens(client.tokensPerCycle)}) stay the same.
          </p>
        </div>
      </div>
      {!card && !account.isPending && (
        <p className="muted">With no saved card, the payment window asks for one.</p>
      )}
      <div className="modal__actions">
        <button type="button" className="button button--secondary" onClick={onCancel}>
          Cancel
        </button>
        <button type="button" className="button button--primary" onClick={() => onConfirm(pack.price)}>
          Confirm purchase
        </button>
      </div>
    </Modal>
  );
}
