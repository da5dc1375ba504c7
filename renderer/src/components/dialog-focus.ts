/**
 * Where focus goes when a dialog closes. Radix returns it to whatever had focus
 * when the dialog's content mounted, which fails here: one dialog replaces
 * another (Confirm top up → payment), the payment dialog remounts its content
 * around 3-D Secure, and the opener may be gone or disabled by then. Focus then
 * fell to the page body, and a keyboard user had to start over from the top.
 */
import { MAIN_CONTENT_ID } from './SkipLink';

const openerOfDialog = new WeakMap<Element, HTMLElement>();

const TABBABLE = [
  'a[href]',
  'button:not(:disabled)',
  'input:not(:disabled)',
  'select:not(:disabled)',
  'textarea:not(:disabled)',
  '[tabindex]:not([tabindex="-1"])',
].join(', ');

/**
 * The control that opens the dialog about to render: the focused one, or, when
 * focus is in a dialog this one replaces, that dialog's own opener.
 */
export function currentOpener(): HTMLElement | null {
  const active = document.activeElement;
  if (!(active instanceof HTMLElement) || active === document.body) return null;
  const dialog = active.closest('[role="dialog"]');
  return dialog ? (openerOfDialog.get(dialog) ?? null) : active;
}

export function rememberOpener(dialog: HTMLElement | null, opener: HTMLElement | null): void {
  if (dialog && opener) openerOfDialog.set(dialog, opener);
}

function returnTarget(opener: HTMLElement | null): HTMLElement | null {
  if (opener?.isConnected) {
    if (opener.matches(TABBABLE)) return opener;
    // Disabled meanwhile (a purchase clears the pack choice, so Continue waits for a new one): the start of
    // the section it belongs to, where the next step begins.
    const first = opener.closest('section')?.querySelector<HTMLElement>(TABBABLE);
    if (first) return first;
  }
  // Gone with the view it was on (a link in the dialog led to another tab): the start of the main content.
  return document.getElementById(MAIN_CONTENT_ID);
}

/** Nothing holds focus but the page itself, or the main content standing in for what was lost. */
function focusIsFree(): boolean {
  const active = document.activeElement;
  return !active || active === document.body || !active.isConnected || active.id === MAIN_CONTENT_ID;
}

/** Called once the dialog is gone; focus that already moved on (into the next dialog) stays where it is. */
export function returnFocus(opener: HTMLElement | null): void {
  if (focusIsFree()) returnTarget(opener)?.focus();
}

/**
 * Where a link out of a dialog led (the entry or invoice it highlights) takes
 * focus when it appears, which may be after the dialog has gone and the tab
 * it was opened from with it; focus the person has moved since stays.
 */
export function focusOnArrival(target: HTMLElement | null): void {
  if (focusIsFree()) target?.focus();
}
