import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readArticleFiles } from '../article-files.ts';
import { markdownToText } from '../markdown.ts';
import { BENCHMARK_QUERIES } from './benchmark-queries.ts';
import { createFuzzyVocabulary, editDistance } from './fuzzy-vocabulary.ts';
import { createSearchIndex } from './search-index.ts';
import { meanReciprocalRank } from './search-quality.ts';
import { createSubstringSearch } from './substring-baseline.ts';
import { stem, terms } from './text-analysis.ts';

const articlesDir = fileURLToPath(new URL('../../../../content/articles/', import.meta.url));
const documents = readArticleFiles(path.resolve(articlesDir)).map((article) => ({ ...article, body: markdownToText(article.body) }));
const index = createSearchIndex(documents);
const top = (query: string) => index.search(query, 3).map((hit) => hit.slug);

describe('text analysis', () => {
  it('brings word forms of one word to one stem', () => {
    for (const group of [['charge', 'charged', 'charges', 'charging'], ['cancel', 'cancelled', 'canceled', 'cancelling', 'cancellation', 'cancels'], ['bill', 'billed', 'billing', 'bills'], ['use', 'used', 'using', 'uses'], ['movie', 'movies']]) {
      expect(new Set(group.map(stem)), group.join(',')).toHaveProperty('size', 1);
    }
  });

  it('joins "log in", "sign in" and "login" into one term and drops stop words', () => {
    expect(terms("I can't log in")).toEqual(terms('cannot sign in'));
    expect(terms('the and of my')).toEqual([]);
  });

  it('counts a swap of two letters as one edit and finds vocabulary words within the allowed distance', () => {
    expect(editDistance('chagre', 'charge', 2)).toBe(1);
    const vocabulary = createFuzzyVocabulary(['household', 'password', 'refund']);
    expect(vocabulary.closest('housold').map((match) => match.term)).toEqual(['household']);
    expect(vocabulary.closest('pasword').map((match) => match.term)).toEqual(['password']);
    expect(vocabulary.closest('xyz')).toEqual([]);
  });
});

describe('help search', () => {
  it('tolerates typos', () => {
    expect(top('forgot pasword')[0]).toBe('reset-your-password');
    expect(top('subtittles out of snyc')[0]).toBe('subtitles-problems');
    expect(top('refnd')[0]).toBe('refunds');
  });

  it('finds articles through synonyms: bill, charge and payment are one topic', () => {
    expect(top('why is there a debit from reelhouse')).toContain('why-was-i-charged');
    expect(top('bill declined')[0]).toBe('payment-failed-account-on-hold');
    expect(top('telly not working')[0]).toBe('tv-troubleshooting');
    expect(top('chargeback')[0]).toBe('dispute-with-your-bank');
  });

  it('matches word forms (stemming): "cancelled" finds the article that says "cancel"', () => {
    expect(top('cancellations')[0]).toBe('cancel-your-membership');
    expect(top('cancelled but still billed')).toContain('charged-after-cancelling');
    expect(top('pausing')[0]).toBe('pause-your-membership');
  });

  it('ranks a title match above a body mention', () => {
    expect(top('restart')[0]).toBe('restart-your-membership');
  });

  it('answers nothing for an empty or stop-word-only query', () => {
    expect(index.search('')).toEqual([]);
    expect(index.search('the of and')).toEqual([]);
  });

  it(`reaches MRR@5 ≥ 0.9 on the ${BENCHMARK_QUERIES.length} benchmark queries, well above the substring baseline`, () => {
    expect(BENCHMARK_QUERIES.length).toBeGreaterThanOrEqual(60);
    const slugs = new Set(documents.map((doc) => doc.slug));
    for (const query of BENCHMARK_QUERIES) for (const slug of query.expected) expect(slugs.has(slug), `${query.query} → ${slug}`).toBe(true);
    const engine = meanReciprocalRank(BENCHMARK_QUERIES, index.search);
    const baseline = meanReciprocalRank(BENCHMARK_QUERIES, createSubstringSearch(documents).search);
    expect(engine.mrr).toBeGreaterThanOrEqual(0.9);
    expect(engine.mrr).toBeGreaterThan(baseline.mrr);
  });
});
