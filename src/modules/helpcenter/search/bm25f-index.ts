import { isEnglishWord } from './english-words.ts';
import { createFuzzyVocabulary } from './fuzzy-vocabulary.ts';
import { isErrorCodeTerm, SYNONYMS, terms, words } from './text-analysis.ts';

/** What the index reads of an article; `body` is plain text (Markdown syntax does no harm). */
export type SearchDocument = { slug: string; title: string; summary: string; keywords: readonly string[]; body: string };
export type SearchHit = { slug: string; score: number };
/** Every article that matched, best first, with the confidence of the best (for the search that re-ranks them, `search-index.ts`). */
export type ScoredQuery = {
  ranked: SearchHit[];
  confidence: number;
  words: number;
  /** Share of the query's terms the best article holds in its title or keywords (the word itself or its typo correction): what it is about, not what it mentions. */
  strongShare: number;
  /** Share of the query's terms no article holds in any form (figures and dates aside): a topic the articles do not cover. */
  unknownShare: number;
  /** Share of the query's terms the best article holds in any form (synonyms too). */
  matchedShare: number;
};
export type Bm25fIndex = {
  size: number;
  slugs: readonly string[];
  score(query: string): ScoredQuery;
  /** Does the index know this word as it is (no typo correction)? */
  knows(word: string): boolean;
};

/**
 * BM25F: each field's term frequency is normalised by that field's length,
 * weighted, summed, then saturated once. A word in the title counts eight
 * times a word in the body; keywords (the members' words for the topic) six.
 * Refitted on 2026-12-06 (issue 10.5) on all development sets at once (1,030
 * queries with an answer; dev-sets/all-dev-sets.ts), ranking alone: body
 * weight 1 → 0.5 and K1 1.2 → 3 (a word repeated in a long body says less
 * about the topic than the same word in the title or keywords), title bonus
 * 0.3 → 0.6 and synonym weight 0.55 → 0.4: MRR@5 0.910 → 0.936, every set
 * better or level. Moving one of them further on costs (K1 5, body 0.3,
 * title bonus 0.9, synonym 0.3 all measured lower).
 */
const FIELDS = [
  { name: 'title', weight: 4, b: 0.3 },
  { name: 'keywords', weight: 3, b: 0.3 },
  { name: 'summary', weight: 2, b: 0.5 },
  { name: 'body', weight: 0.5, b: 0.75 },
] as const;
const K1 = 3;
/**
 * An article whose title holds every word of the query scores this much
 * more (in proportion to the share it holds): "delete my account" is about
 * "Delete your account…" more than "Deleting the app…". Dev: 0 → voice set
 * 0.917, 0.3 → 0.931; with the refitted field weights 0.6 is best.
 */
const TITLE_BONUS = 0.6;
/** A synonym stands for the member's word at this weight (0.55 before the refit; 0.4 measured better with it). */
const SYNONYM_WEIGHT = 0.4;
const TYPO_WEIGHT = [1, 0.8, 0.6];
/** A short word one letter from a known word is as likely another real word ("stock", "stuck"): its correction counts less. */
const SHORT_TYPO = 0.75;
/** A real English word the articles do not use ("sell", "devises") is less often a typo: its correction counts this much less. */
const REAL_WORD_TYPO = 0.6;
/**
 * An error code no article names ("nw25") asks for the article about error
 * codes, at this weight; a code an article names ("ap310") is answered by
 * that article, and the general one no longer outranks it.
 */
const CODE_WEIGHT = 0.5;
const CODE_WORDS = new Set(['error', 'code', 'errorcode', 'message']);
/** A query word the articles do not know counts against the answer like a word found in one article, times this. */
const UNKNOWN_WEIGHT = 1;
/**
 * Below this confidence the search has no good answer. Calibrated on the
 * development sets (dev-queries-2026-12-06.ts, dev-queries-voice-2026-12-06.ts)
 * and the benchmark queries: 0.25 offered results for 10 of the voice set's
 * 41 unanswerable queries, 0.30 for 6 while turning away one more of its 203
 * answerable ones; 0.35 turns away 6 more for one fewer offer.
 */
