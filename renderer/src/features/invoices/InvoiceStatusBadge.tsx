import {
  INVOICE_STATUSES,
  type InvoiceStatus,
  type KnownInvoiceStatus,
} from '../../../../shared/api/billing-api';
import { isKnownValue } from '../../../../shared/api/open-enum';
import { titleCaseIdentifier } from '../../../../shared/domain/format';

const STATUS: Record<KnownInvoiceStatus, { label: string; tone: string }> = {
  paid: { label: 'Paid', tone: 'success' },
  open: { label: 'Open', tone: 'warning' },
  draft: { label: 'Draft', tone: 'neutral' },
  void: { label: 'Void', tone: 'neutral' },
  uncollectible: { label: 'Uncollectible', tone: 'danger' },
};

/** A status a newer billing API added is shown by its own name, in a neutral tone. */
export function InvoiceStatusBadge({ status }: { status: InvoiceStatus }) {
  const { label, tone } = isKnownValue(INVOICE_STATUSES, status)
    ? STATUS[status]
    : { label: titleCaseIdentifier(status), tone: 'neutral' };
  return <span className={`badge badge--${tone}`}>{label}</span>;
}
