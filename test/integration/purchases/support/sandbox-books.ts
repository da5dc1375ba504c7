/** Assertions over the sandbox's books, for vitest tests. */
import { expect } from 'vitest';
import type { ClientBooks } from './sandbox-client';

/** charges = credited top-ups = ledger top_up entries = invoices = emails, each exactly `count`. */
export function expectOneToOne(books: ClientBooks, count: number): void {
  expect(books.chargedTopUps).toHaveLength(count);
  expect(books.creditedTopUps).toEqual(books.chargedTopUps);
  expect(books.invoicedTopUps).toEqual(books.chargedTopUps);
  expect(books.emailedTopUps).toEqual(books.chargedTopUps);
}