export const CONFIDENT_AT = 0.3;
/**
 * A query of more than LONG_QUERY_WORDS search terms (a member's story on
 * the contact page, a spoken question) has more words no article needs to
 * answer: its bar is CONFIDENT_AT_LONG. On the public intent lines (long
 * messages, the intent's articles as the answer) the single 0.30 left 344 of
 * 1,060 in-domain lines unanswered, this 304 (297 of 1,200 out-of-scope lines
 * got results at 0.25 for all, 197 now); the dev sets did not change.
 */
export const LONG_QUERY_WORDS = 5;
export const CONFIDENT_AT_LONG = 0.25;

type Posting = { doc: number; wtf: number };

const MONTHS_AND_DAYS = new Set(
  'january february march april may june july august september october november december jan feb mar apr jun jul aug sep sept oct nov dec monday tuesday wednesday thursday friday saturday sunday ' +
    'tomorrow morning afternoon evening night weekend'
    .split(' ')
    .flatMap((word) => terms(word)),
);
/** A figure, an ordinal, a month or weekday name or a time of day (as search terms). */
function isDetail(term: string): boolean {
  return /^\d+(?:st|nd|rd|th)?$/.test(term) || MONTHS_AND_DAYS.has(term);
}

export type QueryTerm = { term: string; weight: number };

function pairKey(a: string, b: string): string {
  return `${a} ${b}`;
}
function pairsOf(list: readonly string[]): string[] {
  return list.slice(1).map((term, at) => pairKey(list[at], term));
}
/**
 * Two neighbouring words of the query side by side in an article's title or
 * one of its keyword phrases: the article is about that phrase ("change the
 * card" → "change card", not a charge article that says "card" and
 * "change" apart). Scores grow by this share per matched pair (term
 * proximity, as in the sequential dependence model).
 */
const PAIR_BONUS = 0.3;

/**
 * The words-only index; `createSearchIndex` (search-index.ts) adds triage's
 * reading of the query and is what everything else uses.
 */
