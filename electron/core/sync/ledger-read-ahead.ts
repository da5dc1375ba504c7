import type { z } from 'zod';
import type { LedgerPage } from '../../../shared/api/billing-api';
import type { BillingApiClient } from '../billing-api/billing-api-client';

type Page = z.output<typeof LedgerPage>;

interface Asked {
  afterSeq: number;
  page: Promise<Page>;
  abort: AbortController;
}

/**
 * Ledger pages asked for before the sync needs them, so that the billing API serves one while the app stores
 * another: storing a page takes about as long as fetching it, and a first sync of a long history would
 * otherwise pay both in turn. A page asked for ahead is used only for the cursor it was asked with (a purchase
 * may have moved the cursor since); one that no longer fits, or that nobody takes, is called off.
 */
export class LedgerReadAhead {
  private readonly asked = new Map<string, Asked>();

  constructor(
    private readonly api: BillingApiClient,
    private readonly signal: AbortSignal,
    private readonly limit: number,
  ) {}

  /** Asks for the page after `afterSeq` now, unless it is already on its way. */
  request(clientId: string, afterSeq: number): void {
    void this.ask(clientId, afterSeq);
  }

  /** The page after `afterSeq`: the one asked for ahead when it fits, else asked for now. */
  take(clientId: string, afterSeq: number): Promise<Page> {
    const page = this.ask(clientId, afterSeq);
    this.asked.delete(clientId);
    return page;
  }

  /** Calls off what was asked for this client, whose pages will not be read in this run after all. */
  drop(clientId: string): void {
    this.asked.get(clientId)?.abort.abort();
    this.asked.delete(clientId);
  }

  dropAll(): void {
    for (const clientId of [...this.asked.keys()]) this.drop(clientId);
  }

  private ask(clientId: string, afterSeq: number): Promise<Page> {
    const current = this.asked.get(clientId);
    if (current?.afterSeq === afterSeq) return current.page;
    current?.abort.abort();
    const abort = new AbortController();
    const signal = AbortSignal.any([this.signal, abort.signal]);
    const page = this.api.listLedger(clientId, { after_seq: afterSeq, limit: this.limit }, signal);
    // A page that is taken fails where it is awaited; one called off or never taken fails unseen.
    page.catch(() => {});
    this.asked.set(clientId, { afterSeq, page, abort });
    return page;
  }
}
