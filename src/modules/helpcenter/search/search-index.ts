import { createFuzzyVocabulary } from './fuzzy-vocabulary.ts';
import { SYNONYMS, terms } from './text-analysis.ts';

/** What the index reads of an article; `body` is plain text (Markdown syntax does no harm). */
export type SearchDocument = { slug: string; title: string; summary: string; keywords: readonly string[]; body: string };
export type SearchHit = { slug: string; score: number };
export type SearchIndex = { size: number; search(query: string, limit?: number): SearchHit[] };

/**
 * BM25F: each field's term frequency is normalised by that field's length,
 * weighted, summed, then saturated once. A word in the title counts four
 * times a word in the body; keywords (the members' words for the topic) three.
 */
const FIELDS = [
  { name: 'title', weight: 4, b: 0.3 },
  { name: 'keywords', weight: 3, b: 0.3 },
  { name: 'summary', weight: 2, b: 0.5 },
  { name: 'body', weight: 1, b: 0.75 },
] as const;
const K1 = 1.2;
const SYNONYM_WEIGHT = 0.55;
const TYPO_WEIGHT = [1, 0.8, 0.6];

type Posting = { doc: number; wtf: number };

export type QueryTerm = { term: string; weight: number };

export function createSearchIndex(documents: readonly SearchDocument[]): SearchIndex {
  const fieldTerms = documents.map((doc) => [terms(doc.title), terms(doc.keywords.join(' , ')), terms(doc.summary), terms(doc.body)]);
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
      : vocabulary.closest(term).slice(0, 3).map((match) => ({ term: match.term, weight: TYPO_WEIGHT[match.distance] ?? 0.5 }));
    const out = new Map<string, number>();
    for (const base of bases) {
      out.set(base.term, Math.max(out.get(base.term) ?? 0, base.weight));
      for (const synonym of SYNONYMS.get(base.term) ?? []) {
        out.set(synonym, Math.max(out.get(synonym) ?? 0, base.weight * SYNONYM_WEIGHT));
      }
    }
    return [...out].map(([t, weight]) => ({ term: t, weight }));
  };

  return {
    size: total,
    search(query, limit = 10) {
      const queryTerms = [...new Set(terms(query))].slice(0, 12);
      if (queryTerms.length === 0) return [];
      const scores = new Float64Array(total);
      const matched = new Uint8Array(total);
      for (const term of queryTerms) {
        // Per query word, the best of its alternatives: a synonym never adds to the word it stands for.
        const best = new Map<number, number>();
        for (const alternative of expand(term)) {
          const list = postings.get(alternative.term);
          if (!list) continue;
          const weight = alternative.weight * (idf.get(alternative.term) ?? 0);
          for (const { doc, wtf } of list) {
            const value = (weight * wtf) / (K1 + wtf);
            if (value > (best.get(doc) ?? 0)) best.set(doc, value);
          }
        }
        for (const [doc, value] of best) {
          scores[doc] += value;
          matched[doc]++;
        }
      }
      const hits: SearchHit[] = [];
      for (let doc = 0; doc < total; doc++) {
        if (scores[doc] <= 0) continue;
        // Articles that answer more of the query's words come first.
        const coverage = matched[doc] / queryTerms.length;
        hits.push({ slug: documents[doc].slug, score: scores[doc] * (0.5 + 0.5 * coverage) });
      }
      hits.sort((a, b) => b.score - a.score || a.slug.localeCompare(b.slug));
      return hits.slice(0, limit);
    },
  };
}
