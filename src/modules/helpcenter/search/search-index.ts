import { triage } from '../../triage/index.ts';
import { CONFIDENT_AT, CONFIDENT_AT_LONG, createBm25fIndex, LONG_QUERY_WORDS, type SearchDocument, type SearchHit } from './bm25f-index.ts';
import { INTENT_ARTICLES } from './intent-articles.ts';
import { GLOSSARIES, translateForeignWords, translateQuery } from './language-glossary.ts';
import { answerProbability, NO_ANSWER_MODEL, type NoAnswerEvidence, type NoAnswerModel } from './no-answer-model.ts';

export { CONFIDENT_AT, type SearchDocument, type SearchHit } from './bm25f-index.ts';

/** What the search needs of triage (src/modules/triage): the intent, its confidence and the language. */
export type QueryReading = { intent: string; confidence: number; language: string; entities?: { device?: string; error_code?: string } };
export type ReadQuery = (text: string) => QueryReading;

/**
 * `confidence`: how much of the query the best article's words answer (0 to
 * 1, bm25f-index.ts); below the threshold there is no good answer and
 * `hits` is empty. `language`: de, es or pt when the query was in that
 * language (the hits are English articles, and the page says so); else null.
 */
export type SearchResult = { hits: SearchHit[]; confident: boolean; confidence: number; language: string | null; evidence: NoAnswerEvidence };
export type SearchIndex = {
  size: number;
  /** The good answers, best first; empty when there is none (see `rank`). */
  search(query: string, limit?: number): SearchHit[];
  rank(query: string, limit?: number): SearchResult;
};

/** Triage's intent counts from this confidence on. */
export const INTENT_AT = 0.8;
/**
 * An article the intent names gains this share of the best article's score:
 * enough to settle close neighbours, never enough to outvote the words.
 * Dev (voice set): 0 → 0.901, 0.05 → 0.912, 0.10 → 0.914, 0.15 → 0.914 and
 * the best on batch 2, 0.35 → 0.86 (it starts to overrule the words).
 */
export const INTENT_BOOST = 0.15;
/**
 * Triage this sure that a query has nothing to do with a streaming service
 * ("weather in berlin tomorrow") makes the words answer more of it before
 * anything is offered. Triage's out_of_scope also takes in-domain questions
 * outside its 25 intents ("whats the cheapest plan"), so it only raises the
 * bar, it never empties the results on its own.
 */
export const OFF_TOPIC_AT = 0.97;
export const CONFIDENT_OFF_TOPIC = 0.55;
/**
 * The no-answer model's probability (no-answer-model.ts) from which results
 * are offered. All dev sets: 0.2 → MRR@5 0.929 with results for 49 of 255
 * unanswerable queries, 0.3 → 0.921 / 36, 0.4 → 0.904 / 27, 0.5 → 0.891 / 21.
 */
export const OFFER_AT = 0.3;

/**
 * The Help Center's search: the BM25F index (`bm25f-index.ts`, hand-written:
 * it measured better than MiniSearch on every dev set, docs/helpcenter.md)
 * on the query's words, with triage's reading of the query: a German,
 * Spanish or Portuguese query is put in the articles' words first
 * (`language-glossary.ts`); the articles of a confident intent rank a little
 * higher (`intent-articles.ts`), and answer a translated query the glossary
 * could not read; a query triage finds off-topic needs a stronger match.
 * `readQuery: null` gives the words-only search (for comparisons).
 */
export function createSearchIndex(documents: readonly SearchDocument[], options: { readQuery?: ReadQuery | null; noAnswerModel?: NoAnswerModel | null; offerAt?: number } = {}): SearchIndex {
  const offerAt = options.offerAt ?? OFFER_AT;
  const model = options.noAnswerModel === undefined ? NO_ANSWER_MODEL : options.noAnswerModel;
  const index = createBm25fIndex(documents);
  const readQuery = options.readQuery === undefined ? triage : options.readQuery;
  const known = new Set(index.slugs);

  const rank = (query: string, limit = 10): SearchResult => {
    const reading = readQuery && query.trim() !== '' ? readQuery(query) : undefined;
    const translated = reading && GLOSSARIES[reading.language] ? translateQuery(query, reading.language) : null;
    const language = translated === null ? null : (reading?.language ?? null);
    // Two languages in one query: its foreign words the articles do not know, in English.
    const text = translated ?? translateForeignWords(query, index.knows) ?? query;
    const { ranked, confidence, words, strongShare, unknownShare, matchedShare } = index.score(text);

    const intentArticles = reading && reading.confidence >= INTENT_AT ? (INTENT_ARTICLES[reading.intent] ?? []).filter((slug) => known.has(slug)) : [];
    let hits = ranked;
    if (intentArticles.length > 0) {
      const top = ranked[0]?.score ?? 1;
      const scores = new Map(ranked.map((hit) => [hit.slug, hit.score]));
      for (const slug of intentArticles) scores.set(slug, (scores.get(slug) ?? 0) + top * INTENT_BOOST);
      hits = [...scores].map(([slug, score]) => ({ slug, score })).sort((a, b) => b.score - a.score || a.slug.localeCompare(b.slug));
    }

    // A device or an error code in the query is our domain whatever the intent ("got a new router tv stopped working").
    const offTopic = reading?.intent === 'out_of_scope' && reading.confidence >= OFF_TOPIC_AT && !reading.entities?.device && !reading.entities?.error_code;
    const firstFive = new Set(ranked.slice(0, 5).map((hit) => hit.slug));
    const evidence: NoAnswerEvidence = {
      confidence: Math.min(confidence, 1),
      strongShare,
      unknownShare,
      intentSupport: intentArticles.some((slug) => firstFive.has(slug)) ? (reading?.confidence ?? 0) : 0,
      offTopic: offTopic ? (reading?.confidence ?? 0) : 0,
      long: words > LONG_QUERY_WORDS ? 1 : 0,
      matchedShare,
    };
    let confident = model
      ? confidence >= 1 || answerProbability(model, evidence) >= offerAt
      : confidence >= (offTopic ? CONFIDENT_OFF_TOPIC : words > LONG_QUERY_WORDS ? CONFIDENT_AT_LONG : CONFIDENT_AT);
    // A translated query the glossary could not read well: a confident intent answers it.
    if (!confident && language !== null && intentArticles.length > 0) confident = true;
    return { hits: confident ? hits.slice(0, limit) : [], confident, confidence, language, evidence };
  };

  return { size: index.size, rank, search: (query, limit = 10) => rank(query, limit).hits };
}
