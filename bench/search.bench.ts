/**
 * bench/search: Help Center search quality and speed on the benchmark
 * queries (src/modules/helpcenter/search/benchmark-queries.ts: members'
 * wording, typos, no keywords) and on the development set
 * (dev-queries-2026-12-06.ts: 160 queries with an answer, 40 without),
 * against a plain substring-match baseline measured in the same run on the
 * same articles (content/articles). Prints MRR@5, hits@1, how often results
 * are offered for a query with no good answer, and per-query latency p50/p99.
 *
 *   node --import tsx bench/search.bench.ts [--rounds 200]
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { readArticleFiles } from '../src/modules/helpcenter/article-files.ts';
import { markdownToText } from '../src/modules/helpcenter/markdown.ts';
import { BENCHMARK_QUERIES } from '../src/modules/helpcenter/search/benchmark-queries.ts';
import { DEV_NO_ANSWER, DEV_NO_ANSWER_BATCH_2, DEV_QUERIES, DEV_QUERIES_BATCH_2 } from '../src/modules/helpcenter/search/dev-queries-2026-12-06.ts';
import { createSearchIndex, type SearchHit } from '../src/modules/helpcenter/search/search-index.ts';
import { meanReciprocalRank } from '../src/modules/helpcenter/search/search-quality.ts';
import { createSubstringSearch } from '../src/modules/helpcenter/search/substring-baseline.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const argIndex = process.argv.indexOf('--rounds');
const rounds = Number(argIndex >= 0 ? process.argv[argIndex + 1] : process.env.BENCH_QUICK === '1' ? 20 : 200);

const documents = readArticleFiles(path.join(root, 'content/articles')).map((article) => ({ ...article, body: markdownToText(article.body) }));
const buildStart = performance.now();
const index = createSearchIndex(documents);
const buildMs = performance.now() - buildStart;
const baseline = createSubstringSearch(documents);

type Engine = { name: string; search(query: string, limit: number): SearchHit[] };

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

const timed = [...BENCHMARK_QUERIES.map(({ query }) => query), ...DEV_QUERIES.map(({ query }) => query), ...DEV_NO_ANSWER];

function measure(engine: Engine) {
  const quality = meanReciprocalRank(BENCHMARK_QUERIES, engine.search);
  const dev = meanReciprocalRank(DEV_QUERIES, engine.search);
  const offered = DEV_NO_ANSWER.filter((query) => engine.search(query, 5).length > 0).length / DEV_NO_ANSWER.length;
  for (const query of timed) engine.search(query, 5); // warm-up
  const times: number[] = [];
  for (let round = 0; round < rounds; round++) {
    for (const query of timed) {
      const start = performance.now();
      engine.search(query, 5);
      times.push(performance.now() - start);
    }
  }
  times.sort((a, b) => a - b);
  const hitsAt1 = quality.outcomes.filter((outcome) => outcome.rank === 1).length / quality.outcomes.length;
  const found = quality.outcomes.filter((outcome) => outcome.rank !== null).length / quality.outcomes.length;
  return { name: engine.name, quality, hitsAt1, found, dev, offered, p50: percentile(times, 50), p99: percentile(times, 99), searches: times.length };
}

const results = [
  measure({ name: 'Help Center search (BM25F, stems, synonyms, typos)', search: (query, limit) => index.search(query, limit) }),
  measure({ name: 'baseline: substring match', search: (query, limit) => baseline.search(query, limit) }),
];

console.log(`${documents.length} articles; ${BENCHMARK_QUERIES.length} benchmark queries, dev set ${DEV_QUERIES.length} with an answer and ${DEV_NO_ANSWER.length} without; ${rounds} rounds of ${timed.length} searches; index built in ${buildMs.toFixed(1)} ms`);
console.log('| engine | benchmark MRR@5 | first result right | answer in top 5 | dev MRR@5 | dev: results offered with no good answer | p50 | p99 |');
console.log('|---|---|---|---|---|---|---|---|');
for (const result of results) {
  console.log(`| ${result.name} | ${result.quality.mrr.toFixed(3)} | ${(result.hitsAt1 * 100).toFixed(1)} % | ${(result.found * 100).toFixed(1)} % | ${result.dev.mrr.toFixed(3)} | ${(result.offered * 100).toFixed(1)} % | ${(result.p50 * 1000).toFixed(0)} µs | ${(result.p99 * 1000).toFixed(0)} µs |`);
}
const [engine, base] = results;
const batch2 = meanReciprocalRank(DEV_QUERIES_BATCH_2, index.search).mrr;
const batch2Offered = DEV_NO_ANSWER_BATCH_2.filter((query) => index.search(query, 5).length > 0).length;
console.log(`dev batch 2 (written after the first changes): MRR@5 ${batch2.toFixed(3)} on ${DEV_QUERIES_BATCH_2.length}; results offered for ${batch2Offered} of ${DEV_NO_ANSWER_BATCH_2.length} with no good answer`);
console.log(`MRR@5 ${engine.quality.mrr.toFixed(3)} vs ${base.quality.mrr.toFixed(3)} (goal ≥ 0.9: ${engine.quality.mrr >= 0.9 ? 'met' : 'NOT met'}); dev MRR@5 ${engine.dev.mrr.toFixed(3)} (goal ≥ 0.92: ${engine.dev.mrr >= 0.92 ? 'met' : 'NOT met'}); p99 ${(engine.p99 * 1000).toFixed(0)} µs vs ${(base.p99 * 1000).toFixed(0)} µs (goal < 5 ms: ${engine.p99 < 5 ? 'met' : 'NOT met'})`);
const misses = engine.quality.outcomes.filter((outcome) => outcome.rank !== 1);
if (misses.length > 0) {
  console.log('\nQueries whose first result is not an expected article:');
  for (const miss of misses) console.log(`  ${miss.rank === null ? 'missed' : `rank ${miss.rank}`}  "${miss.query}" → expected ${miss.expected[0]}, got ${miss.got.slice(0, 3).join(', ')}`);
}
if (engine.quality.mrr < 0.9 || engine.dev.mrr < 0.92 || engine.p99 >= 5) process.exitCode = 1;
