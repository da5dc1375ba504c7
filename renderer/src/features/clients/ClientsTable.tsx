import type { ClientSortKey, ClientSummary, SortDirection } from '../../../../shared/ipc/models';
import { useNow } from '../../hooks/use-now';
import { ClientRow } from './ClientRow';
import { SortableHeader } from './SortableHeader';

const DAYS_LEFT_REFRESH_MS = 60_000;

interface ClientsTableProps {
  clients: ClientSummary[];
  sort: ClientSortKey;
  direction: SortDirection;
  onSort(key: ClientSortKey): void;
  busy: boolean;
}

export function ClientsTable({ clients, sort, direction, onSort, busy }: ClientsTableProps) {
  const now = useNow(DAYS_LEFT_REFRESH_MS);
  const header = { activeKey: sort, direction, onSort };
  return (
    <table className="data-table" aria-label="Clients" aria-busy={busy}>
      <thead>
        <tr>
          <SortableHeader label="Client" buttonLabel="Sort by name" sortKey="name" {...header} />
          <th scope="col">Plan</th>
          <SortableHeader
            label="Balance"
            buttonLabel="Sort by share of allocation left"
            sortKey="balance"
            align="end"
            {...header}
          />
          <SortableHeader label="Renewal" buttonLabel="Sort by renewal date" sortKey="renewal" {...header} />
          <th scope="col">
            <span className="visually-hidden">Actions</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {clients.map((client) => (
          <ClientRow key={client.id} client={client} now={now} />
        ))}
      </tbody>
    </table>
  );
}
