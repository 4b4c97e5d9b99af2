import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { seededRandom } from './augment.ts';
import { isIntent } from './intents.ts';
import type { LabelledMessage } from './evaluate.ts';

export const TRAIN_FILE = new URL('./data/train.jsonl', import.meta.url);
/** Our own lines in German, Spanish and Portuguese (training only). */
export const TRAIN_LANGUAGES_FILE = new URL('./data/train-languages.jsonl', import.meta.url);
export const HOLDOUT_FILE = new URL('./data/holdout.jsonl', import.meta.url);
/** Written before the 2026-12-06 model change, never trained or tuned on: en, de, es, pt member messages with a `lang`. */
export const DEV_FILE = new URL('./data/dev-2026-12-06.jsonl', import.meta.url);
/**
 * A second development set, written in one sitting before the training lines of the same day and in other
 * voices (dictated, elderly formal, second-language English, sarcasm, one-word messages, look-alike
 * out-of-scope questions); never trained on. Model and data changes are kept only if they measure better here.
 */
export const DEV_STYLES_FILE = new URL('./data/dev-styles-2026-12-06.jsonl', import.meta.url);
/**
 * A third development set (208 lines, en/de/es/pt), written and frozen before the third 2026-12-06 round:
 * phone typing and abbreviations, two languages in one message, wrong words for things, polite vague letters,
 * parents, small businesses with several accounts, the confusable pairs. Never trained on.
 */
export const DEV_PHONE_FILE = new URL('./data/dev-phone-mixed-2026-12-06.jsonl', import.meta.url);
/** Development sets written for issue 10 (dev-sets/*.jsonl, `lang` on every line), never trained on. */
export const DEV_SETS_DIR = new URL('./dev-sets/', import.meta.url);
export function devSetFiles(): URL[] {
  return readdirSync(DEV_SETS_DIR).filter((name) => name.endsWith('.jsonl')).sort().map((name) => new URL(name, DEV_SETS_DIR));
}
/** The shared evaluation sample (never trained on). */
export const SAMPLE_FILE = new URL('../../../../shared/data/intents-sample.jsonl', import.meta.url);
/** Crowd-written lines (Banking77 and CLINC150 train splits, mapped to our intents), shared/data/README.md. */
export const PUBLIC_FILE = new URL('../../../../shared/data/public/intents-public-train.jsonl', import.meta.url);

export type SourcedMessage = LabelledMessage & { source: string; lang?: string };

/** `{"text","intent"}` lines (extra fields kept); throws naming the line that is not one. */
export function readLabelled(file: URL | string): SourcedMessage[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .map((line, i) => [line.trim(), i + 1] as const)
    .filter(([line]) => line !== '')
    .map(([line, number]) => {
      const row = JSON.parse(line) as { text?: unknown; intent?: unknown; source?: unknown; lang?: unknown };
      if (typeof row.text !== 'string' || typeof row.intent !== 'string' || !isIntent(row.intent)) throw new Error(`${String(file)} line ${number}: expected {"text","intent"} with a known intent`);
      return { text: row.text, intent: row.intent, source: typeof row.source === 'string' ? row.source : 'own', ...(typeof row.lang === 'string' ? { lang: row.lang } : {}) };
    });
}

/** Share of each public source held back from training, to report the crowd-written figure honestly. */
export const PUBLIC_HELD_BACK_SHARE = 0.2;
const PUBLIC_SPLIT_SEED = 20261206;

/**
 * The fixed split of the public lines: per source (so per original category),
 * a seeded shuffle puts 20 % in `heldBack`, never trained or tuned on. The
 * same file always gives the same split. A few short lines are word for word
 * in our own sets ("Give me a refund"): a training-part line that is also in
 * an evaluation set (holdout, development, shared sample) is not trained on,
 * and a held-back line that is also one of our training lines is not counted.
 */
export function publicSplit(file: URL | string = PUBLIC_FILE): { train: SourcedMessage[]; heldBack: SourcedMessage[] } {
  const lines = readLabelled(file);
  const bySource = new Map<string, SourcedMessage[]>();
  for (const line of lines) bySource.set(line.source, [...(bySource.get(line.source) ?? []), line]);
  const random = seededRandom(PUBLIC_SPLIT_SEED);
  const train: SourcedMessage[] = [];
  const heldBack: SourcedMessage[] = [];
  for (const source of [...bySource.keys()].sort()) {
    const group = [...(bySource.get(source) ?? [])];
    for (let i = group.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [group[i], group[j]] = [group[j], group[i]];
    }
    const cut = Math.round(group.length * PUBLIC_HELD_BACK_SHARE);
    heldBack.push(...group.slice(0, cut));
    train.push(...group.slice(cut));
  }
  const key = (line: LabelledMessage) => line.text.trim().toLowerCase();
  const evaluation = new Set([HOLDOUT_FILE, DEV_FILE, DEV_STYLES_FILE, DEV_PHONE_FILE, ...devSetFiles(), ...(existsSync(SAMPLE_FILE) ? [SAMPLE_FILE] : [])].flatMap((f) => readLabelled(f).map(key)));
  const ours = new Set([TRAIN_FILE, TRAIN_LANGUAGES_FILE].flatMap((f) => readLabelled(f).map(key)));
  return { train: train.filter((line) => !evaluation.has(key(line))), heldBack: heldBack.filter((line) => !ours.has(key(line))) };
}
