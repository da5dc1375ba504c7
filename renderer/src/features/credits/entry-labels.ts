import type { LedgerEntryType } from '../../../../shared/api/billing-api';

/** What each kind of entry is called in a row of the log. */
export const ENTRY_TYPE_LABELS: Record<LedgerEntryType, string> = {
  top_up: 'Top up',
  auto_reload: 'Auto reload',
  usage: 'Usage',
  plan_allocation: 'Plan allocation',
  plan_expiry: 'Plan expiry',
  refund: 'Refund',
  adjustment: 'Adjustment',
};

/** The Type filter's choices, in the order a manager scans for them. */
export const TYPE_FILTER_OPTIONS: ReadonlyArray<{ type: LedgerEntryType; label: string }> = [
  { type: 'top_up', label: 'Top ups' },
  { type: 'auto_reload', label: 'Auto reloads' },
  { type: 'usage', label: 'Usage' },
  { type: 'plan_allocation', label: 'Plan allocation' },
  { type: 'plan_expiry', label: 'Expiry' },
  { type: 'refund', label: 'Refunds' },
  { type: 'adjustment', label: 'Adjustments' },
];
