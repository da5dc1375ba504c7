/** Moving through the app the way a keyboard user does: only key presses, never a pointer. */
import { expect, type Locator, type Page } from '@playwright/test';

/** What the check below reads in the page (the Node-side project has no DOM types). */
interface InPage {
  ownerDocument: { activeElement: unknown };
}

/** Presses Tab (Shift+Tab with `backwards`) until `target` has focus; fails after `limit` presses. */
export async function tabTo(page: Page, target: Locator, { backwards = false, limit = 60 } = {}) {
  const key = backwards ? 'Shift+Tab' : 'Tab';
  for (let presses = 0; presses < limit; presses += 1) {
    if (await target.evaluate((element: InPage) => element === element.ownerDocument.activeElement)) return;
    await page.keyboard.press(key);
  }
  await expect(target, `reached within ${limit} presses of ${key}`).toBeFocused();
}
