import { useEffect } from 'react';
import { useLocation } from 'react-router';

/** Router state that asks the Settings tab to bring the Manual Reload pack choice into view. */
export interface BuyTokensRequest {
  buyTokens: number;
}

export function buyTokensState(): BuyTokensRequest {
  // A new number each time, so asking again on the same page scrolls again.
  return { buyTokens: Date.now() };
}

function requestedAt(state: unknown): number | null {
  if (typeof state !== 'object' || state === null || !('buyTokens' in state)) return null;
  return typeof state.buyTokens === 'number' ? state.buyTokens : null;
}

/**
 * "Buy tokens" from the list or the page header lands on the pack choice with
 * the first pack focused, so a keyboard user goes on with the arrow keys.
 */
export function useBuyTokensFocus(manualReloadHeadingId: string): void {
  const location = useLocation();
  const at = requestedAt(location.state);
  useEffect(() => {
    if (at === null) return;
    const section = document.getElementById(manualReloadHeadingId)?.closest('section');
    if (!section) return;
    section.scrollIntoView({ block: 'start' });
    section.querySelector<HTMLInputElement>('input[type="radio"]:checked, input[type="radio"]')?.focus();
  }, [at, manualReloadHeadingId]);
}
