/**
 * Clients gained an auto-reload monthly limit and the latest refused usage
 * (insufficient tokens). The clients cursor is forgotten so the next sync
 * fetches every client again and fills them in.
 */
export const sql = `
ALTER TABLE clients ADD COLUMN auto_reload_monthly_limit INTEGER;
ALTER TABLE clients ADD COLUMN insufficient_tokens_json TEXT;
DELETE FROM sync_cursors WHERE resource = 'clients';
`;
