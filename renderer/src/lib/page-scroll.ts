/**
 * The element that scrolls the page's content (the shell's main column). A long list that draws only the rows
 * in view follows this element's scrolling instead of having a scroll area of its own.
 */
export const PAGE_SCROLL_ID = 'page-scroll';

export function pageScrollElement(): HTMLElement | null {
  return document.getElementById(PAGE_SCROLL_ID);
}
