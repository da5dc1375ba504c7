/**
 * A client whose data could not be read or stored is set aside by the sync
 * (the others carry on) and keeps its reason here until it syncs again, so the
 * badge and "Copy details" survive a restart.
 */
export const sql = `
CREATE TABLE client_sync_problems (
  client_id TEXT PRIMARY KEY,
  at TEXT NOT NULL,
  message TEXT NOT NULL,
  details TEXT NOT NULL
);
`;
