import { Link } from 'react-router';
import { formatCalendarDate, formatInteger, formatTokens } from '../../../../shared/domain/format';
import type { ClientSummary } from '../../../../shared/ipc/models';
import { BalanceBadge } from '../../components/BalanceBadge';
import { BlockedBadge } from '../../components/BlockedBadge';
import { SyncProblemBadge } from '../../components/SyncProblemBadge';
import { describeDaysLeft } from '../../lib/renewal';
import { BuyTokensLink } from '../client-page/BuyTokensLink';

interface ClientRowProps {
  client: ClientSummary;
  now: Date;
  /** In a list that draws only the rows in view: the row's position (header = 1) and its size reporter. */
  rowIndex?: number;
  measureRef?: (row: HTMLTableRowElement | null) => void;
}

export function ClientRow({ client, now, rowIndex, measureRef }: ClientRowProps) {
  return (
    <tr
      ref={measureRef}
      aria-rowindex={rowIndex}
      data-index={rowIndex === undefined ? undefined : rowIndex - 2}
    >
      <td>
        <div className="client-cell">
          <Link className="client-cell__name" to={`/clients/${encodeURIComponent(client.id)}/settings`}>
            {client.name}
          </Link>
          <BalanceBadge
            balance={client.balance}
            lowBalance={client.lowBalance}
            tokensPerCycle={client.tokensPerCycle}
          />
          {client.blockedWork && <BlockedBadge work={client.blockedWork} />}
          {client.syncProblem && <SyncProblemBadge reason={client.syncProblem.message} />}
        </div>
      </td>
      <td>
        <div className="cell-primary">{client.planName}</div>
        <div className="cell-secondary num">{formatTokens(client.tokensPerCycle)} / month</div>
      </td>
      <td className="cell--end">
        <div className="cell-primary num">{formatTokens(client.balance.total)}</div>
        <div className="cell-secondary num">
          Plan {formatInteger(client.balance.plan)} · Top-up {formatInteger(client.balance.topUp)}
        </div>
      </td>
      <td>
        <div className="cell-primary num">{formatCalendarDate(client.renewalDate)}</div>
        <div className="cell-secondary">{describeDaysLeft(client.renewalDate, now)}</div>
      </td>
      <td className="cell--end">
        <BuyTokensLink
          clientId={client.id}
          className="button button--ghost button--sm"
          ariaLabel={`Buy tokens for ${client.name}`}
        />
      </td>
    </tr>
  );
}
