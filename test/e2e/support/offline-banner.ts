import type { Page } from '@playwright/test';

/** The banner every screen shows while the billing API is out of reach. */
export function offlineBanner(page: Page) {
  return page.getByRole('status').filter({ hasText: /^Offline — showing data from / });
}
