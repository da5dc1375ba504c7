import { useEffect } from 'react';
import { useLocation } from 'react-router';

/**
 * Router state that asks a client page to bring one of its sections into view: `{ [key]: Date.now() }`, a new
 * number each time, so asking again on the same page scrolls again.
 */
export function sectionRequest(key: string): Record<string, number> {
  return { [key]: Date.now() };
}

export function requestedAt(state: unknown, key: string): number | null {
  if (typeof state !== 'object' || state === null || !(key in state)) return null;
  const at = (state as Record<string, unknown>)[key];
  return typeof at === 'number' ? at : null;
}

export const PLAN_ADVICE_REQUEST = 'planAdvice';

/** "See plan advice" from the Dashboard lands on that card, in view, with focus on its heading. */
export function usePlanAdviceFocus(headingId: string): void {
  const at = requestedAt(useLocation().state, PLAN_ADVICE_REQUEST);
  useEffect(() => {
    if (at === null) return;
    const heading = document.getElementById(headingId);
    if (!heading) return;
    heading.tabIndex = -1;
    heading.closest('section')?.scrollIntoView({ block: 'center' });
    heading.focus({ preventScroll: true });
  }, [at, headingId]);
}
