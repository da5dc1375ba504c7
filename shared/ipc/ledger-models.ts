/** The credit log, token provenance, invoices and exports as the renderer sees them. */
import { z } from 'zod';
import { Bucket, InvoiceStatus, LEDGER_ENTRY_TYPES, LedgerEntryType } from '../api/billing-api';
import { openEnum } from '../api/open-enum';
import { Id, IsoDate, IsoDateTime, Money, SignedTokenCount, TokenCount } from '../api/primitives';

export const LedgerEntryModel = z.object({
  id: Id,
  seq: z.int().positive(),
  at: IsoDateTime,
  type: LedgerEntryType,
  amount: SignedTokenCount,
  balanceAfter: TokenCount,
  bucket: Bucket,
  topUpId: Id.nullable(),
  invoiceId: Id.nullable(),
  /** The invoice's number when the invoice is in the cache, so a reference can link to it. */
  invoiceNumber: z.string().nullable(),
  submissionId: Id.nullable(),
  description: z.string(),
});
export type LedgerEntryModel = z.infer<typeof LedgerEntryModel>;

/** `other` stands for every type this version does not know (a newer billing API's "transfer"). */
export const LEDGER_FILTER_TYPES = [...LEDGER_ENTRY_TYPES, 'other'] as const;
export const LedgerFilterType = z.enum(LEDGER_FILTER_TYPES);
export type LedgerFilterType = z.infer<typeof LedgerFilterType>;

export const LedgerFilter = z.strictObject({
  /** Empty means every type. */
  types: z.array(LedgerFilterType).max(LEDGER_FILTER_TYPES.length).default([]),
  /** Inclusive calendar dates (UTC). */
  from: IsoDate.nullable().default(null),
  to: IsoDate.nullable().default(null),
  /** Full-text search over descriptions and references. */
  search: z.string().trim().max(200).default(''),
});
export type LedgerFilter = z.output<typeof LedgerFilter>;
export type LedgerFilterInput = z.input<typeof LedgerFilter>;

export const LedgerPageResult = z.object({
  entries: z.array(LedgerEntryModel),
  /** Keyset cursor: pass as `before` to get the next (older) page; null at the end. */
  nextBefore: z.int().positive().nullable(),
});
export type LedgerPageResult = z.infer<typeof LedgerPageResult>;

export const TopUpBucketModel = z.object({
  topUpId: Id,
  /** What created the bucket: a purchase, or a kind of credit a newer billing API added. */
  type: openEnum(['top_up', 'auto_reload']),
  purchasedAt: IsoDateTime,
  tokensBought: TokenCount,
  tokensLeft: TokenCount,
  invoiceId: Id.nullable(),
  invoiceNumber: z.string().nullable(),
});
export type TopUpBucketModel = z.infer<typeof TopUpBucketModel>;

export const Provenance = z.object({
  /** What the cached credit log explains: the plan, the top-ups and any other buckets. */
  total: TokenCount,
  /** The client's balance as the billing service last reported it; differs from `total` while the log lags. */
  balanceTotal: TokenCount,
  plan: z.object({ tokensLeft: TokenCount, cycleStart: IsoDate, expiresOn: IsoDate }),
  /** Oldest first: the order in which usage consumes them. */
  topUps: z.array(TopUpBucketModel),
  /** Tokens in buckets this version does not know, by the bucket's name as sent. */
  otherBuckets: z.array(z.object({ bucket: z.string(), tokensLeft: z.int() })).default([]),
});
export type Provenance = z.infer<typeof Provenance>;

export const InvoiceModel = z.object({
  id: Id,
  number: z.string(),
  createdAt: IsoDateTime,
  description: z.string(),
  amount: Money,
  status: InvoiceStatus,
  /** Null when the billing service's link leads anywhere but its own origins (see server-links.ts). */
  hostedUrl: z.string().nullable(),
  topUpId: Id.nullable(),
});
export type InvoiceModel = z.infer<typeof InvoiceModel>;

/**
 * How a host delivered a file: Electron writes it where the save dialog said;
 * the web host offers a one-time download URL that the renderer follows.
 */
export const ExportResult = z.discriminatedUnion('status', [
  z.object({ status: z.literal('saved'), fileName: z.string(), rows: z.int().nonnegative().nullable() }),
  z.object({
    status: z.literal('download'),
    fileName: z.string(),
    rows: z.int().nonnegative().nullable(),
    url: z.string(),
  }),
  z.object({ status: z.literal('canceled') }),
]);
export type ExportResult = z.infer<typeof ExportResult>;
