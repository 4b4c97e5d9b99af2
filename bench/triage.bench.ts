/**
 * bench/triage: `usher triage --jsonl` throughput on 20,000 lines (the
 * held-out set repeated), against a baseline measured in the same run that
 * does the same reading, JSON.parse and JSON.stringify of every line with no
 * classification; plus top-1 accuracy, macro-F1 and expected calibration
 * error on the shared sample, the held-out set, the development set by
 * language and the held-back 20 % of the public crowd-written lines (none of
 * them trained on).
 *
 *   node --import tsx bench/triage.bench.ts [--lines 20000]
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { triageJsonl } from '../src/cli/triage-command.ts';
import { DEV_FILE, HOLDOUT_FILE, publicSplit, readLabelled, SAMPLE_FILE } from '../src/modules/triage/dataset.ts';
import { evaluate } from '../src/modules/triage/evaluate.ts';
import { triage, warmTriage } from '../src/modules/triage/triage.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const argIndex = process.argv.indexOf('--lines');
const lineCount = Number(argIndex >= 0 ? process.argv[argIndex + 1] : process.env.BENCH_QUICK === '1' ? 2000 : 20_000);

const holdout = readLabelled(HOLDOUT_FILE);
const lines = Array.from({ length: lineCount }, (_, i) => JSON.stringify({ text: holdout[i % holdout.length].text }));
const input = `${lines.join('\n')}\n`;

/** The work of --jsonl without the classification: split, parse, check, stringify a fixed answer. */
function baseline(text: string): string {
  const rows = text.split('\n');
  if (rows[rows.length - 1] === '') rows.pop();
  const texts = rows.map((row) => (JSON.parse(row) as { text: string }).text);
  let out = '';
  for (const t of texts) out += `${JSON.stringify({ intent: 'out_of_scope', confidence: 1, alternatives: [], entities: {}, length: t.length })}\n`;
  return out;
}

function bestOf(runs: number, work: () => unknown): number {
  let best = Infinity;
  for (let r = 0; r < runs; r++) {
    const started = process.hrtime.bigint();
    work();
    best = Math.min(best, Number(process.hrtime.bigint() - started) / 1e9);
  }
  return best;
}

const loadStarted = process.hrtime.bigint();
warmTriage();
const modelLoadSeconds = Number(process.hrtime.bigint() - loadStarted) / 1e9;
triageJsonl(lines.slice(0, 1000).join('\n'));

const triageSeconds = bestOf(3, () => triageJsonl(input));
const baselineSeconds = bestOf(3, () => baseline(input));

// The real command, in its own process: start-up (tsx, module loading, model) included.
const dir = mkdtempSync(path.join(tmpdir(), 'usher-triage-bench-'));
const file = path.join(dir, 'lines.jsonl');
writeFileSync(file, input);
const usher = path.join(root, 'bin/usher');
const timeCommand = (args: string[]) => {
  const started = process.hrtime.bigint();
  const result = spawnSync(usher, args, { encoding: 'utf8', maxBuffer: 1 << 30 });
  if (result.status !== 0) throw new Error(`usher ${args.join(' ')} failed: ${result.stderr}`);
  return { seconds: Number(process.hrtime.bigint() - started) / 1e9, outputLines: result.stdout.split('\n').length - 1 };
};
const oneLine = path.join(dir, 'one.jsonl');
writeFileSync(oneLine, `${lines[0]}\n`);
const startup = timeCommand(['triage', '--jsonl', oneLine]);
const whole = timeCommand(['triage', '--jsonl', file]);
rmSync(dir, { recursive: true, force: true });
if (whole.outputLines !== lineCount) throw new Error(`expected ${lineCount} output lines, got ${whole.outputLines}`);

const round = (x: number, digits = 4) => Math.round(x * 10 ** digits) / 10 ** digits;
const quality = (name: string, messages: ReturnType<typeof readLabelled>) => {
  const result = evaluate(messages, triage);
  return { set: name, messages: result.messages, accuracy: round(result.accuracy), macroF1: round(result.macroF1), ece: round(result.ece) };
};
const dev = readLabelled(DEV_FILE);
const accuracy = [
  quality('held-out (data/holdout.jsonl)', readLabelled(HOLDOUT_FILE)),
  ...(existsSync(SAMPLE_FILE) ? [quality('shared sample (intents-sample.jsonl)', readLabelled(SAMPLE_FILE))] : []),
  ...['en', 'de', 'es', 'pt'].map((lang) => quality(`development set, ${lang}`, dev.filter((line) => line.lang === lang))),
  quality('public held-back 20 %', publicSplit().heldBack),
];

const summary = {
  lines: lineCount,
  modelLoadSeconds: round(modelLoadSeconds, 3),
  jsonl: { seconds: round(triageSeconds, 3), messagesPerSecond: Math.round(lineCount / triageSeconds) },
  baseline: { seconds: round(baselineSeconds, 3), messagesPerSecond: Math.round(lineCount / baselineSeconds) },
  ratio: round(baselineSeconds / triageSeconds, 3),
  command: {
    startupSeconds: round(startup.seconds, 2),
    seconds: round(whole.seconds, 2),
    messagesPerSecond: Math.round(lineCount / whole.seconds),
    messagesPerSecondAfterStartup: Math.round(lineCount / Math.max(1e-3, whole.seconds - startup.seconds)),
  },
  accuracy,
};
console.log(JSON.stringify(summary, null, 2));
console.log(`triage --jsonl: ${summary.jsonl.messagesPerSecond.toLocaleString('en')} messages/s in process (baseline ${summary.baseline.messagesPerSecond.toLocaleString('en')}/s, ratio ${summary.ratio}); `
  + `the command end to end ${summary.command.messagesPerSecond.toLocaleString('en')}/s including ${summary.command.startupSeconds} s start-up; `
  + accuracy.map((a) => `${a.set}: top-1 ${(a.accuracy * 100).toFixed(1)} %, macro-F1 ${a.macroF1}, ECE ${a.ece}`).join('; '));
process.exit(summary.jsonl.messagesPerSecond >= 5000 ? 0 : 1);
