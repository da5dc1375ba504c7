/** Per-client invoice numbers such as NDG-0042: the client's initials, then a running number. */

/** Initials of up to three words of the name, upper case ("Northwind Dental Group" → "NDG"). */
export function invoicePrefixFor(name: string): string {
  const initials = name
    .split(/[^A-Za-z0-9]+/)
    .filter((word) => word.length > 0)
    .slice(0, 3)
    .map((word) => word[0]?.toUpperCase() ?? '')
    .join('');
  return initials.length > 0 ? initials : 'INV';
}

/** The prefix for a client, made unique among `taken` by a number suffix when initials collide. */
export function uniqueInvoicePrefix(name: string, taken: ReadonlySet<string>): string {
  const base = invoicePrefixFor(name);
  if (!taken.has(base)) return base;
  for (let n = 2; ; n += 1) {
    if (!taken.has(`${base}${n}`)) return `${base}${n}`;
  }
}

export function formatInvoiceNumber(prefix: string, sequence: number): string {
  if (!Number.isSafeInteger(sequence) || sequence < 1) {
    throw new RangeError(`An invoice sequence must be a positive whole number, got ${sequence}`);
  }
  return `${prefix}-${String(sequence).padStart(4, '0')}`;
}
