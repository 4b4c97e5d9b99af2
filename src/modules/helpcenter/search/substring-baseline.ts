import type { SearchDocument, SearchHit } from './search-index.ts';

/**
 * The baseline the benchmark compares with: what a help center without a
 * search engine does. Lower-cased substring matching of each query word
 * (3 letters or more) in title, summary and body; an article scores one per
 * word found, two when it is in the title.
 */
export function createSubstringSearch(documents: readonly SearchDocument[]) {
  const texts = documents.map((doc) => ({ slug: doc.slug, title: doc.title.toLowerCase(), all: `${doc.title}\n${doc.summary}\n${doc.body}`.toLowerCase() }));
  return {
    search(query: string, limit = 10): SearchHit[] {
      const queryWords = query.toLowerCase().split(/[^a-z0-9]+/).filter((word) => word.length >= 3);
      if (queryWords.length === 0) return [];
      const hits: SearchHit[] = [];
      for (const text of texts) {
        let score = 0;
        for (const word of queryWords) {
          if (text.title.includes(word)) score += 2;
          else if (text.all.includes(word)) score += 1;
        }
        if (score > 0) hits.push({ slug: text.slug, score });
      }
      hits.sort((a, b) => b.score - a.score || a.slug.localeCompare(b.slug));
      return hits.slice(0, limit);
    },
  };
}
