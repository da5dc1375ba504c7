import { useEffect } from 'react';
import { useLocation } from 'react-router';
import { requestedAt, sectionRequest } from './section-request';

const BUY_TOKENS_REQUEST = 'buyTokens';

/** Router state that asks the Settings tab to bring the Manual Reload pack choice into view. */
export function buyTokensState(): Record<string, number> {
  return sectionRequest(BUY_TOKENS_REQUEST);
}

/**
 * "Buy tokens" from the list or the page header lands on the pack choice with
 * the first pack focused, so a keyboard user goes on with the arrow keys.
 */
export function useBuyTokensFocus(manualReloadHeadingId: string): void {
  const location = useLocation();
  const at = requestedAt(location.state, BUY_TOKENS_REQUEST);
  useEffect(() => {
    if (at === null) return;
    const section = document.getElementById(manualReloadHeadingId)?.closest('section');
    if (!section) return;
    section.scrollIntoView({ block: 'start' });
    section.querySelector<HTMLInputElement>('input[type="radio"]:checked, input[type="radio"]')?.focus();
  }, [at, manualReloadHeadingId]);
}
