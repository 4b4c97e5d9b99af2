/**
 * Fits the no-answer model (../no-answer-model.ts): L2-regularised logistic
 * regression by gradient descent over the evidence of every development
 * query (label 1: it has an answer; 0: a streaming topic with no article or
 * an off-topic question), the two classes weighted equally. Prints the
 * weights to paste into no-answer-model.ts, and the figures of the fitted
 * model on each set. `--exclude <set name>` leaves a set out of the fit
 * (to see how the model does on queries it was not fitted on).
 *
 *   node --import tsx src/modules/helpcenter/search/dev-sets/fit-no-answer-model.ts [--exclude search-dev-f-batch-1.jsonl]
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { readArticleFiles } from '../../article-files.ts';
import { markdownToText } from '../../markdown.ts';
import { EVIDENCE_NAMES, type NoAnswerModel } from '../no-answer-model.ts';
import { createSearchIndex } from '../search-index.ts';
import { allDevSets } from './all-dev-sets.ts';
import { formatFigures, measureDevSet } from './measure-dev-set.ts';

const root = fileURLToPath(new URL('../../../../../', import.meta.url));
const documents = readArticleFiles(path.join(root, 'content/articles')).map((article) => ({ ...article, body: markdownToText(article.body) }));
const excluded = new Set(process.argv.flatMap((arg, at) => (process.argv[at - 1] === '--exclude' ? [arg] : [])));
const raw = createSearchIndex(documents, { noAnswerModel: null });
const sets = allDevSets();

const samples: { x: number[]; y: number; w: number }[] = [];
for (const [name, rows] of sets) {
  if (excluded.has(name)) continue;
  for (const row of rows) {
    const result = raw.rank(row.query, 5);
    if (result.confidence >= 1 || result.language !== null) continue; // decided without the model
    samples.push({ x: EVIDENCE_NAMES.map((feature) => result.evidence[feature]), y: row.relevant.length > 0 ? 1 : 0, w: 1 });
  }
}
const positives = samples.filter((s) => s.y === 1).length;
for (const s of samples) s.w = s.y === 1 ? samples.length / (2 * positives) : samples.length / (2 * (samples.length - positives));

const lambda = 0.001;
const weights = EVIDENCE_NAMES.map(() => 0);
let bias = 0;
for (let step = 0; step < 20000; step++) {
  const grad = weights.map(() => 0);
  let gradBias = 0;
  for (const s of samples) {
    const z = bias + s.x.reduce((sum, value, at) => sum + value * weights[at], 0);
    const error = (1 / (1 + Math.exp(-z)) - s.y) * s.w;
    gradBias += error;
    s.x.forEach((value, at) => (grad[at] += error * value));
  }
  bias -= (0.5 * gradBias) / samples.length;
  weights.forEach((_, at) => (weights[at] -= 0.5 * (grad[at] / samples.length + lambda * weights[at])));
}
const model: NoAnswerModel = { bias, weights: Object.fromEntries(EVIDENCE_NAMES.map((name, at) => [name, weights[at]])) as NoAnswerModel['weights'] };
console.log(`fitted on ${samples.length} queries (${positives} with an answer)${excluded.size > 0 ? `, without ${[...excluded].join(', ')}` : ''}:`);
console.log(JSON.stringify({ bias: Number(bias.toFixed(3)), weights: Object.fromEntries(Object.entries(model.weights).map(([k, v]) => [k, Number(v.toFixed(3))])) }));
const fitted = createSearchIndex(documents, { noAnswerModel: model });
for (const [name, rows] of sets) console.log(`${excluded.has(name) ? '(not fitted on) ' : ''}${formatFigures(name, measureDevSet(rows, (query, limit) => fitted.search(query, limit)))}`);
if (process.argv.includes('--sweep')) {
  for (const at of [0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5]) {
    const swept = createSearchIndex(documents, { noAnswerModel: model, offerAt: at });
    const chosen = [...sets].filter(([name]) => excluded.size === 0 || excluded.has(name));
    const figures = chosen.map(([name, rows]) => [name, measureDevSet(rows, (query, limit) => swept.search(query, limit))] as const);
    const answerable = figures.reduce((sum, [, f]) => sum + f.answerable, 0);
    const mrr = figures.reduce((sum, [, f]) => sum + f.mrr * f.answerable, 0) / answerable;
    const offered = figures.reduce((sum, [, f]) => sum + f.noArticleOffered + f.offTopicOffered, 0);
    const unanswerable = figures.reduce((sum, [, f]) => sum + f.noArticle + f.offTopic, 0);
    console.log(`offer at ${at}: all chosen sets MRR@5 ${mrr.toFixed(4)} on ${answerable}, offered ${offered}/${unanswerable}${excluded.size > 0 ? `\n  ${figures.map(([name, f]) => formatFigures(name, f)).join('\n  ')}` : ''}`);
  }
}
