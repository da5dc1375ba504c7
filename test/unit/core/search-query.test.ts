import { describe, expect, it } from 'vitest';
import { hasWordPrefixes, toShortenedFtsQuery } from '../../../electron/core/ledger/search-query';

describe('searching by the prefixes the index keeps', () => {
  it('cuts each plain word to the longest kept prefix and names the words to check', () => {
    expect(toShortenedFtsQuery('Newsletter ad campaign')).toEqual({
      match: '"Newsle"* AND "ad"* AND "campai"*',
      cutWords: ['newsletter', 'campaign'],
    });
  });

  it('leaves the query alone when every word has a prefix index of its length', () => {
    expect(toShortenedFtsQuery('a new invoic')).toBeNull();
  });

  it('keeps a word with letters beyond ASCII whole, since its length in the index is not known', () => {
    expect(toShortenedFtsQuery('Crème brûlée')).toBeNull();
    expect(toShortenedFtsQuery('crème campaign')?.match).toBe('"crème"* AND "campai"*');
  });

  it('checks a row the way the index reads it: folded case and accents, any word, every prefix', () => {
    expect(hasWordPrefixes('Café NEWSLETTER #12', ['newsletter', 'cafe'])).toBe(true);
    expect(hasWordPrefixes('Café newsletter sub_1234', ['1234'])).toBe(true);
    expect(hasWordPrefixes('Café newsletter', ['newsletters'])).toBe(false);
    expect(hasWordPrefixes('Café newsletter', ['cafe', 'blog'])).toBe(false);
  });
});
