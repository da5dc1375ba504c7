import { useLocation } from 'react-router';
import type { InvoiceModel } from '../../../../shared/ipc/ledger-models';
import { api } from '../../api/bridge';
import { ErrorPanel } from '../../components/ErrorPanel';
import { messageFor } from '../../components/error-message';
import { FileTextIcon } from '../../components/icons';
import { useFileDelivery } from '../credits/file-delivery';
import { pendingInvoiceOf } from '../payment/purchase-links';
import { InvoicesTable } from './InvoicesTable';
import { useInvoices } from './use-invoices';
import './invoices.css';

const HEADING_ID = 'invoices-heading';

function highlightedInvoiceId(state: unknown): string | null {
  if (typeof state !== 'object' || state === null || !('invoiceId' in state)) return null;
  return typeof state.invoiceId === 'string' ? state.invoiceId : null;
}

function NoInvoicesYet() {
  return (
    <div className="panel-state">
      <FileTextIcon className="panel-state__icon" />
      <p className="panel-state__title">No invoices yet</p>
      <p className="panel-state__text">Each top up and auto reload creates an invoice; they appear here.</p>
    </div>
  );
}

export function InvoicesTab({ clientId }: { clientId: string }) {
  const invoices = useInvoices(clientId);
  const location = useLocation();
  const save = useFileDelivery((invoice: InvoiceModel) =>
    api.invoke('invoices.save', { invoiceId: invoice.id }),
  );

  function renderBody() {
    if (invoices.isPending) {
      return (
        <p className="loading-line" role="status">
          Loading invoices…
        </p>
      );
    }
    if (invoices.isError) {
      return (
        <ErrorPanel
          title="Couldn't load invoices"
          error={invoices.error}
          onRetry={() => void invoices.refetch()}
        />
      );
    }
    const list = invoices.data.invoices;
    // A purchase's link promised this invoice; until the sync brings it, the row says so.
    const pending = pendingInvoiceOf(location.state);
    const stillPending =
      pending && !list.some((invoice) => invoice.id === pending.invoiceId) ? pending : null;
    if (list.length === 0 && !stillPending) return <NoInvoicesYet />;
    return (
      <div className="table-card">
        <InvoicesTable
          invoices={list}
          pending={stillPending}
          highlightedId={highlightedInvoiceId(location.state)}
          savingId={save.isPending ? (save.variables?.id ?? null) : null}
          onSave={(invoice) => save.mutate(invoice)}
        />
      </div>
    );
  }

  return (
    <section className="invoices" aria-labelledby={HEADING_ID}>
      <div className="section-header">
        <h2 id={HEADING_ID}>Invoices</h2>
        <p className="export__message" role="status">
          {save.isError ? (
            <span className="export__error">Couldn't save the invoice: {messageFor(save.error)}</span>
          ) : (
            save.data
          )}
        </p>
      </div>
      {renderBody()}
    </section>
  );
}
