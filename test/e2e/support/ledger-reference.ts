/**
 * The credit log and invoices straight from the billing sandbox, and the
 * Credits tab's filter rules written out in plain JS, so the app's counts and
 * rows are checked against an independent computation.
 */
import {
  InvoiceList,
  LedgerPage,
  type Invoice,
  type LedgerEntry,
  type LedgerEntryType,
} from '../../../shared/api/billing-api';
import type { BillingApi } from './sandbox-api';

async function getJson(api: BillingApi, path: string): Promise<unknown> {
  const response = await fetch(new URL(path, api.url.endsWith('/') ? api.url : `${api.url}/`), {
    headers: { authorization: `Bearer ${api.token}` },
  });
  if (!response.ok) throw new Error(`GET ${path} answered HTTP ${response.status}.`);
  return response.json();
}

/** Every entry of one client's ledger, oldest first (ascending seq). */
export async function listSandboxLedger(api: BillingApi, clientId: string): Promise<LedgerEntry[]> {
  const entries: LedgerEntry[] = [];
  for (;;) {
    const afterSeq = entries.at(-1)?.seq ?? 0;
    const query = new URLSearchParams({ after_seq: String(afterSeq), limit: '1000' });
    const page = LedgerPage.parse(
      await getJson(api, `v1/clients/${encodeURIComponent(clientId)}/ledger?${query}`),
    );
    entries.push(...page.data);
    if (page.data.length === 0 || page.next_cursor === null) return entries;
  }
}

/** One client's invoices, newest first, as the API lists them. */
export async function listSandboxInvoices(api: BillingApi, clientId: string): Promise<Invoice[]> {
  const invoices: Invoice[] = [];
  let cursor: string | null = null;
  do {
    const query = new URLSearchParams({ limit: '500', ...(cursor ? { cursor } : {}) });
    const page = InvoiceList.parse(
      await getJson(api, `v1/clients/${encodeURIComponent(clientId)}/invoices?${query}`),
    );
    invoices.push(...page.data);
    cursor = page.next_cursor;
  } while (cursor);
  return invoices;
}

export interface ReferenceFilter {
  types?: LedgerEntryType[];
  /** Inclusive UTC calendar dates. */
  from?: string;
  to?: string;
  search?: string;
}

const WORD = /[\p{L}\p{N}\p{M}]+/gu;

function words(text: string): string[] {
  return (text.toLowerCase().match(WORD) ?? []).map((word) => word.normalize('NFD').replace(/\p{M}/gu, ''));
}

/**
 * Search means: every typed word starts a word of the description or of a
 * reference (top-up, invoice or submission id, or the invoice's number).
 */
function matchesSearch(entry: LedgerEntry, search: string, invoiceNumbers: Map<string, string>): boolean {
  const wanted = words(search);
  if (wanted.length === 0) return true;
  const invoiceNumber = entry.invoice_id ? (invoiceNumbers.get(entry.invoice_id) ?? '') : '';
  const haystack = words(
    [entry.description, entry.top_up_id, entry.invoice_id, entry.submission_id, invoiceNumber].join(' '),
  );
  return wanted.every((word) => haystack.some((candidate) => candidate.startsWith(word)));
}

/** Matching entries newest first, as the Credits tab lists them. */
export function filterLedger(
  entries: readonly LedgerEntry[],
  filter: ReferenceFilter,
  invoices: readonly Invoice[] = [],
): LedgerEntry[] {
  const invoiceNumbers = new Map(invoices.map((invoice) => [invoice.id, invoice.number]));
  return entries
    .filter((entry) => !filter.types?.length || filter.types.includes(entry.type))
    .filter((entry) => !filter.from || entry.at.slice(0, 10) >= filter.from)
    .filter((entry) => !filter.to || entry.at.slice(0, 10) <= filter.to)
    .filter((entry) => !filter.search || matchesSearch(entry, filter.search, invoiceNumbers))
    .toSorted((a, b) => b.seq - a.seq);
}
