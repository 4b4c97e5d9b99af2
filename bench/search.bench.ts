/**
 * bench/search: Help Center search quality and speed on the benchmark
 * queries (src/modules/helpcenter/search/benchmark-queries.ts: members'
 * wording, typos, no keywords) and on the development sets
 * (dev-queries-2026-12-06.ts: 160 + 60 queries with an answer, 40 + 20
 * without; dev-queries-voice-2026-12-06.ts: 203 spoken, learners', typo,
 * device-slang, odd-code and German/Spanish/Portuguese queries, 41 with no
 * answer and 28 off-topic, and a second batch written after the changes;
 * dev-queries-typing-2026-12-06.ts: 126 phone-typed, screen-copied,
 * two-language and wrong-word queries, 25 with no answer, 17 off-topic).
 * Three engines on the same articles
 * (content/articles), in the same run: the search as the Help Center runs it
 * (BM25F index + triage's reading of the query), the same index on the
 * words alone, and a plain substring match. Prints MRR@5, how often results
 * are offered for a query with no good answer, and per-query latency
 * p50/p99 (wall clock, and the process's CPU time, which a busy machine's
 * scheduling does not inflate).
 *
 *   node --import tsx bench/search.bench.ts [--rounds 200]
 */
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { readArticleFiles } from '../src/modules/helpcenter/article-files.ts';
import { markdownToText } from '../src/modules/helpcenter/markdown.ts';
import { BENCHMARK_QUERIES } from '../src/modules/helpcenter/search/benchmark-queries.ts';
import { DEV_NO_ANSWER, DEV_NO_ANSWER_BATCH_2, DEV_QUERIES, DEV_QUERIES_BATCH_2 } from '../src/modules/helpcenter/search/dev-queries-2026-12-06.ts';
import { VOICE_DEV_NO_ANSWER, VOICE_DEV_NO_ANSWER_BATCH_2, VOICE_DEV_NO_ANSWER_BATCH_3, VOICE_DEV_OFF_TOPIC, VOICE_DEV_OFF_TOPIC_BATCH_2, VOICE_DEV_OFF_TOPIC_BATCH_3, VOICE_DEV_QUERIES, VOICE_DEV_QUERIES_BATCH_2, VOICE_DEV_QUERIES_BATCH_3 } from '../src/modules/helpcenter/search/dev-queries-voice-2026-12-06.ts';
import { TYPING_DEV_NO_ANSWER, TYPING_DEV_OFF_TOPIC, TYPING_DEV_QUERIES } from '../src/modules/helpcenter/search/dev-queries-typing-2026-12-06.ts';
import { createSearchIndex, type SearchHit } from '../src/modules/helpcenter/search/search-index.ts';
import { meanReciprocalRank } from '../src/modules/helpcenter/search/search-quality.ts';
import { createSubstringSearch } from '../src/modules/helpcenter/search/substring-baseline.ts';
import { allDevSets } from '../src/modules/helpcenter/search/dev-sets/all-dev-sets.ts';
import { formatFigures, measureDevSet } from '../src/modules/helpcenter/search/dev-sets/measure-dev-set.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const argIndex = process.argv.indexOf('--rounds');
const rounds = Number(argIndex >= 0 ? process.argv[argIndex + 1] : process.env.BENCH_QUICK === '1' ? 20 : 200);

const documents = readArticleFiles(path.join(root, 'content/articles')).map((article) => ({ ...article, body: markdownToText(article.body) }));
const buildStart = performance.now();
const index = createSearchIndex(documents);
const buildMs = performance.now() - buildStart;
const wordsOnly = createSearchIndex(documents, { readQuery: null });
const baseline = createSubstringSearch(documents);

type Engine = { name: string; search(query: string, limit: number): SearchHit[] };

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

const timed = [...BENCHMARK_QUERIES.map(({ query }) => query), ...DEV_QUERIES.map(({ query }) => query), ...DEV_NO_ANSWER, ...VOICE_DEV_QUERIES.map(({ query }) => query), ...VOICE_DEV_NO_ANSWER, ...VOICE_DEV_OFF_TOPIC];

function measure(engine: Engine) {
  const offered = (queries: readonly string[]) => queries.filter((query) => engine.search(query, 5).length > 0).length;
  const quality = meanReciprocalRank(BENCHMARK_QUERIES, engine.search);
  const dev = meanReciprocalRank(DEV_QUERIES, engine.search);
  const batch2 = meanReciprocalRank(DEV_QUERIES_BATCH_2, engine.search);
  const voice = meanReciprocalRank(VOICE_DEV_QUERIES, engine.search);
  for (const query of timed) engine.search(query, 5); // warm-up
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let round = 0; round < rounds; round++) {
    for (const query of timed) {
      const cpuStart = process.cpuUsage();
      const start = performance.now();
      engine.search(query, 5);
      wall.push(performance.now() - start);
      const used = process.cpuUsage(cpuStart);
      cpu.push((used.user + used.system) / 1000);
    }
  }
  wall.sort((a, b) => a - b);
  cpu.sort((a, b) => a - b);
  return {
    name: engine.name, quality, dev, batch2, voice,
    devOffered: offered(DEV_NO_ANSWER), batch2Offered: offered(DEV_NO_ANSWER_BATCH_2), voiceNoAnswer: offered(VOICE_DEV_NO_ANSWER), voiceOffTopic: offered(VOICE_DEV_OFF_TOPIC),
    p50: percentile(wall, 50), p99: percentile(wall, 99), cpuP99: percentile(cpu, 99),
  };
}

