import {
  LEDGER_ENTRY_TYPES,
  type KnownLedgerEntryType,
  type LedgerEntryType,
} from '../../../../shared/api/billing-api';
import { isKnownValue } from '../../../../shared/api/open-enum';
import { titleCaseIdentifier } from '../../../../shared/domain/format';
import type { LedgerFilterType } from '../../../../shared/ipc/ledger-models';

const ENTRY_TYPE_LABELS: Record<KnownLedgerEntryType, string> = {
  top_up: 'Top up',
  auto_reload: 'Auto reload',
  usage: 'Usage',
  plan_allocation: 'Plan allocation',
  plan_expiry: 'Plan expiry',
  refund: 'Refund',
  adjustment: 'Adjustment',
};

/** What an entry is called in a row of the log; a type added by a newer billing API is shown by its own name. */
export function entryTypeLabel(type: LedgerEntryType): string {
  return isKnownValue(LEDGER_ENTRY_TYPES, type) ? ENTRY_TYPE_LABELS[type] : titleCaseIdentifier(type);
}

/** The class that colours an entry's type; every unknown type shares one neutral look. */
export function entryTypeTone(type: LedgerEntryType): KnownLedgerEntryType | 'other' {
  return isKnownValue(LEDGER_ENTRY_TYPES, type) ? type : 'other';
}

/** The Type filter's choices, in the order a manager scans for them. */
export const TYPE_FILTER_OPTIONS: ReadonlyArray<{ type: LedgerFilterType; label: string }> = [
  { type: 'top_up', label: 'Top ups' },
  { type: 'auto_reload', label: 'Auto reloads' },
  { type: 'usage', label: 'Usage' },
  { type: 'plan_allocation', label: 'Plan allocation' },
  { type: 'plan_expiry', label: 'Expiry' },
  { type: 'refund', label: 'Refunds' },
  { type: 'adjustment', label: 'Adjustments' },
  { type: 'other', label: 'Other' },
];
