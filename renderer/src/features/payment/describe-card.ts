import type { SavedCard } from '../../../../shared/ipc/models';

/** "Visa •••• 4242": how a saved card is named wherever it appears. */
export function describeCard(card: SavedCard): string {
  return `${card.brand} \u2022\u2022\u2022\u2022 ${card.last4}`;
}