export function createBm25fIndex(documents: readonly SearchDocument[]): Bm25fIndex {
  isEnglishWord(''); // the word list is read now, not by the first query that needs it
  const fieldTerms = documents.map((doc) => [terms(doc.title), terms(doc.keywords.join(' , ')), terms(doc.summary), terms(doc.body)]);
  const titleTerms = fieldTerms.map((fields) => new Set(fields[0]));
  const aboutTerms = fieldTerms.map((fields) => new Set([...fields[0], ...fields[1]]));
  // Two words side by side, in that order, in the title or in one keyword phrase ("change card", "watch history").
  const aboutPairs = documents.map((doc) => new Set([doc.title, ...doc.keywords].flatMap((phrase) => pairsOf(terms(phrase)))));
  const averages = FIELDS.map((_, f) => fieldTerms.reduce((sum, fields) => sum + fields[f].length, 0) / Math.max(1, documents.length) || 1);

  const postings = new Map<string, Posting[]>();
  fieldTerms.forEach((fields, doc) => {
    const weighted = new Map<string, number>();
    FIELDS.forEach((field, f) => {
      const norm = 1 - field.b + field.b * (fields[f].length / averages[f]);
      const counts = new Map<string, number>();
      for (const term of fields[f]) counts.set(term, (counts.get(term) ?? 0) + 1);
      for (const [term, count] of counts) weighted.set(term, (weighted.get(term) ?? 0) + (field.weight * count) / norm);
    });
    for (const [term, wtf] of weighted) {
      const list = postings.get(term);
      if (list) list.push({ doc, wtf });
      else postings.set(term, [{ doc, wtf }]);
    }
  });
  const total = documents.length;
  const idf = new Map<string, number>();
  for (const [term, list] of postings) idf.set(term, Math.log(1 + (total - list.length + 0.5) / (list.length + 0.5)));

  // Words only the synonym table knows are "known" too: no typo correction for them.
  const vocabulary = createFuzzyVocabulary([...postings.keys(), ...SYNONYMS.keys()]);

  /** One query word's alternatives: itself, its typo corrections, its synonyms; each with a weight. */
  const expand = (term: string): QueryTerm[] => {
    const bases: QueryTerm[] = vocabulary.has(term)
      ? [{ term, weight: 1 }]
      : vocabulary.closest(term).slice(0, 3).map((match) => ({ term: match.term, weight: (TYPO_WEIGHT[match.distance] ?? 0.5) * (term.length <= 5 ? SHORT_TYPO : 1) }));
    const out = new Map<string, number>();
    if (isErrorCodeTerm(term) && !postings.has(term)) for (const word of ['error', 'code']) out.set(word, CODE_WEIGHT);
    for (const base of bases) {
      out.set(base.term, Math.max(out.get(base.term) ?? 0, base.weight));
      for (const synonym of SYNONYMS.get(base.term) ?? []) {
        out.set(synonym, Math.max(out.get(synonym) ?? 0, base.weight * SYNONYM_WEIGHT));
      }
    }
    return [...out].map(([t, weight]) => ({ term: t, weight }));
  };

  const rareIdf = Math.log(1 + (total - 0.5) / 1.5);

  /**
   * Words typed without their space ("cancelmy", "extramember",
   * "resetpassword"): a term the vocabulary does not know and cannot
   * correct is split where both halves are known words or small words,
   * the longest known word first. The parts go through the same analysis.
   */
  const splitRunTogether = (word: string, term: string): string[] => {
    if (word.length < 6 || vocabulary.has(term) || isEnglishWord(word) || isErrorCodeTerm(term) || /\d/.test(term) || vocabulary.closest(term).length > 0) return [term];
    const part = (text: string): string[] | null => {
      if (text.length < 2) return null;
      const found = terms(text);
      if (found.length === 0) return words(text).length === 1 ? [] : null; // a small word ("my", "on")
      return found.every((t) => vocabulary.has(t) && t.length >= 3) ? found : null;
    };
    let best: string[] | null = null;
    let bestLength = 0;
    for (let at = 2; at <= word.length - 2; at++) {
      const left = part(word.slice(0, at));
      const right = left && part(word.slice(at));
      if (!left || !right || left.length + right.length === 0) continue;
      const longest = Math.max(at, word.length - at);
      if (longest > bestLength) {
        best = [...left, ...right];
        bestLength = longest;
      }
    }
    return best ?? [term];
  };

  /** The query's terms, and those that stand for a real English word the articles do not use (not a typo). */
  const queryWords = (query: string): { terms: string[]; realWords: Set<string> } => {
    const found = terms(query);
    const realWords = new Set<string>();
    // Only a query with a word the vocabulary does not know is read word by word (the phrases stay joined otherwise).
    if (found.every((term) => vocabulary.has(term))) return { terms: found, realWords };
    const split = words(query).flatMap((word) => {
      const stemmed = terms(word);
      if (stemmed.length === 1 && !vocabulary.has(stemmed[0]) && isEnglishWord(word)) realWords.add(stemmed[0]);
      return stemmed.length === 1 ? splitRunTogether(word, stemmed[0]) : stemmed;
    });
    return { terms: split, realWords };
  };

  const score = (query: string): ScoredQuery => {
    const { terms: analysed, realWords } = queryWords(query);
    // A code an article names says which error it is: "error" and "code" beside it ("AC 409 error") add nothing, and would pull the general article first.
    const namesCode = analysed.some((term) => isErrorCodeTerm(term) && postings.has(term));
    const queryTerms = [...new Set(namesCode ? analysed.filter((term) => !CODE_WORDS.has(term)) : analysed)].slice(0, 12);
    if (queryTerms.length === 0) return { ranked: [], confidence: 0, words: 0, strongShare: 0, unknownShare: 0, matchedShare: 0 };
    const scores = new Float64Array(total);
    const matched = new Uint8Array(total);
    const inTitle = new Uint8Array(total);
    let attainable = 0;
    let unknown = 0;
    const strongTerms: string[][] = [];
    for (const term of queryTerms) {
      // Per query word, the best of its alternatives: a synonym never adds to the word it stands for.
      const best = new Map<number, number>();
      let most = 0;
      let strongest = 0;
      const alternatives = realWords.has(term) ? expand(term).map((alternative) => ({ ...alternative, weight: alternative.weight * REAL_WORD_TYPO })) : expand(term);
      for (const alternative of alternatives) {
        const list = postings.get(alternative.term);
        if (!list) continue;
        const weight = alternative.weight * (idf.get(alternative.term) ?? 0);
        most = Math.max(most, weight);
        strongest = Math.max(strongest, alternative.weight);
        for (const { doc, wtf } of list) {
          const value = (weight * wtf) / (K1 + wtf);
          if (value > (best.get(doc) ?? 0)) best.set(doc, value);
        }
      }
      // What the word could score as its best alternative, undiscounted: a match through a typo or a synonym is a weaker answer.
      // A figure or a date no article holds ("17.99", "the 12th", "4 March") is a detail of the member's case, not a topic the answer lacks.
      if (most > 0) attainable += most / strongest;
      else if (!isDetail(term)) {
        attainable += UNKNOWN_WEIGHT * rareIdf;
        unknown++;
      }
      for (const [doc, value] of best) {
        scores[doc] += value;
        matched[doc]++;
      }
      // The word itself (or its typo correction) in the title: the article is about it, not just mentioning it.
      const strong = alternatives.filter((alternative) => alternative.weight > SYNONYM_WEIGHT);
      strongTerms.push(strong.map((alternative) => alternative.term));
      for (let doc = 0; doc < total; doc++) if (strong.some((alternative) => titleTerms[doc].has(alternative.term))) inTitle[doc]++;
    }
    const queryPairs = strongTerms.slice(1).map((list, at) => list.flatMap((b) => strongTerms[at].map((a) => pairKey(a, b))));
    // The articles with the query's code in their title or keywords (the ones that fix it) come first: the code says which problem it is, whatever other words surround it.
    const codes = namesCode ? queryTerms.filter((term) => isErrorCodeTerm(term)) : [];
    const codeDocs = new Set(codes.length === 0 ? [] : documents.map((_, doc) => doc).filter((doc) => codes.some((code) => aboutTerms[doc].has(code))));
    const hits: (SearchHit & { raw: number; code: boolean })[] = [];
    for (let doc = 0; doc < total; doc++) {
      if (scores[doc] <= 0) continue;
      const pairs = queryPairs.filter((keys) => keys.some((key) => aboutPairs[doc].has(key))).length;
      // Articles that answer more of the query's words come first.
      const coverage = matched[doc] / queryTerms.length;
      const titleCoverage = inTitle[doc] / queryTerms.length;
      hits.push({ slug: documents[doc].slug, score: scores[doc] * (0.5 + 0.5 * coverage) * (1 + TITLE_BONUS * titleCoverage) * (1 + PAIR_BONUS * pairs), raw: scores[doc], code: codeDocs.has(doc) });
    }
    if (codeDocs.size > 0) {
      const lead = Math.max(...hits.map((hit) => hit.score));
      for (const hit of hits) if (hit.code) hit.score += lead;
    }
    hits.sort((a, b) => b.score - a.score || a.slug.localeCompare(b.slug));
    const top = hits[0];
    // A code from our catalog is an answer in itself: its article is the one that fixes it.
    const knownCode = queryTerms.some((term) => isErrorCodeTerm(term) && postings.has(term));
    const confidence = top && attainable > 0 ? (knownCode ? 1 : top.raw / attainable) : 0;
    const topDoc = top ? documents.findIndex((doc) => doc.slug === top.slug) : -1;
    const strongShare = topDoc < 0 ? 0 : strongTerms.filter((list) => list.some((t) => aboutTerms[topDoc].has(t))).length / queryTerms.length;
    return { ranked: hits.map(({ slug, score: value }) => ({ slug, score: value })), confidence, words: queryTerms.length, strongShare, unknownShare: unknown / queryTerms.length, matchedShare: topDoc < 0 ? 0 : matched[topDoc] / queryTerms.length };
  };

  return {
    size: total,
    slugs: documents.map((doc) => doc.slug),
    score,
    knows: (word) => {
      const found = terms(word);
      return found.length > 0 && found.every((term) => vocabulary.has(term) || isErrorCodeTerm(term));
    },
  };
}
