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

/** The prefix lengths the search index keeps (migration 012), ascending. */
export const INDEXED_PREFIX_LENGTHS = [1, 2, 3, 6] as const;
/** Only for these is a prefix's length in letters surely its length in the index (and folding just lowercase). */
const ASCII_WORD = /^[A-Za-z0-9]+$/;

export interface ShortenedFtsQuery {
  /** Every word as a prefix, cut to a length the index keeps: finds a superset, cheaply. */
  match: string;
  /** The words that were cut, lowercased: a row found by `match` must still have each as a prefix. */
  cutWords: string[];
}

function indexedLengthFor(word: string): number {
  let length = 0;
  for (const indexed of INDEXED_PREFIX_LENGTHS) if (indexed <= word.length) length = indexed;
  return ASCII_WORD.test(word) ? length : word.length;
}

/** Null when every word has its own prefix index (or is not plain ASCII), so the exact query is already it. */
export function toShortenedFtsQuery(text: string): ShortenedFtsQuery | null {
  const words = searchWords(text);
  const cut = words.map((word) => word.slice(0, indexedLengthFor(word)));
  const cutWords = words.filter((word, n) => cut[n] !== word).map((word) => word.toLowerCase());
  if (cutWords.length === 0) return null;
  const match = toFtsQuery(cut.join(' '));
  return match === null ? null : { match, cutWords };
}

/** FTS5's folding (unicode61 with remove_diacritics 2) for the texts it indexed. */
function foldLikeIndex(word: string): string {
  return word.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

/** Whether some word of `text` starts with each of `prefixes` (lowercase ASCII), as a prefix query means. */
export function hasWordPrefixes(text: string, prefixes: readonly string[]): boolean {
  const words = searchWords(text).map(foldLikeIndex);
  return prefixes.every((prefix) => words.some((word) => word.startsWith(prefix)));
}
