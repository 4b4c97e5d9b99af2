import { fileURLToPath } from 'node:url';
import { beforeAll, expect, it } from 'vitest';
import type { Catalog } from '../../../billing/index.ts';
import type { AccountSnapshot } from '../../support.ports.ts';
import { readDemoSnapshots, type DemoAccount } from '../testing/demo-snapshots.ts';
import { runDevSet } from '../testing/dev-openings-harness.ts';
import { readOpeningsFile } from './jsonl-openings.ts';

/**
 * Issue 10 point 4: the demo members' openings in dev-sets/*.jsonl, put to
 * the real assistant rules on the demo as seeded on 2026-12-06 (the ledgers
 * of the README's "Demo members"). Figures, floors and how each batch was
 * measured: docs/assistant.md, "Development sets in dev-sets/".
 */
const TODAY = '2026-12-06';
let snapshots: Record<DemoAccount, AccountSnapshot>;
let catalog: Catalog;
beforeAll(async () => {
  ({ snapshots, catalog } = await readDemoSnapshots(TODAY));
}, 120_000);

/** What was reached on each set, less a little: development figures, kept from slipping back. */
const SETS = [['openings-understanding-batch1.jsonl', 0.95], ['openings-understanding-batch2.jsonl', 0.95], ['openings-understanding-batch3.jsonl', 0.95], ['openings-understanding-batch4.jsonl', 0.95]] as const;

it.each(SETS)('answers %s right', (file, floor) => {
  const run = runDevSet(readOpeningsFile(fileURLToPath(new URL(file, import.meta.url))), snapshots, { today: TODAY, catalog });
  const failed = run.results.filter((result) => !result.pass).map((result) => `${result.opening.id}: ${result.turns.flatMap((turn) => turn.failures).join('; ')}`);
  console.log(`${file}: ${run.results.length - failed.length}/${run.results.length}; first turns ${run.firstTurn.toFixed(3)}; follow-ups ${run.followUps.toFixed(3)}\n${failed.join('\n')}`);
  expect(run.overall).toBeGreaterThanOrEqual(floor);
});
