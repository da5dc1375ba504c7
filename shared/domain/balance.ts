/** A client is low on tokens when less than this share of a cycle's allocation is left. */
export const LOW_BALANCE_SHARE = 0.1;

export function lowBalanceThreshold(tokensPerCycle: number): number {
  return Math.max(1, Math.ceil(tokensPerCycle * LOW_BALANCE_SHARE));
}

export function isLowBalance(total: number, tokensPerCycle: number): boolean {
  return total < lowBalanceThreshold(tokensPerCycle);
}
