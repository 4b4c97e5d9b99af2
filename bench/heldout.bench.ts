/**
 * bench/heldout: the language parts measured on text nobody here wrote
 * (bench/heldout/, frozen sets from writers who saw only PRODUCT.md and the
 * contracts; never tuned on). Prints, per set and language:
 * - triage: top-1 accuracy, expected calibration error, out-of-scope recall,
 *   against a majority-class baseline measured on the same set;
 * - redaction: share of secrets removed and of harmless figures kept,
 *   against a baseline that removes every digit (what "safe but useless" scores);
 * - search: MRR@5 on queries with an answer, and on queries with none how
 *   often the engine still offers a top result, against substring matching.
 * The checksums in bench/heldout/SHA256SUMS are verified first: a changed
 * file is not a held-out set any more.
 *
 *   node --import tsx bench/heldout.bench.ts [--json]
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { readArticleFiles } from '../src/modules/helpcenter/article-files.ts';
import { markdownToText } from '../src/modules/helpcenter/markdown.ts';
import { createSearchIndex, type SearchHit } from '../src/modules/helpcenter/search/search-index.ts';
import { createSubstringSearch } from '../src/modules/helpcenter/search/substring-baseline.ts';
import { redact } from '../src/modules/safety/redaction/index.ts';
import { messageToScan, parseEmail, scanMessage, type ScanChannel, type Verdict } from '../src/modules/safety/scan/index.ts';
import { evaluate } from '../src/modules/triage/evaluate.ts';
import { triage, warmTriage } from '../src/modules/triage/triage.ts';
import type { Intent } from '../src/modules/triage/intents.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const heldout = path.join(root, 'bench/heldout');

function verifyChecksums(): void {
  const lines = readFileSync(path.join(heldout, 'SHA256SUMS'), 'utf8').trim().split('\n');
  for (const line of lines) {
    const [sum, file] = line.split(/\s+/) as [string, string];
    const actual = createHash('sha256').update(readFileSync(path.join(heldout, file))).digest('hex');
    if (actual !== sum) throw new Error(`${file} changed since it was frozen: it is not a held-out set any more`);
  }
}

function readJsonl<T>(file: string): T[] {
  return readFileSync(path.join(heldout, file), 'utf8').split('\n').filter((line) => line.trim() !== '').map((line) => JSON.parse(line) as T);
}

const percent = (value: number) => `${(value * 100).toFixed(1)} %`;

function triageFigures(file: string) {
  const set = readJsonl<{ text: string; intent: Intent }>(file);
  const result = evaluate(set, (text) => triage(text));
  const counts = new Map<string, number>();
  for (const item of set) counts.set(item.intent, (counts.get(item.intent) ?? 0) + 1);
  const majority = Math.max(...counts.values()) / set.length;
  const outOfScope = set.filter((item) => item.intent === 'out_of_scope');
  const outOfScopeFound = outOfScope.filter((item) => triage(item.text).intent === 'out_of_scope').length;
  return { file, lines: set.length, top1: result.accuracy, ece: result.ece, outOfScopeRecall: outOfScope.length === 0 ? null : outOfScopeFound / outOfScope.length, baselineTop1: majority };
}

type RedactionLine = { text: string; must_remove: string[]; must_keep: string[] };

function redactionFigures(file: string) {
  const set = readJsonl<RedactionLine>(file);
  const score = (clean: (text: string) => string) => {
    let removed = 0;
    let secrets = 0;
    let kept = 0;
    let harmless = 0;
    for (const line of set) {
      const out = clean(line.text);
      for (const secret of line.must_remove) {
        secrets += 1;
        if (!out.includes(secret)) removed += 1;
      }
      for (const figure of line.must_keep) {
        harmless += 1;
        if (out.includes(figure)) kept += 1;
      }
    }
    return { removed: removed / secrets, kept: kept / harmless, secrets, harmless };
  };
  return { file, lines: set.length, usher: score((text) => redact(text).text), baseline: score((text) => text.replace(/\d/g, '#')) };
}

type SearchLine = { query: string; relevant: string[]; topic: string };

function searchFigures(file: string) {
  const set = readJsonl<SearchLine>(file);
  const documents = readArticleFiles(path.join(root, 'content/articles')).map((article) => ({ ...article, body: markdownToText(article.body) }));
  const engines: Array<{ name: string; search(query: string, limit: number): SearchHit[] }> = [
    { name: 'usher', search: createSearchIndex(documents).search },
    { name: 'substring baseline', search: createSubstringSearch(documents).search },
  ];
  return engines.map((engine) => {
    const answerable = set.filter((line) => line.relevant.length > 0);
    let reciprocal = 0;
    for (const line of answerable) {
      const hits = engine.search(line.query, 5);
      const rank = hits.findIndex((hit) => line.relevant.includes(hit.slug));
      if (rank >= 0) reciprocal += 1 / (rank + 1);
    }
    // Off-topic queries have no answer whatever the articles; the others named a topic with no article
    // when the set was frozen, which articles written since may now answer: reported apart.
    const offTopic = set.filter((line) => line.relevant.length === 0 && line.topic === 'off_topic');
    const missingTopic = set.filter((line) => line.relevant.length === 0 && line.topic !== 'off_topic');
    const offered = (lines: SearchLine[]) => lines.filter((line) => engine.search(line.query, 5).length > 0).length / Math.max(1, lines.length);
    return {
      engine: engine.name, answerable: answerable.length, mrrAt5: reciprocal / answerable.length,
      offTopic: offTopic.length, offTopicOffered: offered(offTopic), missingTopic: missingTopic.length, missingTopicOffered: offered(missingTopic),
    };
  });
}

const DEMO_BRAND = { name: 'Reelhouse', domains: ['reelhouse.example'] };
type PhishLine = { channel: ScanChannel; from: string; subject: string | null; body: string; label: 'phish' | 'legit'; language: string };
const flagged = (verdict: Verdict) => verdict !== 'legit';

/** Flags every message with a link or a sender whose domain is not the brand's: what "distrust everything" scores. */
function offDomainBaseline(line: { from: string; body: string }): boolean {
  const hosts = [...`${line.from} ${line.body}`.matchAll(/(?:@|https?:\/\/)([a-z0-9.-]+\.[a-z]{2,})/gi)].map((match) => (match[1] as string).toLowerCase());
  return hosts.some((host) => !DEMO_BRAND.domains.some((domain) => host === domain || host.endsWith(`.${domain}`)));
}

