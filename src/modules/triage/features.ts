import type { Entities } from './entities.rules.ts';

/**
 * Text → sparse hashed feature vector, the same at training and at run time.
 * Words (lightly stemmed), word pairs, and character 3-5-grams inside word
 * boundaries, so "refnd", "refund" and "refunded" share most features. Long
 * messages weigh later words more and add the last sentence's words again
 * under their own names: members tell the story first and the problem last.
 */
export const HASH_BITS = 18;
export const DIMENSIONS = 1 << HASH_BITS;
const MASK = DIMENSIONS - 1;

const NS_WORD = 0x811c9dc5;
const NS_CHAR = 0x01000193 ^ 0x5bd1e995;
const NS_BIGRAM = 0x27d4eb2f;
const NS_TAIL = 0x165667b1;
const NS_ENTITY = 0x3c6ef372;

const WEIGHT_WORD = 1;
const WEIGHT_BIGRAM = 0.8;
const WEIGHT_CHAR = 0.7;
const WEIGHT_TAIL = 0.4;
const WEIGHT_ENTITY = 1;
/** Messages shorter than this are all problem, no story. */
const LONG_MESSAGE = 16;

export type FeatureBuffer = { index: Int32Array; value: Float32Array; length: number };

function fmix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

function hashString(seed: number, s: string): number {
  let h = seed;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h;
}

function combine(a: number, b: number): number {
  return Math.imul(a ^ Math.imul(b, 0x9e3779b1), 0x01000193) ^ (b >>> 15);
}

/** Lowercase, no accents, no apostrophes ("don't" → "dont"), "ß" as "ss" ("Straße" → "strasse"), as members type it anyway. */
export function normalize(text: string): string {
  return text.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/['’`´]/g, '').replace(/ß/g, 'ss');
}

/** A crude suffix stripper: enough to join "charged", "charges" and "charging". */
export function stem(word: string): string {
  const n = word.length;
  if (n > 5 && word.endsWith('ing')) return word.slice(0, -3);
  if (n > 4 && word.endsWith('ed')) return word.slice(0, -2);
  if (n > 4 && word.endsWith('ies')) return `${word.slice(0, -3)}y`;
  if (n > 4 && word.endsWith('es') && /(?:ch|sh|x|ss)es$/.test(word)) return word.slice(0, -2);
  if (n > 3 && word.endsWith('s') && !word.endsWith('ss') && !word.endsWith('us')) return word.slice(0, -1);
  return word;
}

const SENTENCE = /[.!?\n;]+/;
const WORD = /[a-z0-9]+/g;

type Token = { word: string; sentence: number };

function tokens(text: string): Token[] {
  const out: Token[] = [];
  const sentences = normalize(text).split(SENTENCE);
  for (let s = 0; s < sentences.length; s++) {
    for (const match of sentences[s].matchAll(WORD)) {
      const raw = match[0];
      out.push({ word: /^\d+$/.test(raw) ? '#' : raw, sentence: s });
    }
  }
  return out;
}

/** Where the problem most likely is: the last sentences holding at least 6 words, or the last 12 words of one long sentence. */
function tailStart(list: Token[]): number {
  const n = list.length;
  if (n < LONG_MESSAGE) return n;
  let start = n;
  while (start > 0) {
    const sentence = list[start - 1].sentence;
    while (start > 0 && list[start - 1].sentence === sentence) start--;
    if (n - start >= 6) break;
  }
  // One long run-on sentence (no punctuation): its last words.
  if (start === 0 || n - start > 25) return Math.max(0, n - 12);
  return start;
}

class Accumulator {
  readonly dense = new Float32Array(DIMENSIONS);
  touched = new Int32Array(4096);
  count = 0;

  add(hash: number, weight: number): void {
    const i = fmix(hash) & MASK;
    if (this.dense[i] === 0) {
      if (this.count === this.touched.length) {
        const grown = new Int32Array(this.touched.length * 2);
        grown.set(this.touched);
        this.touched = grown;
      }
      this.touched[this.count++] = i;
    }
    this.dense[i] += weight;
    // A feature whose weights cancelled to exactly 0 would be listed twice; nudge it.
    if (this.dense[i] === 0) this.dense[i] = 1e-9;
  }
}

const accumulator = new Accumulator();

function addCharGrams(acc: Accumulator, word: string, weight: number): void {
  const marked = `<${word}>`;
  const n = marked.length;
  for (let start = 0; start + 3 <= n; start++) {
    let h = NS_CHAR;
    for (let end = start; end < n && end < start + 5; end++) {
      h ^= marked.charCodeAt(end);
      h = Math.imul(h, 0x01000193);
      if (end - start >= 2) acc.add(h, weight);
    }
  }
}

/**
 * Writes the L2-normalised features of `text` into `out` (grown as needed).
 * Not re-entrant (one shared scratch vector), which is fine on one thread.
 */
export function extractFeatures(text: string, entities: Entities, out: FeatureBuffer): FeatureBuffer {
  const acc = accumulator;
  const list = tokens(text);
  const n = list.length;
  const tail = tailStart(list);
  let previous = 0;
  for (let i = 0; i < n; i++) {
    const word = list[i].word;
    const position = n >= LONG_MESSAGE ? 0.6 + (0.8 * i) / (n - 1) : 1;
    const stemmed = stem(word);
    const wordHash = hashString(NS_WORD, stemmed);
    acc.add(wordHash, WEIGHT_WORD * position);
    if (i > 0) acc.add(combine(NS_BIGRAM ^ previous, wordHash), WEIGHT_BIGRAM * position);
    if (word !== '#') addCharGrams(acc, word, WEIGHT_CHAR * position);
    if (i >= tail) {
      acc.add(combine(NS_TAIL, wordHash), WEIGHT_TAIL);
      if (i > tail) acc.add(combine(NS_TAIL ^ NS_BIGRAM ^ previous, wordHash), WEIGHT_TAIL);
    }
    previous = wordHash;
  }
  if (n === 0) acc.add(NS_WORD, 1);
  for (const key of Object.keys(entities)) acc.add(hashString(NS_ENTITY, key), WEIGHT_ENTITY);

  if (out.index.length < acc.count) {
    out.index = new Int32Array(acc.count * 2);
    out.value = new Float32Array(acc.count * 2);
  }
  let norm = 0;
  for (let k = 0; k < acc.count; k++) {
    const v = acc.dense[acc.touched[k]];
    norm += v * v;
  }
  const scale = norm > 0 ? 1 / Math.sqrt(norm) : 0;
  for (let k = 0; k < acc.count; k++) {
    const i = acc.touched[k];
    out.index[k] = i;
    out.value[k] = acc.dense[i] * scale;
    acc.dense[i] = 0;
  }
  out.length = acc.count;
  acc.count = 0;
  return out;
}

export function newFeatureBuffer(): FeatureBuffer {
  return { index: new Int32Array(1024), value: new Float32Array(1024), length: 0 };
}
