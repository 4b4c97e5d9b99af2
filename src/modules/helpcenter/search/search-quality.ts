import type { BenchmarkQuery } from './benchmark-queries.ts';
import type { SearchHit } from './search-index.ts';

export type QueryOutcome = { query: string; expected: string[]; got: string[]; rank: number | null };

/**
 * Mean reciprocal rank at 5: per query, 1/rank of the first expected article
 * among the first five results (0 if none), averaged. Any listed article
 * counts as an answer.
 */
export function meanReciprocalRank(queries: readonly BenchmarkQuery[], search: (query: string, limit: number) => SearchHit[]): { mrr: number; outcomes: QueryOutcome[] } {
  const outcomes = queries.map(({ query, expected }) => {
    const got = search(query, 5).map((hit) => hit.slug);
    const index = got.findIndex((slug) => expected.includes(slug));
    return { query, expected, got, rank: index === -1 ? null : index + 1 };
  });
  const mrr = outcomes.reduce((sum, outcome) => sum + (outcome.rank === null ? 0 : 1 / outcome.rank), 0) / Math.max(1, outcomes.length);
  return { mrr, outcomes };
}
