/**
 * Turns what someone typed into the search box into an FTS5 query that can only
 * ever mean "every word, as a prefix": user text never becomes FTS syntax
 * (no operators, column filters or unbalanced quotes).
 */

/** The same notion of a word as FTS5's unicode61 tokenizer: runs of letters, digits and private-use marks. */
const WORD = /[\p{L}\p{N}\p{Co}\p{M}]+/gu;
const MAX_WORDS = 16;

export function searchWords(text: string): string[] {
  return (text.match(WORD) ?? []).slice(0, MAX_WORDS);
}

/** Null when there is nothing to search for (no letters or digits). */
export function toFtsQuery(text: string): string | null {
  const words = searchWords(text);
  if (words.length === 0) return null;
  return words.map((word) => `"${word.replaceAll('"', '""')}"*`).join(' AND ');
}

/** An exact run of words (an id such as "inv_0042" is the phrase "inv 0042" to the tokenizer). */
export function toFtsPhrase(text: string): string | null {
  const words = searchWords(text);
  return words.length === 0 ? null : `"${words.join(' ')}"`;
}
