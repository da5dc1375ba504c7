import { useEffect, useRef } from 'react';
import { formatCalendarDate, formatInteger, formatMoney } from '../../../../shared/domain/format';
import type { InvoiceModel } from '../../../../shared/ipc/ledger-models';
import { focusOnArrival } from '../../components/dialog-focus';
import { DownloadIcon, ExternalLinkIcon } from '../../components/icons';
import type { PendingInvoice } from '../payment/purchase-links';
import { InvoiceStatusBadge } from './InvoiceStatusBadge';

interface InvoicesTableProps {
  invoices: InvoiceModel[];
  /** A purchase's invoice the billing service has not sent yet: a row that says so, first. */
  pending: PendingInvoice | null;
  /** The invoice a credit-log reference pointed at, shown highlighted and scrolled into view. */
  highlightedId: string | null;
  savingId: string | null;
  onSave(invoice: InvoiceModel): void;
}

function InvoiceRow({
  invoice,
  highlighted,
  saving,
  onSave,
}: {
  invoice: InvoiceModel;
  highlighted: boolean;
  saving: boolean;
  onSave(): void;
}) {
  const rowRef = useRef<HTMLTableRowElement>(null);
  useEffect(() => {
    if (!highlighted) return;
    rowRef.current?.scrollIntoView({ block: 'center' });
    focusOnArrival(rowRef.current);
  }, [highlighted]);
  return (
    <tr
      ref={rowRef}
      tabIndex={highlighted ? -1 : undefined}
      className={highlighted ? 'invoice-row--highlighted' : undefined}
      aria-current={highlighted || undefined}
    >
      <td className="invoice-number num">{invoice.number}</td>
      <td className="num">{formatCalendarDate(invoice.createdAt)}</td>
      <td className="invoice-description">{invoice.description}</td>
      <td className="cell--end num">{formatMoney(invoice.amount)}</td>
      <td>
        <InvoiceStatusBadge status={invoice.status} />
      </td>
      <td className="invoice-actions">
        {invoice.hostedUrl ? (
          <a
            className="button button--ghost button--sm"
            href={invoice.hostedUrl}
            target="_blank"
            rel="noopener noreferrer"
            aria-label={`Open invoice ${invoice.number}`}
          >
            <ExternalLinkIcon />
            Open
          </a>
        ) : (
          // The billing service sent a link to somewhere other than itself: not offered.
          <span className="muted" title="The billing service's link leads elsewhere">
            No link
          </span>
        )}
        <button
          type="button"
          className="button button--ghost button--sm"
          aria-label={`Save invoice ${invoice.number}`}
          onClick={onSave}
          disabled={saving}
        >
          <DownloadIcon />
          Save
        </button>
      </td>
    </tr>
  );
}

/** Only what the purchase told: the number, link and status come with the invoice itself. */
function PendingInvoiceRow({ pending }: { pending: PendingInvoice }) {
  const rowRef = useRef<HTMLTableRowElement>(null);
  useEffect(() => focusOnArrival(rowRef.current), []);
  return (
    <tr ref={rowRef} tabIndex={-1} className="invoice-row--highlighted" aria-current>
      <td className="invoice-number muted">—</td>
      <td className="num">{formatCalendarDate(pending.at)}</td>
      <td className="invoice-description">Top-up of {formatInteger(pending.tokens)} tokens</td>
      <td className="cell--end num">{formatMoney(pending.amount)}</td>
      <td>
        <span className="badge badge--neutral">Invoice pending</span>
      </td>
      <td className="invoice-actions muted">Arrives with the next sync</td>
    </tr>
  );
}

export function InvoicesTable({ invoices, pending, highlightedId, savingId, onSave }: InvoicesTableProps) {
  return (
    <table className="data-table invoices-table" aria-label="Invoices">
      <thead>
        <tr>
          <th scope="col">Number</th>
          <th scope="col">Date</th>
          <th scope="col">Description</th>
          <th scope="col" className="cell--end">
            Amount
          </th>
          <th scope="col">Status</th>
          <th scope="col">
            <span className="visually-hidden">Actions</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {pending && <PendingInvoiceRow pending={pending} />}
        {invoices.map((invoice) => (
          <InvoiceRow
            key={invoice.id}
            invoice={invoice}
            highlighted={invoice.id === highlightedId}
            saving={invoice.id === savingId}
            onSave={() => onSave(invoice)}
          />
        ))}
      </tbody>
    </table>
  );
}
