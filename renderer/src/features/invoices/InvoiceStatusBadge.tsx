import type { InvoiceStatus } from '../../../../shared/api/billing-api';

const STATUS: Record<InvoiceStatus, { label: string; tone: string }> = {
  paid: { label: 'Paid', tone: 'success' },
  open: { label: 'Open', tone: 'warning' },
  draft: { label: 'Draft', tone: 'neutral' },
  void: { label: 'Void', tone: 'neutral' },
  uncollectible: { label: 'Uncollectible', tone: 'danger' },
};

export function InvoiceStatusBadge({ status }: { status: InvoiceStatus }) {
  const { label, tone } = STATUS[status];
  return <span className={`badge badge--${tone}`}>{label}</span>;
}
