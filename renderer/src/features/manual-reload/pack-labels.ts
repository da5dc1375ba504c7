import { formatMoney, formatPerTokenRate, formatTokens } from '../../../../shared/domain/format';
import type { Money } from '../../../../shared/api/primitives';
import type { PackModel } from '../../../../shared/ipc/models';

/** "5,000 tokens — $65.00": a pack's exact count and price, which is also its radio's accessible name. */
export function packName(pack: PackModel): string {
  return `${formatTokens(pack.tokens)} \u2014 ${formatMoney(pack.price)}`;
}

/** "$0.0130 per token". */
export function perTokenRate(price: Money, tokens: number): string {
  return `${formatPerTokenRate(price, tokens)} per token`;
}

/** Cheapest per token first would hide the price ladder; packs are listed smallest first. */
export function packsBySize(packs: readonly PackModel[]): PackModel[] {
  return packs.toSorted((a, b) => a.tokens - b.tokens);
}

/** The smallest pack that covers `tokens`, or the largest when none does. */
export function smallestPackCovering(packs: readonly PackModel[], tokens: number): PackModel | null {
  const sorted = packsBySize(packs);
  return sorted.find((pack) => pack.tokens >= tokens) ?? sorted.at(-1) ?? null;
}
