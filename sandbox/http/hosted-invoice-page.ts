/** The customer-facing invoice page a hosted_url opens: plain HTML, no scripts. */
import type { Client, Me } from '../../shared/api/billing-api';
import { formatDateTime, formatMoney } from '../../shared/domain/format';
import type { InvoiceRecord } from '../store/invoice-repository';

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

const STYLE = `
  body { font: 15px/1.5 system-ui, -apple-system, "Segoe UI", sans-serif; color: #1f2933; background: #f4f6f8;
    margin: 0; padding: 40px 16px; }
  main { max-width: 640px; margin: 0 auto; background: #fff; border-radius: 12px; padding: 32px 36px;
    box-shadow: 0 1px 3px rgba(15, 23, 42, 0.12); }
  header { display: flex; justify-content: space-between; align-items: flex-start; gap: 16px; }
  h1 { font-size: 22px; margin: 0 0 4px; }
  .muted { color: #616e7c; }
  .status { text-transform: uppercase; font-size: 12px; font-weight: 600; letter-spacing: 0.06em;
    padding: 4px 10px; border-radius: 999px; background: #e3f9e5; color: #1b5e20; }
  .status.open, .status.draft { background: #fff4e5; color: #8a4b00; }
  .status.void, .status.uncollectible { background: #fde8e8; color: #9b1c1c; }
  dl { display: grid; grid-template-columns: max-content 1fr; gap: 4px 16px; margin: 24px 0; }
  dt { color: #616e7c; }
  dd { margin: 0; }
  table { width: 100%; border-collapse: collapse; margin-top: 8px; }
  th, td { text-align: left; padding: 10px 0; border-bottom: 1px solid #e4e7eb; }
  th { font-size: 13px; color: #616e7c; font-weight: 500; }
  .num { text-align: right; font-variant-numeric: tabular-nums; }
  tfoot td { font-weight: 600; border-bottom: none; }
  footer { margin-top: 24px; font-size: 13px; }
`;

export function renderInvoicePage(invoice: InvoiceRecord, client: Client | null, me: Me): string {
  const rows = invoice.lines
    .map(
      (line) =>
        `<tr><td>${escapeHtml(line.description)}</td><td class="num">${line.quantity}</td>` +
        `<td class="num">${escapeHtml(formatMoney(line.amount))}</td></tr>`,
    )
    .join('');
  const paidWith =
    invoice.status === 'paid' && me.card
      ? `<footer class="muted">Paid with ${escapeHtml(me.card.brand)} •••• ${escapeHtml(me.card.last4)}</footer>`
      : '';
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Invoice ${escapeHtml(invoice.number)}</title>
<style>${STYLE}</style>
</head>
<body>
<main>
  <header>
    <div>
      <h1>Invoice ${escapeHtml(invoice.number)}</h1>
      <div class="muted">${escapeHtml(me.agency.name)}</div>
    </div>
    <span class="status ${escapeHtml(invoice.status)}">${escapeHtml(invoice.status)}</span>
  </header>
  <dl>
    <dt>Billed to</dt><dd>${escapeHtml(client?.name ?? invoice.client_id)}</dd>
    <dt>Date</dt><dd>${escapeHtml(formatDateTime(invoice.created_at, 'en-US', 'UTC'))} UTC</dd>
    <dt>For</dt><dd>${escapeHtml(invoice.description)}</dd>
  </dl>
  <table>
    <thead><tr><th>Description</th><th class="num">Qty</th><th class="num">Amount</th></tr></thead>
    <tbody>${rows}</tbody>
    <tfoot><tr><td colspan="2">Total</td><td class="num">${escapeHtml(formatMoney(invoice.amount))}</td></tr></tfoot>
  </table>
  ${paidWith}
</main>
</body>
</html>
`;
}

export function renderNotFoundPage(): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Invoice not found</title><style>${STYLE}</style></head>
<body><main><h1>Invoice not found</h1><p class="muted">Check the link you were given.</p></main></body></html>
`;
}
