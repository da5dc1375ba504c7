import {
  LEDGER_ENTRY_TYPES,
  type KnownLedgerEntryType,
  type LedgerEntryType,
} from '../../../../shared/api/billing-api';
import { isKnownValue } from '../../../../shared/api/open-enum';
import type { LedgerFilterType } from '../../../../shared/ipc/ledger-models';

/** The class that colours an entry's type; every unknown type shares one neutral look. */
export function entryTypeTone(type: LedgerEntryType): KnownLedgerEntryType | 'other' {
  return isKnownValue(LEDGER_ENTRY_TYPES, type) ? type : 'other';
}

/** The Type filter's choices, in the order a manager scans for them. */
export const TYPE_FILTER_OPTIONS: ReadonlyArray<{ type: LedgerFilterType; label: string }> = [
  { type: 'top_up', label: 'Top-ups' },
  { type: 'auto_reload', label: 'Auto Reloads' },
  { type: 'usage', label: 'Usage' },
  { type: 'blocked', label: 'Blocked' },
  { type: 'plan_allocation', label: 'Plan allocation' },
  { type: 'plan_expiry', label: 'Plan expiry' },
  { type: 'refund', label: 'Refunds' },
  { type: 'adjustment', label: 'Adjustments' },
  { type: 'other', label: 'Other' },
];
