import { readFileSync } from 'node:fs';
import { redact } from './redact.ts';

/** One line of a development set: what must be gone from the redacted text, and what must still be in it. */
export type DevRow = { text: string; must_remove: string[]; must_keep: string[] };
export type DevScore = { lines: number; secrets: number; removed: number; harmless: number; kept: number; misses: { text: string; secret: string }[]; losses: { text: string; kept: string; out: string }[] };

export function readDevSet(file: URL): DevRow[] {
  return readFileSync(file, 'utf8').trim().split('\n').map((line) => JSON.parse(line) as DevRow);
}

/** A secret counts as removed when the redacted text no longer contains it; a harmless figure as kept when it still does. */
export function scoreDevSet(rows: readonly DevRow[]): DevScore {
  const score: DevScore = { lines: rows.length, secrets: 0, removed: 0, harmless: 0, kept: 0, misses: [], losses: [] };
  for (const row of rows) {
    const out = redact(row.text).text;
    for (const secret of row.must_remove) {
      score.secrets += 1;
      if (out.includes(secret)) score.misses.push({ text: row.text, secret });
      else score.removed += 1;
    }
    for (const kept of row.must_keep) {
      score.harmless += 1;
      if (out.includes(kept)) score.kept += 1;
      else score.losses.push({ text: row.text, kept, out });
    }
  }
  return score;
}
