import { Link } from 'react-router';
import { formatCalendarDate, formatInteger, formatTokens } from '../../../../shared/domain/format';
import type { ClientSummary } from '../../../../shared/ipc/models';
import { BalanceBadge } from '../../components/BalanceBadge';
import { SyncProblemBadge } from '../../components/SyncProblemBadge';
import { describeDaysLeft } from '../../lib/renewal';

export function ClientRow({ client, now }: { client: ClientSummary; now: Date }) {
  return (
    <tr>
      <td>
        <div className="client-cell">
          <Link className="client-cell__name" to={`/clients/${encodeURIComponent(client.id)}/settings`}>
            {client.name}
          </Link>
          <BalanceBadge balance={client.balance} lowBalance={client.lowBalance} />
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
    </tr>
  );
}
