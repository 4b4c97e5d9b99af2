import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { scanMessage } from './scan-message.ts';
import type { ScanInput } from './scan.types.ts';

/**
 * The development sets (data/phishing-dev.jsonl, tuned on; data/phishing-check.jsonl,
 * measured once before tuning: 28/31 phish flagged, 0/23 genuine flagged;
 * data/phishing-check2.jsonl, measured once: 25/25 and 3/21; data/phishing-check3.jsonl,
 * measured once: 15/16 and 1/19; data/phishing-check4.jsonl, measured once: 16/18 and 0/18;
 * data/phishing-check5.jsonl, measured once: 12/12 and 0/12; data/phishing-check6-genuine.jsonl,
 * 65 genuine, measured once: 25/65 flagged; data/phishing-check7-phish.jsonl, 60 phish,
 * measured once: 51/60 flagged; data/phishing-check8.jsonl, written after those fixes,
 * measured once: 18/20 and 0/20) and
 * the shared sample. They guard against regressions; they are not the goal's
 * evidence, which only a set nobody here has seen can give (docs/safety.md).
 */
const brand = { name: 'Reelhouse', domains: ['reelhouse.example'] };
type Row = ScanInput & { label: 'phish' | 'legit' };

function read(url: URL): Row[] {
  return readFileSync(url, 'utf8').split('\n').filter(Boolean).map((line) => JSON.parse(line) as Row);
}

function rates(rows: Row[]) {
  const phish = rows.filter((row) => row.label === 'phish');
  const legit = rows.filter((row) => row.label === 'legit');
  const flagged = (row: Row) => scanMessage(row, brand).verdict !== 'legit';
  return { phishFlagged: phish.filter(flagged).length / phish.length, genuineFlagged: legit.filter(flagged).length / legit.length, missed: phish.filter((row) => !flagged(row)).map((row) => row.body.slice(0, 60)), wronglyFlagged: legit.filter(flagged).map((row) => row.body.slice(0, 60)) };
}

const sample = new URL('../../../../../shared/data/phishing-sample.jsonl', import.meta.url);

describe('phishing scan on the development sets', () => {
  it('flags at least 97 % of phish and at most 2 % of genuine messages across the dev and check sets (443 messages, 9 languages)', () => {
    const rows = ['phishing-dev', 'phishing-check', 'phishing-check2', 'phishing-check3', 'phishing-check4', 'phishing-check5', 'phishing-check6-genuine', 'phishing-check7-phish', 'phishing-check8']
      .flatMap((name) => read(new URL(`./data/${name}.jsonl`, import.meta.url)));
    expect(rows.length).toBeGreaterThanOrEqual(443);
    const result = rates(rows);
    expect(result.missed).toEqual([]);
    // The one left: a friend's French mail naming the brand with a YouTube link (check6-genuine), see docs/safety.md.
    expect(result.wronglyFlagged).toEqual(['Salut ! Tu as vu la bande-annonce ? https://www.youtube.com/']);
    expect(result.phishFlagged).toBeGreaterThanOrEqual(0.97);
    expect(result.genuineFlagged).toBeLessThanOrEqual(0.02);
  });

  it.skipIf(!existsSync(sample))('flags every phish of the shared sample and none of its genuine messages', () => {
    expect(rates(read(sample))).toMatchObject({ phishFlagged: 1, genuineFlagged: 0 });
  });
});
