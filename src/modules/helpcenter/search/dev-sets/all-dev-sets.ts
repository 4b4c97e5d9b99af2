/**
 * Every development set of the search in one shape ({query, relevant,
 * topic}), for measuring a change on all of them at once (the older sets'
 * no-answer lists count as "no-article", their off-topic lists as
 * "off-topic"). Development data only: never the frozen held-out sets.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { BENCHMARK_QUERIES, type BenchmarkQuery } from '../benchmark-queries.ts';
import { DEV_NO_ANSWER, DEV_NO_ANSWER_BATCH_2, DEV_QUERIES, DEV_QUERIES_BATCH_2 } from '../dev-queries-2026-12-06.ts';
import { TYPING_DEV_NO_ANSWER, TYPING_DEV_OFF_TOPIC, TYPING_DEV_QUERIES } from '../dev-queries-typing-2026-12-06.ts';
import * as voice from '../dev-queries-voice-2026-12-06.ts';
import { readDevSet, type DevQuery } from './measure-dev-set.ts';

const here = path.dirname(fileURLToPath(import.meta.url));

function convert(answerable: readonly BenchmarkQuery[], noArticle: readonly string[] = [], offTopic: readonly string[] = []): DevQuery[] {
  return [
    ...answerable.map(({ query, expected }) => ({ query, relevant: [...expected], topic: 'answerable' })),
    ...noArticle.map((query) => ({ query, relevant: [], topic: 'no-article' })),
    ...offTopic.map((query) => ({ query, relevant: [], topic: 'off-topic' })),
  ];
}

/** Name → queries; the JSON-lines sets of this folder by file name. */
export function allDevSets(): Map<string, DevQuery[]> {
  const sets = new Map<string, DevQuery[]>([
    ['benchmark', convert(BENCHMARK_QUERIES)],
    ['dev', convert(DEV_QUERIES, DEV_NO_ANSWER)],
    ['dev batch 2', convert(DEV_QUERIES_BATCH_2, DEV_NO_ANSWER_BATCH_2)],
    ['voice', convert(voice.VOICE_DEV_QUERIES, voice.VOICE_DEV_NO_ANSWER, voice.VOICE_DEV_OFF_TOPIC)],
    ['voice batch 2', convert(voice.VOICE_DEV_QUERIES_BATCH_2, voice.VOICE_DEV_NO_ANSWER_BATCH_2, voice.VOICE_DEV_OFF_TOPIC_BATCH_2)],
    ['voice batch 3', convert(voice.VOICE_DEV_QUERIES_BATCH_3, voice.VOICE_DEV_NO_ANSWER_BATCH_3, voice.VOICE_DEV_OFF_TOPIC_BATCH_3)],
    ['typing', convert(TYPING_DEV_QUERIES, TYPING_DEV_NO_ANSWER, TYPING_DEV_OFF_TOPIC)],
  ]);
  for (const file of fs.readdirSync(here).filter((name) => name.endsWith('.jsonl')).sort()) sets.set(file, readDevSet(path.join(here, file)));
  return sets;
}
