/**
 * Rowids of the contentless search index: a client's small number in the high
 * bits, the entry's seq in the low 40, so one client's entries form one rowid
 * range and seq order is rowid order.
 */
export const SEQ_BITS = 40;
export const CLIENT_KEY_FACTOR = 2 ** SEQ_BITS;
/** Keeps key * factor + seq within SQLite's 63-bit rowids and JS's safe integers. */
export const MAX_SEARCHABLE_SEQ = CLIENT_KEY_FACTOR - 1;
export const MAX_CLIENT_KEYS = Math.floor(Number.MAX_SAFE_INTEGER / CLIENT_KEY_FACTOR);

export function searchRowid(clientKey: number, seq: number): number {
  return clientKey * CLIENT_KEY_FACTOR + seq;
}

/** The same rowid, for SQL that builds it from table columns. */
export const SEARCH_ROWID_SQL = (keyColumn: string, seqColumn: string) =>
  `(${keyColumn} * ${CLIENT_KEY_FACTOR} + ${seqColumn})`;
