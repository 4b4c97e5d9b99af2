/**
 * Measures the Help Center search on a development set written as JSON
 * lines ({"query", "relevant": [slugs], "topic"}; `relevant: []` means no
 * article answers it: a streaming topic with none, or "off-topic").
 * Prints MRR@5 on the answerable queries, how often results are offered
 * for the rest, and no-answer precision/recall (the "no good answer" page
 * as the predicted class).
 *
 *   node --import tsx src/modules/helpcenter/search/dev-sets/measure-dev-set.ts <file.jsonl> [--misses]
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { readArticleFiles } from '../../article-files.ts';
import { markdownToText } from '../../markdown.ts';
import { createSearchIndex } from '../search-index.ts';

const lineSchema = z.object({ query: z.string().min(1), relevant: z.array(z.string()), topic: z.string() });
export type DevQuery = z.infer<typeof lineSchema>;

export function readDevSet(file: string): DevQuery[] {
  return fs.readFileSync(file, 'utf8').split('\n').filter((line) => line.trim() !== '').map((line) => lineSchema.parse(JSON.parse(line)));
}

export type DevFigures = {
  answerable: number; mrr: number; top1: number; answeredEmpty: number;
  noArticle: number; noArticleOffered: number; offTopic: number; offTopicOffered: number;
  noAnswerPrecision: number; noAnswerRecall: number;
  misses: { query: string; relevant: string[]; got: string[] }[];
};

export function measureDevSet(rows: readonly DevQuery[], search: (query: string, limit: number) => { slug: string }[]): DevFigures {
  let reciprocal = 0, top1 = 0, answeredEmpty = 0, noArticleOffered = 0, offTopicOffered = 0;
  const misses: DevFigures['misses'] = [];
  for (const row of rows) {
    const got = search(row.query, 5).map((hit) => hit.slug);
    if (row.relevant.length > 0) {
      const at = got.findIndex((slug) => row.relevant.includes(slug));
      if (at >= 0) reciprocal += 1 / (at + 1);
      if (at === 0) top1++;
      if (got.length === 0) answeredEmpty++;
      if (at !== 0) misses.push({ query: row.query, relevant: row.relevant, got });
    } else if (got.length > 0) {
      if (row.topic === 'off-topic') offTopicOffered++;
      else noArticleOffered++;
      misses.push({ query: row.query, relevant: [], got });
    }
  }
  const answerable = rows.filter((row) => row.relevant.length > 0).length;
  const offTopic = rows.filter((row) => row.relevant.length === 0 && row.topic === 'off-topic').length;
  const noArticle = rows.length - answerable - offTopic;
  const unanswerable = noArticle + offTopic;
  const saidNone = unanswerable - noArticleOffered - offTopicOffered;
  return {
    answerable, mrr: reciprocal / Math.max(1, answerable), top1, answeredEmpty,
    noArticle, noArticleOffered, offTopic, offTopicOffered,
    noAnswerPrecision: saidNone / Math.max(1, saidNone + answeredEmpty),
    noAnswerRecall: saidNone / Math.max(1, unanswerable),
    misses,
  };
}

export function formatFigures(name: string, f: DevFigures): string {
  return `${name}: MRR@5 ${f.mrr.toFixed(3)} on ${f.answerable} (top-1 ${f.top1}, no answer given ${f.answeredEmpty}); results offered for ${f.noArticleOffered}/${f.noArticle} with no article and ${f.offTopicOffered}/${f.offTopic} off-topic; no-answer precision ${f.noAnswerPrecision.toFixed(3)}, recall ${f.noAnswerRecall.toFixed(3)}`;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const root = fileURLToPath(new URL('../../../../../', import.meta.url));
  const documents = readArticleFiles(path.join(root, 'content/articles')).map((article) => ({ ...article, body: markdownToText(article.body) }));
  const index = createSearchIndex(documents);
  for (const file of process.argv.slice(2).filter((arg) => !arg.startsWith('--'))) {
    const figures = measureDevSet(readDevSet(file), (query, limit) => index.search(query, limit));
    console.log(formatFigures(path.basename(file), figures));
    if (process.argv.includes('--misses')) for (const miss of figures.misses) console.log(`  "${miss.query}" → want ${miss.relevant.join('/') || 'none'}; got ${miss.got.slice(0, 3).join(', ') || 'none'}`);
  }
}
