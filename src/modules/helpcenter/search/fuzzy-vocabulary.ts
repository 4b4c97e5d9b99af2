/**
 * Typo tolerance over the index's vocabulary. Every known term's deletions
 * (up to two letters) are stored once; a query term's own deletions are
 * looked up in that table (the "symmetric delete" idea), and each candidate
 * is checked with the real edit distance. No scan of the vocabulary per query.
 */
export type FuzzyMatch = { term: string; distance: number };

function deletions(word: string, depth: number, into: Set<string>): void {
  if (depth === 0 || word.length <= 2) return;
  for (let index = 0; index < word.length; index++) {
    const shorter = word.slice(0, index) + word.slice(index + 1);
    if (!into.has(shorter)) {
      into.add(shorter);
      deletions(shorter, depth - 1, into);
    }
  }
}

/** Optimal string alignment distance (insertions, deletions, substitutions, adjacent swaps). */
export function editDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let previous2: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) value = Math.min(value, previous2[j - 2] + 1);
      current.push(value);
      rowMin = Math.min(rowMin, value);
    }
    if (rowMin > limit) return limit + 1;
    previous2 = previous;
    previous = current;
  }
  return previous[b.length];
}

/** Short words tolerate no typo (too many neighbours), middle ones one, long ones two. */
export function allowedDistance(term: string): number {
  if (term.length <= 3) return 0;
  if (term.length <= 6) return 1;
  return 2;
}

export type FuzzyVocabulary = { has(term: string): boolean; closest(term: string): FuzzyMatch[] };

export function createFuzzyVocabulary(vocabulary: Iterable<string>): FuzzyVocabulary {
  const known = new Set<string>();
  const byDeletion = new Map<string, string[]>();
  const add = (key: string, term: string) => {
    const list = byDeletion.get(key);
    if (list) list.push(term);
    else byDeletion.set(key, [term]);
  };
  for (const term of vocabulary) {
    if (known.has(term) || term.length <= 3 || /\d/.test(term)) {
      known.add(term);
      continue;
    }
    known.add(term);
    add(term, term);
    const deleted = new Set<string>();
    // Two deletions only where two typos are allowed (long words): the table stays small and quick to build.
    deletions(term, term.length >= 7 ? 2 : 1, deleted);
    for (const key of deleted) add(key, term);
  }
  return {
    has: (term) => known.has(term),
    closest(term) {
      const limit = allowedDistance(term);
      if (limit === 0 || /\d/.test(term)) return [];
      const keys = new Set<string>([term]);
      deletions(term, 1, keys);
      const seen = new Set<string>();
      let best: FuzzyMatch[] = [];
      for (const key of keys) {
        for (const candidate of byDeletion.get(key) ?? []) {
          if (seen.has(candidate)) continue;
          seen.add(candidate);
          const distance = editDistance(term, candidate, limit);
          if (distance > limit) continue;
          if (best.length === 0 || distance < best[0].distance) best = [{ term: candidate, distance }];
          else if (distance === best[0].distance) best.push({ term: candidate, distance });
        }
      }
      return best;
    },
  };
}