const results = [
  measure({ name: 'Help Center search (BM25F + triage: languages, intent, off-topic)', search: (query, limit) => index.search(query, limit) }),
  measure({ name: 'the same index on the words alone', search: (query, limit) => wordsOnly.search(query, limit) }),
  measure({ name: 'baseline: substring match', search: (query, limit) => baseline.search(query, limit) }),
];

const µs = (ms: number) => `${(ms * 1000).toFixed(0)} µs`;
console.log(`${documents.length} articles; ${rounds} rounds of ${timed.length} searches; index built in ${buildMs.toFixed(1)} ms; load average ${os.loadavg()[0].toFixed(1)} on ${os.cpus().length} CPUs`);
console.log(`| engine | voice dev MRR@5 (${VOICE_DEV_QUERIES.length}) | offered: no answer (${VOICE_DEV_NO_ANSWER.length}) / off-topic (${VOICE_DEV_OFF_TOPIC.length}) | dev MRR@5 (${DEV_QUERIES.length}) | offered (${DEV_NO_ANSWER.length}) | batch 2 MRR@5 (${DEV_QUERIES_BATCH_2.length}) | offered (${DEV_NO_ANSWER_BATCH_2.length}) | benchmark MRR@5 (${BENCHMARK_QUERIES.length}) | p50 | p99 | p99 CPU |`);
console.log('|---|---|---|---|---|---|---|---|---|---|---|');
for (const r of results) {
  console.log(`| ${r.name} | ${r.voice.mrr.toFixed(3)} | ${r.voiceNoAnswer} / ${r.voiceOffTopic} | ${r.dev.mrr.toFixed(3)} | ${r.devOffered} | ${r.batch2.mrr.toFixed(3)} | ${r.batch2Offered} | ${r.quality.mrr.toFixed(3)} | ${µs(r.p50)} | ${µs(r.p99)} | ${µs(r.cpuP99)} |`);
}
const [engine] = results;
const voice2 = meanReciprocalRank(VOICE_DEV_QUERIES_BATCH_2, index.search).mrr;
const voice2Offered = (queries: readonly string[]) => queries.filter((query) => index.search(query, 5).length > 0).length;
console.log(`voice batch 2 (written after the changes, run once at 0.736): MRR@5 ${voice2.toFixed(3)} on ${VOICE_DEV_QUERIES_BATCH_2.length}; results offered for ${voice2Offered(VOICE_DEV_NO_ANSWER_BATCH_2)} of ${VOICE_DEV_NO_ANSWER_BATCH_2.length} with no answer and ${voice2Offered(VOICE_DEV_OFF_TOPIC_BATCH_2)} of ${VOICE_DEV_OFF_TOPIC_BATCH_2.length} off-topic`);
const voice3 = meanReciprocalRank(VOICE_DEV_QUERIES_BATCH_3, index.search).mrr;
console.log(`voice batch 3 (written at the end of the round, run once at 0.746): MRR@5 ${voice3.toFixed(3)} on ${VOICE_DEV_QUERIES_BATCH_3.length}; results offered for ${voice2Offered(VOICE_DEV_NO_ANSWER_BATCH_3)} of ${VOICE_DEV_NO_ANSWER_BATCH_3.length} with no answer and ${voice2Offered(VOICE_DEV_OFF_TOPIC_BATCH_3)} of ${VOICE_DEV_OFF_TOPIC_BATCH_3.length} off-topic`);
const typing = meanReciprocalRank(TYPING_DEV_QUERIES, index.search).mrr;
console.log(`typing set (third round, frozen before it; first run 0.814, 12 of 25 and 0 of 17): MRR@5 ${typing.toFixed(3)} on ${TYPING_DEV_QUERIES.length}; results offered for ${voice2Offered(TYPING_DEV_NO_ANSWER)} of ${TYPING_DEV_NO_ANSWER.length} with no answer and ${voice2Offered(TYPING_DEV_OFF_TOPIC)} of ${TYPING_DEV_OFF_TOPIC.length} off-topic`);
// The JSON-lines dev sets (src/modules/helpcenter/search/dev-sets/*.jsonl: MRR@5 and no-answer precision/recall).
for (const [name, rows] of allDevSets()) if (name.endsWith('.jsonl')) console.log(formatFigures(name, measureDevSet(rows, index.search)));
console.log(`benchmark MRR@5 ${engine.quality.mrr.toFixed(3)} (goal ≥ 0.9: ${engine.quality.mrr >= 0.9 ? 'met' : 'NOT met'}); voice dev MRR@5 ${engine.voice.mrr.toFixed(3)} (goal ≥ 0.92: ${engine.voice.mrr >= 0.92 ? 'met' : 'NOT met'}); p99 ${µs(engine.p99)}, CPU ${µs(engine.cpuP99)} (goal < 5 ms: ${engine.p99 < 5 ? 'met' : 'NOT met'})`);
const misses = [...engine.quality.outcomes, ...engine.voice.outcomes].filter((outcome) => outcome.rank !== 1);
if (misses.length > 0) {
  console.log('\nBenchmark and voice-set queries whose first result is not an expected article:');
  for (const miss of misses) console.log(`  ${miss.rank === null ? 'missed' : `rank ${miss.rank}`}  "${miss.query}" → expected ${miss.expected[0]}, got ${miss.got.slice(0, 3).join(', ') || 'no answer'}`);
}
if (engine.quality.mrr < 0.9 || engine.p99 >= 5) process.exitCode = 1;
