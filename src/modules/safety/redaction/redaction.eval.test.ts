import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { redact } from './index.ts';

// Evaluation on the shared sample set (not used to write the rules line by line): nothing in must_remove survives, everything in must_keep does.
// The shared samples sit beside the repository (../shared); a checkout elsewhere skips this evaluation.
const SAMPLE = new URL('../../../../../shared/data/pii-sample.jsonl', import.meta.url);
const rows = existsSync(SAMPLE)
  ? readFileSync(SAMPLE, 'utf8')
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { text: string; must_remove: string[]; must_keep: string[] })
  : [];

describe.skipIf(rows.length === 0)('redaction on pii-sample.jsonl', () => {
  it.each(rows.map((row, i) => [i + 1, row] as const))('line %i', (_, row) => {
    const result = redact(row.text);
    for (const secret of row.must_remove) expect(result.text, row.text).not.toContain(secret);
    for (const kept of row.must_keep) expect(result.text, row.text).toContain(kept);
    if (row.must_remove.length === 0) expect(result.findings, row.text).toEqual([]);
    for (const f of result.findings) expect(row.text.slice(f.start, f.end).length).toBeGreaterThan(0);
  });
});
