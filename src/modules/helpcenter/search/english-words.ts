import { createRequire } from 'node:module';

/**
 * Is this an English word? From the npm package an-array-of-english-words
 * (~275,000 words, no install script), read once on first use (~0.25 s,
 * ~35 MB). The search uses it to tell a word it does not know from a typo:
 * "homework" or "cashback" is a word, not "home work" typed without its
 * space; "sell" is a word the articles lack, not a typo of "tell".
 */
let dictionary: Set<string> | null = null;

export function isEnglishWord(word: string): boolean {
  dictionary ??= new Set(createRequire(import.meta.url)('an-array-of-english-words') as string[]);
  return dictionary.has(word);
}
