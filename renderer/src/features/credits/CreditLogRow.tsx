import { Link } from 'react-router';
import { formatDateTime, formatInteger, formatSignedTokens } from '../../../../shared/domain/format';
import { entryReference, entrySource } from '../../../../shared/ipc/credit-log-columns';
import type { LedgerEntryModel } from '../../../../shared/ipc/ledger-models';
import { clientTabPath } from '../client-page/client-tabs';
import { entryTypeLabel, entryTypeTone } from './entry-labels';

interface RowPosition {
  /** 1-based among all rows of the table, the header being row 1. */
  rowIndex: number;
  offset: number;
}

function placement({ offset }: RowPosition) {
  return { transform: `translateY(${offset}px)` };
}

function Reference({ clientId, entry }: { clientId: string; entry: LedgerEntryModel }) {
  if (entry.invoiceId) {
    return (
      <Link
        className="ledger-ref ledger-ref--invoice"
        to={clientTabPath(clientId, 'invoices')}
        state={{ invoiceId: entry.invoiceId }}
      >
        {entryReference(entry)}
      </Link>
    );
  }
  const reference = entryReference(entry);
  if (reference) return <span className="ledger-ref">{reference}</span>;
  return <span className="ledger-ref ledger-ref--none">—</span>;
}

export function CreditLogRow({
  clientId,
  entry,
  position,
}: {
  clientId: string;
  entry: LedgerEntryModel;
  position: RowPosition;
}) {
  const credit = entry.amount > 0;
  const source = entrySource(entry);
  return (
    <div
      className={credit ? 'ledger-row ledger-row--credit' : 'ledger-row'}
      role="row"
      aria-rowindex={position.rowIndex}
      style={placement(position)}
    >
      <div className="ledger-cell num" role="cell">
        {formatDateTime(entry.at)}
      </div>
      <div className="ledger-cell" role="cell">
        <span className={`entry-type entry-type--${entryTypeTone(entry.type)}`}>
          {entryTypeLabel(entry.type)}
        </span>
      </div>
      <div className="ledger-cell ledger-cell--text" role="cell" title={entry.description}>
        {entry.description}
      </div>
      <div className="ledger-cell ledger-cell--end num" role="cell">
        <span className={credit ? 'amount amount--credit' : 'amount'}>
          {formatSignedTokens(entry.amount)}
        </span>
      </div>
      <div className="ledger-cell ledger-cell--end num" role="cell">
        {formatInteger(entry.balanceAfter)}
      </div>
      <div className="ledger-cell ledger-cell--text" role="cell" title={source}>
        <span className={`source source--${entry.bucket}`}>
          <span className="source__text">{source}</span>
        </span>
      </div>
      <div className="ledger-cell ledger-cell--text" role="cell">
        <Reference clientId={clientId} entry={entry} />
      </div>
    </div>
  );
}

/** Where a row of the next page will be: the space is real so scrolling never stalls, the content is not. */
export function PlaceholderRow({ position }: { position: RowPosition }) {
  return (
    <div className="ledger-row ledger-row--placeholder" aria-hidden="true" style={placement(position)}>
      <span className="skeleton" />
      <span className="skeleton" />
      <span className="skeleton skeleton--wide" />
      <span className="skeleton skeleton--end" />
      <span className="skeleton skeleton--end" />
      <span className="skeleton" />
      <span className="skeleton" />
    </div>
  );
}
