import { readFileSync } from 'node:fs';
import { isIntent } from './intents.ts';
import type { LabelledMessage } from './evaluate.ts';

export const TRAIN_FILE = new URL('./data/train.jsonl', import.meta.url);
export const HOLDOUT_FILE = new URL('./data/holdout.jsonl', import.meta.url);
/** The shared evaluation sample (never trained on). */
export const SAMPLE_FILE = new URL('../../../../shared/data/intents-sample.jsonl', import.meta.url);

/** `{"text","intent"}` lines; throws naming the line that is not one. */
export function readLabelled(file: URL | string): LabelledMessage[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .map((line, i) => [line.trim(), i + 1] as const)
    .filter(([line]) => line !== '')
    .map(([line, number]) => {
      const row = JSON.parse(line) as { text?: unknown; intent?: unknown };
      if (typeof row.text !== 'string' || typeof row.intent !== 'string' || !isIntent(row.intent)) throw new Error(`${String(file)} line ${number}: expected {"text","intent"} with a known intent`);
      return { text: row.text, intent: row.intent };
    });
}