function rates(results: Array<{ label: 'phish' | 'legit'; flagged: boolean }>) {
  const phish = results.filter((result) => result.label === 'phish');
  const legit = results.filter((result) => result.label === 'legit');
  return { phish: phish.length, phishFlagged: phish.filter((r) => r.flagged).length / Math.max(1, phish.length), legit: legit.length, legitFlagged: legit.filter((r) => r.flagged).length / Math.max(1, legit.length) };
}

async function phishingFigures(folder: string) {
  const set = readJsonl<PhishLine>(`${folder}/messages.jsonl`);
  const scanned = set.map((line) => ({ line, verdict: scanMessage({ channel: line.channel, from: line.from, subject: line.subject, body: line.body }, DEMO_BRAND).verdict }));
  const by = (key: (line: PhishLine) => string) => Object.fromEntries([...new Set(set.map(key))].sort().map((value) => [value, rates(scanned.filter(({ line }) => key(line) === value).map(({ line, verdict }) => ({ label: line.label, flagged: flagged(verdict) })))]));
  const labels = readJsonl<{ file: string; label: 'phish' | 'legit' }>(`${folder}/emails/labels.jsonl`);
  const emails = await Promise.all(labels.map(async ({ file, label }) => {
    const parsed = await parseEmail(readFileSync(path.join(heldout, folder, 'emails', file)));
    return { label, flagged: flagged(scanMessage(messageToScan(parsed), DEMO_BRAND).verdict) };
  }));
  return {
    file: `${folder}/messages.jsonl`,
    usher: rates(scanned.map(({ line, verdict }) => ({ label: line.label, flagged: flagged(verdict) }))),
    baseline: rates(set.map((line) => ({ label: line.label, flagged: offDomainBaseline(line) }))),
    byChannel: by((line) => line.channel),
    byLanguage: by((line) => line.language),
    emails: rates(emails),
  };
}

/** Every frozen set, found by its file name in each dated folder (a set written later joins without a code change). */
function frozenFiles(pattern: RegExp): string[] {
  return readdirSync(heldout, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && /^\d{4}-\d{2}-\d{2}-[a-z]$/.test(entry.name))
    .flatMap((folder) => readdirSync(path.join(heldout, folder.name)).filter((file) => pattern.test(file)).map((file) => `${folder.name}/${file}`))
    .sort();
}

verifyChecksums();
warmTriage();
const figures = {
  triage: frozenFiles(/^triage-[a-z]{2}\.jsonl$/).map(triageFigures),
  redaction: frozenFiles(/^redaction-[a-z]{2}\.jsonl$/).map(redactionFigures),
  search: frozenFiles(/^search-queries\.jsonl$/).map((file) => ({ file, engines: searchFigures(file) })),
  phishing: await Promise.all(frozenFiles(/^messages\.jsonl$/).map((file) => phishingFigures(path.dirname(file)))),
};

if (process.argv.includes('--json')) {
  console.log(JSON.stringify(figures, null, 2));
} else {
  console.log('held-out sets (bench/heldout, each folder frozen on the date it names; never tuned on)');
  for (const t of figures.triage) {
    console.log(`triage ${t.file}: ${t.lines} lines, top-1 ${percent(t.top1)} (majority-class baseline ${percent(t.baselineTop1)}, ratio ${(t.top1 / t.baselineTop1).toFixed(1)}×), ECE ${t.ece.toFixed(3)}, out-of-scope recall ${t.outOfScopeRecall === null ? '-' : percent(t.outOfScopeRecall)}`);
  }
  for (const r of figures.redaction) {
    console.log(`redaction ${r.file}: ${r.lines} lines, secrets removed ${percent(r.usher.removed)} of ${r.usher.secrets}, harmless figures kept ${percent(r.usher.kept)} of ${r.usher.harmless} (every-digit baseline: removed ${percent(r.baseline.removed)}, kept ${percent(r.baseline.kept)})`);
  }
  for (const { file, engines } of figures.search) for (const s of engines) {
    console.log(`search ${file} ${s.engine}: MRR@5 ${s.mrrAt5.toFixed(3)} on ${s.answerable} queries with an answer; results offered for ${percent(s.offTopicOffered)} of ${s.offTopic} off-topic queries and ${percent(s.missingTopicOffered)} of ${s.missingTopic} on topics that had no article when the set was frozen`);
  }
  const flaggedText = (r: ReturnType<typeof rates>) => `phish flagged ${percent(r.phishFlagged)} of ${r.phish}, genuine flagged ${percent(r.legitFlagged)} of ${r.legit}`;
  for (const p of figures.phishing) {
    console.log(`scan ${p.file}: ${flaggedText(p.usher)} (off-domain baseline: ${flaggedText(p.baseline)}); raw emails: ${flaggedText(p.emails)}`);
    for (const [channel, r] of Object.entries(p.byChannel)) console.log(`  ${channel}: ${flaggedText(r)}`);
    for (const [language, r] of Object.entries(p.byLanguage)) console.log(`  ${language}: ${flaggedText(r)}`);
  }
}
