/**
 * Indexes for the dashboard, which asks these of every client or of a whole month at once (measured with 500
 * clients and 2,000,000 entries in `npm run bench`):
 * - the Auto Reloads since each client's cycle began: the purchases index holds top-ups and Auto Reloads by
 *   top-up id, so counting them by time read every purchase row of the client's whole history (35 ms for
 *   500 clients); this small partial index holds only Auto Reloads, by time, and answers without the table;
 * - the tokens every client bought this month: the per-day table's (day, client_id) index found the month's
 *   days but read each row for `bought` (8 ms); the few days with a purchase, with their sum, are now an
 *   index of their own. That was the old index's only query, so it goes rather than slow every insert;
 * - the month's top-up and plan spend: every cached invoice was read to find the month's (a few years of
 *   invoices for 500 clients is tens of thousands); by creation time only the month's are.
 */
export const sql = `
CREATE INDEX ledger_entries_auto_reloads ON ledger_entries (client_id, at) WHERE type = 'auto_reload';

DROP INDEX client_daily_ledger_by_day;
CREATE INDEX client_daily_ledger_bought ON client_daily_ledger (day, bought) WHERE bought > 0;

CREATE INDEX invoices_by_created ON invoices (created_at);
`;
